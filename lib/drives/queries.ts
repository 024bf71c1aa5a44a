import "server-only";
import { and, asc, desc, eq, ilike, inArray, or, sql } from "drizzle-orm";
import { getDb, rowsOf, type DbOrTx } from "@/db/client";
import { driveCategories, driveDeliveries, driveDeliveryItems, driveIntakes, drivePledgeItems, drivePledges, drives, schools } from "@/db/schema";
import { hashToken } from "@/lib/crypto";
import type { PledgeFilter } from "./schemas";

export type CategoryProgress = {
  id: number;
  name: string;
  target: number;
  welcome: string;
  notWelcome: string;
  /** Books in pledges not cancelled (still to come, or already received). */
  pledged: number;
  accepted: number;
  declined: number;
  delivered: number;
};
export type Totals = Pick<CategoryProgress, "target" | "pledged" | "accepted" | "declined" | "delivered">;

export function sumTotals(rows: readonly Totals[]): Totals {
  const t = { target: 0, pledged: 0, accepted: 0, declined: 0, delivered: 0 };
  for (const r of rows) for (const k of Object.keys(t) as (keyof Totals)[]) t[k] += r[k];
  return t;
}

/** What a category still needs: its target less what is pledged and not yet received, and what was accepted. */
export const stillNeeded = (c: Pick<CategoryProgress, "target" | "pledged">) => Math.max(0, c.target - c.pledged);

/**
 * Progress of a drive per need-list line. Counts are summed in SQL, one subquery each, so a
 * pledge's many items and an intake's many lines never multiply each other.
 */
export async function driveProgress(driveId: number, db: DbOrTx = getDb()): Promise<{ categories: CategoryProgress[]; total: Totals }> {
  const pledged = db
    .select({ categoryId: drivePledgeItems.categoryId, n: sql<number>`sum(${drivePledgeItems.count})::int`.as("pledged_n") })
    .from(drivePledgeItems)
    .innerJoin(drivePledges, eq(drivePledges.id, drivePledgeItems.pledgeId))
    .where(and(eq(drivePledges.driveId, driveId), inArray(drivePledges.status, ["pledged", "received"])))
    .groupBy(drivePledgeItems.categoryId)
    .as("p");
  const intake = db
    .select({ categoryId: driveIntakes.categoryId, a: sql<number>`sum(${driveIntakes.accepted})::int`.as("intake_accepted"), d: sql<number>`sum(${driveIntakes.declined})::int`.as("intake_declined") })
    .from(driveIntakes)
    .where(eq(driveIntakes.driveId, driveId))
    .groupBy(driveIntakes.categoryId)
    .as("i");
  const delivered = db
    .select({ categoryId: driveDeliveryItems.categoryId, n: sql<number>`sum(${driveDeliveryItems.count})::int`.as("delivered_n") })
    .from(driveDeliveryItems)
    .innerJoin(driveDeliveries, eq(driveDeliveries.id, driveDeliveryItems.deliveryId))
    .where(eq(driveDeliveries.driveId, driveId))
    .groupBy(driveDeliveryItems.categoryId)
    .as("d");
  const categories = await db
    .select({
      id: driveCategories.id,
      name: driveCategories.name,
      target: driveCategories.target,
      welcome: driveCategories.welcome,
      notWelcome: driveCategories.notWelcome,
      pledged: sql<number>`coalesce(${pledged.n}, 0)::int`,
      accepted: sql<number>`coalesce(${intake.a}, 0)::int`,
      declined: sql<number>`coalesce(${intake.d}, 0)::int`,
      delivered: sql<number>`coalesce(${delivered.n}, 0)::int`,
    })
    .from(driveCategories)
    .leftJoin(pledged, eq(pledged.categoryId, driveCategories.id))
    .leftJoin(intake, eq(intake.categoryId, driveCategories.id))
    .leftJoin(delivered, eq(delivered.categoryId, driveCategories.id))
    .where(eq(driveCategories.driveId, driveId))
    .orderBy(asc(driveCategories.sortOrder), asc(driveCategories.id));
  return { categories, total: sumTotals(categories) };
}

async function getDriveBySlug(slug: string, o: { includeDrafts?: boolean } = {}) {
  const [d] = await getDb()
    .select()
    .from(drives)
    .where(and(eq(drives.slug, slug), o.includeDrafts ? undefined : inArray(drives.status, ["published", "archived"])));
  return d ?? null;
}

export async function getDrive(driveId: number) {
  const [d] = await getDb().select().from(drives).where(eq(drives.id, driveId));
  return d ?? null;
}

export async function listPublicDrives() {
  return getDb()
    .select()
    .from(drives)
    .where(inArray(drives.status, ["published", "archived"]))
    .orderBy(desc(drives.startsAt));
}

/** Every drive with its overall progress, newest first, for the staff list. */
export async function listDrivesForStaff() {
  const db = getDb();
  const rows = await db.select().from(drives).orderBy(desc(drives.startsAt), desc(drives.id));
  return Promise.all(rows.map(async (d) => ({ ...d, total: (await driveProgress(d.id, db)).total })));
}

/** The delivery timeline: date, books and photo per delivery, oldest first. */
export async function listDeliveries(driveId: number, db: DbOrTx = getDb()) {
  return db
    .select({
      id: driveDeliveries.id,
      deliveredOn: driveDeliveries.deliveredOn,
      receivedBy: driveDeliveries.receivedBy,
      photoFileId: driveDeliveries.photoFileId,
      count: sql<number>`coalesce(sum(${driveDeliveryItems.count}), 0)::int`,
    })
    .from(driveDeliveries)
    .leftJoin(driveDeliveryItems, eq(driveDeliveryItems.deliveryId, driveDeliveries.id))
    .where(eq(driveDeliveries.driveId, driveId))
    .groupBy(driveDeliveries.id)
    .orderBy(asc(driveDeliveries.deliveredOn), asc(driveDeliveries.id));
}

/** Names of donors who agreed to be shown, newest first. */
export async function listShownDonors(driveId: number, db: DbOrTx = getDb(), limit = 100) {
  const rows = await db
    .select({ name: drivePledges.name })
    .from(drivePledges)
    .where(and(eq(drivePledges.driveId, driveId), eq(drivePledges.showName, true), inArray(drivePledges.status, ["pledged", "received"]), sql`${drivePledges.name} <> ''`))
    .orderBy(desc(drivePledges.id))
    .limit(limit);
  return rows.map((r) => r.name);
}

/** Books given per school (pledged, accepted, declined), largest first: a friendly ranking. */
export async function schoolTotals(driveId: number, db: DbOrTx = getDb()) {
  // Raw SQL: a one-table select drops the table names the correlated subqueries need.
  type Row = { id: number; name: string; pledged: number; accepted: number; declined: number };
  const r = await db.execute(sql`
    SELECT s.id, s.name,
      coalesce((SELECT sum(i.count) FROM drive_pledge_items i JOIN drive_pledges p ON p.id = i.pledge_id
        WHERE p.drive_id = ${driveId} AND p.school_id = s.id AND p.status <> 'cancelled'), 0)::int AS pledged,
      coalesce((SELECT sum(k.accepted) FROM drive_intakes k LEFT JOIN drive_pledges p ON p.id = k.pledge_id
        WHERE k.drive_id = ${driveId} AND coalesce(p.school_id, k.school_id) = s.id), 0)::int AS accepted,
      coalesce((SELECT sum(k.declined) FROM drive_intakes k LEFT JOIN drive_pledges p ON p.id = k.pledge_id
        WHERE k.drive_id = ${driveId} AND coalesce(p.school_id, k.school_id) = s.id), 0)::int AS declined
    FROM schools s
    WHERE s.id IN (SELECT school_id FROM drive_pledges WHERE drive_id = ${driveId} UNION SELECT school_id FROM drive_intakes WHERE drive_id = ${driveId})
    ORDER BY accepted DESC, pledged DESC, s.name`);
  return rowsOf<Row>(r).filter((x) => x.pledged > 0 || x.accepted > 0);
}

/** What the donor's link shows: the pledge, its drive and its books by category. */
export async function getPledgeView(token: string) {
  const db = getDb();
  const [p] = await db.select().from(drivePledges).where(eq(drivePledges.tokenHash, hashToken(token)));
  if (!p) return null;
  const [drive] = await db.select().from(drives).where(eq(drives.id, p.driveId));
  const lines = await db
    .select({ categoryId: drivePledgeItems.categoryId, name: driveCategories.name, count: drivePledgeItems.count, titles: drivePledgeItems.titles })
    .from(drivePledgeItems)
    .innerJoin(driveCategories, eq(driveCategories.id, drivePledgeItems.categoryId))
    .where(eq(drivePledgeItems.pledgeId, p.id))
    .orderBy(asc(driveCategories.sortOrder), asc(driveCategories.id));
  return { pledge: p, drive: drive!, lines };
}

export const PLEDGES_PAGE_SIZE = 20;

/**
 * The staff list of a drive's pledges, newest first, a page at a time: filtered by status and
 * found by pledge code (exactly), or part of a name or phone number.
 */
export async function listPledgesForStaff(driveId: number, f: PledgeFilter) {
  const term = f.q.trim();
  const like = `%${term.replace(/[%_\\]/g, "\\$&")}%`;
  const where = and(
    eq(drivePledges.driveId, driveId),
    f.status ? eq(drivePledges.status, f.status) : undefined,
    term ? or(eq(drivePledges.code, term.toUpperCase()), ilike(drivePledges.name, like), ilike(drivePledges.phone, like), ilike(drivePledges.email, like)) : undefined,
  );
  const db = getDb();
  const [rows, [counted]] = await Promise.all([
    db
      .select({
        id: drivePledges.id,
        code: drivePledges.code,
        name: drivePledges.name,
        phone: drivePledges.phone,
        email: drivePledges.email,
        kind: drivePledges.kind,
        school: schools.name,
        handover: drivePledges.handover,
        status: drivePledges.status,
        createdAt: drivePledges.createdAt,
        books: sql<number>`(select coalesce(sum(${drivePledgeItems.count}), 0)::int from ${drivePledgeItems} where ${drivePledgeItems.pledgeId} = ${drivePledges.id})`,
      })
      .from(drivePledges)
      .leftJoin(schools, eq(schools.id, drivePledges.schoolId))
      .where(where)
      .orderBy(desc(drivePledges.id))
      .limit(PLEDGES_PAGE_SIZE)
      .offset((f.page - 1) * PLEDGES_PAGE_SIZE),
    db.select({ n: sql<number>`count(*)::int` }).from(drivePledges).where(where),
  ]);
  return { rows, total: counted?.n ?? 0 };
}

/** One pledge for the intake desk: the donor, and per need-list line what was pledged and has arrived. */
export async function getPledgeForIntake(driveId: number, pledgeId: number) {
  const db = getDb();
  const [p] = await db
    .select({ pledge: drivePledges, school: schools.name })
    .from(drivePledges)
    .leftJoin(schools, eq(schools.id, drivePledges.schoolId))
    .where(and(eq(drivePledges.id, pledgeId), eq(drivePledges.driveId, driveId)));
  if (!p) return null;
  const [items, arrived] = await Promise.all([
    db.select().from(drivePledgeItems).where(eq(drivePledgeItems.pledgeId, pledgeId)),
    db
      .select({ categoryId: driveIntakes.categoryId, accepted: sql<number>`sum(${driveIntakes.accepted})::int`, declined: sql<number>`sum(${driveIntakes.declined})::int` })
      .from(driveIntakes)
      .where(eq(driveIntakes.pledgeId, pledgeId))
      .groupBy(driveIntakes.categoryId),
  ]);
  return { ...p, items, arrived };
}

/** What the export holds besides the figures: every pledge line, intake and delivery line. */
export async function driveExportRows(driveId: number) {
  const db = getDb();
  const [pledges, intakes, deliveries] = await Promise.all([
    db
      .select({
        code: drivePledges.code,
        createdAt: drivePledges.createdAt,
        name: drivePledges.name,
        email: drivePledges.email,
        phone: drivePledges.phone,
        school: schools.name,
        handover: drivePledges.handover,
        pickupAddress: drivePledges.pickupAddress,
        status: drivePledges.status,
        category: driveCategories.name,
        count: drivePledgeItems.count,
        titles: drivePledgeItems.titles,
      })
      .from(drivePledgeItems)
      .innerJoin(drivePledges, eq(drivePledges.id, drivePledgeItems.pledgeId))
      .innerJoin(driveCategories, eq(driveCategories.id, drivePledgeItems.categoryId))
      .leftJoin(schools, eq(schools.id, drivePledges.schoolId))
      .where(eq(drivePledges.driveId, driveId))
      .orderBy(asc(drivePledges.id), asc(driveCategories.sortOrder)),
    db
      .select({
        createdAt: driveIntakes.createdAt,
        code: drivePledges.code,
        donor: sql<string>`coalesce(nullif(${drivePledges.name}, ''), ${driveIntakes.donorName})`,
        category: driveCategories.name,
        accepted: driveIntakes.accepted,
        declined: driveIntakes.declined,
        reason: driveIntakes.declineReason,
      })
      .from(driveIntakes)
      .innerJoin(driveCategories, eq(driveCategories.id, driveIntakes.categoryId))
      .leftJoin(drivePledges, eq(drivePledges.id, driveIntakes.pledgeId))
      .where(eq(driveIntakes.driveId, driveId))
      .orderBy(asc(driveIntakes.id)),
    db
      .select({ deliveredOn: driveDeliveries.deliveredOn, receivedBy: driveDeliveries.receivedBy, category: driveCategories.name, count: driveDeliveryItems.count })
      .from(driveDeliveryItems)
      .innerJoin(driveDeliveries, eq(driveDeliveries.id, driveDeliveryItems.deliveryId))
      .innerJoin(driveCategories, eq(driveCategories.id, driveDeliveryItems.categoryId))
      .where(eq(driveDeliveries.driveId, driveId))
      .orderBy(asc(driveDeliveries.deliveredOn), asc(driveDeliveries.id), asc(driveCategories.sortOrder)),
  ]);
  return { pledges, intakes, deliveries };
}

/** Everything the public drive page shows, or null for an unknown or draft drive. */
export async function getPublicDrive(slug: string) {
  const drive = await getDriveBySlug(slug);
  if (!drive) return null;
  const db = getDb();
  const [progress, deliveries, donors, ranking] = await Promise.all([driveProgress(drive.id, db), listDeliveries(drive.id, db), listShownDonors(drive.id, db), schoolTotals(drive.id, db)]);
  return { drive, progress, deliveries, donors, ranking };
}

/** Schools a donor can give for (the pledge form's list). */
export async function listPledgeSchools() {
  return getDb().select({ id: schools.id, name: schools.name }).from(schools).where(eq(schools.status, "approved")).orderBy(asc(schools.name));
}
