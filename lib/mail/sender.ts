import "server-only";
import { setTimeout as sleep } from "node:timers/promises";
import { sql } from "drizzle-orm";
import { after } from "next/server";
import { getDb, type Db } from "@/db/client";
import { outbox, type OutboxMessage } from "@/db/schema/mail";
import { planRequests, type MailRequest } from "./batch";
import { claim, fail, LOCK_MS, markSent, owned, ownedAll, release, stillOwned } from "./claim";
import { inMs, pushPacer, takePacerSlot } from "./pacer";
import { getTransport, TransportError, type MailTransport } from "./transports";

export { takePacerSlot } from "./pacer";

export type DrainOptions = {
  transport?: MailTransport;
  /**
   * Rows claimed per short transaction: 10 for one-by-one sending, a full batch (100 for Resend)
   * when the transport sends batches. Small, so a slow request never outlives its lock.
   */
  batchSize?: number;
  /** Stop after this many messages so one call cannot run forever; the next tick goes on. */
  maxMessages?: number;
  timeoutMs?: number;
  /** Provider requests per second (a batch is one request), shared by every process through the mail_pacer row. */
  ratePerSecond?: number;
  /** Which mail_pacer row (default 1): one per provider account. Test files running at once use their own. */
  pacerId?: number;
  /**
   * Requests in flight at once (each waits for its own pacer slot): a batch takes the provider
   * longer than a slot lasts, so one at a time would not reach the rate. Default 2 when the
   * transport batches, else 1.
   */
  concurrency?: number;
  maxAttempts?: number;
  backoffBaseMs?: number;
  backoffCapMs?: number;
  /** Only claim these kinds. Tests use it to stay clear of other files' rows in a shared database. */
  onlyKinds?: string[];
  /** Told each pacer slot taken (epoch ms on the database clock) and the messages of its request: for logs, metrics and tests. */
  onPacerSlot?: (e: { messageIds: number[]; slotAt: number }) => void;
};

export type DrainResult = { sent: number; retried: number; failed: number };

// Waiting longer than this for a pacer slot would eat into the claim's lock: hand the rows back instead.
const MAX_SLOT_WAIT_MS = LOCK_MS / 2;
// One drain makes about this many provider requests at most (about 45 s at 5/s).
const REQUESTS_PER_DRAIN = 200;
// Slots are 10 % further apart than the rate allows: a request leaves a little after its slot, by
// a varying few milliseconds, and without the margin a late one followed by punctual ones would
// put rate + 1 requests into one second at the provider. This absorbs 100 ms of such jitter at 5/s.
const PACING_MARGIN = 1.1;

/** A positive number from the option, else the environment, else the default. */
function setting(option: number | undefined, envName: string | null, fallback: number): number {
  for (const v of [option, envName ? Number(process.env[envName]) : undefined]) {
    if (typeof v === "number" && Number.isFinite(v) && v > 0) return v;
  }
  return fallback;
}

/** Full jitter (AWS style): spreads retries of a failed burst instead of re-sending it in lockstep. */
export function backoffMs(attempt: number, baseMs = 2000, capMs = 3_600_000): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.floor(Math.random() * ceiling);
}

function errorText(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.slice(0, 1000);
}

type Resolved = Required<Omit<DrainOptions, "onlyKinds" | "onPacerSlot">> &
  Pick<DrainOptions, "onlyKinds" | "onPacerSlot"> & {
    /** Messages per request: 1 when the transport cannot batch. */
    batchLimit: number;
  };
/** Returned when the pacer is booked too far ahead: stop and hand the remaining rows back, due in that many ms. */
type StopFor = number | undefined;

/** Waits for the request's pacer slot; when that is too far off, hands the rows back and says how far. */
async function pace(db: Db, rows: OutboxMessage[], o: Resolved): Promise<StopFor> {
  if (!o.transport.paced) return;
  const { waitMs, slotAt } = await takePacerSlot(db, (1000 / o.ratePerSecond) * PACING_MARGIN, o.pacerId);
  o.onPacerSlot?.({ messageIds: rows.map((r) => r.id), slotAt });
  if (waitMs > MAX_SLOT_WAIT_MS) {
    await release(db, rows, waitMs);
    return waitMs;
  }
  if (waitMs > 0) await sleep(waitMs);
}

/**
 * After a failed request: a 429 paces everyone and costs no attempt; what may work later is
 * retried with backoff, together (a batch under `inDoubtKey`, kept in provider_id); the rest fails.
 */
async function afterFailure(db: Db, rows: OutboxMessage[], err: unknown, o: Resolved, result: DrainResult, inDoubtKey: string | null) {
  const te = err instanceof TransportError ? err : null;
  const message = errorText(err);
  if (te?.rateLimited) {
    const delay = te.retryAfterMs ?? 1000;
    await pushPacer(db, delay, o.pacerId);
    await release(db, rows, delay, message);
    result.retried += rows.length;
    return;
  }
  // Anything that is not a clear "the provider refused this" may work next time.
  const retryable = te ? te.retryable : true;
  // A batch lives and gives up as one, so its rows stay together for the retry under the same key.
  const attempts = Math.max(...rows.map((r) => r.attempts));
  if (!retryable || attempts >= o.maxAttempts) {
    await fail(db, rows, message);
    result.failed += rows.length;
    return;
  }
  await db
    .update(outbox)
    .set({
      status: "pending",
      sendAfter: inMs(backoffMs(attempts, o.backoffBaseMs, o.backoffCapMs)),
      lockedUntil: null,
      lastError: message,
      ...(inDoubtKey ? { providerId: inDoubtKey } : {}),
    })
    .where(ownedAll(rows));
  result.retried += rows.length;
}

async function deliver(db: Db, m: OutboxMessage, o: Resolved, result: DrainResult): Promise<StopFor> {
  if ((await stillOwned(db, [m])).length === 0) return;
  const stop = await pace(db, [m], o);
  if (stop !== undefined) return stop;
  try {
    const { providerId } = await o.transport.send(m, { signal: AbortSignal.timeout(o.timeoutMs) });
    await db.update(outbox).set({ status: "sent", providerId, sentAt: sql`now()`, lockedUntil: null, lastError: null }).where(owned(m));
    result.sent++;
  } catch (err) {
    await afterFailure(db, [m], err, o, result, null);
  }
}

async function deliverEach(db: Db, rows: OutboxMessage[], o: Resolved, result: DrainResult): Promise<StopFor> {
  for (let i = 0; i < rows.length; i++) {
    const stop = await deliver(db, rows[i]!, o, result);
    if (stop !== undefined) {
      await release(db, rows.slice(i + 1), stop);
      return stop;
    }
  }
}

/** One batch request: one pacer slot, one provider call for all its rows. */
async function deliverBatch(db: Db, claimed: OutboxMessage[], key: string, o: Resolved, result: DrainResult): Promise<StopFor> {
  const rows = await stillOwned(db, claimed);
  // Some rows went to another sender (our lock ran out): the rest are no longer the same batch.
  if (rows.length < claimed.length) return deliverEach(db, rows, o, result);
  const stop = await pace(db, rows, o);
  if (stop !== undefined) return stop;
  try {
    const { providerIds } = await o.transport.sendBatch!(rows, { signal: AbortSignal.timeout(o.timeoutMs), idempotencyKey: key });
    await markSent(db, rows, providerIds);
    result.sent += rows.length;
  } catch (err) {
    // Refused as a whole, so nothing went out: one bad address must not hold back the others,
    // so each goes on its own and only the bad ones fail.
    if (err instanceof TransportError && err.invalid) return deliverEach(db, rows, o, result);
    await afterFailure(db, rows, err, o, result, key);
  }
}

/**
 * Sends due mail until none is due or `maxMessages` is reached. Safe to run in any number of
 * processes at once: rows are claimed with SKIP LOCKED, and provider requests are paced through
 * the DB. A transport that can batch gets up to its limit of messages per request.
 */
export async function drainOutbox(opts: DrainOptions = {}): Promise<DrainResult> {
  const db = getDb();
  const transport = opts.transport ?? getTransport();
  const batchLimit = transport.sendBatch ? Math.max(1, Math.floor(transport.batchLimit ?? 1)) : 1;
  const o: Resolved = {
    transport,
    batchLimit,
    batchSize: Math.ceil(setting(opts.batchSize, null, batchLimit > 1 ? batchLimit : 10)),
    maxMessages: Math.ceil(setting(opts.maxMessages, null, REQUESTS_PER_DRAIN * batchLimit)),
    timeoutMs: setting(opts.timeoutMs, "MAIL_TIMEOUT_MS", 10_000),
    ratePerSecond: setting(opts.ratePerSecond, "MAIL_RATE_PER_SECOND", 5),
    pacerId: Math.floor(setting(opts.pacerId, null, 1)),
    concurrency: Math.floor(setting(opts.concurrency, "MAIL_CONCURRENCY", batchLimit > 1 ? 2 : 1)),
    maxAttempts: Math.floor(setting(opts.maxAttempts, "MAIL_MAX_ATTEMPTS", 8)),
    backoffBaseMs: setting(opts.backoffBaseMs, null, 2000),
    backoffCapMs: setting(opts.backoffCapMs, null, 3_600_000),
    onlyKinds: opts.onlyKinds,
    onPacerSlot: opts.onPacerSlot,
  };
  const result: DrainResult = { sent: 0, retried: 0, failed: 0 };
  const seen: number[] = [];
  // Set when the pacer is booked too far ahead: every worker hands its rows back, due that much later.
  let stopFor: number | undefined;
  // Each worker claims its own rows; the pacer keeps all of them (and other processes) to one rate.
  const worker = async () => {
    while (stopFor === undefined && seen.length < o.maxMessages) {
      const claimed = await claim(db, { limit: Math.min(o.batchSize, o.maxMessages - seen.length), seen, onlyKinds: o.onlyKinds, wholeBatches: batchLimit > 1 });
      if (claimed.length === 0) return;
      seen.push(...claimed.map((m) => m.id));
      // Claimed again and again without an outcome (the sender keeps dying): give up like any other failure.
      const stale = claimed.filter((m) => m.attempts > o.maxAttempts);
      await fail(db, stale, "gave up: too many attempts");
      result.failed += stale.length;
      const live = claimed.filter((m) => m.attempts <= o.maxAttempts);
      const requests: MailRequest[] = batchLimit > 1 ? planRequests(live, batchLimit) : live.map((m) => ({ rows: [m], key: null }));
      for (const [i, { rows, key }] of requests.entries()) {
        const stop = stopFor ?? (key ? await deliverBatch(db, rows, key, o, result) : await deliver(db, rows[0]!, o, result));
        if (stop !== undefined) {
          // A long retry-after: give the rest back, due when the pacer frees up, rather than hold their locks.
          await release(db, requests.slice(stopFor === undefined ? i + 1 : i).flatMap((r) => r.rows), stop);
          stopFor = stop;
          return;
        }
      }
    }
  };
  await Promise.all(Array.from({ length: o.concurrency }, worker));
  return result;
}

function logDrainError(err: unknown) {
  console.error("[mail] drain failed", err);
}

/**
 * Sends soon after the current request has answered (Next's `after`), or right away outside a
 * request. Call it after the transaction that queued mail has committed.
 * Under Vitest it does nothing unless MAIL_AUTO_DRAIN=true: tests drain explicitly, and a stray
 * background drain would outlive the test's database.
 */
export function scheduleDrain(): void {
  const auto = process.env.MAIL_AUTO_DRAIN;
  if (auto === "false" || auto === "0" || (process.env.VITEST && auto !== "true" && auto !== "1")) return;
  const run = () => drainOutbox().then(() => undefined, logDrainError);
  try {
    after(run);
  } catch {
    // `after` throws outside a request scope (scripts, timers): just start it.
    void run();
  }
}

const g = globalThis as unknown as { __shuxiangMailTimer?: ReturnType<typeof setInterval> };

/**
 * The safety net behind scheduleDrain: picks up retries, delayed mail and rows of crashed senders.
 * Starts once per process; a tick is skipped while the previous drain still runs.
 */
export function startMailTimer(intervalMs = setting(undefined, "MAIL_TIMER_MS", 5000)): () => void {
  const stop = () => {
    if (g.__shuxiangMailTimer) clearInterval(g.__shuxiangMailTimer);
    g.__shuxiangMailTimer = undefined;
  };
  if (g.__shuxiangMailTimer) return stop;
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    drainOutbox()
      .catch(logDrainError)
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  // Never keep a process (a script, a test run) alive just for mail.
  timer.unref();
  g.__shuxiangMailTimer = timer;
  return stop;
}
