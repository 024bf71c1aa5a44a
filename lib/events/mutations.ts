import "server-only";
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import { auditLog, eventBookings, eventExhibits, eventSessions, events } from "@/db/schema";
import { getCachedHighlights } from "@/lib/content/queries";
import { AppError, isUniqueViolation } from "@/lib/errors";
import { PUBLIC_IMAGE, saveOptionalImage, saveUpload } from "@/lib/storage";
import { parseShanghaiDate, parseShanghaiDateTime } from "@/lib/time";
import { bookingMailContext, offerFreedPlaces } from "./booking";
import { sendBookingMail } from "./emails";
import type { EventInput, SessionEditInput, SessionRunInput } from "./schemas";


async function audit(db: DbOrTx, actorId: string, action: string, eventId: number, data?: Record<string, unknown>) {
  await db.insert(auditLog).values({ actorId, action, entity: "event", entityId: String(eventId), data });
}

export async function saveEvent(eventId: number | null, { cover, ...input }: EventInput & { cover?: File }, actorId: string): Promise<number> {
  try {
    const id = await getDb().transaction(async (tx) => {
      const coverFileId = await saveOptionalImage(tx, "cover", cover, actorId);
      const values = { ...input, ...(coverFileId ? { coverFileId } : {}) };
      const [row] = eventId
        ? await tx.update(events).set(values).where(eq(events.id, eventId)).returning({ id: events.id })
        : await tx.insert(events).values(values).returning({ id: events.id });
      if (!row) throw new AppError("not_found");
      await audit(tx, actorId, eventId ? "update" : "create", row.id);
      return row.id;
    });
    getCachedHighlights.clear();
    return id;
  } catch (e) {
    if (isUniqueViolation(e, "slug")) throw new AppError("invalid", { slug: "campaigns.slugTaken" });
    throw e;
  }
}

export async function setEventStatus(eventId: number, status: "draft" | "published" | "archived", actorId: string) {
  await getDb().transaction(async (tx) => {
    const [row] = await tx.update(events).set({ status }).where(eq(events.id, eventId)).returning({ id: events.id });
    if (!row) throw new AppError("not_found");
    await audit(tx, actorId, `status:${status}`, eventId);
  });
  getCachedHighlights.clear();
}

/** Everyone holding or waiting for places in these sessions is told, and their bookings end. */
async function cancelBookingsOf(tx: DbOrTx, sessionIds: number[], origin: string, now: Date) {
  if (!sessionIds.length) return 0;
  const affected = await tx
    .update(eventBookings)
    .set({ status: "cancelled", cancelledAt: now, offerExpiresAt: null })
    .where(and(inArray(eventBookings.sessionId, sessionIds), inArray(eventBookings.status, ["confirmed", "waiting", "offered"])))
    .returning({ id: eventBookings.id });
  for (const b of affected) await sendBookingMail(tx, "sessionCancelled", await bookingMailContext(tx, b.id), { origin });
  // Reminders of these bookings must not go out.
  if (affected.length) {
    await tx.execute(sql`DELETE FROM outbox WHERE status = 'pending' AND idempotency_key IN (${sql.join(affected.map((b) => sql`${`event-reminder/${b.id}`}`), sql`, `)})`);
  }
  await tx.update(eventSessions).set({ booked: 0 }).where(inArray(eventSessions.id, sessionIds));
  return affected.length;
}

export async function cancelEvent(eventId: number, actorId: string, origin: string, now = new Date()) {
  const n = await getDb().transaction(async (tx) => {
    const [row] = await tx.update(events).set({ cancelledAt: now }).where(and(eq(events.id, eventId), isNull(events.cancelledAt))).returning({ id: events.id });
    if (!row) throw new AppError("conflict");
    const sessions = await tx.update(eventSessions).set({ cancelledAt: now }).where(and(eq(eventSessions.eventId, eventId), isNull(eventSessions.cancelledAt))).returning({ id: eventSessions.id });
    const notified = await cancelBookingsOf(tx, sessions.map((s) => s.id), origin, now);
    await audit(tx, actorId, "cancel", eventId, { notified });
    return notified;
  });
  getCachedHighlights.clear();
  return n;
}

export async function cancelSession(eventId: number, sessionId: number, actorId: string, origin: string, now = new Date()) {
  return getDb().transaction(async (tx) => {
    const [row] = await tx
      .update(eventSessions)
      .set({ cancelledAt: now })
      .where(and(eq(eventSessions.id, sessionId), eq(eventSessions.eventId, eventId), isNull(eventSessions.cancelledAt)))
      .returning({ id: eventSessions.id });
    if (!row) throw new AppError("conflict");
    const notified = await cancelBookingsOf(tx, [sessionId], origin, now);
    await audit(tx, actorId, "session:cancel", eventId, { sessionId, notified });
    return notified;
  });
}

/** Every day in the range (Mondays skipped when the library is closed), at each time window. */
export function sessionTimes(run: Pick<SessionRunInput, "fromDay" | "toDay" | "times" | "skipMondays">): { startsAt: Date; endsAt: Date }[] {
  const out: { startsAt: Date; endsAt: Date }[] = [];
  const last = parseShanghaiDate(run.toDay)!.getTime();
  for (let t = parseShanghaiDate(run.fromDay)!.getTime(); t <= last; t += 86_400_000) {
    const day = new Date(t + 8 * 3600_000).toISOString().slice(0, 10);
    if (run.skipMondays && new Date(`${day}T00:00:00Z`).getUTCDay() === 1) continue;
    for (const [from, to] of run.times) out.push({ startsAt: parseShanghaiDateTime(`${day}T${from}`)!, endsAt: parseShanghaiDateTime(`${day}T${to}`)! });
  }
  return out;
}

export async function generateSessions(run: SessionRunInput, actorId: string): Promise<number> {
  const times = sessionTimes(run);
  if (!times.length) return 0;
  return getDb().transaction(async (tx) => {
    const [ev] = await tx.select({ id: events.id }).from(events).where(eq(events.id, run.eventId));
    if (!ev) throw new AppError("not_found");
    await tx.insert(eventSessions).values(times.map((t) => ({ ...t, eventId: run.eventId, capacity: run.capacity })));
    await audit(tx, actorId, "sessions:generate", run.eventId, { count: times.length });
    return times.length;
  });
}

/** Capacity cannot drop below the places already held; more capacity is offered down the waiting list. */
export async function updateSession(input: SessionEditInput, actorId: string, origin: string, now = new Date()) {
  await getDb().transaction(async (tx) => {
    const [row] = await tx
      .update(eventSessions)
      .set({ startsAt: input.startsAt, endsAt: input.endsAt, capacity: input.capacity })
      .where(and(eq(eventSessions.id, input.sessionId), eq(eventSessions.eventId, input.eventId), sql`${eventSessions.booked} <= ${input.capacity}`))
      .returning({ id: eventSessions.id });
    if (!row) {
      const [exists] = await tx.select({ booked: eventSessions.booked }).from(eventSessions).where(and(eq(eventSessions.id, input.sessionId), eq(eventSessions.eventId, input.eventId)));
      if (!exists) throw new AppError("not_found");
      throw new AppError("invalid", { capacity: ["eventsAdmin.capacityBelowBooked", { booked: exists.booked }] });
    }
    await offerFreedPlaces(tx, input.sessionId, origin, now);
    await audit(tx, actorId, "session:update", input.eventId, { sessionId: input.sessionId });
  });
}

export async function addExhibit(input: { eventId: number; title: string; caption: string; image: File }, actorId: string) {
  await getDb().transaction(async (tx) => {
    const file = await saveUpload(tx, "image", input.image, PUBLIC_IMAGE, actorId);
    const [{ next }] = await tx.select({ next: sql<number>`coalesce(max(${eventExhibits.sortOrder}), 0) + 1` }).from(eventExhibits).where(eq(eventExhibits.eventId, input.eventId));
    await tx.insert(eventExhibits).values({ eventId: input.eventId, fileId: file.id, title: input.title, caption: input.caption, sortOrder: next });
    await audit(tx, actorId, "exhibit:add", input.eventId);
  });
}

/** Moves an exhibit one place up or down by swapping with its neighbour, or removes it. */
export async function changeExhibit(eventId: number, exhibitId: number, direction: "up" | "down" | "delete", actorId: string) {
  await getDb().transaction(async (tx) => {
    const list = await tx.select({ id: eventExhibits.id, sortOrder: eventExhibits.sortOrder }).from(eventExhibits).where(eq(eventExhibits.eventId, eventId)).orderBy(asc(eventExhibits.sortOrder), asc(eventExhibits.id));
    const i = list.findIndex((e) => e.id === exhibitId);
    if (i < 0) throw new AppError("not_found");
    if (direction === "delete") await tx.delete(eventExhibits).where(eq(eventExhibits.id, exhibitId));
    else {
      const j = direction === "up" ? i - 1 : i + 1;
      if (j < 0 || j >= list.length) return;
      // Renumber the whole list so equal sort orders (from old data) cannot make a swap a no-op.
      [list[i], list[j]] = [list[j]!, list[i]!];
      for (const [n, e] of list.entries()) await tx.update(eventExhibits).set({ sortOrder: n + 1 }).where(eq(eventExhibits.id, e.id));
    }
    await audit(tx, actorId, `exhibit:${direction}`, eventId, { exhibitId });
  });
}

export type CheckInResult = { outcome: "checked_in" | "already"; name: string; partySize: number; code: string; checkedInAt: Date };

/** Checks a booking in by its code; a code from another session is "not found" here. */
export async function checkIn(sessionId: number, code: string, now = new Date()): Promise<CheckInResult> {
  const db = getDb();
  const [done] = await db
    .update(eventBookings)
    .set({ status: "attended", checkedInAt: now })
    .where(and(eq(eventBookings.sessionId, sessionId), eq(eventBookings.code, code), inArray(eventBookings.status, ["confirmed", "no_show"])))
    .returning({ name: eventBookings.name, partySize: eventBookings.partySize, code: eventBookings.code, checkedInAt: eventBookings.checkedInAt });
  if (done) return { outcome: "checked_in", ...done, checkedInAt: done.checkedInAt! };
  const [prior] = await db
    .select({ name: eventBookings.name, partySize: eventBookings.partySize, code: eventBookings.code, checkedInAt: eventBookings.checkedInAt })
    .from(eventBookings)
    .where(and(eq(eventBookings.sessionId, sessionId), eq(eventBookings.code, code), eq(eventBookings.status, "attended")));
  if (prior) return { outcome: "already", ...prior, checkedInAt: prior.checkedInAt! };
  throw new AppError("not_found", { code: "eventsAdmin.codeUnknown" });
}

/** After a session has started, confirmed bookings nobody checked in become no-shows. */
export async function markNoShows(sessionId: number, actorId: string, now = new Date()): Promise<number> {
  return getDb().transaction(async (tx) => {
    const [s] = await tx.select({ eventId: eventSessions.eventId, startsAt: eventSessions.startsAt }).from(eventSessions).where(eq(eventSessions.id, sessionId));
    if (!s) throw new AppError("not_found");
    if (s.startsAt > now) throw new AppError("conflict", undefined, "eventsAdmin.notStartedYet");
    const rows = await tx
      .update(eventBookings)
      .set({ status: "no_show" })
      .where(and(eq(eventBookings.sessionId, sessionId), eq(eventBookings.status, "confirmed")))
      .returning({ id: eventBookings.id });
    await audit(tx, actorId, "session:no_shows", s.eventId, { sessionId, count: rows.length });
    return rows.length;
  });
}
