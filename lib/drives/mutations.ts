import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import { auditLog, driveCategories, driveDeliveries, driveDeliveryItems, driveIntakes, drivePledgeItems, drivePledges, drives } from "@/db/schema";
import { hashToken, newToken, readableCode } from "@/lib/crypto";
import { AppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n";
import { saveUpload } from "@/lib/storage";
import { donorsOf, driveForMail, sendDonorMail, sendPledgeMail } from "./emails";
import { driveProgress, stillNeeded } from "./queries";
import type { DeliveryInput, IntakeInput, ItemInput, PledgeChangeInput, PledgeInput } from "./schemas";

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
  const { categories } = await driveProgress(tx, driveId);
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
    const [row] = await tx
      .insert(drivePledges)
      .values({ ...donorValues(input), code: readableCode(8).toUpperCase(), driveId: input.driveId, tokenHash: hash, nonce: input.nonce, locale: o.locale })
      .onConflictDoNothing({ target: drivePledges.nonce })
      .returning({ id: drivePledges.id, code: drivePledges.code });
    if (!row) {
      const [first] = await tx.select({ id: drivePledges.id, code: drivePledges.code }).from(drivePledges).where(eq(drivePledges.nonce, input.nonce));
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

const IMAGE_RULES = { allowed: ["image/jpeg", "image/png", "image/webp"] as const, maxBytes: 5 * 1024 * 1024, isPublic: true };

/**
 * Records books handed over at the destination and tells everyone who gave. The mail key is
 * per donor per drive, so a second delivery (or a retried request) never mails anyone twice.
 */
export async function recordDelivery(input: DeliveryInput, actorId: string, o: Opts): Promise<{ deliveryId: number; mailed: number }> {
  return getDb().transaction(async (tx) => {
    await driveCategoryIds(tx, input.driveId, input.items.map((i) => i.categoryId));
    const photoFileId = input.photo && input.photo.size > 0 ? (await saveUpload(tx, "photo", input.photo, IMAGE_RULES, actorId)).id : null;
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
