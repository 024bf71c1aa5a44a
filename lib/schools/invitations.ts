import "server-only";
import { and, eq, gt, isNull, lte, sql } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import { auditLog, schools, teacherInvitations, users } from "@/db/schema";
import { hashToken, newToken } from "@/lib/crypto";
import { AppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n";
import { scheduleDrain } from "@/lib/mail";
import { accountForEmail, joinBlock, joinSchool } from "./accounts";
import { sendTeacherInvitation } from "./emails";
import { invitationPath } from "./links";
import type { InviteTeacherInput } from "./schemas";

export const INVITATION_DAYS = 7;
const expiry = sql`now() + make_interval(days => ${INVITATION_DAYS})`;

/** The coordinator as the invitation functions need them: their school is the scope of every write. */
export type Coordinator = { id: string; name: string | null; schoolId: number | null };

function schoolOf(coordinator: Coordinator): number {
  // A coordinator without a school has no invitations to see or change.
  if (coordinator.schoolId === null) throw new AppError("not_found");
  return coordinator.schoolId;
}

async function approvedSchool(db: DbOrTx, schoolId: number) {
  const [school] = await db
    .select({ id: schools.id, name: schools.name })
    .from(schools)
    .where(and(eq(schools.id, schoolId), eq(schools.status, "approved")))
    .limit(1);
  if (!school) throw new AppError("not_found");
  return school;
}

/** The invitee's own language if they already have an account, else the coordinator's. */
async function inviteeLocale(db: DbOrTx, email: string, fallback: Locale): Promise<Locale> {
  const [row] = await db.select({ locale: users.locale }).from(users).where(sql`lower(${users.email}) = ${email}`).limit(1);
  return row?.locale ?? fallback;
}

async function mailInvitation(
  db: DbOrTx,
  m: { id: number; email: string; name: string; token: string; hash: string; expiresAt: Date; schoolName: string; inviter: Coordinator; origin: string; locale: Locale },
) {
  await sendTeacherInvitation(db, {
    entityId: `${m.id}-${m.hash.slice(0, 12)}`,
    to: m.email,
    teacherName: m.name,
    schoolName: m.schoolName,
    inviterName: m.inviter.name ?? "",
    url: `${m.origin}${invitationPath(m.token)}`,
    expiresAt: m.expiresAt,
    locale: await inviteeLocale(db, m.email, m.locale),
  });
}

/**
 * Invites a teacher to the coordinator's school: an invitation row holding only the token's
 * hash, and the email with the token's link, in one transaction. Someone already in the school,
 * or already invited and not yet expired, is pointed out next to the email field.
 */
export async function inviteTeacher(input: InviteTeacherInput, coordinator: Coordinator, origin: string, locale: Locale) {
  const schoolId = schoolOf(coordinator);
  const result = await getDb().transaction(async (tx) => {
    const school = await approvedSchool(tx, schoolId);
    // One invitation at a time per school, so a double click cannot invite the same person twice.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('schools.invite'), ${schoolId}::int)`);
    const [member] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(sql`lower(${users.email}) = ${input.email}`, eq(users.schoolId, schoolId)))
      .limit(1);
    if (member) throw new AppError("invalid", { email: "invite.alreadyMember" });
    const sameEmail = and(eq(teacherInvitations.schoolId, schoolId), sql`lower(${teacherInvitations.email}) = ${input.email}`, isNull(teacherInvitations.acceptedAt));
    const [open] = await tx
      .select({ id: teacherInvitations.id })
      .from(teacherInvitations)
      .where(and(sameEmail, gt(teacherInvitations.expiresAt, sql`now()`)))
      .limit(1);
    if (open) throw new AppError("invalid", { email: "invite.alreadyInvited" });
    // An expired invitation to the same address is replaced, not listed twice.
    await tx.delete(teacherInvitations).where(and(sameEmail, lte(teacherInvitations.expiresAt, sql`now()`)));

    const { token, hash } = newToken();
    const [invitation] = await tx
      .insert(teacherInvitations)
      .values({ schoolId, email: input.email, name: input.name, tokenHash: hash, invitedBy: coordinator.id, expiresAt: expiry })
      .returning();
    await mailInvitation(tx, { ...invitation!, token, hash, schoolName: school.name, inviter: coordinator, origin, locale });
    return { invitation: invitation!, token };
  });
  scheduleDrain();
  return result;
}

/**
 * Sends an open invitation again with a new link (only the hash of the old one is kept, so the
 * old link stops working) and a fresh week to accept it.
 */
export async function resendInvitation(invitationId: number, coordinator: Coordinator, origin: string, locale: Locale) {
  const schoolId = schoolOf(coordinator);
  const result = await getDb().transaction(async (tx) => {
    const school = await approvedSchool(tx, schoolId);
    const { token, hash } = newToken();
    const [invitation] = await tx
      .update(teacherInvitations)
      .set({ tokenHash: hash, expiresAt: expiry })
      .where(and(eq(teacherInvitations.id, invitationId), eq(teacherInvitations.schoolId, schoolId), isNull(teacherInvitations.acceptedAt)))
      .returning();
    if (!invitation) throw new AppError("not_found");
    await mailInvitation(tx, { ...invitation, token, hash, schoolName: school.name, inviter: coordinator, origin, locale });
    return { invitation, token };
  });
  scheduleDrain();
  return result;
}

/** Withdraws an open invitation: the row goes, so its link finds nothing. */
export async function revokeInvitation(invitationId: number, coordinator: Coordinator) {
  const schoolId = schoolOf(coordinator);
  const rows = await getDb()
    .delete(teacherInvitations)
    .where(and(eq(teacherInvitations.id, invitationId), eq(teacherInvitations.schoolId, schoolId), isNull(teacherInvitations.acceptedAt)))
    .returning({ id: teacherInvitations.id });
  if (!rows.length) throw new AppError("not_found");
}

const blockMessages = {
  disabled: "invite.accountDisabled",
  otherSchool: "invite.otherSchool",
  pupil: "invite.accountPupil",
} as const;

/**
 * Accepts an invitation by its token: valid, not expired, not yet accepted (one conditional
 * UPDATE, so a double click accepts once). The invitee's account is made or given the teacher
 * role and the school; one that belongs to another school is refused and nothing changes.
 * The token is the authority here, as in a sign-in link: the page is public.
 */
export async function acceptInvitation(token: string, locale: Locale): Promise<{ email: string; schoolId: number; userId: string }> {
  const tokenHash = hashToken(token);
  return getDb().transaction(async (tx) => {
    const [invitation] = await tx
      .update(teacherInvitations)
      .set({ acceptedAt: sql`now()` })
      .where(and(eq(teacherInvitations.tokenHash, tokenHash), isNull(teacherInvitations.acceptedAt), gt(teacherInvitations.expiresAt, sql`now()`)))
      .returning();
    if (!invitation) {
      const [row] = await tx
        .select({ acceptedAt: teacherInvitations.acceptedAt })
        .from(teacherInvitations)
        .where(eq(teacherInvitations.tokenHash, tokenHash))
        .limit(1);
      if (!row) throw new AppError("not_found", undefined, "invite.invalid");
      throw new AppError("conflict", undefined, row.acceptedAt ? "invite.alreadyAccepted" : "invite.expired");
    }
    await approvedSchool(tx, invitation.schoolId);
    const email = invitation.email.toLowerCase();
    const existing = await accountForEmail(tx, email);
    const block = existing && joinBlock(existing, invitation.schoolId);
    if (block) throw new AppError("conflict", undefined, blockMessages[block]);
    const { userId, created } = await joinSchool(tx, {
      existing,
      email,
      name: invitation.name || email,
      schoolId: invitation.schoolId,
      roles: ["teacher"],
      // A new account speaks the language the invitee accepted in.
      locale: existing?.locale ?? locale,
    });
    await tx.insert(auditLog).values({
      actorId: userId,
      action: "accept_invitation",
      entity: "school",
      entityId: String(invitation.schoolId),
      data: { invitationId: invitation.id, userId, accountCreated: created },
    });
    return { email, schoolId: invitation.schoolId, userId };
  });
}
