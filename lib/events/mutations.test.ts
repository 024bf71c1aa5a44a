import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { createSchool, createUser } from "@/db/factories";
import { createEventRow, createSessionRow } from "@/db/factories-events";
import { mailsTo } from "@/db/factories-schools";
import { eventBookings, eventSessions } from "@/db/schema";
import { bookSession, type NewBooking } from "./booking";
import { cancelEvent, cancelSession, checkIn, generateSessions, markNoShows, sessionTimes, updateSession } from "./mutations";
import { getEventFigures } from "./queries";
import { sessionRunSchema } from "./schemas";

const origin = "http://localhost:3000";
const visitor = (sessionId: number, partySize: number): NewBooking => ({
  sessionId,
  kind: "visitor",
  partySize,
  name: "张华",
  email: `v-${randomBytes(5).toString("hex")}@example.test`,
  phone: "13800000000",
  locale: "en",
  joinWaitlist: true,
});

describe("sessions", () => {
  it("generates a run: every day but Mondays, at each time window, in Beijing time", () => {
    const run = sessionRunSchema.parse({ eventId: "1", fromDay: "2031-04-20", toDay: "2031-04-26", times: "09:00-11:00, 14:00-16:00", capacity: "40", skipMondays: "on" });
    const times = sessionTimes(run);
    // 20–26 April 2031 is Sunday to Saturday; Monday the 21st is skipped.
    expect(times).toHaveLength(12);
    expect(times[0]!.startsAt.toISOString()).toBe("2031-04-20T01:00:00.000Z");
    expect(times[1]!.endsAt.toISOString()).toBe("2031-04-20T08:00:00.000Z");
    expect(times[2]!.startsAt.toISOString()).toBe("2031-04-22T01:00:00.000Z");
  });

  it("refuses bad time windows", () => {
    expect(sessionRunSchema.safeParse({ eventId: "1", fromDay: "2031-04-20", toDay: "2031-04-26", times: "9-11", capacity: "40" }).success).toBe(false);
    expect(sessionRunSchema.safeParse({ eventId: "1", fromDay: "2031-04-20", toDay: "2031-04-26", times: "11:00-09:00", capacity: "40" }).success).toBe(false);
  });

  it("stores the run and keeps capacity above the places booked", async () => {
    const staff = await createUser(getDb(), { roles: ["staff"] });
    const ev = await createEventRow(getDb());
    const n = await generateSessions(sessionRunSchema.parse({ eventId: String(ev.id), fromDay: "2031-05-01", toDay: "2031-05-21", times: "09:00-11:00,14:00-16:00", capacity: "40" }), staff.id);
    expect(n).toBe(42);
    const [s] = await getDb().select().from(eventSessions).where(eq(eventSessions.eventId, ev.id)).limit(1);
    await bookSession(visitor(s!.id, 5), { origin });
    await expect(updateSession({ eventId: ev.id, sessionId: s!.id, startsAt: s!.startsAt, endsAt: s!.endsAt, capacity: 4 }, staff.id, origin)).rejects.toMatchObject({ code: "invalid" });
    await updateSession({ eventId: ev.id, sessionId: s!.id, startsAt: s!.startsAt, endsAt: s!.endsAt, capacity: 5 }, staff.id, origin);
  });

  it("offers added capacity down the waiting list", async () => {
    const staff = await createUser(getDb(), { roles: ["staff"] });
    const ev = await createEventRow(getDb());
    const s = await createSessionRow(getDb(), ev.id, { capacity: 2 });
    await bookSession(visitor(s.id, 2), { origin });
    const w = await bookSession(visitor(s.id, 2), { origin });
    await updateSession({ eventId: ev.id, sessionId: s.id, startsAt: s.startsAt, endsAt: s.endsAt, capacity: 4 }, staff.id, origin);
    const [b] = await getDb().select().from(eventBookings).where(eq(eventBookings.id, w.outcome === "waiting" ? w.bookingId : -1));
    expect(b!.status).toBe("offered");
  });
});

describe("cancelling", () => {
  it("a session emails everyone booked or waiting and frees nothing to offer", async () => {
    const staff = await createUser(getDb(), { roles: ["staff"] });
    const ev = await createEventRow(getDb());
    const s = await createSessionRow(getDb(), ev.id, { capacity: 2 });
    const a = visitor(s.id, 2);
    const w = visitor(s.id, 1);
    await bookSession(a, { origin });
    await bookSession(w, { origin });
    expect(await cancelSession(ev.id, s.id, staff.id, origin)).toBe(2);
    for (const to of [a.email, w.email]) expect((await mailsTo(getDb(), to)).map((m) => m.kind)).toContain("event-sessionCancelled");
    // The reminder of the confirmed booking is withdrawn.
    expect((await mailsTo(getDb(), a.email)).map((m) => m.kind)).not.toContain("event-reminder");
    await expect(bookSession(visitor(s.id, 1), { origin })).rejects.toMatchObject({ code: "not_found" });
  });

  it("an event cancels all its sessions", async () => {
    const staff = await createUser(getDb(), { roles: ["staff"] });
    const ev = await createEventRow(getDb());
    const s1 = await createSessionRow(getDb(), ev.id);
    const s2 = await createSessionRow(getDb(), ev.id);
    await bookSession(visitor(s1.id, 1), { origin });
    await bookSession(visitor(s2.id, 3), { origin });
    expect(await cancelEvent(ev.id, staff.id, origin)).toBe(2);
    const sessions = await getDb().select().from(eventSessions).where(eq(eventSessions.eventId, ev.id));
    expect(sessions.every((s) => s.cancelledAt && s.booked === 0)).toBe(true);
  });
});

describe("check-in and figures", () => {
  it("checks in by code once, records no-shows after the start and counts by school", async () => {
    const staff = await createUser(getDb(), { roles: ["staff"] });
    const school = await createSchool(getDb());
    const teacher = await createUser(getDb(), { schoolId: school.id });
    const ev = await createEventRow(getDb());
    const s = await createSessionRow(getDb(), ev.id, { capacity: 80 });
    const cls = await bookSession({ sessionId: s.id, kind: "class", pupils: 40, adults: 2, schoolId: school.id, teacherId: teacher.id, name: "王老师", email: teacher.email!, phone: "13800000002", locale: "zh-CN", joinWaitlist: false }, { origin });
    const v = await bookSession(visitor(s.id, 3), { origin });
    const code = cls.outcome === "confirmed" ? cls.code : "";

    expect(await checkIn(s.id, code)).toMatchObject({ outcome: "checked_in", partySize: 42 });
    expect(await checkIn(s.id, code)).toMatchObject({ outcome: "already" });
    const other = await createSessionRow(getDb(), ev.id);
    await expect(checkIn(other.id, code)).rejects.toMatchObject({ code: "not_found" });

    await expect(markNoShows(s.id, staff.id)).rejects.toMatchObject({ code: "conflict" });
    expect(await markNoShows(s.id, staff.id, new Date(s.startsAt.getTime() + 3 * 3600_000))).toBe(1);
    const [visitorRow] = await getDb().select().from(eventBookings).where(eq(eventBookings.id, v.outcome === "confirmed" ? v.bookingId : -1));
    expect(visitorRow!.status).toBe("no_show");

    const { totals, bySchool } = await getEventFigures(ev.id);
    expect(totals).toEqual({ bookings: 2, booked: 45, attended: 42, noShows: 3, waiting: 0 });
    expect(bySchool).toEqual([
      { schoolName: school.name, bookings: 1, booked: 42, attended: 42, noShows: 0, waiting: 0 },
      { schoolName: null, bookings: 1, booked: 3, attended: 0, noShows: 3, waiting: 0 },
    ]);
  });
});
