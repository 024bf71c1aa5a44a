import { randomBytes } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { getDb } from "@/db/client";
import { mailPacer, outbox, type OutboxMessage } from "@/db/schema/mail";
import { startFakeResend, type FakeResend } from "@/test/fake-resend";
import { enqueueMail, retryOutboxMessage } from "./outbox";
import { drainOutbox, type DrainOptions } from "./sender";
import { resendTransport, type MailTransport } from "./transports";

// The real Resend SDK against a fake API. Every test uses its own `kind` and drains only that
// kind, because on PostgreSQL all test files share one database.
// This file pins the one-message-per-request path (what a single due message, a refused batch's
// messages and transports without batches take): the transport here has its batch call removed.
// batch.test.ts covers batches.

let fake: FakeResend;
let resend: MailTransport;

beforeAll(async () => {
  fake = await startFakeResend();
  resend = { ...resendTransport("re_test_key", fake.url), sendBatch: undefined };
});
afterAll(() => fake.close());

const newKind = () => `test-${randomBytes(5).toString("hex")}`;

async function enqueue(kind: string, n = 1) {
  for (let i = 0; i < n; i++) {
    await enqueueMail(getDb(), {
      kind,
      entityId: i,
      to: `${kind}-${i}@example.test`,
      locale: "zh-CN",
      subject: `主题 ${i}`,
      html: `<p>正文 ${i}</p>`,
      text: `正文 ${i}`,
    });
  }
}

const drain = (kind: string, o: DrainOptions = {}) =>
  drainOutbox({ transport: resend, onlyKinds: [kind], ratePerSecond: 1000, backoffBaseMs: 1, ...o });

const rowsOf = (kind: string) => getDb().select().from(outbox).where(eq(outbox.kind, kind)).orderBy(outbox.id);
const requestsOf = (kind: string) => fake.requests.filter((r) => r.idempotencyKey?.startsWith(`${kind}/`));
const emailsOf = (kind: string) => fake.emails.filter((e) => e.key?.startsWith(`${kind}/`));
const gaps = (times: number[]) => times.slice(1).map((t, i) => t - times[i]!);

describe("drainOutbox with Resend", () => {
  test("a send succeeds and records the provider id", async () => {
    const kind = newKind();
    await enqueue(kind);
    expect(await drain(kind)).toEqual({ sent: 1, retried: 0, failed: 0 });
    const [row] = await rowsOf(kind);
    const email = fake.emailsByKey.get(`${kind}/0`);
    expect(email).toBeDefined();
    expect(row).toMatchObject({ status: "sent", attempts: 1, providerId: email!.id, lastError: null, lockedUntil: null });
    expect(row!.sentAt).toBeInstanceOf(Date);
    expect(email!.body).toMatchObject({ to: `${kind}-0@example.test`, subject: "主题 0", html: "<p>正文 0</p>", text: "正文 0" });
    expect(String(email!.body.from)).toContain("@");
  });

  test("a 500 is retried with backoff, then succeeds; the provider stores one email", async () => {
    const kind = newKind();
    await enqueue(kind);
    fake.script([{ status: 500 }]);
    expect(await drain(kind)).toEqual({ sent: 0, retried: 1, failed: 0 });
    const [after500] = await rowsOf(kind);
    expect(after500).toMatchObject({ status: "pending", attempts: 1 });
    expect(after500!.lastError).toContain("500");
    await sleep(10);
    expect(await drain(kind)).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(requestsOf(kind).map((r) => r.outcome)).toEqual([500, 200]);
    expect(requestsOf(kind).every((r) => r.idempotencyKey === `${kind}/0`)).toBe(true);
    expect(emailsOf(kind)).toHaveLength(1);
    expect((await rowsOf(kind))[0]).toMatchObject({ status: "sent", attempts: 2 });
  });

  test("a request that hangs times out and is retried", async () => {
    const kind = newKind();
    await enqueue(kind);
    fake.script(["hang"]);
    const started = performance.now();
    expect(await drain(kind, { timeoutMs: 300 })).toEqual({ sent: 0, retried: 1, failed: 0 });
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    const [row] = await rowsOf(kind);
    expect(row).toMatchObject({ status: "pending", attempts: 1 });
    expect(row!.lastError).toContain("timed out");
    await sleep(10);
    expect(await drain(kind)).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(requestsOf(kind).map((r) => r.outcome)).toEqual(["hang", 200]);
  });

  test("a 429 pauses every request for retry-after and does not count as a failure", async () => {
    const kind = newKind();
    await enqueue(kind, 2);
    fake.script([{ status: 429, retryAfterSec: 1 }]);
    expect(await drain(kind)).toEqual({ sent: 1, retried: 1, failed: 0 });
    const [limited, second] = await rowsOf(kind);
    // Spent no attempt: rate limiting says nothing about the message.
    expect(limited).toMatchObject({ status: "pending", attempts: 0 });
    expect(limited!.lastError).toContain("429");
    expect(second).toMatchObject({ status: "sent" });
    const [first, next] = requestsOf(kind);
    expect(first!.outcome).toBe(429);
    expect(next!.at - first!.at).toBeGreaterThanOrEqual(980);

    await sleep(Math.max(0, limited!.sendAfter.getTime() - Date.now()) + 20);
    expect(await drain(kind)).toEqual({ sent: 1, retried: 0, failed: 0 });
    const retriedRequest = requestsOf(kind)[2]!;
    expect(retriedRequest.idempotencyKey).toBe(`${kind}/0`);
    expect(retriedRequest.at - first!.at).toBeGreaterThanOrEqual(980);
    expect((await rowsOf(kind))[0]).toMatchObject({ status: "sent", attempts: 1 });
  });

  test("a long retry-after hands the whole batch back instead of holding it", async () => {
    const kind = newKind();
    await enqueue(kind, 3);
    fake.script([{ status: 429, retryAfterSec: 90 }]);
    try {
      expect(await drain(kind)).toEqual({ sent: 0, retried: 1, failed: 0 });
      const rows = await rowsOf(kind);
      expect(rows.map((r) => [r.status, r.attempts])).toEqual([["pending", 0], ["pending", 0], ["pending", 0]]);
      expect(rows.every((r) => r.sendAfter.getTime() > Date.now() + 80_000)).toBe(true);
      expect(requestsOf(kind)).toHaveLength(1);
    } finally {
      // Free the shared pacer for the tests that follow.
      await getDb().update(mailPacer).set({ nextAt: sql`now()` }).where(eq(mailPacer.id, 1));
    }
  });

  test("a non-retryable error fails at once", async () => {
    const kind = newKind();
    await enqueue(kind);
    fake.script([{ status: 422, message: "invalid `to` field" }]);
    expect(await drain(kind)).toEqual({ sent: 0, retried: 0, failed: 1 });
    const [row] = await rowsOf(kind);
    expect(row).toMatchObject({ status: "failed", attempts: 1 });
    expect(row!.lastError).toContain("invalid `to` field");
    expect(requestsOf(kind)).toHaveLength(1);
  });

  test("after max attempts the message fails; retryOutboxMessage puts it back", async () => {
    const kind = newKind();
    await enqueue(kind);
    fake.script([{ status: 500 }, { status: 503 }]);
    expect(await drain(kind, { maxAttempts: 2 })).toEqual({ sent: 0, retried: 1, failed: 0 });
    await sleep(10);
    expect(await drain(kind, { maxAttempts: 2 })).toEqual({ sent: 0, retried: 0, failed: 1 });
    const [failed] = await rowsOf(kind);
    expect(failed).toMatchObject({ status: "failed", attempts: 2 });
    expect(failed!.lastError).toContain("503");
    expect(await drain(kind, { maxAttempts: 2 })).toEqual({ sent: 0, retried: 0, failed: 0 });

    expect(await retryOutboxMessage(failed!.id)).toBe(true);
    expect((await rowsOf(kind))[0]).toMatchObject({ status: "pending", attempts: 0 });
    expect(await drain(kind, { maxAttempts: 2 })).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(await retryOutboxMessage(failed!.id)).toBe(false);
  });

  test("the same idempotency key is queued once and never sent twice", async () => {
    const kind = newKind();
    const mail = { kind, entityId: "booking-7", to: `${kind}@example.test`, locale: "en" as const, subject: "s", html: "<p>h</p>", text: "h" };
    expect(await enqueueMail(getDb(), mail)).toBe(true);
    expect(await enqueueMail(getDb(), { ...mail, subject: "changed" })).toBe(false);
    const rows = await rowsOf(kind);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ idempotencyKey: `${kind}/booking-7`, subject: "s" });

    expect(await drain(kind)).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(await drain(kind)).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(requestsOf(kind)).toHaveLength(1);
    // A sender that lost the response and sends again gets Resend's first answer, not a second email.
    const again = await resend.send(rows[0]!, { signal: AbortSignal.timeout(5000) });
    expect(again.providerId).toBe((await rowsOf(kind))[0]!.providerId);
    expect(emailsOf(kind)).toHaveLength(1);
  });

  test("a row left in `sending` by a crashed sender is sent once its lock expires", async () => {
    const kind = newKind();
    await enqueue(kind, 2);
    const [crashed, busy] = await rowsOf(kind);
    await getDb().update(outbox).set({ status: "sending", attempts: 1, lockedUntil: sql`now() - interval '1 second'` }).where(eq(outbox.id, crashed!.id));
    await getDb().update(outbox).set({ status: "sending", attempts: 1, lockedUntil: sql`now() + interval '1 minute'` }).where(eq(outbox.id, busy!.id));
    expect(await drain(kind)).toEqual({ sent: 1, retried: 0, failed: 0 });
    const [a, b] = await rowsOf(kind);
    expect(a).toMatchObject({ status: "sent", attempts: 2 });
    expect(b).toMatchObject({ status: "sending", attempts: 1 });
  });

  test("a sender whose row was re-claimed by another does not overwrite it", async () => {
    const kind = newKind();
    await enqueue(kind);
    const stealing: MailTransport = {
      name: "stealing",
      async send(msg) {
        // What another sender does when our lock has run out: claim the row again (attempts + 1).
        await getDb().update(outbox).set({ attempts: sql`${outbox.attempts} + 1` }).where(eq(outbox.id, msg.id));
        return { providerId: "late" };
      },
    };
    await drain(kind, { transport: stealing });
    expect((await rowsOf(kind))[0]).toMatchObject({ status: "sending", attempts: 2, providerId: null });
  });
});

/** Each message id must have been handed to the provider exactly once. */
function assertExactlyOnce(calls: Map<number, number>, ids: number[]) {
  const wrong = ids.filter((id) => calls.get(id) !== 1).map((id) => `${id}×${calls.get(id) ?? 0}`);
  if (wrong.length) throw new Error(`sent more than once or never: ${wrong.join(", ")}`);
}

function counting(inner: MailTransport, calls: Map<number, number>): MailTransport {
  return {
    name: "counting",
    paced: inner.paced,
    async send(msg, opts) {
      calls.set(msg.id, (calls.get(msg.id) ?? 0) + 1);
      await sleep(2); // widen the window in which a second sender could pick the same row
      return inner.send(msg, opts);
    },
  };
}

describe("several senders at once", () => {
  test("two concurrent drains send each message exactly once", async () => {
    const kind = newKind();
    await enqueue(kind, 30);
    const calls = new Map<number, number>();
    const transport = counting(resend, calls);
    const results = await Promise.all([drain(kind, { transport, batchSize: 4 }), drain(kind, { transport, batchSize: 4 })]);
    const rows = await rowsOf(kind);
    assertExactlyOnce(calls, rows.map((r) => r.id));
    expect(results[0].sent + results[1].sent).toBe(30);
    // Both really worked the queue at the same time, rather than one finding it empty.
    expect(results.every((r) => r.sent > 0)).toBe(true);
    expect(rows.every((r) => r.status === "sent" && r.attempts === 1)).toBe(true);
    expect(requestsOf(kind)).toHaveLength(30);
  });

  test("control: without the claim, the same rows are sent twice and the assertion sees it", async () => {
    const kind = newKind();
    await enqueue(kind, 10);
    const calls = new Map<number, number>();
    const transport = counting(resend, calls);
    // A naive sender: read pending rows, send, mark sent. No lock, no `sending` state.
    const naive = async () => {
      const due: OutboxMessage[] = await getDb().select().from(outbox).where(eq(outbox.kind, kind));
      for (const m of due.filter((r) => r.status === "pending")) {
        await transport.send(m, { signal: AbortSignal.timeout(5000) });
        await getDb().update(outbox).set({ status: "sent" }).where(eq(outbox.id, m.id));
      }
    };
    await Promise.all([naive(), naive()]);
    const ids = (await rowsOf(kind)).map((r) => r.id);
    expect(() => assertExactlyOnce(calls, ids)).toThrow(/more than once/);
    // Resend's idempotency key is the last line of defence: still one email per key.
    expect(emailsOf(kind)).toHaveLength(10);
  });
});

describe("pacing through mail_pacer", () => {
  // Resend's real 5 requests/s. The pacer hands out slots at least `intervalMs` apart (more when
  // the senders fall behind); a request leaves at or after its slot, and a little late when the
  // event loop is busy (PGlite runs queries on this thread; test machines are loaded), which can
  // shorten the gap after it. So the assertions are about slots, which load cannot shift earlier.
  const intervalMs = 200;

  async function pacedDrains(n: number, drains: number, ratePerSecond: number) {
    const kind = newKind();
    await enqueue(kind, n);
    const slots = new Map<number, number>();
    const o: DrainOptions = { ratePerSecond, batchSize: 2, onPacerSlot: (e) => e.messageIds.forEach((id) => slots.set(id, e.slotAt)) };
    const startedAt = Date.now();
    const results = await Promise.all(Array.from({ length: drains }, () => drain(kind, o)));
    expect(results.reduce((sum, r) => sum + r.sent, 0)).toBe(n);
    const rows = await rowsOf(kind);
    const sent = rows.map((row) => ({
      slot: slots.get(row.id)!,
      at: requestsOf(kind).find((r) => r.idempotencyKey === row.idempotencyKey)!.at,
    }));
    return { startedAt, sent: sent.sort((a, b) => a.slot - b.slot) };
  }

  function assertPaced({ startedAt, sent }: Awaited<ReturnType<typeof pacedDrains>>) {
    expect(sent.every((s) => s.slot !== undefined)).toBe(true);
    // 2 ms: JavaScript and the database round times differently.
    expect(sent[0]!.slot).toBeGreaterThanOrEqual(startedAt - 2);
    gaps(sent.map((s) => s.slot)).forEach((g, k) => expect(g, `slot gap ${k}`).toBeGreaterThanOrEqual(intervalMs - 0.01));
    sent.forEach((s, k) => {
      expect(s.at, `request ${k} before its slot`).toBeGreaterThanOrEqual(s.slot - 2);
      // Catches "take all the slots, then send in a burst": the early ones would be seconds late.
      // A busy 2-core machine can delay one request by a slot or two, so the bound is loose.
      expect(s.at - s.slot, `request ${k} lateness`).toBeLessThan(5 * intervalMs);
    });
    const last = Math.max(...sent.map((s) => s.at));
    expect(last - startedAt).toBeGreaterThanOrEqual((sent.length - 1) * intervalMs - 2);
  }

  test("N messages at rate R take at least (N-1)/R, each in its own slot", async () => {
    assertPaced(await pacedDrains(5, 1, 1000 / intervalMs));
  });

  test("two drains running at once share one pace", async () => {
    assertPaced(await pacedDrains(6, 2, 1000 / intervalMs));
  });

  test("control: unpaced, the same assertion fails", async () => {
    const run = await pacedDrains(6, 2, 1_000_000);
    expect(() => assertPaced(run)).toThrow();
  });
});
