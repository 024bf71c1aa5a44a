import "server-only";
import { setTimeout as sleep } from "node:timers/promises";
import { and, asc, eq, inArray, isNull, lt, lte, notInArray, or, sql } from "drizzle-orm";
import { after } from "next/server";
import { getDb, type Db } from "@/db/client";
import { mailPacer, outbox, type OutboxMessage } from "@/db/schema/mail";
import { getTransport, TransportError, type MailTransport } from "./transports";

export type DrainOptions = {
  transport?: MailTransport;
  /** Rows claimed per short transaction. Small, so a slow batch never outlives its lock. */
  batchSize?: number;
  /** Stop after this many messages so one call cannot run forever; the next tick goes on. */
  maxMessages?: number;
  timeoutMs?: number;
  /** Provider requests per second, shared by every process through the mail_pacer row. */
  ratePerSecond?: number;
  maxAttempts?: number;
  backoffBaseMs?: number;
  backoffCapMs?: number;
  /** Only claim these kinds. Tests use it to stay clear of other files' rows in a shared database. */
  onlyKinds?: string[];
  /** Told each pacer slot taken (epoch ms on the database clock): for logs, metrics and tests. */
  onPacerSlot?: (e: { messageId: number; slotAt: number }) => void;
};

export type DrainResult = { sent: number; retried: number; failed: number };

const LOCK_MS = 2 * 60_000;
// Waiting longer than this for a pacer slot would eat into the claim's lock: hand the rows back instead.
const MAX_SLOT_WAIT_MS = LOCK_MS / 2;

/** A positive number from the option, else the environment, else the default. */
function setting(option: number | undefined, envName: string | null, fallback: number): number {
  for (const v of [option, envName ? Number(process.env[envName]) : undefined]) {
    if (typeof v === "number" && Number.isFinite(v) && v > 0) return v;
  }
  return fallback;
}

const secs = (ms: number) => sql`make_interval(secs => ${ms / 1000})`;
const inMs = (ms: number) => sql`now() + ${secs(ms)}`;

/** Full jitter (AWS style): spreads retries of a failed burst instead of re-sending it in lockstep. */
export function backoffMs(attempt: number, baseMs = 2000, capMs = 3_600_000): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.floor(Math.random() * ceiling);
}

function errorText(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.slice(0, 1000);
}

async function claimBatch(db: Db, limit: number, seen: number[], onlyKinds?: string[]): Promise<OutboxMessage[]> {
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: outbox.id })
      .from(outbox)
      .where(
        and(
          or(
            and(eq(outbox.status, "pending"), lte(outbox.sendAfter, sql`now()`)),
            // A sender that died mid-batch leaves rows in `sending`; they come back when the lock runs out.
            and(eq(outbox.status, "sending"), or(isNull(outbox.lockedUntil), lt(outbox.lockedUntil, sql`now()`))),
          ),
          onlyKinds ? inArray(outbox.kind, onlyKinds) : undefined,
          // One attempt per message per drain: a short backoff or a 429 must not loop inside one call.
          seen.length ? notInArray(outbox.id, seen) : undefined,
        ),
      )
      .orderBy(asc(outbox.sendAfter), asc(outbox.id))
      .limit(limit)
      .for("update", { skipLocked: true });
    if (due.length === 0) return [];
    const rows = await tx
      .update(outbox)
      .set({ status: "sending", lockedUntil: inMs(LOCK_MS), attempts: sql`${outbox.attempts} + 1` })
      .where(inArray(outbox.id, due.map((r) => r.id)))
      .returning();
    return rows.sort((a, b) => a.sendAfter.getTime() - b.sendAfter.getTime() || a.id - b.id);
  });
}

// `attempts` doubles as a fencing token: if our lock ran out and another sender re-claimed the row,
// it bumped attempts, so our late writes match nothing.
const owned = (m: OutboxMessage) => and(eq(outbox.id, m.id), eq(outbox.status, "sending"), eq(outbox.attempts, m.attempts));

async function stillOwned(db: Db, m: OutboxMessage): Promise<boolean> {
  const rows = await db.update(outbox).set({ lockedUntil: inMs(LOCK_MS) }).where(owned(m)).returning({ id: outbox.id });
  return rows.length > 0;
}

/** Puts an unsent row back without spending an attempt. */
async function release(db: Db, m: OutboxMessage, delayMs: number, lastError?: string) {
  await db
    .update(outbox)
    .set({
      status: "pending",
      attempts: sql`${outbox.attempts} - 1`,
      sendAfter: inMs(delayMs),
      lockedUntil: null,
      ...(lastError ? { lastError } : {}),
    })
    .where(owned(m));
}

/**
 * Takes the next request slot with one UPDATE, so any number of processes share one schedule.
 * Returns how long to wait until the slot starts, measured on the database clock so that clock
 * skew between app servers does not matter.
 */
export async function takePacerSlot(db: Db, intervalMs: number): Promise<{ waitMs: number; slotAt: number }> {
  const take = () =>
    db
      .update(mailPacer)
      .set({ nextAt: sql`greatest(${mailPacer.nextAt}, now()) + ${secs(intervalMs)}` })
      .where(eq(mailPacer.id, 1))
      .returning({
        // clock_timestamp(), not now(): time spent waiting for the row lock must not make us late.
        waitMs: sql<number>`(extract(epoch from (${mailPacer.nextAt} - ${secs(intervalMs)} - clock_timestamp())) * 1000)::float8`.mapWith(Number),
        slotAt: sql<number>`(extract(epoch from (${mailPacer.nextAt} - ${secs(intervalMs)})) * 1000)::float8`.mapWith(Number),
      });
  let rows = await take();
  if (rows.length === 0) {
    await db.insert(mailPacer).values({ id: 1 }).onConflictDoNothing();
    rows = await take();
  }
  const row = rows[0] ?? { waitMs: 0, slotAt: Date.now() };
  return { waitMs: Math.max(0, row.waitMs), slotAt: row.slotAt };
}

/** After a 429 nobody may call the provider before retry-after has passed. */
async function pushPacer(db: Db, delayMs: number) {
  await db
    .update(mailPacer)
    .set({ nextAt: sql`greatest(${mailPacer.nextAt}, ${inMs(delayMs)})` })
    .where(eq(mailPacer.id, 1));
}

type Resolved = Required<Omit<DrainOptions, "onlyKinds" | "onPacerSlot">> & Pick<DrainOptions, "onlyKinds" | "onPacerSlot">;
/** `stopFor`: the pacer is booked that far ahead, so stop and hand the rest of the batch back. */
type Outcome = "sent" | "retried" | "failed" | "skipped" | { stopFor: number };

async function deliver(db: Db, m: OutboxMessage, o: Resolved): Promise<Outcome> {
  // Claimed again and again without an outcome (the sender keeps dying): give up like any other failure.
  if (m.attempts > o.maxAttempts) {
    await db.update(outbox).set({ status: "failed", lockedUntil: null, lastError: "gave up: too many attempts" }).where(owned(m));
    return "failed";
  }
  if (!(await stillOwned(db, m))) return "skipped";
  if (o.transport.paced) {
    const { waitMs, slotAt } = await takePacerSlot(db, 1000 / o.ratePerSecond);
    o.onPacerSlot?.({ messageId: m.id, slotAt });
    if (waitMs > MAX_SLOT_WAIT_MS) {
      await release(db, m, waitMs);
      return { stopFor: waitMs };
    }
    if (waitMs > 0) await sleep(waitMs);
  }
  try {
    const { providerId } = await o.transport.send(m, { signal: AbortSignal.timeout(o.timeoutMs) });
    await db
      .update(outbox)
      .set({ status: "sent", providerId, sentAt: sql`now()`, lockedUntil: null, lastError: null })
      .where(owned(m));
    return "sent";
  } catch (err) {
    const te = err instanceof TransportError ? err : null;
    const message = errorText(err);
    if (te?.rateLimited) {
      const delay = te.retryAfterMs ?? 1000;
      await pushPacer(db, delay);
      await release(db, m, delay, message);
      return "retried";
    }
    // Anything that is not a clear "the provider refused this message" may work next time.
    const retryable = te ? te.retryable : true;
    if (!retryable || m.attempts >= o.maxAttempts) {
      await db.update(outbox).set({ status: "failed", lockedUntil: null, lastError: message }).where(owned(m));
      return "failed";
    }
    await db
      .update(outbox)
      .set({
        status: "pending",
        sendAfter: inMs(backoffMs(m.attempts, o.backoffBaseMs, o.backoffCapMs)),
        lockedUntil: null,
        lastError: message,
      })
      .where(owned(m));
    return "retried";
  }
}

/**
 * Sends due mail until none is due or `maxMessages` is reached. Safe to run in any number of
 * processes at once: rows are claimed with SKIP LOCKED, and provider requests are paced through the DB.
 */
export async function drainOutbox(opts: DrainOptions = {}): Promise<DrainResult> {
  const db = getDb();
  const o: Resolved = {
    transport: opts.transport ?? getTransport(),
    batchSize: Math.ceil(setting(opts.batchSize, null, 10)),
    maxMessages: Math.ceil(setting(opts.maxMessages, null, 200)),
    timeoutMs: setting(opts.timeoutMs, "MAIL_TIMEOUT_MS", 10_000),
    ratePerSecond: setting(opts.ratePerSecond, "MAIL_RATE_PER_SECOND", 5),
    maxAttempts: Math.floor(setting(opts.maxAttempts, "MAIL_MAX_ATTEMPTS", 8)),
    backoffBaseMs: setting(opts.backoffBaseMs, null, 2000),
    backoffCapMs: setting(opts.backoffCapMs, null, 3_600_000),
    onlyKinds: opts.onlyKinds,
    onPacerSlot: opts.onPacerSlot,
  };
  const result: DrainResult = { sent: 0, retried: 0, failed: 0 };
  const seen: number[] = [];
  while (seen.length < o.maxMessages) {
    const batch = await claimBatch(db, Math.min(o.batchSize, o.maxMessages - seen.length), seen, o.onlyKinds);
    if (batch.length === 0) break;
    seen.push(...batch.map((m) => m.id));
    for (let i = 0; i < batch.length; i++) {
      const outcome = await deliver(db, batch[i]!, o);
      if (typeof outcome === "object") {
        // A long retry-after: give the rest back, due when the pacer frees up, rather than hold their locks.
        for (const rest of batch.slice(i + 1)) await release(db, rest, outcome.stopFor);
        return result;
      }
      if (outcome !== "skipped") result[outcome]++;
    }
  }
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
