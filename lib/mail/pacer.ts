import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { mailPacer } from "@/db/schema/mail";

// Times are taken on the database clock, so clock skew between app servers does not matter.
export const secs = (ms: number) => sql`make_interval(secs => ${ms / 1000})`;
export const inMs = (ms: number) => sql`now() + ${secs(ms)}`;

/**
 * Takes the next request slot with one UPDATE, so any number of processes share one schedule.
 * Returns how long to wait until the slot starts, and the slot (epoch ms on the database clock).
 * `pacerId` picks the mail_pacer row: one per provider account, whose rate limit it keeps.
 */
export async function takePacerSlot(db: Db, intervalMs: number, pacerId = 1): Promise<{ waitMs: number; slotAt: number }> {
  const take = () =>
    db
      .update(mailPacer)
      .set({ nextAt: sql`greatest(${mailPacer.nextAt}, now()) + ${secs(intervalMs)}` })
      .where(eq(mailPacer.id, pacerId))
      .returning({
        // clock_timestamp(), not now(): time spent waiting for the row lock must not make us late.
        waitMs: sql<number>`(extract(epoch from (${mailPacer.nextAt} - ${secs(intervalMs)} - clock_timestamp())) * 1000)::float8`.mapWith(Number),
        slotAt: sql<number>`(extract(epoch from (${mailPacer.nextAt} - ${secs(intervalMs)})) * 1000)::float8`.mapWith(Number),
      });
  let rows = await take();
  if (rows.length === 0) {
    await db.insert(mailPacer).values({ id: pacerId }).onConflictDoNothing();
    rows = await take();
  }
  const row = rows[0] ?? { waitMs: 0, slotAt: Date.now() };
  return { waitMs: Math.max(0, row.waitMs), slotAt: row.slotAt };
}

/** After a 429 nobody may call the provider before retry-after has passed. */
export async function pushPacer(db: Db, delayMs: number, pacerId = 1) {
  await db
    .update(mailPacer)
    .set({ nextAt: sql`greatest(${mailPacer.nextAt}, ${inMs(delayMs)})` })
    .where(eq(mailPacer.id, pacerId));
}
