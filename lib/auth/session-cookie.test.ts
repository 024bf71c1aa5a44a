import { encode } from "next-auth/jwt";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { sessionUserId } from "./config";

// sessionUserId reads the Auth.js session cookie itself (lib/auth/config.ts); these are the
// cookies Auth.js writes, minted with its own `encode`.
const jar = new Map<string, string>();
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined),
    getAll: () => [...jar].map(([name, value]) => ({ name, value })),
  }),
}));

const NAME = "authjs.session-token";
const mint = (sub: string, opts: { secret?: string; salt?: string; maxAge?: number } = {}) =>
  encode({ token: { sub }, secret: opts.secret ?? "test-secret", salt: opts.salt ?? NAME, maxAge: opts.maxAge ?? 3600 });

beforeEach(() => {
  jar.clear();
  vi.stubEnv("AUTH_SECRET", "test-secret");
});
afterEach(() => vi.unstubAllEnvs());

describe("sessionUserId", () => {
  it("names the user of a valid cookie, and nobody without one", async () => {
    expect(await sessionUserId()).toBeNull();
    jar.set(NAME, await mint("user-1"));
    expect(await sessionUserId()).toBe("user-1");
  });

  it("refuses a cookie made with another secret, an altered one and an expired one", async () => {
    jar.set(NAME, await mint("user-1", { secret: "someone-else" }));
    expect(await sessionUserId()).toBeNull();
    const good = await mint("user-1");
    jar.set(NAME, good.slice(0, -4) + (good.endsWith("AAAA") ? "BBBB" : "AAAA"));
    expect(await sessionUserId()).toBeNull();
    jar.set(NAME, await mint("user-1", { maxAge: -60 }));
    expect(await sessionUserId()).toBeNull();
  });

  it("stops naming the user when the cookie expires, also after reading it before", async () => {
    jar.set(NAME, await mint("user-5", { maxAge: 60 }));
    expect(await sessionUserId()).toBe("user-5");
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + 2 * 60_000 });
    try {
      expect(await sessionUserId()).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  it("refuses a token moved to a cookie it was not made for", async () => {
    jar.set(`__Secure-${NAME}`, await mint("user-1"));
    expect(await sessionUserId()).toBeNull();
  });

  it("reads the HTTPS cookie, cookies split into chunks, and a rotated secret", async () => {
    jar.set(`__Secure-${NAME}`, await mint("user-2", { salt: `__Secure-${NAME}` }));
    expect(await sessionUserId()).toBe("user-2");

    jar.clear();
    const token = await mint("user-3");
    const third = Math.ceil(token.length / 3);
    // Set out of order: the chunks are joined by their number.
    jar.set(`${NAME}.2`, token.slice(2 * third));
    jar.set(`${NAME}.0`, token.slice(0, third));
    jar.set(`${NAME}.1`, token.slice(third, 2 * third));
    expect(await sessionUserId()).toBe("user-3");

    jar.clear();
    vi.stubEnv("AUTH_SECRET_1", "old-secret");
    jar.set(NAME, await mint("user-4", { secret: "old-secret" }));
    expect(await sessionUserId()).toBe("user-4");
  });
});
