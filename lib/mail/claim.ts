import "server-only";
import { and, asc, eq, inArray, isNull, lt, lte, notInArray, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { outbox, type OutboxMessage } from "@/db/schema/mail";
import { inDoubtBatch } from "./batch";
import { inMs } from "./pacer";

// The outbox rows' life in a sender: claimed under a lock, then every write fenced, so that a
// sender whose lock ran out cannot overwrite what another sender did since.

export const LOCK_MS = 2 * 60_000;

function due(seen: number[], onlyKinds?: string[]) {
  return and(
    or(
      and(eq(outbox.status, "pending"), lte(outbox.sendAfter, sql`now()`)),
      // A sender that died mid-batch leaves rows in `sending`; they come back when the lock runs out.
      and(eq(outbox.status, "sending"), or(isNull(outbox.lockedUntil), lt(outbox.lockedUntil, sql`now()`))),
    ),
    onlyKinds ? inArray(outbox.kind, onlyKinds) : undefined,
    // One attempt per message per drain: a short backoff or a 429 must not loop inside one call.
    // One array parameter, however many thousand rows a batching drain has seen.
    seen.length ? sql`${outbox.id} <> all(${`{${seen.join(",")}}`}::int[])` : undefined,
  );
}

/**
 * Claims up to `limit` due rows in one short transaction (SKIP LOCKED, so senders never wait for
 * each other), oldest first. With `wholeBatches`, the other rows of an in-doubt batch come too.
 */
export async function claim(db: Db, c: { limit: number; seen: number[]; onlyKinds?: string[]; wholeBatches: boolean }): Promise<OutboxMessage[]> {
  return db.transaction(async (tx) => {
    const picked = await tx
      .select({ id: outbox.id, providerId: outbox.providerId })
      .from(outbox)
      .where(due(c.seen, c.onlyKinds))
      .orderBy(asc(outbox.sendAfter), asc(outbox.id))
      .limit(c.limit)
      .for("update", { skipLocked: true });
    if (picked.length === 0) return [];
    const ids = picked.map((r) => r.id);
    // So that it can go again as the very same request, under the same key.
    const groups = c.wholeBatches ? [...new Set(picked.map(inDoubtBatch).filter((k) => k !== null))] : [];
    if (groups.length) {
      const rest = await tx
        .select({ id: outbox.id })
        .from(outbox)
        .where(and(due(c.seen, c.onlyKinds), inArray(outbox.providerId, groups), notInArray(outbox.id, ids)))
        .for("update", { skipLocked: true });
      ids.push(...rest.map((r) => r.id));
    }
    const rows = await tx
      .update(outbox)
      .set({ status: "sending", lockedUntil: inMs(LOCK_MS), attempts: sql`${outbox.attempts} + 1` })
      .where(inArray(outbox.id, ids))
      .returning();
    return rows.sort((a, b) => a.sendAfter.getTime() - b.sendAfter.getTime() || a.id - b.id);
  });
}

// `attempts` doubles as a fencing token: if our lock ran out and another sender re-claimed the row,
// it bumped attempts, so our late writes match nothing.
export const owned = (m: OutboxMessage) => and(eq(outbox.id, m.id), eq(outbox.status, "sending"), eq(outbox.attempts, m.attempts));
/** Callers check `rows` is not empty: `where` with no condition would touch every row. */
export const ownedAll = (rows: OutboxMessage[]) => or(...rows.map(owned));

/** The rows still ours, their locks renewed. */
export async function stillOwned(db: Db, rows: OutboxMessage[]): Promise<OutboxMessage[]> {
  if (rows.length === 0) return [];
  const kept = await db.update(outbox).set({ lockedUntil: inMs(LOCK_MS) }).where(ownedAll(rows)).returning({ id: outbox.id });
  const ids = new Set(kept.map((r) => r.id));
  return rows.filter((r) => ids.has(r.id));
}

/** Puts unsent rows back without spending an attempt. */
export async function release(db: Db, rows: OutboxMessage[], delayMs: number, lastError?: string) {
  if (rows.length === 0) return;
  await db
    .update(outbox)
    .set({ status: "pending", attempts: sql`${outbox.attempts} - 1`, sendAfter: inMs(delayMs), lockedUntil: null, ...(lastError ? { lastError } : {}) })
    .where(ownedAll(rows));
}

export async function fail(db: Db, rows: OutboxMessage[], lastError: string) {
  if (rows.length === 0) return;
  await db.update(outbox).set({ status: "failed", lockedUntil: null, lastError }).where(ownedAll(rows));
}

/** Records a sent batch: each row gets its own provider id, in one statement. */
export async function markSent(db: Db, rows: OutboxMessage[], providerIds: string[]) {
  if (rows.length === 0) return;
  const values = JSON.stringify(rows.map((m, i) => ({ id: m.id, attempts: m.attempts, provider_id: providerIds[i] })));
  await db.execute(sql`update ${outbox} set status = 'sent', provider_id = v.provider_id, sent_at = now(), locked_until = null, last_error = null
    from jsonb_to_recordset(${values}::jsonb) as v(id int, attempts int, provider_id text)
    where ${outbox.id} = v.id and ${outbox.status} = 'sending' and ${outbox.attempts} = v.attempts`);
}
