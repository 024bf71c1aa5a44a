// A micro-cache of whole public pages for visitors who are not signed in, kept by proxy.ts.
//
// The busiest pages (an event or a drive being shared around) are rendered for every request,
// which costs milliseconds of one core each. Visitors without a session see the same page in
// the same language, so the proxy keeps each such page for PAGE_CACHE_TTL_MS and answers
// from that copy, with the copy's CSP nonce swapped for the new response's own.
//
// - Only GET requests for the paths below, without a session cookie and not from the router
//   (RSC payloads, server actions, prefetches), in the language of the NEXT_LOCALE cookie.
// - A copy is made by requesting the page again from this server with FILL_HEADER, which the
//   proxy lets through to the renderer; concurrent misses share one such request.
// - Only complete 200 HTML answers without Set-Cookie are kept.
// - Any change through this server empties the cache, so it shows on the next view: a server
//   action that succeeds (defineAction) and any other POST (the proxy). A change made through
//   another instance shows within PAGE_CACHE_TTL_MS.

import { SESSION_COOKIE } from "@/lib/auth/cookie-name";

export const PAGE_CACHE_TTL_MS = 500;
export const FILL_HEADER = "x-shuxiang-page-fill";
const MAX_ENTRIES = 500;

/** Public pages whose content is the same for every visitor who is not signed in. */
const CACHEABLE = [/^\/$/, /^\/events$/, /^\/events\/[\w-]+$/, /^\/drives$/, /^\/drives\/[\w-]+$/];

type Copy = { at: number; status: number; headers: [string, string][]; body: string; nonce: string };

// On globalThis: the proxy and the pages are bundled apart, each with its own copy of this
// module, and the actions that empty the cache run with the pages.
type Store = { copies: Map<string, Copy>; filling: Map<string, Promise<Copy | null>> };
const g = globalThis as unknown as { __shuxiangPageCache?: Store };
const { copies, filling }: Store = (g.__shuxiangPageCache ??= { copies: new Map(), filling: new Map() });

const SESSION = new RegExp(`(^|;\\s*)(__Secure-)?${SESSION_COOKIE.replaceAll(".", "\\.")}`);
const SKIPPED_HEADERS = new Set(["set-cookie", "content-length", "content-encoding", "transfer-encoding", "connection", "keep-alive", "date", "content-security-policy"]);

/** The key of a request the cache may answer, or null. */
export function cacheKey(request: Request, locale: string): string | null {
  if (request.method !== "GET") return null;
  const url = new URL(request.url);
  if (!CACHEABLE.some((p) => p.test(url.pathname)) || url.search.length > 200 || url.searchParams.has("_rsc")) return null;
  const h = request.headers;
  if (h.has(FILL_HEADER) || h.has("rsc") || h.has("next-action") || h.has("next-router-state-tree") || SESSION.test(h.get("cookie") ?? "")) return null;
  return `${locale} ${url.pathname}${url.search}`;
}

/** Everything kept goes: something may have changed. */
export function clearPageCache() {
  copies.clear();
}

async function fill(key: string, url: string, locale: string): Promise<Copy | null> {
  const res = await fetch(url, { headers: { [FILL_HEADER]: "1", cookie: `NEXT_LOCALE=${locale}` }, redirect: "manual", cache: "no-store" });
  const body = await res.text();
  const csp = res.headers.get("content-security-policy") ?? "";
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1] ?? "";
  if (res.status !== 200 || !nonce || res.headers.has("set-cookie") || !(res.headers.get("content-type") ?? "").startsWith("text/html")) return null;
  const copy: Copy = { at: Date.now(), status: res.status, headers: [...res.headers].filter(([k]) => !SKIPPED_HEADERS.has(k)), body, nonce };
  if (copies.size >= MAX_ENTRIES) copies.clear();
  copies.set(key, copy);
  return copy;
}

/**
 * The page for `key` from the cache (made now if missing or too old), with `nonce` in place of
 * the copy's own; null when it cannot be cached and the renderer should answer.
 * `selfUrl` is the page's address on this server.
 */
export async function cachedPage(key: string, selfUrl: string, locale: string, nonce: string, csp: string): Promise<Response | null> {
  let copy = copies.get(key);
  if (!copy || Date.now() - copy.at >= PAGE_CACHE_TTL_MS) {
    let pending = filling.get(key);
    if (!pending) {
      pending = fill(key, selfUrl, locale)
        .catch(() => null)
        .finally(() => filling.delete(key));
      filling.set(key, pending);
    }
    copy = (await pending) ?? undefined;
  }
  if (!copy) return null;
  const headers = new Headers(copy.headers.map(([k, v]): [string, string] => [k, v.replaceAll(copy.nonce, nonce)]));
  headers.set("content-security-policy", csp);
  return new Response(copy.body.replaceAll(copy.nonce, nonce), { status: copy.status, headers });
}
