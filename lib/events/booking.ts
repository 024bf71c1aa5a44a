import "server-only";
import { and, asc, eq, inArray, isNull, lte, sql } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import { eventBookings, eventSessions, events, outbox, type EventBooking } from "@/db/schema";
import { hashToken, newToken, readableCode } from "@/lib/crypto";
import { AppError, isUniqueViolation } from "@/lib/errors";
import type { Locale } from "@/lib/i18n";
import { enqueueMails, idempotencyKey } from "@/lib/mail";
import { bookingMessage, confirmationMessages, sendBookingMail, type BookingMail } from "./emails";

// Statuses a booker can cancel that hold places in `event_sessions.booked` (attended and
// no-show bookings keep theirs: the session has happened).
const HOLDING = ["confirmed", "offered"] as const;
export const ACTIVE = ["confirmed", "waiting", "offered", "attended"] as const;

export function offerHours(): number {
  const h = Number(process.env.EVENTS_OFFER_HOURS);
  return Number.isFinite(h) && h > 0 ? h : 24;
}

export type NewBooking = {
  sessionId: number;
  name: string;
  email: string;
  phone: string;
  locale: Locale;
  joinWaitlist: boolean;
} & ({ kind: "visitor"; partySize: number } | { kind: "class"; pupils: number; adults: number; schoolId: number; teacherId: string });

export type BookResult =
  | { outcome: "confirmed" | "waiting"; bookingId: number; code: string; token: string }
  | { outcome: "duplicate"; bookingId: number; code: string; status: EventBooking["status"] }
  | { outcome: "full"; placesLeft: number };

type Opts = {
  origin: string;
  now?: Date;
  /**
   * Test-only: read the free places, decide in JavaScript, then write the new total — the
   * check-then-act race the conditional UPDATE exists to prevent. The concurrency test turns it
   * on to prove it would catch overselling.
   */
  unsafeCheckThenAct?: boolean;
};

/** Where the event is, as the emails say it: the village (for outreach days), then the venue. */
const venueOf = sql<string>`trim(concat_ws(' ', nullif(${events.village}, ''), ${events.venue}))`;

/** The mail context of a booking: its session and event, read in the caller's transaction. */
export async function bookingMailContext(db: DbOrTx, bookingId: number): Promise<BookingMail> {
  const [row] = await db
    .select({
      bookingId: eventBookings.id,
      code: eventBookings.code,
      name: eventBookings.name,
      email: eventBookings.email,
      locale: eventBookings.locale,
      partySize: eventBookings.partySize,
      eventTitle: events.title,
      eventSlug: events.slug,
      venue: venueOf,
      startsAt: eventSessions.startsAt,
      endsAt: eventSessions.endsAt,
    })
    .from(eventBookings)
    .innerJoin(eventSessions, eq(eventSessions.id, eventBookings.sessionId))
    .innerJoin(events, eq(events.id, eventSessions.eventId))
    .where(eq(eventBookings.id, bookingId));
  if (!row) throw new AppError("not_found");
  return row;
}

/** Takes `n` places in one statement, or none: the row is returned only when they fit. */
async function takePlaces(tx: DbOrTx, sessionId: number, n: number, unsafe = false): Promise<boolean> {
  if (unsafe) {
    const [s] = await tx.select({ booked: eventSessions.booked, capacity: eventSessions.capacity }).from(eventSessions).where(eq(eventSessions.id, sessionId));
    if (!s || s.booked + n > s.capacity) return false;
    // Widen the window between the read and the write, as a busy server would.
    await tx.execute(sql`SELECT pg_sleep(0.02)`);
    await tx.update(eventSessions).set({ booked: s.booked + n }).where(eq(eventSessions.id, sessionId));
    return true;
  }
  const rows = await tx
    .update(eventSessions)
    .set({ booked: sql`${eventSessions.booked} + ${n}` })
    .where(and(eq(eventSessions.id, sessionId), isNull(eventSessions.cancelledAt), sql`${eventSessions.booked} + ${n} <= ${eventSessions.capacity}`))
    .returning({ id: eventSessions.id });
  return rows.length > 0;
}

async function releasePlaces(tx: DbOrTx, sessionId: number, n: number) {
  await tx
    .update(eventSessions)
    .set({ booked: sql`${eventSessions.booked} - ${n}` })
    .where(eq(eventSessions.id, sessionId));
}

async function findActive(db: DbOrTx, sessionId: number, email: string) {
  const [row] = await db
    .select({ id: eventBookings.id, code: eventBookings.code, status: eventBookings.status })
    .from(eventBookings)
    .where(and(eq(eventBookings.sessionId, sessionId), sql`lower(${eventBookings.email}) = ${email.toLowerCase()}`, inArray(eventBookings.status, [...ACTIVE]), isNull(eventBookings.anonymisedAt)));
  return row;
}

/**
 * Books a session: places are taken by one conditional UPDATE, so however many people book at
 * once the session is never oversold. When it is full the person joins the waiting list if they
 * asked to, or is told so. The booking and its emails commit together.
 */
export async function bookSession(input: NewBooking, opts: Opts): Promise<BookResult> {
  const now = opts.now ?? new Date();
  const db = getDb();
  const existing = await findActive(db, input.sessionId, input.email);
  if (existing) return { outcome: "duplicate", bookingId: existing.id, code: existing.code, status: existing.status };
  const size = input.kind === "visitor" ? input.partySize : input.pupils + input.adults;
  try {
    return await db.transaction(async (tx) => {
      // With what the emails say of the event, so the booking needs no second read for them.
      const [session] = await tx
        .select({
          id: eventSessions.id,
          startsAt: eventSessions.startsAt,
          endsAt: eventSessions.endsAt,
          capacity: eventSessions.capacity,
          booked: eventSessions.booked,
          cancelledAt: eventSessions.cancelledAt,
          eventTitle: events.title,
          eventSlug: events.slug,
          venue: venueOf,
        })
        .from(eventSessions)
        .innerJoin(events, eq(events.id, eventSessions.eventId))
        .where(and(eq(eventSessions.id, input.sessionId), eq(events.status, "published"), isNull(events.cancelledAt)));
      if (!session || session.cancelledAt || session.startsAt <= now) throw new AppError("not_found", undefined, "events.sessionClosed");
      if (size > session.capacity) throw new AppError("invalid", { [input.kind === "visitor" ? "partySize" : "pupils"]: ["events.tooManyForSession", { max: session.capacity }] });
      const took = await takePlaces(tx, input.sessionId, size, opts.unsafeCheckThenAct);
      if (!took && !input.joinWaitlist) return { outcome: "full" as const, placesLeft: Math.max(0, session.capacity - session.booked) };
      const { token, hash } = newToken();
      const [row] = await tx
        .insert(eventBookings)
        .values({
          code: readableCode(8).toUpperCase(),
          sessionId: input.sessionId,
          kind: input.kind,
          name: input.name,
          email: input.email,
          phone: input.phone,
          partySize: size,
          ...(input.kind === "class" ? { pupils: input.pupils, adults: input.adults, schoolId: input.schoolId, teacherId: input.teacherId } : {}),
          status: took ? "confirmed" : "waiting",
          tokenHash: hash,
          locale: input.locale,
        })
        .returning({ id: eventBookings.id, code: eventBookings.code });
      const mail: BookingMail = {
        bookingId: row!.id,
        code: row!.code,
        name: input.name,
        email: input.email,
        locale: input.locale,
        partySize: size,
        eventTitle: session.eventTitle,
        eventSlug: session.eventSlug,
        venue: session.venue,
        startsAt: session.startsAt,
        endsAt: session.endsAt,
      };
      // The confirmation and its reminder (or the waiting-list message) in one statement.
      await enqueueMails(tx, took ? await confirmationMessages(tx, mail, { origin: opts.origin, token, now }) : [await bookingMessage(tx, "waiting", mail, { origin: opts.origin, token })]);
      return { outcome: took ? ("confirmed" as const) : ("waiting" as const), bookingId: row!.id, code: row!.code, token };
    });
  } catch (e) {
    // Two requests from the same person at once: the unique index lets one through.
    if (isUniqueViolation(e)) {
      const again = await findActive(db, input.sessionId, input.email);
      if (again) return { outcome: "duplicate", bookingId: again.id, code: again.code, status: again.status };
    }
    throw e;
  }
}

/** A cancelled booking must not be reminded: its pending reminder is withdrawn with it. */
async function dropReminder(tx: DbOrTx, bookingId: number) {
  await tx.delete(outbox).where(and(eq(outbox.idempotencyKey, idempotencyKey("event-reminder", bookingId)), eq(outbox.status, "pending")));
}

/**
 * Offers freed places down the waiting list: each time to the first booking (in the order they
 * joined) whose whole party fits, for `EVENTS_OFFER_HOURS`. The offered places are held.
 */
export async function offerFreedPlaces(tx: DbOrTx, sessionId: number, origin: string, now: Date) {
  for (;;) {
    const [s] = await tx
      .select({ free: sql<number>`${eventSessions.capacity} - ${eventSessions.booked}`, cancelledAt: eventSessions.cancelledAt, startsAt: eventSessions.startsAt })
      .from(eventSessions)
      .where(eq(eventSessions.id, sessionId))
      .for("update");
    if (!s || s.cancelledAt || s.startsAt <= now || s.free <= 0) return;
    const [next] = await tx
      .select({ id: eventBookings.id, partySize: eventBookings.partySize })
      .from(eventBookings)
      .where(and(eq(eventBookings.sessionId, sessionId), eq(eventBookings.status, "waiting"), lte(eventBookings.partySize, s.free)))
      .orderBy(asc(eventBookings.id))
      .limit(1);
    if (!next || !(await takePlaces(tx, sessionId, next.partySize))) return;
    const until = new Date(Math.min(now.getTime() + offerHours() * 3600_000, s.startsAt.getTime()));
    // The offer email carries a fresh link; the earlier one (from the waiting-list email) stops working.
    const { token, hash } = newToken();
    await tx.update(eventBookings).set({ status: "offered", offerExpiresAt: until, tokenHash: hash }).where(eq(eventBookings.id, next.id));
    await sendBookingMail(tx, "offer", await bookingMailContext(tx, next.id), { origin, token, offerUntil: until });
  }
}

async function lockByToken(tx: DbOrTx, token: string) {
  const [b] = await tx.select().from(eventBookings).where(eq(eventBookings.tokenHash, hashToken(token))).for("update");
  if (!b || b.anonymisedAt) throw new AppError("not_found");
  return b;
}

/** The booker cancels through their link: held places go back and are offered down the list. */
export async function cancelBooking(token: string, o: { origin: string; now?: Date }) {
  const now = o.now ?? new Date();
  await getDb().transaction(async (tx) => {
    const b = await lockByToken(tx, token);
    if (!["confirmed", "waiting", "offered"].includes(b.status)) throw new AppError("conflict", undefined, "events.cannotCancel");
    await tx.update(eventBookings).set({ status: "cancelled", cancelledAt: now, offerExpiresAt: null }).where(eq(eventBookings.id, b.id));
    await dropReminder(tx, b.id);
    await sendBookingMail(tx, "cancelled", await bookingMailContext(tx, b.id), { origin: o.origin });
    if ((HOLDING as readonly string[]).includes(b.status)) {
      await releasePlaces(tx, b.sessionId, b.partySize);
      await offerFreedPlaces(tx, b.sessionId, o.origin, now);
    }
  });
}

/** Accepting an offer before it lapses confirms the booking (the places are already held). */
export async function acceptOffer(token: string, o: { origin: string; now?: Date }) {
  const now = o.now ?? new Date();
  await getDb().transaction(async (tx) => {
    const b = await lockByToken(tx, token);
    if (b.status !== "offered" || !b.offerExpiresAt || b.offerExpiresAt <= now) throw new AppError("conflict", undefined, "events.offerGone");
    await tx.update(eventBookings).set({ status: "confirmed", offerExpiresAt: null }).where(eq(eventBookings.id, b.id));
    await enqueueMails(tx, await confirmationMessages(tx, await bookingMailContext(tx, b.id), { origin: o.origin, token, now }));
  });
}

/**
 * Offers nobody took up in time lapse (the booking is cancelled) and their places pass on to the
 * next waiting booking that fits. Called when a session's page or a booking is read, so no timer
 * is needed; each lapsed offer is handled once (SKIP LOCKED lets parallel readers share the work).
 */
export async function expireOffers(now: Date, o: { origin: string; sessionIds?: number[] }): Promise<number> {
  if (o.sessionIds && !o.sessionIds.length) return 0;
  return getDb().transaction(async (tx) => {
    const lapsed = await tx
      .select({ id: eventBookings.id, sessionId: eventBookings.sessionId, partySize: eventBookings.partySize })
      .from(eventBookings)
      .where(and(eq(eventBookings.status, "offered"), lte(eventBookings.offerExpiresAt, now), o.sessionIds ? inArray(eventBookings.sessionId, o.sessionIds) : undefined))
      .orderBy(asc(eventBookings.id))
      .for("update", { skipLocked: true });
    for (const b of lapsed) {
      await tx.update(eventBookings).set({ status: "cancelled", cancelledAt: now, offerExpiresAt: null }).where(eq(eventBookings.id, b.id));
      await releasePlaces(tx, b.sessionId, b.partySize);
    }
    for (const sessionId of new Set(lapsed.map((b) => b.sessionId))) await offerFreedPlaces(tx, sessionId, o.origin, now);
    return lapsed.length;
  });
}

/**
 * Blanks bookers' names, emails and phones `days` after their session ended
 * (`EVENTS_ANONYMISE_DAYS`, default 180). Places, statuses and schools stay for the figures.
 */
export async function anonymiseOldBookings(now = new Date(), days = Number(process.env.EVENTS_ANONYMISE_DAYS) || 180): Promise<number> {
  const cutoff = new Date(now.getTime() - days * 86_400_000);
  const rows = await getDb()
    .update(eventBookings)
    .set({ name: "", email: sql`'anonymised-' || ${eventBookings.id} || '@invalid'`, phone: "", anonymisedAt: now })
    .where(
      and(
        isNull(eventBookings.anonymisedAt),
        inArray(eventBookings.sessionId, getDb().select({ id: eventSessions.id }).from(eventSessions).where(lte(eventSessions.endsAt, cutoff))),
      ),
    )
    .returning({ id: eventBookings.id });
  return rows.length;
}
