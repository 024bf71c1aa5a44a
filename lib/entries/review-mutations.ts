import "server-only";
import { and, count, eq, isNull, sql } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import { auditLog, campaignCategories, campaignEnrolments, campaigns, entries, schools, submissionExtensions, users } from "@/db/schema";
import type { SessionUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { scheduleDrain } from "@/lib/mail";
import { countChars } from "./count";
import { personalInfoFlags } from "./flags";
import { sendEntryDisqualified, sendEntryReinstated } from "./review-emails";
import type { ExtensionInput } from "./review-schemas";

// Staff decisions on entries (the caller checks "entries.review"). Each is one transaction with
// its audit row and, for disqualifications, the teacher's email (rules 4 and 7).

type Actor = Pick<SessionUser, "id">;

const decided = {
  id: entries.id,
  code: entries.code,
  title: entries.title,
  pupilId: entries.pupilId,
  schoolId: entries.schoolId,
  classId: entries.classId,
  categoryId: entries.categoryId,
  campaignId: entries.campaignId,
  status: entries.status,
  disqualifiedAt: entries.disqualifiedAt,
  disqualifiedReason: entries.disqualifiedReason,
};

async function audit(tx: Tx, actor: Actor, action: string, entryId: number, data: Record<string, unknown>) {
  await tx.insert(auditLog).values({ actorId: actor.id, action, entity: "entry", entityId: String(entryId), data });
}

/** How many times this has been done to the entry, this time included: the round in the email's key. */
async function rounds(tx: Tx, entryId: number, action: string): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(auditLog)
    .where(and(eq(auditLog.entity, "entry"), eq(auditLog.entityId, String(entryId)), eq(auditLog.action, action)));
  return row?.n ?? 0;
}

/**
 * Replaces the essay judges will read with staff's redacted text. The pupil's own text is kept
 * in `original_body` the first time only, so redacting again never loses it. Flags are found
 * again in the new text: what is left shows on the entry page.
 */
export async function redactEntry(actor: Actor, entryId: number, body: string) {
  return getDb().transaction(async (tx) => {
    const [row] = await tx
      .select({ entry: entries, entryType: campaignCategories.entryType, pupilName: users.name, schoolName: schools.name })
      .from(entries)
      .innerJoin(campaignCategories, eq(campaignCategories.id, entries.categoryId))
      .innerJoin(users, eq(users.id, entries.pupilId))
      .innerJoin(schools, eq(schools.id, entries.schoolId))
      .where(eq(entries.id, entryId))
      .limit(1)
      .for("update", { of: entries });
    if (!row) throw new AppError("not_found");
    if (row.entryType !== "essay") throw new AppError("conflict", undefined, "entriesAdmin.errors.notEssay");
    // A draft is still the pupil's to write; staff redact what was handed in.
    if (row.entry.status === "draft") throw new AppError("conflict", undefined, "entriesAdmin.errors.draftNotRedactable");
    const flags = personalInfoFlags(`${row.entry.title}\n${body}`, { pupilName: row.pupilName ?? "", schoolName: row.schoolName });
    const charCount = countChars(body);
    await tx
      .update(entries)
      .set({
        originalBody: sql`coalesce(${entries.originalBody}, ${entries.body})`,
        body,
        charCount,
        flags,
        redactedAt: sql`now()`,
        redactedBy: actor.id,
      })
      .where(eq(entries.id, entryId));
    await audit(tx, actor, "redact", entryId, { flagsBefore: row.entry.flags, flagsAfter: flags, charsBefore: row.entry.charCount, charsAfter: charCount });
    return { flags, charCount };
  });
}

/**
 * Disqualifies a submitted entry and emails its teacher the reason. Doing it again while it is
 * disqualified changes nothing and sends nothing (a double click); after an undo it is a new
 * decision with a new email.
 */
export async function disqualifyEntry(actor: Actor, entryId: number, reason: string) {
  const changed = await getDb().transaction(async (tx) => {
    const [row] = await tx
      .update(entries)
      .set({ disqualifiedAt: sql`now()`, disqualifiedReason: reason, disqualifiedBy: actor.id })
      .where(and(eq(entries.id, entryId), isNull(entries.disqualifiedAt), eq(entries.status, "submitted")))
      .returning(decided);
    if (!row) {
      const [now] = await tx.select(decided).from(entries).where(eq(entries.id, entryId)).limit(1);
      if (!now) throw new AppError("not_found");
      if (now.disqualifiedAt) return false;
      throw new AppError("conflict", undefined, "entriesAdmin.errors.notSubmitted");
    }
    await audit(tx, actor, "disqualify", entryId, { reason });
    await sendEntryDisqualified(tx, row, reason, await rounds(tx, entryId, "disqualify"));
    return true;
  });
  if (changed) scheduleDrain();
  return { changed };
}

/** Takes a disqualification back and tells the teacher; a no-op when the entry is not disqualified. */
export async function undoDisqualification(actor: Actor, entryId: number) {
  const changed = await getDb().transaction(async (tx) => {
    const [before] = await tx.select(decided).from(entries).where(eq(entries.id, entryId)).limit(1).for("update");
    if (!before) throw new AppError("not_found");
    if (!before.disqualifiedAt) return false;
    await tx
      .update(entries)
      .set({ disqualifiedAt: null, disqualifiedReason: null, disqualifiedBy: null })
      .where(eq(entries.id, entryId));
    await audit(tx, actor, "undo_disqualify", entryId, { reason: before.disqualifiedReason });
    await sendEntryReinstated(tx, before, await rounds(tx, entryId, "undo_disqualify"));
    return true;
  });
  if (changed) scheduleDrain();
  return { changed };
}

/**
 * Gives one enrolled school a later submission deadline, or changes the one it has (one row per
 * campaign and school). It must fall after the campaign's own deadline and by the end of judging.
 */
export async function grantExtension(actor: Actor, input: ExtensionInput) {
  return getDb().transaction(async (tx) => {
    const [campaign] = await tx
      .select({ closesAt: campaigns.submissionClosesAt, judgingEndsAt: campaigns.judgingEndsAt })
      .from(campaigns)
      .where(eq(campaigns.id, input.campaignId))
      .limit(1);
    if (!campaign) throw new AppError("not_found");
    if (input.closesAt <= campaign.closesAt) throw new AppError("invalid", { closesAt: "entriesAdmin.errors.extensionNotLater" });
    if (input.closesAt > campaign.judgingEndsAt) throw new AppError("invalid", { closesAt: "entriesAdmin.errors.extensionAfterJudging" });
    const [enrolled] = await tx
      .select({ id: campaignEnrolments.id })
      .from(campaignEnrolments)
      .where(and(eq(campaignEnrolments.campaignId, input.campaignId), eq(campaignEnrolments.schoolId, input.schoolId)))
      .limit(1);
    if (!enrolled) throw new AppError("invalid", { schoolId: "entriesAdmin.errors.schoolNotEnrolled" });
    const values = { closesAt: input.closesAt, reason: input.reason, grantedBy: actor.id };
    const [row] = await tx
      .insert(submissionExtensions)
      .values({ campaignId: input.campaignId, schoolId: input.schoolId, ...values })
      .onConflictDoUpdate({ target: [submissionExtensions.campaignId, submissionExtensions.schoolId], set: { ...values, createdAt: sql`now()` } })
      .returning();
    await tx.insert(auditLog).values({
      actorId: actor.id,
      action: "grant_extension",
      entity: "submission_extension",
      entityId: String(row!.id),
      data: { campaignId: input.campaignId, schoolId: input.schoolId, closesAt: input.closesAt.toISOString(), reason: input.reason },
    });
    return row!;
  });
}

/** Withdraws an extension: the school's pupils are back on the campaign's own deadline. */
export async function removeExtension(actor: Actor, extensionId: number) {
  return getDb().transaction(async (tx) => {
    const [row] = await tx.delete(submissionExtensions).where(eq(submissionExtensions.id, extensionId)).returning();
    if (!row) throw new AppError("not_found");
    await tx.insert(auditLog).values({
      actorId: actor.id,
      action: "remove_extension",
      entity: "submission_extension",
      entityId: String(row.id),
      data: { campaignId: row.campaignId, schoolId: row.schoolId, closesAt: row.closesAt.toISOString() },
    });
    return row;
  });
}
