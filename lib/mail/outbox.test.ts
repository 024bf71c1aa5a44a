import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, test, vi } from "vitest";
import { getDb } from "@/db/client";
import { librarySettings } from "@/db/schema/library";
import { outbox } from "@/db/schema/mail";
import en from "@/messages/en.json";
import zhCN from "@/messages/zh-CN.json";
import { countOutboxByStatus, enqueueMail, getMailboxMessage, listMailbox, listOutbox, retryOutboxMessage, type NewMail } from "./outbox";
import { forgetLibraryName, sendMagicLink } from "./send";
import { drainOutbox, startMailTimer } from "./sender";
import { devMailboxTransport, getTransport, isDevMailboxEnabled, parseRetryAfter } from "./transports";

// Every test makes its own rows (unique kind or address): on PostgreSQL other files share the table.

const newKind = () => `test-${randomBytes(5).toString("hex")}`;
const mail = (kind: string, over: Partial<NewMail> = {}): NewMail => ({
  kind,
  entityId: 1,
  to: `${kind}@example.test`,
  locale: "zh-CN",
  subject: "主题",
  html: "<p>正文</p>",
  text: "正文",
  ...over,
});
const rowsOf = (kind: string) => getDb().select().from(outbox).where(eq(outbox.kind, kind)).orderBy(outbox.id);

class Rollback extends Error {}

describe("enqueueMail", () => {
  test("queues once per idempotency key and says whether the row is new", async () => {
    const kind = newKind();
    expect(await enqueueMail(getDb(), mail(kind))).toBe(true);
    expect(await enqueueMail(getDb(), mail(kind, { subject: "another" }))).toBe(false);
    expect(await enqueueMail(getDb(), mail(kind, { entityId: 2 }))).toBe(true);
    const rows = await rowsOf(kind);
    expect(rows.map((r) => r.idempotencyKey)).toEqual([`${kind}/1`, `${kind}/2`]);
    expect(rows[0]).toMatchObject({ status: "pending", attempts: 0, subject: "主题", toAddress: `${kind}@example.test` });
  });

  test("inside a transaction that rolls back it leaves no row", async () => {
    const kind = newKind();
    await expect(
      getDb().transaction(async (tx) => {
        expect(await enqueueMail(tx, mail(kind))).toBe(true);
        // Visible inside the transaction, like the booking it would confirm.
        expect(await tx.select().from(outbox).where(eq(outbox.kind, kind))).toHaveLength(1);
        throw new Rollback();
      }),
    ).rejects.toBeInstanceOf(Rollback);
    expect(await rowsOf(kind)).toHaveLength(0);
  });

  test("inside a transaction that commits the row is there", async () => {
    const kind = newKind();
    await getDb().transaction(async (tx) => {
      await enqueueMail(tx, mail(kind));
    });
    expect(await rowsOf(kind)).toHaveLength(1);
  });

  test("refuses an empty or multi-line address", async () => {
    await expect(enqueueMail(getDb(), mail(newKind(), { to: "  " }))).rejects.toThrow(/recipient/);
    await expect(enqueueMail(getDb(), mail(newKind(), { to: "a@x.test\r\nBcc: b@x.test" }))).rejects.toThrow(/recipient/);
  });

  test("mail held with sendAfter waits; due mail goes to the dev mailbox", async () => {
    const kind = newKind();
    await enqueueMail(getDb(), mail(kind, { entityId: "later", sendAfter: new Date(Date.now() + 3_600_000) }));
    await enqueueMail(getDb(), mail(kind, { entityId: "now" }));
    expect(await drainOutbox({ transport: devMailboxTransport, onlyKinds: [kind] })).toEqual({ sent: 1, retried: 0, failed: 0 });
    const rows = await rowsOf(kind);
    expect(rows.map((r) => [r.idempotencyKey, r.status])).toEqual([
      [`${kind}/later`, "pending"],
      [`${kind}/now`, "sent"],
    ]);
    expect(rows[1]!.providerId).toBe(`dev-mailbox/${rows[1]!.id}`);
  });
});

describe("sendMagicLink", () => {
  const url = "http://localhost:3000/api/auth/callback/resend?token=secret-token-123&email=a%40b.test";

  test("renders the template in the reader's language and queues it once per token", async () => {
    const to = `${newKind()}@example.test`;
    expect(await sendMagicLink(getDb(), { to, url, locale: "zh-CN", tokenId: `tok-${to}` })).toBe(true);
    expect(await sendMagicLink(getDb(), { to, url, locale: "zh-CN", tokenId: `tok-${to}` })).toBe(false);
    expect(await sendMagicLink(getDb(), { to, url, locale: "en", tokenId: `tok2-${to}` })).toBe(true);
    const rows = await getDb().select().from(outbox).where(eq(outbox.toAddress, to)).orderBy(outbox.id);
    expect(rows).toHaveLength(2);
    const [zh, english] = rows;

    expect(zh).toMatchObject({ kind: "magic-link", locale: "zh-CN", subject: zhCN.emails.magicLink.subject });
    expect(english).toMatchObject({ kind: "magic-link", locale: "en", subject: en.emails.magicLink.subject });
    // The key is a digest of the token, never the token itself.
    expect(zh!.idempotencyKey).toMatch(/^magic-link\/[0-9a-f]{32}$/);
    expect(zh!.idempotencyKey).not.toContain("tok-");

    const escapedUrl = url.replaceAll("&", "&amp;");
    for (const [row, m] of [[zh!, zhCN.emails.magicLink], [english!, en.emails.magicLink]] as const) {
      for (const text of [m.heading, m.body, m.button, m.fallback, m.ignore]) expect(row.html).toContain(text);
      expect(row.html).toContain(`href="${escapedUrl}"`);
      expect(row.html).toContain("#1f5f4a");
      expect(row.html).toContain("PingFang SC");
      expect(row.text).toContain(url);
      expect(row.text).toContain(m.body);
      expect(row.html).not.toContain("magicLink."); // no untranslated keys
    }
    expect(english!.html).toContain('lang="en"');
  });

  test("the HTML loads nothing from outside", async () => {
    const to = `${newKind()}@example.test`;
    await sendMagicLink(getDb(), { to, url, locale: "zh-CN", tokenId: to });
    const [row] = await getDb().select().from(outbox).where(eq(outbox.toAddress, to));
    const html = row!.html;
    expect(html).not.toMatch(/<img|<link|<script|<iframe|@import|url\(|\ssrc=/i);
    // The only absolute URLs are the sign-in link (twice) and the XHTML doctype's identifier.
    const urls = [...html.matchAll(/https?:\/\/[^"'\s<>)]+/g)].map((m) => m[0]);
    expect(urls.filter((u) => !u.startsWith("http://localhost:3000/") && !u.startsWith("http://www.w3.org/TR/xhtml1"))).toEqual([]);
  });

  test("uses the library's name from library_settings, read in the caller's transaction, with a fallback", async () => {
    const to = `${newKind()}@example.test`;
    const name = `测试图书馆${randomBytes(3).toString("hex")}`;
    const check = async (tokenId: string, expected: string[], setup: (tx: Parameters<Parameters<ReturnType<typeof getDb>["transaction"]>[0]>[0]) => Promise<unknown>) => {
      await expect(
        getDb().transaction(async (tx) => {
          await setup(tx);
          // The name is kept a few seconds; the settings page clears it on a change, as this does.
          forgetLibraryName();
          await sendMagicLink(tx, { to, url, locale: "zh-CN", tokenId });
          await sendMagicLink(tx, { to, url, locale: "en", tokenId: `${tokenId}-en` });
          const rows = await tx.select().from(outbox).where(eq(outbox.toAddress, to)).orderBy(outbox.id);
          expect(rows.map((r) => r.html.includes(expected[r.locale === "en" ? 1 : 0]!))).toEqual([true, true]);
          throw new Rollback(); // leave the shared settings row as it was
        }),
      ).rejects.toBeInstanceOf(Rollback);
      forgetLibraryName();
    };
    const values = { nameZh: name, nameEn: `${name} Library`, addressZh: "", addressEn: "", hoursZh: "", hoursEn: "" };
    await check("with-name", [name, `${name} Library`], (tx) =>
      tx.insert(librarySettings).values({ id: 1, ...values }).onConflictDoUpdate({ target: librarySettings.id, set: values }),
    );
    await check("fallback", ["书香", "Shuxiang"], (tx) => tx.delete(librarySettings).where(eq(librarySettings.id, 1)));
  });
});

describe("staff and dev mailbox queries", () => {
  test("listOutbox filters, pages and omits the bodies; countOutboxByStatus counts every status", async () => {
    const kind = newKind();
    for (let i = 0; i < 5; i++) await enqueueMail(getDb(), mail(kind, { entityId: i }));
    const [first] = await rowsOf(kind);
    await getDb().update(outbox).set({ status: "failed", lastError: "boom" }).where(eq(outbox.id, first!.id));

    const page1 = await listOutbox({ kind, page: 1, pageSize: 2 });
    const page3 = await listOutbox({ kind, page: 3, pageSize: 2 });
    expect(page1.total).toBe(5);
    expect(page1.rows.map((r) => r.idempotencyKey)).toEqual([`${kind}/4`, `${kind}/3`]);
    expect(page3.rows.map((r) => r.idempotencyKey)).toEqual([`${kind}/0`]);
    expect(page1.rows[0]).not.toHaveProperty("html");
    expect(page1.rows[0]).not.toHaveProperty("text");

    const failed = await listOutbox({ kind, status: "failed", page: 1, pageSize: 10 });
    expect(failed).toMatchObject({ total: 1, rows: [{ id: first!.id, lastError: "boom" }] });
    const anyFailed = await listOutbox({ status: "failed", page: 1, pageSize: 50 });
    expect(anyFailed.rows.every((r) => r.status === "failed")).toBe(true);

    const counts = await countOutboxByStatus();
    expect(Object.keys(counts).sort()).toEqual(["failed", "pending", "sending", "sent"]);
    expect(counts.pending).toBeGreaterThanOrEqual(4);
    expect(counts.failed).toBeGreaterThanOrEqual(1);
  });

  test("retryOutboxMessage moves only failed rows back to pending", async () => {
    const kind = newKind();
    await enqueueMail(getDb(), mail(kind));
    const [row] = await rowsOf(kind);
    expect(await retryOutboxMessage(row!.id)).toBe(false);
    await getDb().update(outbox).set({ status: "failed", attempts: 8, sendAfter: new Date(Date.now() + 86_400_000) }).where(eq(outbox.id, row!.id));
    expect(await retryOutboxMessage(row!.id)).toBe(true);
    const [back] = await rowsOf(kind);
    expect(back).toMatchObject({ status: "pending", attempts: 0 });
    expect(back!.sendAfter.getTime()).toBeLessThanOrEqual(Date.now() + 1000);
    expect(await retryOutboxMessage(row!.id)).toBe(false);
  });

  test("listMailbox and getMailboxMessage show a recipient's mail with bodies", async () => {
    const kind = newKind();
    await enqueueMail(getDb(), mail(kind, { entityId: "a" }));
    await enqueueMail(getDb(), mail(kind, { entityId: "b", html: "<p>second</p>" }));
    const box = await listMailbox({ page: 1, pageSize: 10, to: `${kind}@example.test` });
    expect(box.total).toBe(2);
    expect(box.rows.map((r) => r.idempotencyKey)).toEqual([`${kind}/b`, `${kind}/a`]);
    const message = await getMailboxMessage(box.rows[0]!.id);
    expect(message).toMatchObject({ html: "<p>second</p>", text: "正文", toAddress: `${kind}@example.test` });
    expect(await getMailboxMessage(2_000_000_000)).toBeNull();
  });
});

describe("transport choice and the timer", () => {
  test("RESEND_API_KEY selects Resend; DEV_MAILBOX decides the mailbox page", () => {
    const cases: [Record<string, string | undefined>, string, boolean][] = [
      [{ NODE_ENV: "development", RESEND_API_KEY: undefined, DEV_MAILBOX: undefined }, "dev-mailbox", true],
      [{ NODE_ENV: "production", RESEND_API_KEY: undefined, DEV_MAILBOX: undefined }, "dev-mailbox", false],
      [{ NODE_ENV: "production", RESEND_API_KEY: undefined, DEV_MAILBOX: "1" }, "dev-mailbox", true],
      [{ NODE_ENV: "development", RESEND_API_KEY: "re_x", DEV_MAILBOX: undefined }, "resend", false],
      [{ NODE_ENV: "production", RESEND_API_KEY: "re_x", DEV_MAILBOX: "true" }, "resend", true],
      [{ NODE_ENV: "development", RESEND_API_KEY: undefined, DEV_MAILBOX: "false" }, "dev-mailbox", false],
    ];
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    try {
      for (const [env, transport, mailbox] of cases) {
        for (const [k, v] of Object.entries(env)) vi.stubEnv(k, v);
        expect([getTransport().name, isDevMailboxEnabled()], JSON.stringify(env)).toEqual([transport, mailbox]);
      }
    } finally {
      vi.unstubAllEnvs();
      warn.mockRestore();
    }
  });

  test("retry-after is read as seconds or as an HTTP date", () => {
    const now = Date.parse("2026-03-01T00:00:00Z");
    expect(parseRetryAfter("2", now)).toBe(2000);
    expect(parseRetryAfter("0.5", now)).toBe(500);
    expect(parseRetryAfter("Sun, 01 Mar 2026 00:00:03 GMT", now)).toBe(3000);
    expect(parseRetryAfter("soon", now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });

  test("startMailTimer starts one timer per process", () => {
    const g = globalThis as { __shuxiangMailTimer?: unknown };
    const stop = startMailTimer(3_600_000);
    const timer = g.__shuxiangMailTimer;
    expect(timer).toBeDefined();
    startMailTimer(3_600_000);
    expect(g.__shuxiangMailTimer).toBe(timer);
    stop();
    expect(g.__shuxiangMailTimer).toBeUndefined();
  });
});
