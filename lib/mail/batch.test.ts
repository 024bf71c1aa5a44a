import { randomBytes } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { getDb } from "@/db/client";
import { mailPacer, outbox, type OutboxMessage } from "@/db/schema/mail";
import { startFakeResend, type FakeResend } from "@/test/fake-resend";
import { batchKey, planRequests } from "./batch";
import { enqueueMails } from "./outbox";
import { drainOutbox, type DrainOptions } from "./sender";
import { resendTransport, type MailTransport } from "./transports";

// Batches through the real Resend SDK against the fake API. As in sender.test.ts, every test
// uses its own `kind` and drains only that kind (on PostgreSQL all test files share one database),
// and this file paces through its own mail_pacer row, so that its 429s do not slow sender.test.ts.
const pacerId = 2;

let fake: FakeResend;
let resend: MailTransport;

beforeAll(async () => {
  fake = await startFakeResend();
  resend = resendTransport("re_test_key", fake.url);
});
afterAll(() => fake.close());

const newKind = () => `batch-${randomBytes(5).toString("hex")}`;
const address = (kind: string, i: number) => `${kind}-${i}@example.test`;

async function enqueue(kind: string, n: number, to: (i: number) => string = (i) => address(kind, i)) {
  const mails = Array.from({ length: n }, (_, i) => ({ kind, entityId: i, to: to(i), locale: "zh-CN" as const, subject: `主题 ${i}`, html: `<p>${i}</p>`, text: `${i}` }));
  await enqueueMails(getDb(), mails);
}

const drain = (kind: string, o: DrainOptions = {}) =>
  drainOutbox({ transport: resend, onlyKinds: [kind], ratePerSecond: 1000, backoffBaseMs: 1, pacerId, ...o });

const rowsOf = (kind: string) => getDb().select().from(outbox).where(eq(outbox.kind, kind)).orderBy(outbox.id);
const mine = (kind: string, to: unknown) => typeof to === "string" && to.startsWith(`${kind}-`);
/** The fake's requests carrying this kind's mail, batches and single sends alike. */
const requestsOf = (kind: string) =>
  fake.requests.filter((r) => (Array.isArray(r.body) ? mine(kind, (r.body[0] as { to?: unknown })?.to) : mine(kind, (r.body as { to?: unknown }).to)));
const batchesOf = (kind: string) => requestsOf(kind).filter((r) => r.path === "/emails/batch");
/** Emails the provider stored (so would deliver), per recipient. */
function deliveries(kind: string) {
  const count = new Map<string, number>();
  for (const e of fake.emails) if (mine(kind, e.body.to)) count.set(String(e.body.to), (count.get(String(e.body.to)) ?? 0) + 1);
  return count;
}
const freePacer = () => getDb().update(mailPacer).set({ nextAt: sql`now()` }).where(eq(mailPacer.id, pacerId));

describe("planRequests", () => {
  const row = (id: number, key: string, providerId: string | null = null) => ({ id, idempotencyKey: key, providerId }) as OutboxMessage;

  test("the batch key depends on the rows, not their order", () => {
    expect(batchKey([row(1, "a/1"), row(2, "a/2")])).toBe(batchKey([row(2, "a/2"), row(1, "a/1")]));
    expect(batchKey([row(1, "a/1"), row(2, "a/2")])).not.toBe(batchKey([row(1, "a/1"), row(3, "a/3")]));
  });

  test("chunks fresh rows by the limit, in key order; a lone row goes on its own", () => {
    const rows = [row(1, "k/3"), row(2, "k/1"), row(3, "k/2"), row(4, "k/4"), row(5, "k/5")];
    const plan = planRequests(rows, 2);
    expect(plan.map((r) => r.rows.map((m) => m.idempotencyKey))).toEqual([["k/1", "k/3"], ["k/2", "k/4"], ["k/5"]]);
    expect(plan.map((r) => r.key)).toEqual([batchKey(plan[0]!.rows), batchKey(plan[1]!.rows), null]);
  });

  test("an in-doubt batch goes again whole under its key; with rows missing, the rest go one by one", () => {
    const group = [row(1, "k/1"), row(2, "k/2"), row(3, "k/3")];
    const key = batchKey(group);
    const marked = group.map((r) => ({ ...r, providerId: key }));
    const [again] = planRequests([...marked, row(9, "k/9")], 100).filter((r) => r.key === key);
    expect(again!.rows.map((r) => r.id)).toEqual([1, 2, 3]);
    expect(planRequests(marked.slice(0, 2), 100)).toEqual([
      { rows: [marked[0]], key: null },
      { rows: [marked[1]], key: null },
    ]);
  });
});

describe("drainOutbox with Resend batches", () => {
  test("250 due messages go out in 3 batch requests, each row with its own provider id", async () => {
    const kind = newKind();
    await enqueue(kind, 250);
    const slots: number[][] = [];
    expect(await drain(kind, { onPacerSlot: (e) => void slots.push(e.messageIds) })).toEqual({ sent: 250, retried: 0, failed: 0 });
    const batches = batchesOf(kind);
    expect(batches.map((r) => (r.body as unknown[]).length)).toEqual([100, 100, 50]);
    expect(requestsOf(kind)).toHaveLength(3);
    // One pacer slot per request, not per message.
    expect(slots.map((ids) => ids.length)).toEqual([100, 100, 50]);
    const rows = await rowsOf(kind);
    expect(rows.every((r) => r.status === "sent" && r.attempts === 1 && r.lockedUntil === null)).toBe(true);
    const stored = new Map(fake.emails.filter((e) => mine(kind, e.body.to)).map((e) => [e.body.to, e.id]));
    expect(rows.every((r) => r.providerId === stored.get(r.toAddress))).toBe(true);
    expect([...deliveries(kind).values()].every((n) => n === 1) && deliveries(kind).size === 250).toBe(true);
    expect(batches.every((b) => b.idempotencyKey?.startsWith("outbox-batch/"))).toBe(true);
  });

  test("one due message keeps the single send with the row's own key", async () => {
    const kind = newKind();
    await enqueue(kind, 1);
    expect(await drain(kind)).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(requestsOf(kind).map((r) => [r.path, r.idempotencyKey])).toEqual([["/emails", `${kind}/0`]]);
  });

  test("a 500 is retried as the same batch under the same key; each email is sent once", async () => {
    const kind = newKind();
    await enqueue(kind, 5);
    fake.script([{ status: 500 }]);
    expect(await drain(kind)).toEqual({ sent: 0, retried: 5, failed: 0 });
    const pending = await rowsOf(kind);
    const key = batchesOf(kind)[0]!.idempotencyKey;
    // In doubt: the rows remember their batch, and share one retry time.
    expect(pending.every((r) => r.status === "pending" && r.attempts === 1 && r.providerId === key && r.lastError?.includes("500"))).toBe(true);
    expect(new Set(pending.map((r) => r.sendAfter.getTime())).size).toBe(1);
    await sleep(10);
    expect(await drain(kind)).toEqual({ sent: 5, retried: 0, failed: 0 });
    expect(batchesOf(kind).map((r) => [r.outcome, r.idempotencyKey])).toEqual([[500, key], [200, key]]);
    expect([...deliveries(kind).values()]).toEqual([1, 1, 1, 1, 1]);
    expect((await rowsOf(kind)).every((r) => r.status === "sent" && r.attempts === 2 && !r.providerId?.startsWith("outbox-batch/"))).toBe(true);
  });

  test("a lost response: the retry gets the first answer and nothing is sent twice", async () => {
    const kind = newKind();
    await enqueue(kind, 4);
    fake.script(["lose"]);
    expect(await drain(kind)).toEqual({ sent: 0, retried: 4, failed: 0 });
    expect(deliveries(kind).size).toBe(4);
    await sleep(10);
    expect(await drain(kind)).toEqual({ sent: 4, retried: 0, failed: 0 });
    expect(batchesOf(kind).map((r) => r.outcome)).toEqual(["lost", 200]);
    expect([...deliveries(kind).values()]).toEqual([1, 1, 1, 1]);
    const stored = new Map(fake.emails.filter((e) => mine(kind, e.body.to)).map((e) => [e.body.to, e.id]));
    expect((await rowsOf(kind)).every((r) => r.providerId === stored.get(r.toAddress))).toBe(true);
  });

  test("a 429 is paced: the batch goes back without spending an attempt, the next request waits", async () => {
    const kind = newKind();
    await enqueue(kind, 150);
    fake.script([{ status: 429, retryAfterSec: 1 }]);
    // One request at a time: a second worker's slot, taken before the 429 came back, would still be used.
    expect(await drain(kind, { concurrency: 1 })).toEqual({ sent: 50, retried: 100, failed: 0 });
    const [limited, next] = batchesOf(kind);
    expect(limited!.outcome).toBe(429);
    expect(next!.at - limited!.at).toBeGreaterThanOrEqual(980);
    const rows = await rowsOf(kind);
    const back = rows.filter((r) => r.status === "pending");
    expect(back).toHaveLength(100);
    expect(back.every((r) => r.attempts === 0 && r.providerId === null && r.lastError?.includes("429"))).toBe(true);

    await sleep(Math.max(0, ...back.map((r) => r.sendAfter.getTime() - Date.now())) + 20);
    expect(await drain(kind)).toEqual({ sent: 100, retried: 0, failed: 0 });
    expect(deliveries(kind).size).toBe(150);
    expect([...deliveries(kind).values()].every((n) => n === 1)).toBe(true);
  });

  test("a long retry-after hands back every claimed row, not only the refused batch", async () => {
    const kind = newKind();
    await enqueue(kind, 250);
    fake.script([{ status: 429, retryAfterSec: 90 }]);
    try {
      // One claim of 250 rows makes three requests; the first is refused, the other two wait no minute.
      expect(await drain(kind, { batchSize: 250 })).toEqual({ sent: 0, retried: 100, failed: 0 });
      const rows = await rowsOf(kind);
      expect(rows.every((r) => r.status === "pending" && r.attempts === 0)).toBe(true);
      expect(rows.every((r) => r.sendAfter.getTime() > Date.now() + 80_000)).toBe(true);
      expect(requestsOf(kind)).toHaveLength(1);
    } finally {
      await freePacer();
    }
  });

  test("a batch refused for one bad address falls back to single sends; only that one fails", async () => {
    const kind = newKind();
    await enqueue(kind, 5, (i) => (i === 2 ? `${kind}-not-an-address` : address(kind, i)));
    const slots: number[][] = [];
    expect(await drain(kind, { onPacerSlot: (e) => void slots.push(e.messageIds) })).toEqual({ sent: 4, retried: 0, failed: 1 });
    expect(requestsOf(kind).map((r) => [r.path, r.outcome])).toEqual([
      ["/emails/batch", 422],
      ...[0, 1, 2, 3, 4].map((i) => ["/emails", i === 2 ? 422 : 200]),
    ]);
    // Every request took its slot: the fallback keeps to the rate too.
    expect(slots.map((ids) => ids.length)).toEqual([5, 1, 1, 1, 1, 1]);
    const rows = await rowsOf(kind);
    expect(rows.map((r) => [r.status, r.attempts])).toEqual([["sent", 1], ["sent", 1], ["failed", 1], ["sent", 1], ["sent", 1]]);
    expect(rows[2]!.lastError).toContain("invalid `to` field");
    expect(rows.filter((r) => r.status === "sent").every((r) => r.providerId === fake.emailsByKey.get(r.idempotencyKey)?.id)).toBe(true);
  });

  test("a batch that keeps failing gives up as one", async () => {
    const kind = newKind();
    await enqueue(kind, 3);
    fake.script([{ status: 500 }, { status: 503 }]);
    expect(await drain(kind, { maxAttempts: 2 })).toEqual({ sent: 0, retried: 3, failed: 0 });
    await sleep(10);
    expect(await drain(kind, { maxAttempts: 2 })).toEqual({ sent: 0, retried: 0, failed: 3 });
    expect((await rowsOf(kind)).every((r) => r.status === "failed" && r.lastError?.includes("503"))).toBe(true);
  });
});

/** Counts per message how often it was handed to the provider, in a batch or alone. */
function counting(inner: MailTransport, calls: Map<number, number>): MailTransport {
  const count = (msgs: OutboxMessage[]) => msgs.forEach((m) => calls.set(m.id, (calls.get(m.id) ?? 0) + 1));
  return {
    ...inner,
    async send(msg, opts) {
      count([msg]);
      await sleep(2);
      return inner.send(msg, opts);
    },
    async sendBatch(msgs, opts) {
      count(msgs);
      await sleep(2); // widen the window in which a second sender could pick the same rows
      return inner.sendBatch!(msgs, opts);
    },
  };
}

describe("several senders, one rate", () => {
  test("two drains at once send each message exactly once", async () => {
    const kind = newKind();
    await enqueue(kind, 250);
    const calls = new Map<number, number>();
    const transport = counting(resend, calls);
    const results = await Promise.all([drain(kind, { transport, batchSize: 25 }), drain(kind, { transport, batchSize: 25 })]);
    const rows = await rowsOf(kind);
    expect(rows.filter((r) => calls.get(r.id) !== 1)).toEqual([]);
    expect(results[0].sent + results[1].sent).toBe(250);
    expect(results.every((r) => r.sent > 0)).toBe(true);
    expect(rows.every((r) => r.status === "sent" && r.attempts === 1)).toBe(true);
    expect(deliveries(kind).size).toBe(250);
    expect([...deliveries(kind).values()].every((n) => n === 1)).toBe(true);
  });

  test("a drain keeps two batch requests in flight, so a slow provider does not halve the rate", async () => {
    const kind = newKind();
    await enqueue(kind, 400);
    let inFlight = 0;
    let most = 0;
    const slow: MailTransport = {
      ...resend,
      async sendBatch(msgs, opts) {
        most = Math.max(most, ++inFlight);
        try {
          await sleep(300);
          return await resend.sendBatch!(msgs, opts);
        } finally {
          inFlight--;
        }
      },
    };
    expect(await drain(kind, { transport: slow })).toEqual({ sent: 400, retried: 0, failed: 0 });
    expect(most).toBe(2);
    expect(batchesOf(kind)).toHaveLength(4);
    expect([...deliveries(kind).values()].every((n) => n === 1) && deliveries(kind).size === 400).toBe(true);
  });

  test("at 5 requests/s, no 1-second window holds more than 5 requests, across two drains", async () => {
    const kind = newKind();
    await enqueue(kind, 800);
    const slots: number[] = [];
    const startedAt = Date.now();
    const o: DrainOptions = { ratePerSecond: 5, batchSize: 50, onPacerSlot: (e) => void slots.push(e.slotAt) };
    const results = await Promise.all([drain(kind, o), drain(kind, o)]);
    expect(results[0].sent + results[1].sent).toBe(800);
    slots.sort((a, b) => a - b);
    expect(slots).toHaveLength(16);
    expect(slots[0]).toBeGreaterThanOrEqual(startedAt - 2);
    // Slots are what load cannot move earlier (see sender.test.ts); arrivals may be a little late.
    slots.slice(1).forEach((s, i) => expect(s - slots[i]!, `gap ${i}`).toBeGreaterThanOrEqual(199.99));
    const inWindow = slots.map((s) => slots.filter((t) => t >= s && t < s + 1000 - 0.01).length);
    expect(Math.max(...inWindow)).toBeLessThanOrEqual(5);
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(15 * 200 - 2);
    expect(batchesOf(kind)).toHaveLength(16);
  });
});
