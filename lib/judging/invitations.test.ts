import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { createSchool, createUser } from "@/db/factories";
import { createOpenCampaign } from "@/db/factories-entries";
import { mailsTo } from "@/db/factories-schools";
import { auditLog, campaignJudges, judgeConflicts, judgeInvitations, outbox, userRoles, users } from "@/db/schema";
import { hashToken } from "@/lib/crypto";
import en from "@/messages/en.json";
import { loadJudges } from "./assignments";
import {
  acceptJudgeInvitation,
  getJudgeInvitationView,
  inviteJudge,
  JUDGE_INVITATION_DAYS,
  listOpenJudgeInvitations,
  resendJudgeInvitation,
  withdrawJudgeInvitation,
} from "./invitations";
import { acceptJudgeInvitationSchema } from "./schemas";

const ORIGIN = "https://shuxiang.example.cn";
const DAY = 24 * 3600 * 1000;
const newEmail = () => `judge-${Math.random().toString(36).slice(2, 10)}@example.test`;
const rolesOf = async (userId: string) => (await getDb().select({ role: userRoles.role }).from(userRoles).where(eq(userRoles.userId, userId))).map((r) => r.role).sort();
const invitationRow = async (id: number) => (await getDb().select().from(judgeInvitations).where(eq(judgeInvitations.id, id)))[0]!;
const onPanel = async (campaignId: number) => (await getDb().select().from(campaignJudges).where(eq(campaignJudges.campaignId, campaignId))).map((r) => r.judgeId);

async function setup() {
  const { campaign } = await createOpenCampaign(getDb());
  const staff = await createUser(getDb(), { roles: ["staff"], name: "刘馆员" });
  const invite = (email = newEmail(), name = "赵文华") => inviteJudge(staff, { campaignId: campaign.id, name, email }, ORIGIN, "zh-CN");
  return { campaign, staff, invite };
}

/** The accept form as posted: parallel schoolId / note fields. */
const accept = (token: string, conflicts: { schoolId: number | string; note: string }[] = [], locale: "zh-CN" | "en" = "zh-CN") =>
  acceptJudgeInvitation(acceptJudgeInvitationSchema.parse({ token, schoolId: conflicts.map((c) => String(c.schoolId)), note: conflicts.map((c) => c.note) }), locale);

describe("inviting a judge", () => {
  it("keeps only the token's hash, and emails the link once under judge-invitation/<id>", async () => {
    const { campaign, staff, invite } = await setup();
    const email = newEmail();
    const before = Date.now();
    const { invitation, token } = await invite(email);
    const row = await invitationRow(invitation.id);
    expect(row).toMatchObject({ campaignId: campaign.id, email, name: "赵文华", invitedBy: staff.id, acceptedAt: null, tokenHash: hashToken(token) });
    expect(row.expiresAt.getTime()).toBeGreaterThan(before + JUDGE_INVITATION_DAYS * DAY - 60_000);

    const mails = await mailsTo(getDb(), email);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ kind: "judge-invitation", idempotencyKey: `judge-invitation/${invitation.id}`, locale: "zh-CN" });
    expect(mails[0]!.subject).toContain(campaign.title);
    expect(mails[0]!.text).toContain(`${ORIGIN}/judge-invite/${token}`);
    expect(mails[0]!.text).toContain("刘馆员");
    expect(await getJudgeInvitationView(token)).toMatchObject({ state: "open", email, campaignTitle: campaign.title, inviterName: "刘馆员" });
  });

  it("writes to someone who already has an account in their own language", async () => {
    const { invite } = await setup();
    const reader = await createUser(getDb(), { roles: ["teacher"], locale: "en" });
    await invite(reader.email!);
    const [mail] = await mailsTo(getDb(), reader.email!);
    expect(mail).toMatchObject({ locale: "en" });
    expect(mail!.text).toContain(en.judgingAdmin.email.invitation.button);
  });

  it("points out an address already invited, already on the panel, or one that cannot judge", async () => {
    const { campaign, invite } = await setup();
    const email = newEmail();
    await invite(email);
    await expect(invite(email)).rejects.toMatchObject({ code: "invalid", fields: { email: "judgingAdmin.judges.alreadyInvited" } });

    const member = await createUser(getDb(), { roles: ["judge"] });
    await getDb().insert(campaignJudges).values({ campaignId: campaign.id, judgeId: member.id });
    await expect(invite(member.email!)).rejects.toMatchObject({ fields: { email: "judgingAdmin.judges.alreadyOnPanel" } });
    const pupil = await createUser(getDb(), { roles: ["student"], email: newEmail() });
    await expect(invite(pupil.email!)).rejects.toMatchObject({ fields: { email: "judgingAdmin.judges.accountPupil" } });
    const disabled = await createUser(getDb(), { roles: ["teacher"], disabled: true });
    await expect(invite(disabled.email!)).rejects.toMatchObject({ fields: { email: "judgingAdmin.judges.accountDisabled" } });
    expect(await mailsTo(getDb(), email)).toHaveLength(1);
  });

  it("resending makes a new link and a new email; the old link stops working; withdrawing ends the new one", async () => {
    const { campaign, staff, invite } = await setup();
    const email = newEmail();
    const first = await invite(email);
    const again = await resendJudgeInvitation(staff, { campaignId: campaign.id, invitationId: first.invitation.id }, ORIGIN, "zh-CN");
    expect(again.token).not.toBe(first.token);
    expect(await getJudgeInvitationView(first.token)).toBeNull();
    const mails = await mailsTo(getDb(), email);
    expect(mails.map((m) => m.idempotencyKey)).toEqual([
      `judge-invitation/${first.invitation.id}`,
      expect.stringMatching(new RegExp(`^judge-invitation/${first.invitation.id}-[0-9a-f]{12}$`)),
    ]);
    expect(mails[1]!.text).toContain(again.token);

    await withdrawJudgeInvitation({ campaignId: campaign.id, invitationId: first.invitation.id });
    expect(await getJudgeInvitationView(again.token)).toBeNull();
    expect(await listOpenJudgeInvitations(campaign.id)).toEqual([]);
    await expect(accept(again.token)).rejects.toMatchObject({ code: "not_found", message: "judgingAdmin.accept.invalid" });
  });

  it("another campaign's staff page cannot resend or withdraw the invitation", async () => {
    const { campaign, staff, invite } = await setup();
    const other = await setup();
    const { invitation } = await invite();
    await expect(resendJudgeInvitation(staff, { campaignId: other.campaign.id, invitationId: invitation.id }, ORIGIN, "zh-CN")).rejects.toMatchObject({ code: "not_found" });
    await expect(withdrawJudgeInvitation({ campaignId: other.campaign.id, invitationId: invitation.id })).rejects.toMatchObject({ code: "not_found" });
    expect((await listOpenJudgeInvitations(campaign.id)).map((i) => i.id)).toEqual([invitation.id]);
  });
});

describe("accepting an invitation", () => {
  it("makes the account, grants the judge role, puts the judge on the panel and records the conflicts", async () => {
    const { campaign, invite } = await setup();
    const [s1, s2] = [await createSchool(getDb()), await createSchool(getDb())];
    const email = newEmail();
    const { invitation, token } = await invite(email);

    const result = await accept(
      token,
      [
        { schoolId: s1.id, note: "孩子在该校读书" },
        { schoolId: "", note: "空行不算" },
        { schoolId: s2.id, note: "" },
        { schoolId: s1.id, note: "重复的一行" },
      ],
      "en",
    );
    expect(result).toMatchObject({ email, campaignId: campaign.id });
    const [user] = await getDb().select().from(users).where(eq(users.email, email));
    expect(user).toMatchObject({ id: result.userId, name: "赵文华", locale: "en", schoolId: null });
    expect(await rolesOf(user!.id)).toEqual(["judge"]);
    expect(await onPanel(campaign.id)).toEqual([user!.id]);
    const conflicts = await getDb().select({ schoolId: judgeConflicts.schoolId, note: judgeConflicts.note }).from(judgeConflicts).where(eq(judgeConflicts.judgeId, user!.id));
    expect(conflicts.sort((a, b) => a.schoolId - b.schoolId)).toEqual([
      { schoolId: s1.id, note: "孩子在该校读书" },
      { schoolId: s2.id, note: "" },
    ]);
    expect(await invitationRow(invitation.id)).toMatchObject({ acceptedBy: user!.id, acceptedAt: expect.any(Date) });
    const [judge] = await loadJudges(campaign.id);
    expect([...judge!.conflicts].sort()).toEqual([s1.id, s2.id].sort());
    const [log] = await getDb()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "judging:accept_invitation"), eq(auditLog.actorId, user!.id)));
    expect(log!.data).toMatchObject({ invitationId: invitation.id, accountCreated: true });
  });

  it("the link works once: a second accept is refused and changes nothing", async () => {
    const { invite } = await setup();
    const { token } = await invite();
    await accept(token);
    await expect(accept(token, [{ schoolId: (await createSchool(getDb())).id, note: "" }])).rejects.toMatchObject({
      code: "conflict",
      message: "judgingAdmin.accept.alreadyAccepted",
    });
    expect(await getJudgeInvitationView(token)).toMatchObject({ state: "accepted" });
  });

  it("an expired link is refused, and an unknown one is not found", async () => {
    const { campaign, invite } = await setup();
    const { invitation, token } = await invite();
    await getDb()
      .update(judgeInvitations)
      .set({ expiresAt: sql`now() - interval '1 minute'` })
      .where(eq(judgeInvitations.id, invitation.id));
    expect(await getJudgeInvitationView(token)).toMatchObject({ state: "expired" });
    await expect(accept(token)).rejects.toMatchObject({ code: "conflict", message: "judgingAdmin.accept.expired" });
    expect(await onPanel(campaign.id)).toEqual([]);
    await expect(accept("no-such-token-at-all")).rejects.toMatchObject({ code: "not_found" });
    expect(await getJudgeInvitationView("no-such-token-at-all")).toBeNull();
  });

  it("a teacher who accepts keeps their school and roles, and stands aside from their own school automatically", async () => {
    const { campaign, invite } = await setup();
    const school = await createSchool(getDb());
    const teacher = await createUser(getDb(), { roles: ["teacher"], schoolId: school.id });
    const { token } = await invite(teacher.email!);
    expect(await accept(token)).toMatchObject({ userId: teacher.id });
    expect(await rolesOf(teacher.id)).toEqual(["judge", "teacher"]);
    const [user] = await getDb().select().from(users).where(eq(users.id, teacher.id));
    expect(user).toMatchObject({ schoolId: school.id, name: teacher.name });
    const [judge] = await loadJudges(campaign.id);
    expect([...judge!.conflicts]).toEqual([school.id]);
  });

  it("a school that is not on the approved list is refused, and the invitation stays open", async () => {
    const { campaign, invite } = await setup();
    const pending = await createSchool(getDb(), { status: "pending" });
    const { invitation, token } = await invite();
    await expect(accept(token, [{ schoolId: pending.id, note: "" }])).rejects.toMatchObject({ code: "invalid", fields: { schoolId: "judgingAdmin.accept.unknownSchool" } });
    expect(await invitationRow(invitation.id)).toMatchObject({ acceptedAt: null });
    expect(await onPanel(campaign.id)).toEqual([]);
  });

  it("an account that cannot judge is refused on accepting too", async () => {
    const { invite } = await setup();
    const email = newEmail();
    const { token } = await invite(email);
    // Disabled after the invitation went out.
    await createUser(getDb(), { roles: ["teacher"], email, disabled: true });
    await expect(accept(token)).rejects.toMatchObject({ code: "conflict", message: "judgingAdmin.judges.accountDisabled" });
    expect(await getDb().select().from(outbox).where(eq(outbox.toAddress, email))).toHaveLength(1);
  });
});
