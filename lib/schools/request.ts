import "server-only";
import { headers } from "next/headers";

/**
 * The site's origin for links in emails, which must be absolute. AUTH_URL when configured (the
 * public address behind a proxy), else the address this request came in on.
 */
export async function siteOrigin(): Promise<string> {
  if (process.env.AUTH_URL) return new URL(process.env.AUTH_URL).origin;
  const h = await headers();
  const host = h.get("x-forwarded-host")?.split(",")[0]?.trim() || h.get("host") || "localhost:3000";
  const proto = h.get("x-forwarded-proto")?.split(",")[0]?.trim() || (/^(localhost|127\.)/.test(host) ? "http" : "https");
  return `${proto}://${host}`;
}

/**
 * The client's address for per-address rate limits: the last entry of X-Forwarded-For, the one
 * the nearest proxy added (nginx's `$proxy_add_x_forwarded_for`), or Next's own record of the
 * connection when no proxy sent one. Entries before it come from the client and prove nothing:
 * taking the first let anyone reset their limits by sending a made-up address.
 */
export async function clientIp(): Promise<string> {
  const h = await headers();
  const hops = (h.get("x-forwarded-for") ?? "").split(",").map((hop) => hop.trim());
  return hops.at(-1) || h.get("x-real-ip")?.trim() || "unknown";
}
