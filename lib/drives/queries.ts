import "server-only";
import { and, asc, desc, eq, ilike, inArray, or, sql } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import { driveCategories, driveDeliveries, driveDeliveryItems, driveIntakes, drivePledgeItems, drivePledges, drives, schools } from "@/db/schema";
import { hashToken } from "@/lib/crypto";

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
export async function driveProgress(db: DbOrTx, driveId: number): Promise<{ categories: CategoryProgress[]; total: Totals }> {
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

export async function getDriveBySlug(slug: string, o: { includeDrafts?: boolean } = {}) {
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

export async function listAllDrives() {
  return getDb().select().from(drives).orderBy(desc(drives.startsAt));
}

/** The delivery timeline: date, books and photo per delivery, oldest first. */
export async function listDeliveries(db: DbOrTx, driveId: number) {
  return db
    .select({
      id: driveDeliveries.id,
      deliveredOn: driveDeliveries.deliveredOn,
      receivedBy: driveDeliveries.receivedBy,
      photoFileId: driveDeliveries.photoFileId,
      count: sql<number>`(select coalesce(sum(${driveDeliveryItems.count}), 0)::int from ${driveDeliveryItems} where ${driveDeliveryItems.deliveryId} = ${driveDeliveries.id})`,
    })
    .from(driveDeliveries)
    .where(eq(driveDeliveries.driveId, driveId))
    .orderBy(asc(driveDeliveries.deliveredOn), asc(driveDeliveries.id));
}

/** Names of donors who agreed to be shown, newest first. */
export async function listShownDonors(db: DbOrTx, driveId: number, limit = 100) {
  const rows = await db
    .select({ name: drivePledges.name })
    .from(drivePledges)
    .where(and(eq(drivePledges.driveId, driveId), eq(drivePledges.showName, true), inArray(drivePledges.status, ["pledged", "received"]), sql`${drivePledges.name} <> ''`))
    .orderBy(desc(drivePledges.id))
    .limit(limit);
  return rows.map((r) => r.name);
}

/** Books given per school (pledged and accepted), largest first: a friendly ranking. */
export async function schoolTotals(db: DbOrTx, driveId: number) {
  // Raw SQL: a one-table select drops the table names the correlated subqueries need.
  type Row = { id: number; name: string; pledged: number; accepted: number };
  // PGlite answers with `{ rows }`, postgres.js with the rows themselves.
  const r = (await db.execute(sql`
    SELECT s.id, s.name,
      coalesce((SELECT sum(i.count) FROM drive_pledge_items i JOIN drive_pledges p ON p.id = i.pledge_id
        WHERE p.drive_id = ${driveId} AND p.school_id = s.id AND p.status <> 'cancelled'), 0)::int AS pledged,
      coalesce((SELECT sum(k.accepted) FROM drive_intakes k LEFT JOIN drive_pledges p ON p.id = k.pledge_id
        WHERE k.drive_id = ${driveId} AND coalesce(p.school_id, k.school_id) = s.id), 0)::int AS accepted
    FROM schools s
    WHERE s.id IN (SELECT school_id FROM drive_pledges WHERE drive_id = ${driveId} UNION SELECT school_id FROM drive_intakes WHERE drive_id = ${driveId})
    ORDER BY accepted DESC, pledged DESC, s.name`)) as unknown as Row[] | { rows: Row[] };
  return (Array.isArray(r) ? r : r.rows).filter((x) => x.pledged > 0 || x.accepted > 0);
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

/** Staff intake search: a pledge code exactly, or part of a name or phone number. */
export async function findPledges(driveId: number, q: string) {
  const term = q.trim();
  if (!term) return [];
  const like = `%${term.replace(/[%_\\]/g, "\\$&")}%`;
  return getDb()
    .select({ id: drivePledges.id, code: drivePledges.code, name: drivePledges.name, phone: drivePledges.phone, email: drivePledges.email, status: drivePledges.status, schoolId: drivePledges.schoolId })
    .from(drivePledges)
    .where(and(eq(drivePledges.driveId, driveId), or(eq(drivePledges.code, term.toUpperCase()), ilike(drivePledges.name, like), ilike(drivePledges.phone, like))))
    .orderBy(desc(drivePledges.id))
    .limit(20);
}

/** Everything the public drive page shows, or null for an unknown or draft drive. */
export async function getPublicDrive(slug: string) {
  const drive = await getDriveBySlug(slug);
  if (!drive) return null;
  const db = getDb();
  const [progress, deliveries, donors, ranking] = await Promise.all([driveProgress(db, drive.id), listDeliveries(db, drive.id), listShownDonors(db, drive.id), schoolTotals(db, drive.id)]);
  return { drive, progress, deliveries, donors, ranking };
}

/** Schools a donor can give for (the pledge form's list). */
export async function listPledgeSchools() {
  return getDb().select({ id: schools.id, name: schools.name }).from(schools).where(eq(schools.status, "approved")).orderBy(asc(schools.name));
}
