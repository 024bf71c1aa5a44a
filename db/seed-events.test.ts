import { eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "./client";
import { createSchool, createUser } from "./factories";
import { eventBookings, eventExhibits, eventSessions, events } from "./schema";
import { seedEvents } from "./seed-events";

describe("seedEvents", () => {
  it("makes the four demo events, a gallery, three weeks of sessions and bookings that match the counters", async () => {
    const db = getDb();
    const school = await createSchool(db);
    const teacher = await createUser(db, { schoolId: school.id });
    const admin = await createUser(db, { roles: ["admin"] });
    const started = Date.now();
    await db.transaction((tx) => seedEvents(tx, { adminId: admin.id, schoolId: school.id, teacherId: teacher.id }));
    expect(Date.now() - started).toBeLessThan(5_000);
    const rows = await db.select().from(events).where(inArray(events.slug, ["zhongguomeng-photos", "world-book-day-reading-week", "lecture-reading-with-children", "books-to-the-village"]));
    expect(rows.map((r) => r.kind).sort()).toEqual(["activity", "exhibition", "lecture", "outreach"]);
    const expo = rows.find((r) => r.kind === "exhibition")!;
    // Three weeks, two sessions a day, Mondays closed.
    const sessions = await db.select().from(eventSessions).where(eq(eventSessions.eventId, expo.id));
    expect(sessions).toHaveLength(36);
    expect(sessions.every((x) => new Date(x.startsAt.getTime() + 8 * 3600_000).getUTCDay() !== 1)).toBe(true);
    expect(await db.select().from(eventExhibits).where(eq(eventExhibits.eventId, expo.id))).toHaveLength(6);
    expect(rows.find((r) => r.kind === "activity")!.startsAt.toISOString().slice(5, 10)).toBe("04-20");
    const bookings = await db.select().from(eventBookings).innerJoin(eventSessions, eq(eventSessions.id, eventBookings.sessionId)).where(eq(eventSessions.eventId, expo.id));
    expect(bookings).toHaveLength(3);
    const held = new Map<number, number>();
    for (const b of bookings) held.set(b.event_sessions.id, (held.get(b.event_sessions.id) ?? 0) + b.event_bookings.partySize);
    for (const b of bookings) expect(b.event_sessions.booked).toBe(held.get(b.event_sessions.id));
  });
});
