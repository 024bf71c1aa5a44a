import "server-only";
import { randomUUID } from "node:crypto";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { getDb, rowsOf, type DbOrTx } from "@/db/client";
import { auditLog, driveCategories, driveDeliveries, driveDeliveryItems, driveIntakes, drivePledgeItems, drivePledges, drives } from "@/db/schema";
import { hashToken, newToken, readableCode } from "@/lib/crypto";
import { getCachedHighlights } from "@/lib/content/queries";
import { AppError, isUniqueViolation } from "@/lib/errors";
import type { Locale } from "@/lib/i18n";
import { saveOptionalImage } from "@/lib/storage";
import { donorsOf, driveForMail, sendDonorMail, sendPledgeMail } from "./emails";
import { driveProgress, stillNeeded } from "./queries";
import type { CategoryInput, DeliveryInput, DriveInput, DriveStateChange, IntakeInput, ItemInput, PledgeChangeInput, PledgeInput } from "./schemas";

type Opts = { origin: string; now?: Date };

/** A drive takes pledges while published, not closed and not past its end. */
async function openDrive(tx: DbOrTx, driveId: number, now: Date) {
  const [d] = await tx.select().from(drives).where(eq(drives.id, driveId));
  if (!d || d.status !== "published" || d.closedAt || d.endsAt <= now) throw new AppError("conflict", undefined, "drives.driveClosed");
  return d;
}

/**
 * Checks the items against the need-list and names the categories they go beyond: more than
 * is still needed is accepted (extra books go to other village libraries), only noted.
 */
async function checkItems(tx: DbOrTx, driveId: number, items: ItemInput[], ignorePledgeId?: number) {
  const { categories } = await driveProgress(driveId, tx);
  const own = ignorePledgeId ? await tx.select().from(drivePledgeItems).where(eq(drivePledgeItems.pledgeId, ignorePledgeId)) : [];
  const over: string[] = [];
  for (const item of items) {
    const c = categories.find((x) => x.id === item.categoryId);
    if (!c) throw new AppError("invalid", { [`count_${item.categoryId}`]: "drives.unknownCategory" });
    const mine = own.find((o) => o.categoryId === c.id)?.count ?? 0;
    if (item.count > stillNeeded({ target: c.target, pledged: c.pledged - mine })) over.push(c.name);
  }
  return over;
}

const donorValues = (i: PledgeInput | PledgeChangeInput) => ({
  name: i.anonymous ? "" : i.name,
  showName: !i.anonymous && i.showName,
  email: i.email,
  phone: i.phone,
  kind: i.kind,
  schoolId: i.kind === "school" ? i.schoolId : null,
  handover: i.handover,
  pickupAddress: i.handover === "pickup" ? i.pickupAddress : "",
  pickupDays: i.handover === "pickup" ? i.pickupDays : "",
});

export type PledgeResult = { outcome: "created" | "duplicate"; pledgeId: number; code: string; token: string | null; over: string[] };

/**
 * Records a pledge and queues its confirmation in one transaction. The form's nonce is unique:
 * the same form sent twice (a double click, a retried request) finds the first pledge.
 */
export async function createPledge(input: PledgeInput, o: Opts & { locale: Locale }): Promise<PledgeResult> {
  const now = o.now ?? new Date();
  return getDb().transaction(async (tx) => {
    await openDrive(tx, input.driveId, now);
    const over = await checkItems(tx, input.driveId, input.items);
    const { token, hash } = newToken();
    const nonce = input.nonce || randomUUID();
    const [row] = await tx
      .insert(drivePledges)
      .values({ ...donorValues(input), code: readableCode(8).toUpperCase(), driveId: input.driveId, tokenHash: hash, nonce, locale: o.locale })
      .onConflictDoNothing({ target: drivePledges.nonce })
      .returning({ id: drivePledges.id, code: drivePledges.code });
    if (!row) {
      const [first] = await tx.select({ id: drivePledges.id, code: drivePledges.code }).from(drivePledges).where(eq(drivePledges.nonce, nonce));
      return { outcome: "duplicate" as const, pledgeId: first!.id, code: first!.code, token: null, over };
    }
    await tx.insert(drivePledgeItems).values(input.items.map((i) => ({ pledgeId: row.id, ...i })));
    await sendPledgeMail(tx, "pledged", row.id, { origin: o.origin, token });
    return { outcome: "created" as const, pledgeId: row.id, code: row.code, token, over };
  });
}

async function lockOpenPledge(tx: DbOrTx, token: string) {
  const [p] = await tx.select().from(drivePledges).where(eq(drivePledges.tokenHash, hashToken(token))).for("update");
  if (!p) throw new AppError("not_found");
  if (p.status !== "pledged") throw new AppError("conflict", undefined, "drives.cannotChange");
  return p;
}

/** The donor changes their pledge through their link, while the books have not arrived. */
export async function changePledge(input: PledgeChangeInput, o: Opts): Promise<{ over: string[] }> {
  const now = o.now ?? new Date();
  return getDb().transaction(async (tx) => {
    const p = await lockOpenPledge(tx, input.token);
    await openDrive(tx, p.driveId, now);
    const over = await checkItems(tx, p.driveId, input.items, p.id);
    await tx.update(drivePledges).set(donorValues(input)).where(eq(drivePledges.id, p.id));
    await tx.delete(drivePledgeItems).where(eq(drivePledgeItems.pledgeId, p.id));
    await tx.insert(drivePledgeItems).values(input.items.map((i) => ({ pledgeId: p.id, ...i })));
    // Each change is its own message: the key carries the moment it was made.
    await sendPledgeMail(tx, "changed", p.id, { origin: o.origin, token: input.token, key: `${p.id}-${now.getTime()}` });
    return { over };
  });
}

export async function cancelPledge(token: string, o: Opts) {
  const now = o.now ?? new Date();
  await getDb().transaction(async (tx) => {
    const p = await lockOpenPledge(tx, token);
    await tx.update(drivePledges).set({ status: "cancelled", cancelledAt: now }).where(eq(drivePledges.id, p.id));
    await sendPledgeMail(tx, "cancelled", p.id, { origin: o.origin });
  });
}

async function driveCategoryIds(tx: DbOrTx, driveId: number, ids: number[]) {
  const rows = await tx.select({ id: driveCategories.id, name: driveCategories.name }).from(driveCategories).where(and(eq(driveCategories.driveId, driveId), inArray(driveCategories.id, ids)));
  for (const id of ids) if (!rows.some((r) => r.id === id)) throw new AppError("invalid", { [`accepted_${id}`]: "drives.unknownCategory" });
  return new Map(rows.map((r) => [r.id, r.name]));
}

/**
 * Staff record what arrived: per category accepted and declined (with a reason), against a
 * pledge (which becomes received) or as a walk-in. The donor is thanked with the accepted
 * counts by category — never a money value.
 */
export async function recordIntake(input: IntakeInput, actorId: string, o: Opts): Promise<{ intakeIds: number[] }> {
  return getDb().transaction(async (tx) => {
    const names = await driveCategoryIds(tx, input.driveId, input.lines.map((l) => l.categoryId));
    let donor: { email: string; name: string; locale: Locale; code: string } | null = null;
    if (input.pledgeId) {
      const [p] = await tx.select().from(drivePledges).where(and(eq(drivePledges.id, input.pledgeId), eq(drivePledges.driveId, input.driveId))).for("update");
      if (!p || p.status === "cancelled") throw new AppError("conflict", undefined, "drives.cannotChange");
      await tx.update(drivePledges).set({ status: "received" }).where(eq(drivePledges.id, p.id));
      donor = { email: p.email, name: p.name, locale: p.locale, code: p.code };
    } else if (input.donorEmail) {
      donor = { email: input.donorEmail, name: input.donorName, locale: "zh-CN", code: "" };
    }
    const rows = await tx
      .insert(driveIntakes)
      .values(
        input.lines.map((l) => ({
          driveId: input.driveId,
          pledgeId: input.pledgeId,
          categoryId: l.categoryId,
          accepted: l.accepted,
          declined: l.declined,
          declineReason: l.declined ? l.reason : "",
          donorName: input.pledgeId ? "" : input.donorName,
          donorEmail: input.pledgeId ? "" : input.donorEmail,
          schoolId: input.pledgeId ? null : input.schoolId,
          recordedBy: actorId,
        })),
      )
      .returning({ id: driveIntakes.id });
    const accepted = input.lines.filter((l) => l.accepted > 0).map((l) => ({ name: names.get(l.categoryId)!, count: l.accepted }));
    if (donor && accepted.length) {
      const drive = await driveForMail(tx, input.driveId);
      await sendDonorMail(tx, drive, { key: rows[0]!.id, variant: "thanks", to: donor.email, locale: donor.locale, name: donor.name, code: donor.code, lines: accepted, url: `${o.origin}/drives/${drive.slug}` });
    }
    await tx.insert(auditLog).values({ actorId, action: "intake", entity: "drive", entityId: String(input.driveId), data: { pledgeId: input.pledgeId, lines: input.lines } });
    return { intakeIds: rows.map((r) => r.id) };
  });
}


/**
 * Records books handed over at the destination and tells everyone who gave. The mail key is
 * per donor per drive, so a second delivery (or a retried request) never mails anyone twice.
 */
export async function recordDelivery(input: DeliveryInput, actorId: string, o: Opts): Promise<{ deliveryId: number; mailed: number }> {
  return getDb().transaction(async (tx) => {
    await driveCategoryIds(tx, input.driveId, input.items.map((i) => i.categoryId));
    // Serialised per drive, so two deliveries recorded at once cannot both take the same books.
    await tx.select({ id: drives.id }).from(drives).where(eq(drives.id, input.driveId)).for("update");
    const { categories } = await driveProgress(input.driveId, tx);
    for (const item of input.items) {
      const c = categories.find((x) => x.id === item.categoryId)!;
      const inStock = c.accepted - c.delivered;
      if (item.count > inStock) throw new AppError("invalid", { [`count_${item.categoryId}`]: ["drivesAdmin.moreThanInStock", { n: Math.max(0, inStock) }] });
    }
    const photoFileId = (await saveOptionalImage(tx, "photo", input.photo, actorId)) ?? null;
    const [row] = await tx
      .insert(driveDeliveries)
      .values({ driveId: input.driveId, deliveredOn: input.deliveredOn, receivedBy: input.receivedBy, photoFileId, recordedBy: actorId })
      .returning({ id: driveDeliveries.id });
    await tx.insert(driveDeliveryItems).values(input.items.map((i) => ({ deliveryId: row!.id, ...i })));
    const drive = await driveForMail(tx, input.driveId);
    let mailed = 0;
    for (const d of await donorsOf(tx, input.driveId)) {
      const sent = await sendDonorMail(tx, drive, { key: `${input.driveId}-${d.email}`, variant: "delivered", to: d.email, locale: d.locale, name: d.name, code: "", lines: [], url: `${o.origin}/drives/${drive.slug}` });
      if (sent) mailed++;
    }
    await tx.insert(auditLog).values({ actorId, action: "delivery", entity: "drive", entityId: String(input.driveId), data: { deliveryId: row!.id } });
    return { deliveryId: row!.id, mailed };
  });
}

// ── Staff: the drive and its need-list ─────────────────────────────────────────────────────

const DAY_MS = 86_400_000;

async function audit(db: DbOrTx, actorId: string, action: string, driveId: number, data?: Record<string, unknown>) {
  await db.insert(auditLog).values({ actorId, action, entity: "drive", entityId: String(driveId), data });
}

/** Creates (driveId null) or updates a drive; returns its id. The end is the close of `endsOn`. */
export async function saveDrive(driveId: number | null, { cover, startsOn, endsOn, ...input }: DriveInput, actorId: string): Promise<number> {
  try {
    const id = await getDb().transaction(async (tx) => {
      const coverFileId = await saveOptionalImage(tx, "cover", cover, actorId);
      const values = { ...input, startsAt: startsOn, endsAt: new Date(endsOn.getTime() + DAY_MS), ...(coverFileId ? { coverFileId } : {}) };
      const [row] = driveId
        ? await tx.update(drives).set(values).where(eq(drives.id, driveId)).returning({ id: drives.id })
        : await tx.insert(drives).values(values).returning({ id: drives.id });
      if (!row) throw new AppError("not_found");
      await audit(tx, actorId, driveId ? "update" : "create", row.id);
      return row.id;
    });
    getCachedHighlights.clear();
    return id;
  } catch (e) {
    if (isUniqueViolation(e, "slug")) throw new AppError("invalid", { slug: "campaigns.slugTaken" });
    throw e;
  }
}

/**
 * Publishing needs a need-list (there is nothing to pledge otherwise). Closing stops pledges and
 * keeps the page (deliveries are news); reopening takes them again.
 */
export async function setDriveState(driveId: number, to: DriveStateChange, actorId: string, now = new Date()) {
  await getDb().transaction(async (tx) => {
    const [d] = await tx.select().from(drives).where(eq(drives.id, driveId)).for("update");
    if (!d) throw new AppError("not_found");
    if (to === "published") {
      const [c] = await tx.select({ n: sql<number>`count(*)::int` }).from(driveCategories).where(eq(driveCategories.driveId, driveId));
      if (!c?.n) throw new AppError("conflict", undefined, "drivesAdmin.needListFirst");
    }
    const values =
      to === "closed" ? { closedAt: now } : to === "reopened" ? { closedAt: null } : { status: to };
    await tx.update(drives).set(values).where(eq(drives.id, driveId));
    await audit(tx, actorId, `state:${to}`, driveId);
  });
  getCachedHighlights.clear();
}

/** Adds a need-list line (categoryId null) or changes one. */
export async function saveCategory({ driveId, categoryId, ...values }: CategoryInput, actorId: string): Promise<number> {
  return getDb().transaction(async (tx) => {
    let id = categoryId;
    if (id) {
      const [row] = await tx.update(driveCategories).set(values).where(and(eq(driveCategories.id, id), eq(driveCategories.driveId, driveId))).returning({ id: driveCategories.id });
      if (!row) throw new AppError("not_found");
    } else {
      const [drive] = await tx.select({ id: drives.id }).from(drives).where(eq(drives.id, driveId));
      if (!drive) throw new AppError("not_found");
      const [last] = await tx.select({ n: sql<number>`coalesce(max(${driveCategories.sortOrder}), -1)::int` }).from(driveCategories).where(eq(driveCategories.driveId, driveId));
      const [row] = await tx.insert(driveCategories).values({ driveId, ...values, sortOrder: (last?.n ?? -1) + 1 }).returning({ id: driveCategories.id });
      id = row!.id;
    }
    await audit(tx, actorId, categoryId ? "category:update" : "category:add", driveId, { categoryId: id, ...values });
    return id;
  });
}

/** Moves a need-list line up or down, or removes it while no pledge, intake or delivery names it. */
export async function changeCategory(driveId: number, categoryId: number, op: "up" | "down" | "delete", actorId: string) {
  await getDb().transaction(async (tx) => {
    const lines = await tx.select().from(driveCategories).where(eq(driveCategories.driveId, driveId)).orderBy(asc(driveCategories.sortOrder), asc(driveCategories.id));
    const i = lines.findIndex((l) => l.id === categoryId);
    if (i < 0) throw new AppError("not_found");
    if (op === "delete") {
      const used = await tx.execute(sql`
        SELECT 1 FROM drive_pledge_items WHERE category_id = ${categoryId}
        UNION ALL SELECT 1 FROM drive_intakes WHERE category_id = ${categoryId}
        UNION ALL SELECT 1 FROM drive_delivery_items WHERE category_id = ${categoryId} LIMIT 1`);
      if (rowsOf(used).length) throw new AppError("conflict", undefined, "drivesAdmin.categoryInUse");
      await tx.delete(driveCategories).where(eq(driveCategories.id, categoryId));
    } else {
      const j = op === "up" ? i - 1 : i + 1;
      if (j < 0 || j >= lines.length) return;
      const order = lines.map((l) => l.id);
      [order[i], order[j]] = [order[j]!, order[i]!];
      for (const [k, id] of order.entries()) await tx.update(driveCategories).set({ sortOrder: k }).where(eq(driveCategories.id, id));
    }
    await audit(tx, actorId, `category:${op}`, driveId, { categoryId });
  });
}
