import "server-only";
import { and, asc, eq, gt, inArray, isNull, lte, sql, type SQL } from "drizzle-orm";
import { getDb, preparedQuery, rowsOf, type DbOrTx } from "@/db/client";
import { eventBookings, eventSessions, events, outbox, type EventBooking } from "@/db/schema";
import { hashToken, newToken, readableCode } from "@/lib/crypto";
import { AppError, isUniqueViolation } from "@/lib/errors";
import type { Locale } from "@/lib/i18n";
import { rateLimitCtes, type RateLimit } from "@/lib/rate-limit";
import { enqueueMails, idempotencyKey, outboxRow } from "@/lib/mail";
import { bookingMessage, confirmationMessages, sendBookingMail, type BookingMail } from "./emails";
import { BOOKING_LIMIT_WINDOW_SECONDS } from "./guard";

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
  /** Limits per address and email (bookingLimits), checked and counted with the booking itself. */
  limits?: RateLimit[];
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

/** The statement that takes `n` places, or none: it changes the row only when they fit. */
function takePlaces(db: DbOrTx, sessionId: number, n: number, also?: SQL) {
  return db
    .update(eventSessions)
    .set({ booked: sql`${eventSessions.booked} + ${n}` })
    .where(and(eq(eventSessions.id, sessionId), isNull(eventSessions.cancelledAt), sql`${eventSessions.booked} + ${n} <= ${eventSessions.capacity}`, also));
}

async function releasePlaces(tx: DbOrTx, sessionId: number, n: number) {
  await tx
    .update(eventSessions)
    .set({ booked: sql`${eventSessions.booked} - ${n}` })
    .where(eq(eventSessions.id, sessionId));
}

/**
 * A bookable session as the emails tell it, this email's live booking of it if there is one, and
 * an id for the new booking (so its emails can be made before it is stored). One query, prepared.
 */
const sessionToBook = preparedQuery((db) =>
  db
    .select({
      startsAt: eventSessions.startsAt,
      endsAt: eventSessions.endsAt,
      capacity: eventSessions.capacity,
      booked: eventSessions.booked,
      cancelledAt: eventSessions.cancelledAt,
      eventTitle: events.title,
      eventSlug: events.slug,
      venue: venueOf,
      existing: sql<{ id: number; code: string; status: EventBooking["status"] } | null>`(
        SELECT json_build_object('id', b.id, 'code', b.code, 'status', b.status) FROM ${eventBookings} b
        WHERE b.session_id = ${eventSessions.id} AND lower(b.email) = lower(${sql.placeholder("email")})
          AND b.status IN ${sql.raw(`(${ACTIVE.map((s) => `'${s}'`).join(", ")})`)} AND b.anonymised_at IS NULL
        LIMIT 1)`,
      newId: sql<number>`nextval(pg_get_serial_sequence('event_bookings', 'id'))::int`,
    })
    .from(eventSessions)
    .innerJoin(events, eq(events.id, eventSessions.eventId))
    .where(and(eq(eventSessions.id, sql.placeholder("sessionId")), eq(events.status, "published"), isNull(events.cancelledAt)))
    .prepare("session_to_book"),
);

/**
 * Books a session in two round trips: one read (above), then one statement that checks and counts
 * the limits per address and email, takes the places when they fit, stores the booking (confirmed,
 * or waiting when they do not fit and the person asked to wait) and queues its emails, all or
 * nothing. Places are taken by a conditional UPDATE, so however many people book at once the
 * session is never oversold; a second live booking by the same email is stopped by a unique
 * index, and that person is pointed to their first.
 */
export async function bookSession(input: NewBooking, opts: Opts): Promise<BookResult> {
  const now = opts.now ?? new Date();
  const size = input.kind === "visitor" ? input.partySize : input.pupils + input.adults;
  const [session] = await sessionToBook().execute({ sessionId: input.sessionId, email: input.email });
  if (session?.existing) return { outcome: "duplicate", bookingId: session.existing.id, code: session.existing.code, status: session.existing.status };
  if (!session || session.cancelledAt || session.startsAt <= now) throw new AppError("not_found", undefined, "events.sessionClosed");
  if (size > session.capacity) throw new AppError("invalid", { [input.kind === "visitor" ? "partySize" : "pupils"]: ["events.tooManyForSession", { max: session.capacity }] });

  const db = getDb();
  const { token, hash } = newToken();
  const { eventTitle, eventSlug, venue, startsAt, endsAt } = session;
  const mail: BookingMail = { bookingId: session.newId, code: readableCode(8).toUpperCase(), name: input.name, email: input.email, locale: input.locale, partySize: size, eventTitle, eventSlug, venue, startsAt, endsAt };
  const confirmed = (await confirmationMessages(db, mail, { origin: opts.origin, token, now })).map((m) => ({ status: "confirmed", ...outboxRow(m) }));
  const withWaiting = async () => [...confirmed, { status: "waiting", ...outboxRow(await bookingMessage(db, "waiting", mail, { origin: opts.origin, token })) }];
  const cls = input.kind === "class" ? input : null;

  // Test-only: decide from the places read above, then write the new total (see Opts).
  const unsafe = opts.unsafeCheckThenAct;
  if (unsafe) await db.execute(sql`SELECT pg_sleep(0.02)`);
  const allowed = sql`(SELECT ok FROM verdict)`;
  const take = unsafe
    ? sql`UPDATE ${eventSessions} SET booked = ${session.booked + size} WHERE id = ${input.sessionId} AND ${session.booked + size <= session.capacity} AND ${allowed}`
    : takePlaces(db, input.sessionId, size, and(gt(eventSessions.startsAt, now), allowed)).getSQL();

  /** The statement; the booking joins the waiting list only when its message is among `mails`. */
  const store = async (mails: typeof confirmed, limits: RateLimit[] | undefined) => {
    const [row] = rowsOf<{ allowed: boolean; status: "confirmed" | "waiting" | null }>(
      await db.execute(sql`
        WITH ${limits ? rateLimitCtes(limits, BOOKING_LIMIT_WINDOW_SECONDS) : sql`verdict AS (SELECT true AS ok)`},
        took AS (${take} RETURNING 1),
        booking AS (
          INSERT INTO ${eventBookings} (id, code, session_id, kind, name, email, phone, party_size, pupils, adults, school_id, teacher_id, status, token_hash, locale)
          SELECT ${mail.bookingId}, ${mail.code}, ${input.sessionId}, ${input.kind}, ${input.name}, ${input.email}, ${input.phone}, ${size},
            ${cls?.pupils ?? null}::int, ${cls?.adults ?? null}::int, ${cls?.schoolId ?? null}::int, ${cls?.teacherId ?? null},
            (CASE WHEN EXISTS (SELECT 1 FROM took) THEN 'confirmed' ELSE 'waiting' END)::booking_status, ${hash}, ${input.locale}
          WHERE ${allowed} AND (EXISTS (SELECT 1 FROM took) OR ${mails.some((m) => m.status === "waiting")})
          RETURNING status
        ),
        mail AS (
          INSERT INTO ${outbox} (idempotency_key, kind, to_address, locale, subject, html, text, send_after)
          SELECT m.key, m.kind, m.to_address, m.locale::locale, m.subject, m.html, m.text, coalesce(m.send_after, now())
          FROM booking JOIN (VALUES ${sql.join(
            mails.map((m) => sql`(${m.status}, ${m.idempotencyKey}, ${m.kind}, ${m.toAddress}, ${m.locale}, ${m.subject}, ${m.html}, ${m.text}, ${m.sendAfter?.toISOString() ?? null}::timestamptz)`),
            sql`, `,
          )}) AS m (status, key, kind, to_address, locale, subject, html, text, send_after) ON m.status = booking.status::text
          ON CONFLICT (idempotency_key) DO NOTHING
        )
        SELECT ${allowed} AS allowed, (SELECT status FROM booking) AS status`),
    );
    if (!row?.allowed) throw new AppError("rate_limited");
    return row.status;
  };

  try {
    // The waiting-list message is made only when it may be needed: when the places read above do
    // not fit. When they did but others took them first, nothing was stored, and the statement
    // runs again with it (the limits were counted the first time).
    const fits = session.booked + size <= session.capacity;
    let status = await store(input.joinWaitlist && !fits ? await withWaiting() : confirmed, opts.limits);
    if (!status && input.joinWaitlist && fits) status = await store(await withWaiting(), undefined);
    if (!status) return { outcome: "full", placesLeft: Math.max(0, session.capacity - session.booked) };
    return { outcome: status, bookingId: mail.bookingId, code: mail.code, token };
  } catch (e) {
    // Two requests from the same person at once: the unique index lets one through.
    if (isUniqueViolation(e)) {
      const [again] = await sessionToBook().execute({ sessionId: input.sessionId, email: input.email });
      if (again?.existing) return { outcome: "duplicate", bookingId: again.existing.id, code: again.existing.code, status: again.existing.status };
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
    if (!next || !(await takePlaces(tx, sessionId, next.partySize).returning({ id: eventSessions.id })).length) return;
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
