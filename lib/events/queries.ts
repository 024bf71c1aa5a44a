import "server-only";
import { cache } from "react";
import { and, asc, desc, eq, gte, inArray, isNull, lt, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { memoize } from "@/lib/cache";
import { eventBookings, eventExhibits, eventSessions, events, schools } from "@/db/schema";
import { hashToken } from "@/lib/crypto";
import { parseShanghaiDate } from "@/lib/time";
import { expireOffers } from "./booking";

export const eventKinds = ["exhibition", "activity", "lecture", "outreach"] as const;
export type EventKind = (typeof eventKinds)[number];

/**
 * Published events for the public list: those not yet over first (soonest first), then past ones
 * (latest first). `month` ("2026-04") keeps events running at any time in that month.
 */
export async function listPublicEvents(f: { kind?: EventKind; month?: string }, now = new Date()) {
  const conds = [eq(events.status, "published")];
  if (f.kind) conds.push(eq(events.kind, f.kind));
  const monthStart = f.month ? parseShanghaiDate(`${f.month}-01`) : null;
  if (monthStart) {
    const [y, m] = f.month!.split("-").map(Number);
    const next = parseShanghaiDate(`${m === 12 ? y! + 1 : y}-${String(m === 12 ? 1 : m! + 1).padStart(2, "0")}-01`)!;
    conds.push(lt(events.startsAt, next), gte(events.endsAt, monthStart));
  }
  // postgres.js takes no Date inside raw SQL: the instant goes in as text, cast.
  const at = sql`${now.toISOString()}::timestamptz`;
  return getDb()
    .select({ id: events.id, slug: events.slug, kind: events.kind, title: events.title, venue: events.venue, village: events.village, startsAt: events.startsAt, endsAt: events.endsAt, coverFileId: events.coverFileId, cancelledAt: events.cancelledAt })
    .from(events)
    .where(and(...conds))
    .orderBy(sql`(${events.endsAt} < ${at}) ASC`, sql`CASE WHEN ${events.endsAt} >= ${at} THEN ${events.startsAt} END ASC`, desc(events.endsAt))
    .limit(100);
}

/**
 * An event page: the event, its gallery and its sessions still to come. Lapsed offers are settled
 * first. Cached per request, as the page and its metadata both ask.
 */
export const getPublicEvent = cache((slug: string, origin: string) => {
  // Event pages are the busiest after the home page; each instance reads one at most every two
  // seconds (places left may lag that long; booking itself always checks the database).
  let memo = publicEventMemos.get(slug);
  if (!memo) {
    if (publicEventMemos.size >= 500) publicEventMemos.clear();
    memo = memoize(() => loadPublicEvent(slug, { origin }), 2_000);
    publicEventMemos.set(slug, memo);
  }
  return memo();
});
const publicEventMemos = new Map<string, () => ReturnType<typeof loadPublicEvent>>();

export async function loadPublicEvent(slug: string, o: { origin: string; now?: Date }) {
  const now = o.now ?? new Date();
  const db = getDb();
  const [event] = await db.select().from(events).where(and(eq(events.slug, slug), eq(events.status, "published")));
  if (!event) return null;
  const sessionsQuery = () =>
    db
      .select({
        id: eventSessions.id,
        startsAt: eventSessions.startsAt,
        endsAt: eventSessions.endsAt,
        capacity: eventSessions.capacity,
        booked: eventSessions.booked,
        cancelledAt: eventSessions.cancelledAt,
        // An offer that lapsed unanswered still holds places until it is settled below.
        // (Written out: drizzle leaves columns unqualified inside a select list, and "id" would
        // then name the booking's own id.)
        lapsed: sql<boolean>`EXISTS (SELECT 1 FROM event_bookings b WHERE b.session_id = event_sessions.id AND b.status = 'offered' AND b.offer_expires_at <= ${now.toISOString()}::timestamptz)`,
      })
      .from(eventSessions)
      .where(and(eq(eventSessions.eventId, event.id), gte(eventSessions.endsAt, now)))
      .orderBy(asc(eventSessions.startsAt))
      .limit(200);
  const exhibitsQuery = db
    .select({ id: eventExhibits.id, fileId: eventExhibits.fileId, title: eventExhibits.title, caption: eventExhibits.caption })
    .from(eventExhibits)
    .where(eq(eventExhibits.eventId, event.id))
    .orderBy(asc(eventExhibits.sortOrder), asc(eventExhibits.id));
  const [firstRead, exhibits] = await Promise.all([sessionsQuery(), exhibitsQuery]);
  let sessions = firstRead;
  if (sessions.some((s) => s.lapsed)) {
    await expireOffers(now, { origin: o.origin, sessionIds: sessions.filter((s) => s.lapsed).map((s) => s.id) });
    sessions = await sessionsQuery();
  }
  return { event, sessions, exhibits };
}

export async function getSchoolName(schoolId: number) {
  const [row] = await getDb().select({ name: schools.name }).from(schools).where(eq(schools.id, schoolId));
  return row?.name ?? null;
}

/** A booking seen through its emailed link (the token is never stored, only its hash). */
export async function getBookingByToken(token: string, o: { origin: string; now?: Date }) {
  const db = getDb();
  const find = () =>
    db
      .select({
        id: eventBookings.id,
        code: eventBookings.code,
        kind: eventBookings.kind,
        name: eventBookings.name,
        status: eventBookings.status,
        partySize: eventBookings.partySize,
        pupils: eventBookings.pupils,
        adults: eventBookings.adults,
        offerExpiresAt: eventBookings.offerExpiresAt,
        schoolName: schools.name,
        sessionId: eventSessions.id,
        startsAt: eventSessions.startsAt,
        endsAt: eventSessions.endsAt,
        eventSlug: events.slug,
        eventTitle: events.title,
        venue: events.venue,
        village: events.village,
      })
      .from(eventBookings)
      .innerJoin(eventSessions, eq(eventSessions.id, eventBookings.sessionId))
      .innerJoin(events, eq(events.id, eventSessions.eventId))
      .leftJoin(schools, eq(schools.id, eventBookings.schoolId))
      .where(and(eq(eventBookings.tokenHash, hashToken(token)), isNull(eventBookings.anonymisedAt)));
  const [b] = await find();
  if (b?.status === "offered" && b.offerExpiresAt && b.offerExpiresAt <= (o.now ?? new Date())) {
    await expireOffers(o.now ?? new Date(), { origin: o.origin, sessionIds: [b.sessionId] });
    return (await find())[0] ?? null;
  }
  return b ?? null;
}

// ---- staff ----

export async function listEventsForStaff() {
  return getDb()
    .select({
      id: events.id,
      slug: events.slug,
      kind: events.kind,
      title: events.title,
      status: events.status,
      startsAt: events.startsAt,
      endsAt: events.endsAt,
      cancelledAt: events.cancelledAt,
      // Written out: drizzle leaves columns unqualified inside a select list.
      sessions: sql<number>`(SELECT count(*)::int FROM event_sessions s WHERE s.event_id = events.id)`,
    })
    .from(events)
    .orderBy(desc(events.startsAt))
    .limit(200);
}

export async function getEventForStaff(eventId: number) {
  const db = getDb();
  const [event] = await db.select().from(events).where(eq(events.id, eventId));
  if (!event) return null;
  const [sessions, exhibits] = await Promise.all([
    db
      .select({
        id: eventSessions.id,
        startsAt: eventSessions.startsAt,
        endsAt: eventSessions.endsAt,
        capacity: eventSessions.capacity,
        booked: eventSessions.booked,
        cancelledAt: eventSessions.cancelledAt,
        waiting: sql<number>`(SELECT coalesce(sum(b.party_size), 0)::int FROM event_bookings b WHERE b.session_id = event_sessions.id AND b.status = 'waiting')`,
      })
      .from(eventSessions)
      .where(eq(eventSessions.eventId, eventId))
      .orderBy(asc(eventSessions.startsAt)),
    db.select().from(eventExhibits).where(eq(eventExhibits.eventId, eventId)).orderBy(asc(eventExhibits.sortOrder), asc(eventExhibits.id)),
  ]);
  return { event, sessions, exhibits };
}

/** A session's list for the door: every booking that is or was expected. */
export async function getSessionRoster(eventId: number, sessionId: number) {
  const db = getDb();
  const [session] = await db
    .select({ id: eventSessions.id, startsAt: eventSessions.startsAt, endsAt: eventSessions.endsAt, capacity: eventSessions.capacity, booked: eventSessions.booked, eventTitle: events.title, eventId: events.id })
    .from(eventSessions)
    .innerJoin(events, eq(events.id, eventSessions.eventId))
    .where(and(eq(eventSessions.id, sessionId), eq(eventSessions.eventId, eventId)));
  if (!session) return null;
  const bookings = await db
    .select({
      id: eventBookings.id,
      code: eventBookings.code,
      kind: eventBookings.kind,
      name: eventBookings.name,
      email: eventBookings.email,
      phone: eventBookings.phone,
      partySize: eventBookings.partySize,
      pupils: eventBookings.pupils,
      adults: eventBookings.adults,
      status: eventBookings.status,
      checkedInAt: eventBookings.checkedInAt,
      schoolName: schools.name,
    })
    .from(eventBookings)
    .leftJoin(schools, eq(schools.id, eventBookings.schoolId))
    .where(and(eq(eventBookings.sessionId, sessionId), inArray(eventBookings.status, ["confirmed", "offered", "attended", "no_show", "waiting"])))
    .orderBy(asc(eventBookings.name), asc(eventBookings.id));
  return { session, bookings };
}

export type EventFigures = { bookings: number; booked: number; attended: number; noShows: number; waiting: number };

/** Per event: people booked, attended, not come and waiting, in total and by school (class visits). */
export async function getEventFigures(eventId: number) {
  const db = getDb();
  const people = (status: string) => sql<number>`coalesce(sum(${eventBookings.partySize}) FILTER (WHERE ${eventBookings.status} = ${status}), 0)::int`;
  const cols = {
    bookings: sql<number>`count(*) FILTER (WHERE ${eventBookings.status} IN ('confirmed', 'attended', 'no_show'))::int`,
    booked: sql<number>`coalesce(sum(${eventBookings.partySize}) FILTER (WHERE ${eventBookings.status} IN ('confirmed', 'offered', 'attended', 'no_show')), 0)::int`,
    attended: people("attended"),
    noShows: people("no_show"),
    waiting: people("waiting"),
  };
  const base = db
    .select({ schoolName: schools.name, ...cols })
    .from(eventBookings)
    .innerJoin(eventSessions, eq(eventSessions.id, eventBookings.sessionId))
    .leftJoin(schools, eq(schools.id, eventBookings.schoolId))
    .where(eq(eventSessions.eventId, eventId));
  const [totals, bySchool] = await Promise.all([
    db.select(cols).from(eventBookings).innerJoin(eventSessions, eq(eventSessions.id, eventBookings.sessionId)).where(eq(eventSessions.eventId, eventId)),
    base.groupBy(schools.name).orderBy(sql`${schools.name} NULLS LAST`),
  ]);
  return { totals: totals[0]! as EventFigures, bySchool: bySchool as (EventFigures & { schoolName: string | null })[] };
}
