import { describe, expect, it } from "vitest";
import { callbackUrl, magicLinkSchema, newPasswordSchema, pupilSignInSchema } from "./schemas";

const SITE = "https://library.example.test";

/** Where a browser would actually go if sent to `path` from this site. */
const browserHost = (path: string) => new URL(path, SITE).host;

describe("callbackUrl", () => {
  it("keeps paths on this site", () => {
    for (const path of ["/", "/me", "/me/password", "/campaigns?page=2#top", "/admin/outbox?status=failed"]) {
      expect(callbackUrl.parse(path), path).toBe(path);
    }
  });

  it("drops other sites and protocol-relative tricks", () => {
    for (const url of [
      "//evil.com",
      "//evil.com/me",
      "https://evil.com",
      "http://evil.com/me",
      "/\\evil.com",
      "/\\/evil.com",
      "javascript:alert(1)",
      "evil.com",
      "me",
      "",
    ]) {
      expect(callbackUrl.parse(url), JSON.stringify(url)).toBeUndefined();
    }
    expect(callbackUrl.parse(undefined)).toBeUndefined();
  });

  it("the dropped cases really would leave the site (the test's own premise)", () => {
    expect(browserHost("//evil.com")).toBe("evil.com");
    expect(browserHost("/\\evil.com")).toBe("evil.com");
    expect(browserHost("/me")).toBe("library.example.test");
    for (const url of ["/\t/evil.com", "/\n/evil.com", "/\r\n/evil.com"]) expect(browserHost(url), JSON.stringify(url)).toBe("evil.com");
  });

  // KNOWN BUG (reported, not fixed here): browsers strip tabs and newlines from a URL before
  // parsing it, so "/\t/evil.com" is "//evil.com" to them, yet it passes the check in
  // lib/auth/schemas.ts. `test.fails` keeps the suite green while the bug stands and turns red
  // once it is fixed: then make this a normal test.
  it("drops paths that only become protocol-relative once a browser strips tabs/newlines", () => {
    for (const url of ["/\t/evil.com", "/\n/evil.com", "/\r\n/evil.com"]) {
      expect(callbackUrl.parse(url), JSON.stringify(url)).toBeUndefined();
    }
  });
});

describe("magicLinkSchema", () => {
  it("trims and lower-cases the email", () => {
    expect(magicLinkSchema.parse({ email: "  Teacher.Wang@Example.TEST \n" })).toEqual({
      email: "teacher.wang@example.test",
      callbackUrl: undefined,
    });
  });

  it("keeps a same-site callbackUrl and drops another site's", () => {
    expect(magicLinkSchema.parse({ email: "a@example.test", callbackUrl: "/school" }).callbackUrl).toBe("/school");
    expect(magicLinkSchema.parse({ email: "a@example.test", callbackUrl: "//evil.com" }).callbackUrl).toBeUndefined();
  });

  it("rejects a missing, blank or malformed email", () => {
    for (const email of [undefined, "", "   ", "not-an-email", "a@", "@example.test"]) {
      const r = magicLinkSchema.safeParse({ email });
      expect(r.success, JSON.stringify(email)).toBe(false);
      expect(r.error!.issues[0]!.path).toEqual(["email"]);
    }
  });
});

describe("pupilSignInSchema", () => {
  it("trims the username but leaves the password exactly as typed", () => {
    expect(pupilSignInSchema.parse({ username: "  Pupil01 ", password: " secret " })).toEqual({
      username: "Pupil01",
      password: " secret ",
      callbackUrl: undefined,
    });
  });
});

describe("newPasswordSchema", () => {
  it("accepts two matching passwords of 8+ characters", () => {
    expect(newPasswordSchema.parse({ password: "longenough", confirm: "longenough" })).toEqual({
      password: "longenough",
      confirm: "longenough",
    });
  });

  it("puts a mismatch on `confirm` with the message key auth.passwordMismatch", () => {
    const r = newPasswordSchema.safeParse({ password: "longenough", confirm: "longenougH" });
    expect(r.success).toBe(false);
    expect(r.error!.issues).toHaveLength(1);
    expect(r.error!.issues[0]).toMatchObject({ path: ["confirm"], message: "auth.passwordMismatch", code: "custom" });
  });

  it("reports a too-short password on `password`, with its minimum", () => {
    const r = newPasswordSchema.safeParse({ password: "short", confirm: "short" });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]).toMatchObject({ path: ["password"], code: "too_small", minimum: 8 });
  });
});
