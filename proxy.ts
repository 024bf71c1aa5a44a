import { NextResponse, type NextRequest } from "next/server";
import { defaultLocale, isLocale, LOCALE_COOKIE } from "@/lib/i18n";
import { cacheKey, cachedPage, clearPageCache } from "@/lib/page-cache";

// Sets a fresh nonce-based Content-Security-Policy on every page, and answers visitors who are
// not signed in from the page cache (lib/page-cache.ts). This is not an authorization check:
// pages, actions and route handlers each check who may see or do what.
export async function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const dev = process.env.NODE_ENV === "development";
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // Inline style attributes (e.g. progress bar widths) carry no script.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");

  if (request.method === "POST") clearPageCache();
  const stored = request.cookies.get(LOCALE_COOKIE)?.value;
  const locale = isLocale(stored) ? stored : defaultLocale;
  const key = cacheKey(request, locale);
  if (key) {
    const { pathname, search } = request.nextUrl;
    const self = `http://127.0.0.1:${process.env.PORT || request.nextUrl.port || "3000"}${pathname}${search}`;
    const cached = await cachedPage(key, self, locale, nonce, csp);
    if (cached) return cached;
  }

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  // Layouts that guard a whole area send visitors to sign in with the page they asked for.
  requestHeaders.set("x-pathname", request.nextUrl.pathname + request.nextUrl.search);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  matcher: [
    {
      source: "/((?!_next/static|_next/image|favicon.ico).*)",
      // Not for the router's own requests (prefetches, navigations inside the portal, which ask
      // for the React Server Components payload, and server actions called from a page): they are
      // not documents, so a CSP and its nonce mean nothing there, and they are never served from
      // the page cache. An action empties the page cache itself (defineAction).
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
        { type: "header", key: "rsc" },
        { type: "header", key: "next-action" },
      ],
    },
  ],
};
