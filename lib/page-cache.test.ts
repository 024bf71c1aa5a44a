import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { cacheKey, cachedPage, clearPageCache, FILL_HEADER, PAGE_CACHE_TTL_MS } from "./page-cache";

// The page cache against a real HTTP server standing in for the renderer: it counts the pages
// it renders and puts a fresh nonce in each, as the app does.

let server: Server;
let base = "";
let rendered = 0;
let answer: { status: number; cookie?: boolean } = { status: 200 };

beforeAll(async () => {
  server = createServer((req, res) => {
    rendered++;
    const nonce = `n${rendered}x`.padEnd(12, "0");
    const headers: Record<string, string> = {
      "content-type": "text/html; charset=utf-8",
      "content-security-policy": `script-src 'nonce-${nonce}'`,
      link: `</a.css>; rel=preload; nonce="${nonce}"`,
      "x-fill": req.headers[FILL_HEADER] === "1" ? "yes" : "no",
      "x-locale-cookie": String(req.headers.cookie),
    };
    if (answer.cookie) headers["set-cookie"] = "a=b";
    res.writeHead(answer.status, headers);
    res.end(`<html><script nonce="${nonce}"></script><p>page ${rendered}</p></html>`);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => server.close());
beforeEach(() => {
  clearPageCache();
  rendered = 0;
  answer = { status: 200 };
});

const get = (path: string, headers: Record<string, string> = {}) => new Request(`${base}${path}`, { headers });
const page = (key: string, nonce = "fresh-nonce-1") => cachedPage(key, `${base}/drives/a`, "zh-CN", nonce, `script-src 'nonce-${nonce}'`);

describe("which requests the cache answers", () => {
  it("public pages for visitors, in their language; not the signed-in, the router, actions or other pages", () => {
    expect(cacheKey(get("/drives/dongwantuo-2026"), "en")).toBe("en /drives/dongwantuo-2026");
    expect(cacheKey(get("/events?kind=lecture"), "zh-CN")).toBe("zh-CN /events?kind=lecture");
    expect(cacheKey(get("/"), "zh-CN")).toBe("zh-CN /");
    expect(cacheKey(get("/drives/a", { cookie: "NEXT_LOCALE=en; authjs.session-token=xyz" }), "en")).toBeNull();
    expect(cacheKey(get("/drives/a", { cookie: "__Secure-authjs.session-token.0=xyz" }), "en")).toBeNull();
    expect(cacheKey(get("/drives/a", { rsc: "1" }), "en")).toBeNull();
    expect(cacheKey(get("/drives/a?_rsc=abc"), "en")).toBeNull();
    expect(cacheKey(get("/drives/a", { [FILL_HEADER]: "1" }), "en")).toBeNull();
    expect(cacheKey(new Request(`${base}/drives/a`, { method: "POST", headers: { "next-action": "x" } }), "en")).toBeNull();
    for (const path of ["/admin/drives", "/me", "/pledges/abc", "/bookings/abc", "/drives/a/b", "/campaigns"]) expect(cacheKey(get(path), "en")).toBeNull();
  });
});

describe("answering from the cache", () => {
  it("is one cache for every copy of this module (the proxy and the pages are bundled apart)", async () => {
    await page("zh-CN /drives/a");
    vi.resetModules();
    const other = await import("./page-cache");
    other.clearPageCache();
    await page("zh-CN /drives/a");
    expect(rendered).toBe(2);
  });

  it("renders once for many visitors at once, each answer with its own nonce in body and headers", async () => {
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => page("zh-CN /drives/a", `visitor-nonce-${i}`)));
    expect(rendered).toBe(1);
    for (const [i, res] of answers.entries()) {
      const body = await res!.text();
      expect(body).toContain(`<script nonce="visitor-nonce-${i}">`);
      expect(body).not.toContain("n1x");
      expect(res!.headers.get("content-security-policy")).toBe(`script-src 'nonce-visitor-nonce-${i}'`);
      expect(res!.headers.get("link")).toContain(`nonce="visitor-nonce-${i}"`);
      expect(res!.headers.get("x-fill")).toBe("yes");
      expect(res!.headers.get("x-locale-cookie")).toBe("NEXT_LOCALE=zh-CN");
    }
  });

  it("renders again once the copy is older than the TTL, or after a change emptied the cache", async () => {
    expect(await (await page("k"))!.text()).toContain("page 1");
    expect(await (await page("k"))!.text()).toContain("page 1");
    clearPageCache();
    expect(await (await page("k"))!.text()).toContain("page 2");
    await new Promise((r) => setTimeout(r, PAGE_CACHE_TTL_MS + 50));
    expect(await (await page("k"))!.text()).toContain("page 3");
  });

  it("keeps no error page and no answer that sets a cookie: the renderer answers those itself", async () => {
    answer = { status: 404 };
    expect(await page("k")).toBeNull();
    answer = { status: 200, cookie: true };
    expect(await page("k")).toBeNull();
    answer = { status: 200 };
    expect(await page("k")).not.toBeNull();
    expect(rendered).toBe(3);
  });
});
