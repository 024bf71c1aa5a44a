import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { eventBookings, eventSessions, schools } from "@/db/schema";

/** Bookings of an event (or one session), in session then name order, for the staff export. */
export async function exportBookingRows(eventId: number, sessionId?: number) {
  return getDb()
    .select({
      sessionStartsAt: eventSessions.startsAt,
      sessionEndsAt: eventSessions.endsAt,
      code: eventBookings.code,
      name: eventBookings.name,
      email: eventBookings.email,
      phone: eventBookings.phone,
      kind: eventBookings.kind,
      school: schools.name,
      pupils: eventBookings.pupils,
      adults: eventBookings.adults,
      places: eventBookings.partySize,
      status: eventBookings.status,
      checkedInAt: eventBookings.checkedInAt,
    })
    .from(eventBookings)
    .innerJoin(eventSessions, eq(eventSessions.id, eventBookings.sessionId))
    .leftJoin(schools, eq(schools.id, eventBookings.schoolId))
    .where(and(eq(eventSessions.eventId, eventId), sessionId ? eq(eventSessions.id, sessionId) : undefined))
    .orderBy(asc(eventSessions.startsAt), asc(eventBookings.name), asc(eventBookings.id));
}
