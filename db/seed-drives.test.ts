import { eq, inArray, like } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "./client";
import { createSchool, createUser } from "./factories";
import { driveDeliveries, driveDeliveryItems, driveIntakes, drivePledgeItems, drivePledges, drives, outbox } from "./schema";
import { seedDrives } from "./seed-drives";
import { driveProgress, listDeliveries, listShownDonors, schoolTotals } from "@/lib/drives/queries";
import { shanghaiDay } from "@/lib/time";

describe("seedDrives", () => {
  it("makes two open drives of 500 books with pledges in every state, intakes and one delivery that add up", async () => {
    const db = getDb();
    const schoolIds: number[] = [];
    for (let i = 0; i < 13; i++) schoolIds.push((await createSchool(db)).id);
    const admin = await createUser(db, { roles: ["admin", "staff"] });
    const now = new Date();
    const started = Date.now();
    const ids = await db.transaction((tx) => seedDrives(tx, { adminId: admin.id, schoolIds, now }));
    expect(Date.now() - started).toBeLessThan(5_000);

    const year = shanghaiDay(now).slice(0, 4);
    expect(Object.keys(ids).sort()).toEqual([`dongwantuo-${year}`, `dutu-${year}`]);
    const rows = await db.select().from(drives).where(inArray(drives.id, Object.values(ids)));
    for (const d of rows) {
      expect(d.status).toBe("published");
      expect(d.closedAt).toBeNull();
      expect(d.startsAt.getTime()).toBeLessThan(now.getTime());
      expect(d.endsAt.getTime()).toBeGreaterThan(now.getTime() + 30 * 86_400_000);
      expect(d.readingRoom).toBe("农家书屋");
      expect(d.story.split("\n\n").length).toBeGreaterThanOrEqual(3);
    }
    expect(rows.map((d) => `${d.town}${d.village}`).sort()).toEqual(["宋道口镇杜土村", "方各庄镇东万坨村"].sort());

    const dongwantuo = ids[`dongwantuo-${year}`]!;
    const dutu = ids[`dutu-${year}`]!;
    for (const driveId of [dongwantuo, dutu]) {
      const { categories, total } = await driveProgress(driveId, db);
      expect(categories.length).toBeGreaterThanOrEqual(5);
      expect(total.target).toBe(500);
      expect(categories.every((c) => c.welcome && c.notWelcome)).toBe(true);

      const pledges = await db.select().from(drivePledges).where(eq(drivePledges.driveId, driveId));
      expect(new Set(pledges.map((p) => p.status))).toEqual(new Set(["pledged", "received", "cancelled"]));
      expect(pledges.every((p) => p.email.endsWith("@shuxiang.test") && /^[A-Z2-9]{8}$/.test(p.code))).toBe(true);
      expect(pledges.filter((p) => p.status === "cancelled").every((p) => p.cancelledAt)).toBe(true);
      expect(pledges.filter((p) => p.status !== "cancelled").every((p) => !p.cancelledAt)).toBe(true);
      expect(pledges.every((p) => p.handover === "dropoff" || (p.pickupAddress && p.phone))).toBe(true);
      expect(pledges.every((p) => p.showName === false || p.name !== "")).toBe(true);

      // Pledged counts exclude cancelled pledges, per category.
      const items = await db.select().from(drivePledgeItems).innerJoin(drivePledges, eq(drivePledges.id, drivePledgeItems.pledgeId)).where(eq(drivePledges.driveId, driveId));
      for (const c of categories) {
        const live = items.filter((i) => i.drive_pledge_items.categoryId === c.id && i.drive_pledges.status !== "cancelled").reduce((s, i) => s + i.drive_pledge_items.count, 0);
        expect(c.pledged).toBe(live);
        expect(c.delivered).toBeLessThanOrEqual(c.accepted);
      }
      expect(items.some((i) => i.drive_pledges.status === "cancelled")).toBe(true);

      // Every received pledge has its intake, and only received pledges do; what arrived against a
      // pledge is what it promised, line by line.
      const intakes = await db.select().from(driveIntakes).where(eq(driveIntakes.driveId, driveId));
      for (const p of pledges) {
        const mine = intakes.filter((k) => k.pledgeId === p.id);
        expect(mine.length > 0).toBe(p.status === "received");
        for (const k of mine) {
          const promised = items.find((i) => i.drive_pledges.id === p.id && i.drive_pledge_items.categoryId === k.categoryId);
          expect(k.accepted + k.declined).toBe(promised!.drive_pledge_items.count);
        }
      }
      expect(intakes.every((k) => (k.declined > 0) === (k.declineReason !== ""))).toBe(true);
      expect(intakes.some((k) => k.declined > 0)).toBe(true);
      expect(total.accepted).toBeGreaterThan(0);
    }

    // 东万坨村: about 60 % pledged, 35 % received, a walk-in and one delivery of about 80 books.
    const one = await driveProgress(dongwantuo, db);
    expect(one.total).toEqual({ target: 500, pledged: 316, accepted: 175, declined: 13, delivered: 80 });
    const walkIns = await db.select().from(driveIntakes).where(eq(driveIntakes.driveId, dongwantuo));
    expect(walkIns.filter((k) => k.pledgeId === null).every((k) => k.donorName && k.donorEmail)).toBe(true);
    expect(walkIns.some((k) => k.pledgeId === null)).toBe(true);
    const pledges = await db.select().from(drivePledges).where(eq(drivePledges.driveId, dongwantuo));
    expect(pledges.some((p) => p.kind === "school" && p.status === "pledged")).toBe(true);
    expect(pledges.some((p) => p.kind === "person" && p.name === "")).toBe(true);
    expect(pledges.some((p) => p.handover === "pickup" && p.status === "pledged")).toBe(true);
    const deliveries = await listDeliveries(dongwantuo, db);
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]).toMatchObject({ receivedBy: "东万坨村农家书屋管理员 王秀兰", photoFileId: null });
    const delivered = await db.select().from(driveDeliveryItems).where(eq(driveDeliveryItems.deliveryId, deliveries[0]!.id));
    expect(delivered.reduce((s, i) => s + i.count, 0)).toBe(80);
    expect(deliveries[0]!.deliveredOn < shanghaiDay(now)).toBe(true);
    // A delivery follows the intakes it hands over.
    expect(Math.max(...walkIns.map((k) => k.createdAt.getTime()))).toBeLessThan(new Date(`${deliveries[0]!.deliveredOn}T00:00:00+08:00`).getTime());
    expect((await listShownDonors(dongwantuo, db)).length).toBeGreaterThanOrEqual(5);
    // The schools' ranking: cancelled pledges count for nothing.
    const ranking = await schoolTotals(dongwantuo, db);
    expect(ranking.map((r) => [r.id, r.pledged, r.accepted])).toEqual([
      [schoolIds[1], 60, 58],
      [schoolIds[2], 50, 46],
      [schoolIds[0], 55, 0],
      [schoolIds[11], 45, 0],
    ]);

    // 杜土村 has no delivery yet.
    expect(await db.select().from(driveDeliveries).where(eq(driveDeliveries.driveId, dutu))).toHaveLength(0);
    expect((await driveProgress(dutu, db)).total).toMatchObject({ pledged: 81, accepted: 19, declined: 1, delivered: 0 });

    // Nothing was mailed.
    expect(await db.select().from(outbox).where(like(outbox.toAddress, "%@shuxiang.test"))).toHaveLength(0);
  });
});
