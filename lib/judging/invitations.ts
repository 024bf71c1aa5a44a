import "server-only";
import { createElement } from "react";
import { and, asc, eq, gt, inArray, isNull, lte, sql } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import { auditLog, campaignJudges, campaigns, judgeConflicts, judgeInvitations, schools, towns, userRoles, users } from "@/db/schema";
import { JudgeInvitationEmail, judgeInvitationSubject } from "@/emails/judging/invitation";
import { hashToken, newToken } from "@/lib/crypto";
import { AppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n";
import { enqueueMail, formatMailDate, libraryName, renderEmail, scheduleDrain } from "@/lib/mail";
import { accountForEmail } from "@/lib/schools/accounts";
import type { AcceptJudgeInvitationInput, InviteJudgeInput } from "./schemas";

// Judges are readers from outside the schools, invited by email to one campaign's panel. As with
// teacher invitations only the token's hash is kept, and the token is the authority on the
// public accept page: it reached the invitee's mailbox, as a sign-in link would.

/** Longer than a teacher's week: judges are often busy people asked well ahead of judging. */
export const JUDGE_INVITATION_DAYS = 14;
const expiry = sql`now() + make_interval(days => ${JUDGE_INVITATION_DAYS})`;

export function judgeInvitationPath(token: string): string {
  return `/judge-invite/${encodeURIComponent(token)}`;
}

/** Where a judge signs in: the address filled in, then on to their queue. */
export function judgeSignInPath(email: string): string {
  return `/signin?${new URLSearchParams({ email, callbackUrl: "/judging" })}`;
}

export type Inviter = { id: string; name: string | null };

async function campaignOf(db: DbOrTx, campaignId: number) {
  const [c] = await db.select({ id: campaigns.id, title: campaigns.title, judgingEndsAt: campaigns.judgingEndsAt }).from(campaigns).where(eq(campaigns.id, campaignId)).limit(1);
  if (!c) throw new AppError("not_found");
  return c;
}

async function mailInvitation(
  db: DbOrTx,
  m: {
    entityId: string;
    email: string;
    name: string;
    token: string;
    expiresAt: Date;
    campaign: { title: string; judgingEndsAt: Date };
    inviter: Inviter;
    origin: string;
    locale: Locale;
  },
) {
  // The invitee's own language if they already have an account, else the inviter's.
  const [known] = await db
    .select({ locale: users.locale })
    .from(users)
    .where(sql`lower(${users.email}) = ${m.email}`)
    .limit(1);
  const locale = known?.locale ?? m.locale;
  const library = await libraryName(db, locale);
  const { html, text } = await renderEmail(
    createElement(JudgeInvitationEmail, {
      locale,
      libraryName: library,
      judgeName: m.name,
      campaignTitle: m.campaign.title,
      inviterName: m.inviter.name || library,
      url: `${m.origin}${judgeInvitationPath(m.token)}`,
      expiresAt: formatMailDate(m.expiresAt, locale, true),
      judgingEnds: formatMailDate(m.campaign.judgingEndsAt, locale, true),
    }),
  );
  await enqueueMail(db, { kind: "judge-invitation", entityId: m.entityId, to: m.email, locale, subject: judgeInvitationSubject(locale, m.campaign.title), html, text });
}

/**
 * Invites someone to the campaign's panel: the invitation row (the token's hash only) and its
 * email in one transaction. Someone already on the panel, already invited, or whose account
 * cannot judge (a pupil's, a disabled one) is pointed out next to the email field.
 */
export async function inviteJudge(inviter: Inviter, input: InviteJudgeInput, origin: string, locale: Locale) {
  const result = await getDb().transaction(async (tx) => {
    const campaign = await campaignOf(tx, input.campaignId);
    // One invitation at a time per campaign, so a double click cannot invite the same person twice.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('judging.invite'), ${input.campaignId}::int)`);
    const account = await accountForEmail(tx, input.email);
    if (account?.disabled) throw new AppError("invalid", { email: "judgingAdmin.judges.accountDisabled" });
    if (account?.roles.includes("student")) throw new AppError("invalid", { email: "judgingAdmin.judges.accountPupil" });
    if (account) {
      const [member] = await tx
        .select({ id: campaignJudges.judgeId })
        .from(campaignJudges)
        .where(and(eq(campaignJudges.campaignId, input.campaignId), eq(campaignJudges.judgeId, account.id)))
        .limit(1);
      if (member) throw new AppError("invalid", { email: "judgingAdmin.judges.alreadyOnPanel" });
    }
    const sameEmail = and(eq(judgeInvitations.campaignId, input.campaignId), sql`lower(${judgeInvitations.email}) = ${input.email}`, isNull(judgeInvitations.acceptedAt));
    const [open] = await tx
      .select({ id: judgeInvitations.id })
      .from(judgeInvitations)
      .where(and(sameEmail, gt(judgeInvitations.expiresAt, sql`now()`)))
      .limit(1);
    if (open) throw new AppError("invalid", { email: "judgingAdmin.judges.alreadyInvited" });
    // An expired invitation to the same address is replaced, not listed twice.
    await tx.delete(judgeInvitations).where(and(sameEmail, lte(judgeInvitations.expiresAt, sql`now()`)));

    const { token, hash } = newToken();
    const [invitation] = await tx
      .insert(judgeInvitations)
      .values({ campaignId: input.campaignId, email: input.email, name: input.name, tokenHash: hash, invitedBy: inviter.id, expiresAt: expiry })
      .returning();
    await mailInvitation(tx, {
      entityId: String(invitation!.id),
      email: input.email,
      name: input.name,
      token,
      expiresAt: invitation!.expiresAt,
      campaign,
      inviter,
      origin,
      locale,
    });
    return { invitation: invitation!, token };
  });
  scheduleDrain();
  return result;
}

/**
 * Sends an open invitation again with a new link (the old one stops working) and a fresh
 * period to accept it. Each resend is its own email: `judge-invitation/<id>-<piece of the new hash>`.
 */
export async function resendJudgeInvitation(inviter: Inviter, input: { campaignId: number; invitationId: number }, origin: string, locale: Locale) {
  const result = await getDb().transaction(async (tx) => {
    const campaign = await campaignOf(tx, input.campaignId);
    const { token, hash } = newToken();
    const [invitation] = await tx
      .update(judgeInvitations)
      .set({ tokenHash: hash, expiresAt: expiry })
      .where(and(eq(judgeInvitations.id, input.invitationId), eq(judgeInvitations.campaignId, input.campaignId), isNull(judgeInvitations.acceptedAt)))
      .returning();
    if (!invitation) throw new AppError("not_found");
    const entityId = `${invitation.id}-${hash.slice(0, 12)}`;
    await mailInvitation(tx, { entityId, email: invitation.email, name: invitation.name, token, expiresAt: invitation.expiresAt, campaign, inviter, origin, locale });
    return { invitation, token };
  });
  scheduleDrain();
  return result;
}

/** Withdraws an open invitation: the row goes, so its link finds nothing. */
export async function withdrawJudgeInvitation(input: { campaignId: number; invitationId: number }) {
  const rows = await getDb()
    .delete(judgeInvitations)
    .where(and(eq(judgeInvitations.id, input.invitationId), eq(judgeInvitations.campaignId, input.campaignId), isNull(judgeInvitations.acceptedAt)))
    .returning({ id: judgeInvitations.id });
  if (!rows.length) throw new AppError("not_found");
}

/** Invitations not yet accepted, expired ones included (staff resend or withdraw them). */
export async function listOpenJudgeInvitations(campaignId: number) {
  return getDb()
    .select({
      id: judgeInvitations.id,
      name: judgeInvitations.name,
      email: judgeInvitations.email,
      expiresAt: judgeInvitations.expiresAt,
      expired: sql<boolean>`${judgeInvitations.expiresAt} <= now()`,
    })
    .from(judgeInvitations)
    .where(and(eq(judgeInvitations.campaignId, campaignId), isNull(judgeInvitations.acceptedAt)))
    .orderBy(asc(judgeInvitations.createdAt));
}

/** What the accept page shows for a token: never more than the invitee's own invitation. */
export async function getJudgeInvitationView(token: string) {
  if (!token || token.length > 100) return null;
  const [row] = await getDb()
    .select({
      name: judgeInvitations.name,
      email: judgeInvitations.email,
      expiresAt: judgeInvitations.expiresAt,
      acceptedAt: judgeInvitations.acceptedAt,
      expired: sql<boolean>`${judgeInvitations.expiresAt} <= now()`,
      campaignTitle: campaigns.title,
      judgingEndsAt: campaigns.judgingEndsAt,
      inviterName: users.name,
    })
    .from(judgeInvitations)
    .innerJoin(campaigns, eq(campaigns.id, judgeInvitations.campaignId))
    .leftJoin(users, eq(users.id, judgeInvitations.invitedBy))
    .where(eq(judgeInvitations.tokenHash, hashToken(token)))
    .limit(1);
  if (!row) return null;
  return { ...row, state: row.acceptedAt ? ("accepted" as const) : row.expired ? ("expired" as const) : ("open" as const) };
}

/** Approved schools a judge can declare a connection to, town by town. */
export async function listConflictSchools() {
  return getDb()
    .select({ id: schools.id, name: schools.name, townZh: towns.nameZh, townEn: towns.nameEn })
    .from(schools)
    .innerJoin(towns, eq(towns.id, schools.townId))
    .where(eq(schools.status, "approved"))
    .orderBy(asc(towns.sortOrder), asc(towns.id), asc(schools.name));
}

/**
 * Accepts an invitation by its token: valid, not expired, not yet accepted (one conditional
 * UPDATE, so a double click accepts once). The invitee's account is made, or the existing one
 * used; it gets the judge role, a place on the campaign's panel and the declared conflicts.
 */
export async function acceptJudgeInvitation(input: AcceptJudgeInvitationInput, locale: Locale): Promise<{ email: string; userId: string; campaignId: number }> {
  const tokenHash = hashToken(input.token);
  return getDb().transaction(async (tx) => {
    const [invitation] = await tx
      .update(judgeInvitations)
      .set({ acceptedAt: sql`now()` })
      .where(and(eq(judgeInvitations.tokenHash, tokenHash), isNull(judgeInvitations.acceptedAt), gt(judgeInvitations.expiresAt, sql`now()`)))
      .returning();
    if (!invitation) {
      const [row] = await tx.select({ acceptedAt: judgeInvitations.acceptedAt }).from(judgeInvitations).where(eq(judgeInvitations.tokenHash, tokenHash)).limit(1);
      if (!row) throw new AppError("not_found", undefined, "judgingAdmin.accept.invalid");
      throw new AppError("conflict", undefined, row.acceptedAt ? "judgingAdmin.accept.alreadyAccepted" : "judgingAdmin.accept.expired");
    }
    const email = invitation.email.toLowerCase();
    const existing = await accountForEmail(tx, email);
    if (existing?.disabled) throw new AppError("conflict", undefined, "judgingAdmin.judges.accountDisabled");
    if (existing?.roles.includes("student")) throw new AppError("conflict", undefined, "judgingAdmin.judges.accountPupil");
    let userId = existing?.id;
    if (!userId) {
      const [row] = await tx
        .insert(users)
        .values({ name: invitation.name || email, email, locale })
        .returning({ id: users.id });
      userId = row!.id;
    }
    const schoolIds = input.conflicts.map((c) => c.schoolId);
    if (schoolIds.length) {
      const known = await tx
        .select({ id: schools.id })
        .from(schools)
        .where(and(inArray(schools.id, schoolIds), eq(schools.status, "approved")));
      if (known.length !== new Set(schoolIds).size) throw new AppError("invalid", { schoolId: "judgingAdmin.accept.unknownSchool" });
      await tx
        .insert(judgeConflicts)
        .values(input.conflicts.map((c) => ({ judgeId: userId, schoolId: c.schoolId, note: c.note })))
        .onConflictDoUpdate({ target: [judgeConflicts.judgeId, judgeConflicts.schoolId], set: { note: sql`excluded.note` } });
    }
    await tx.insert(userRoles).values({ userId, role: "judge" }).onConflictDoNothing();
    await tx.insert(campaignJudges).values({ campaignId: invitation.campaignId, judgeId: userId }).onConflictDoNothing();
    await tx.update(judgeInvitations).set({ acceptedBy: userId }).where(eq(judgeInvitations.id, invitation.id));
    await tx.insert(auditLog).values({
      actorId: userId,
      action: "judging:accept_invitation",
      entity: "campaign",
      entityId: String(invitation.campaignId),
      data: { invitationId: invitation.id, userId, accountCreated: !existing, conflicts: input.conflicts },
    });
    return { email, userId, campaignId: invitation.campaignId };
  });
}
