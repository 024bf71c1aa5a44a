import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import { auditLog, schools } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { scheduleDrain } from "@/lib/mail";
import { accountForEmail, joinBlock, joinSchool } from "./accounts";
import { sendSchoolApproved, sendSchoolRejected } from "./emails";
import { signInPath } from "./links";
import { registrationLocale } from "./register";

// Staff review a pending school once. The conditional UPDATE … WHERE status = 'pending' is the
// guard: of two reviewers clicking at once, one changes the row and the other is told.

async function notPending(tx: Tx, schoolId: number): Promise<AppError> {
  const [row] = await tx.select({ id: schools.id }).from(schools).where(eq(schools.id, schoolId)).limit(1);
  return row ? new AppError("conflict", undefined, "schools.review.alreadyReviewed") : new AppError("not_found");
}

const blockMessages = {
  disabled: "schools.review.accountDisabled",
  otherSchool: "schools.review.accountOtherSchool",
  pupil: "schools.review.accountPupil",
} as const;

/**
 * Approves a pending school: its coordinator gets an account (or their existing one gets the
 * coordinator and teacher roles and the school), the approval is audited, and the coordinator is
 * emailed a sign-in link — all in one transaction. `origin` makes that link absolute.
 */
export async function approveSchool(schoolId: number, actorId: string, origin: string) {
  const result = await getDb().transaction(async (tx) => {
    const [school] = await tx
      .update(schools)
      .set({ status: "approved", reviewedAt: sql`now()`, reviewedBy: actorId, rejectionReason: null })
      .where(and(eq(schools.id, schoolId), eq(schools.status, "pending")))
      .returning();
    if (!school) throw await notPending(tx, schoolId);

    const email = school.coordinatorEmail.toLowerCase();
    const existing = await accountForEmail(tx, email);
    const block = existing && joinBlock(existing, school.id);
    // Thrown inside the transaction, so the school stays pending for staff to sort out.
    if (block) throw new AppError("conflict", undefined, blockMessages[block]);
    const locale = existing?.locale ?? (await registrationLocale(tx, school.id));
    const { userId, created } = await joinSchool(tx, {
      existing,
      email,
      name: school.coordinatorName,
      schoolId: school.id,
      roles: ["coordinator", "teacher"],
      locale,
    });
    await tx.insert(auditLog).values({
      actorId,
      action: "approve",
      entity: "school",
      entityId: String(school.id),
      data: { coordinatorUserId: userId, accountCreated: created },
    });
    await sendSchoolApproved(tx, { school, signInUrl: `${origin}${signInPath(email)}`, locale });
    return { school, userId, accountCreated: created };
  });
  scheduleDrain();
  return result;
}

/** Rejects a pending school with the reason the coordinator will read; audited and emailed together. */
export async function rejectSchool(schoolId: number, reason: string, actorId: string) {
  const result = await getDb().transaction(async (tx) => {
    const [school] = await tx
      .update(schools)
      .set({ status: "rejected", reviewedAt: sql`now()`, reviewedBy: actorId, rejectionReason: reason })
      .where(and(eq(schools.id, schoolId), eq(schools.status, "pending")))
      .returning();
    if (!school) throw await notPending(tx, schoolId);
    const existing = await accountForEmail(tx, school.coordinatorEmail);
    const locale = existing?.locale ?? (await registrationLocale(tx, school.id));
    await tx.insert(auditLog).values({ actorId, action: "reject", entity: "school", entityId: String(school.id), data: { reason } });
    await sendSchoolRejected(tx, { school, reason, locale });
    return { school };
  });
  scheduleDrain();
  return result;
}
