import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { createEventRow, createSessionRow } from "@/db/factories-events";
import { bookSession, cancelBooking } from "./booking";
import { getEventForStaff, listEventsForStaff, listPublicEvents, loadPublicEvent } from "./queries";

const origin = "http://localhost:3000";

const DAY = 86_400_000;

describe("listPublicEvents", () => {
  it("lists upcoming events soonest first, then past ones, and filters by kind and month", async () => {
    const db = getDb();
    const kind = "lecture" as const;
    const now = new Date("2040-03-10T04:00:00Z");
    const past = await createEventRow(db, { kind, startsAt: new Date(now.getTime() - 30 * DAY), endsAt: new Date(now.getTime() - 20 * DAY) });
    const later = await createEventRow(db, { kind, startsAt: new Date(now.getTime() + 40 * DAY), endsAt: new Date(now.getTime() + 41 * DAY) });
    const soon = await createEventRow(db, { kind, startsAt: new Date(now.getTime() + 2 * DAY), endsAt: new Date(now.getTime() + 3 * DAY) });
    await createEventRow(db, { kind, status: "draft", startsAt: new Date(now.getTime() + DAY) });
    const ids = [past.id, later.id, soon.id];
    const mine = (rows: { id: number }[]) => rows.map((r) => r.id).filter((id) => ids.includes(id));
    expect(mine(await listPublicEvents({ kind }, now))).toEqual([soon.id, later.id, past.id]);
    expect(mine(await listPublicEvents({ kind, month: "2040-04" }, now))).toEqual([later.id]);
    expect(mine(await listPublicEvents({ kind: "outreach" }, now))).toEqual([]);
  });
});

describe("loadPublicEvent", () => {
  it("settles a lapsed offer when the page is read, so its places show as free", async () => {
    const db = getDb();
    const ev = await createEventRow(db);
    const s = await createSessionRow(db, ev.id, { capacity: 2 });
    const book = (email: string) => bookSession({ sessionId: s.id, kind: "visitor", partySize: 2, name: "李明", email, phone: "13800000000", locale: "zh-CN", joinWaitlist: true }, { origin });
    const first = await book(`a-${s.id}@example.test`);
    await book(`b-${s.id}@example.test`);
    await cancelBooking(first.outcome === "confirmed" ? first.token : "", { origin });
    const later = new Date(Date.now() + 25 * 3600_000);
    const page = await loadPublicEvent(ev.slug, { origin, now: later });
    expect(page!.sessions[0]).toMatchObject({ id: s.id, booked: 0, lapsed: false });
  });
});

describe("staff lists", () => {
  it("count each event's sessions and each session's waiting places", async () => {
    const db = getDb();
    const ev = await createEventRow(db);
    const s = await createSessionRow(db, ev.id, { capacity: 3 });
    await createSessionRow(db, ev.id);
    const book = (email: string, partySize: number) => bookSession({ sessionId: s.id, kind: "visitor", partySize, name: "李明", email, phone: "13800000000", locale: "zh-CN", joinWaitlist: true }, { origin });
    await book(`c-${s.id}@example.test`, 2);
    await book(`d-${s.id}@example.test`, 3);
    expect((await listEventsForStaff()).find((e) => e.id === ev.id)!.sessions).toBe(2);
    expect((await getEventForStaff(ev.id))!.sessions.find((x) => x.id === s.id)!.waiting).toBe(3);
  });
});
