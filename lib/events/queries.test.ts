import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { createEventRow } from "@/db/factories-events";
import { listPublicEvents } from "./queries";

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
