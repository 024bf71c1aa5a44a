import NextLink from "next/link";
import type { ComponentProps } from "react";

/**
 * next/link without prefetching, for every link in the portal. All pages here are rendered per
 * request (sessions, languages, live figures) and none has a loading.js, so a prefetch brings only
 * a route's outline and metadata — two requests per link in view, 3–5 ms of the server each —
 * and following the link still asks the server for the page. The judge's queue alone (50 links)
 * cost more server time in prefetches than the page itself. A link can still ask for `prefetch`.
 */
export function Link(props: ComponentProps<typeof NextLink>) {
  return <NextLink prefetch={false} {...props} />;
}
