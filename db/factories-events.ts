import { randomBytes } from "node:crypto";
import type { DbOrTx } from "./client";
import { eventSessions, events } from "./schema";

// Events and sessions for tests and the demo seed; each call makes a unique, published event.

export async function createEventRow(db: DbOrTx, values: Partial<typeof events.$inferInsert> = {}) {
  const id = randomBytes(4).toString("hex");
  const startsAt = values.startsAt ?? new Date(Date.now() + 7 * 86_400_000);
  const [row] = await db
    .insert(events)
    .values({
      slug: `event-${id}`,
      kind: "exhibition",
      title: `测试展览${id}`,
      venue: "图书馆一楼展厅",
      status: "published",
      endsAt: new Date(startsAt.getTime() + 21 * 86_400_000),
      ...values,
      startsAt,
    })
    .returning();
  return row!;
}

export async function createSessionRow(db: DbOrTx, eventId: number, values: { capacity?: number; startsAt?: Date; hours?: number } = {}) {
  const startsAt = values.startsAt ?? new Date(Date.now() + 10 * 86_400_000);
  const [row] = await db
    .insert(eventSessions)
    .values({ eventId, capacity: values.capacity ?? 40, startsAt, endsAt: new Date(startsAt.getTime() + (values.hours ?? 2) * 3600_000) })
    .returning();
  return row!;
}
