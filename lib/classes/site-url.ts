import "server-only";
import { headers } from "next/headers";

/**
 * The portal's address for links that leave the browser (emails, printed slips): AUTH_URL when
 * set, as in production; otherwise the address this request came to.
 */
export async function siteOrigin(): Promise<string> {
  const configured = process.env.AUTH_URL;
  if (configured) return new URL(configured).origin;
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000";
  const proto = h.get("x-forwarded-proto") ?? (/^(localhost|127\.0\.0\.1)(:|$)/.test(host) ? "http" : "https");
  return `${proto}://${host}`;
}
