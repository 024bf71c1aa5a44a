import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { createSchool, createUser } from "@/db/factories";
import { mailsTo } from "@/db/factories-schools";
import { auditLog, teacherInvitations, userRoles, users } from "@/db/schema";
import { hashToken } from "@/lib/crypto";
import zh from "@/messages/zh-CN.json";
import { acceptInvitation, INVITATION_DAYS, inviteTeacher, resendInvitation, revokeInvitation } from "./invitations";
import { getInvitationView, listOpenInvitations, listSchoolTeachers } from "./queries";

const ORIGIN = "https://shuxiang.example.cn";
const DAY = 24 * 3600 * 1000;

async function setup() {
  const school = await createSchool(getDb(), { status: "approved" });
  const coordinator = await createUser(getDb(), { roles: ["coordinator", "teacher"], schoolId: school.id, name: "李协调" });
  return { school, coordinator };
}

const newEmail = () => `invitee-${Math.random().toString(36).slice(2, 10)}@example.test`;
const rolesOf = async (userId: string) =>
  (await getDb().select({ role: userRoles.role }).from(userRoles).where(eq(userRoles.userId, userId))).map((r) => r.role).sort();
const userByEmail = async (email: string) => (await getDb().select().from(users).where(eq(users.email, email)))[0];
const invitationRow = async (id: number) => (await getDb().select().from(teacherInvitations).where(eq(teacherInvitations.id, id)))[0];

describe("inviteTeacher", () => {
  it("stores only the token's hash, for a week, and emails the link", async () => {
    const { school, coordinator } = await setup();
    const email = newEmail();
    const before = Date.now();
    const { invitation, token } = await inviteTeacher({ name: "王老师", email }, coordinator, ORIGIN, "zh-CN");

    const row = await invitationRow(invitation.id);
    expect(row).toMatchObject({ schoolId: school.id, email, name: "王老师", invitedBy: coordinator.id, acceptedAt: null, tokenHash: hashToken(token) });
    expect(row!.tokenHash).not.toContain(token);
    expect(row!.expiresAt.getTime()).toBeGreaterThan(before + INVITATION_DAYS * DAY - 60_000);
    expect(row!.expiresAt.getTime()).toBeLessThan(Date.now() + INVITATION_DAYS * DAY + 60_000);

    const mails = await mailsTo(getDb(), email);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ kind: "teacher-invitation", locale: "zh-CN" });
    expect(mails[0]!.subject).toBe(zh.invite.email.subject.replace("{school}", school.name));
    expect(mails[0]!.text).toContain(`${ORIGIN}/invite/${token}`);
    expect(mails[0]!.text).toContain("李协调");

    expect(await getInvitationView(token)).toMatchObject({ state: "open", email, schoolName: school.name, inviterName: "李协调", otherSchoolName: null });
    expect((await listOpenInvitations(school.id)).map((i) => i.id)).toEqual([invitation.id]);
  });

  it("points out an address already invited, or already in the school", async () => {
    const { school, coordinator } = await setup();
    const email = newEmail();
    await inviteTeacher({ name: "王老师", email }, coordinator, ORIGIN, "zh-CN");
    await expect(inviteTeacher({ name: "王老师", email }, coordinator, ORIGIN, "zh-CN")).rejects.toMatchObject({
      code: "invalid",
      fields: { email: "invite.alreadyInvited" },
    });
    const member = await createUser(getDb(), { roles: ["teacher"], schoolId: school.id });
    await expect(inviteTeacher({ name: "x", email: member.email! }, coordinator, ORIGIN, "zh-CN")).rejects.toMatchObject({
      fields: { email: "invite.alreadyMember" },
    });
    expect(await mailsTo(getDb(), email)).toHaveLength(1);
  });

  it("replaces an expired invitation to the same address instead of listing it twice", async () => {
    const { school, coordinator } = await setup();
    const email = newEmail();
    const first = await inviteTeacher({ name: "王老师", email }, coordinator, ORIGIN, "zh-CN");
    await getDb().update(teacherInvitations).set({ expiresAt: sql`now() - interval '1 minute'` }).where(eq(teacherInvitations.id, first.invitation.id));
    const second = await inviteTeacher({ name: "王老师", email }, coordinator, ORIGIN, "zh-CN");
    expect((await listOpenInvitations(school.id)).map((i) => i.id)).toEqual([second.invitation.id]);
  });

  it("needs the coordinator to have a school", async () => {
    const lost = await createUser(getDb(), { roles: ["coordinator"] });
    await expect(inviteTeacher({ name: "x", email: newEmail() }, lost, ORIGIN, "zh-CN")).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("acceptInvitation", () => {
  it("makes a new teacher account on the school, marks the invitation accepted, and only once", async () => {
    const { school, coordinator } = await setup();
    const email = newEmail();
    const { invitation, token } = await inviteTeacher({ name: "王老师", email }, coordinator, ORIGIN, "zh-CN");

    expect(await acceptInvitation(token, "en")).toMatchObject({ email, schoolId: school.id });
    const user = await userByEmail(email);
    expect(user).toMatchObject({ name: "王老师", schoolId: school.id, locale: "en" });
    expect(await rolesOf(user!.id)).toEqual(["teacher"]);
    expect((await invitationRow(invitation.id))!.acceptedAt).toBeInstanceOf(Date);
    const audit = await getDb().select().from(auditLog).where(eq(auditLog.actorId, user!.id));
    expect(audit).toMatchObject([{ action: "accept_invitation", entity: "school", entityId: String(school.id) }]);

    await expect(acceptInvitation(token, "zh-CN")).rejects.toMatchObject({ code: "conflict", message: "invite.alreadyAccepted" });
    expect(await getInvitationView(token)).toMatchObject({ state: "accepted" });
    expect((await listSchoolTeachers(school.id)).map((t) => t.email).sort()).toEqual([coordinator.email, email].sort());
    expect(await listOpenInvitations(school.id)).toEqual([]);
  });

  it("gives an existing account without a school the teacher role and the school", async () => {
    const { school, coordinator } = await setup();
    const judge = await createUser(getDb(), { roles: ["judge"], name: "林评委" });
    const { token } = await inviteTeacher({ name: "林老师", email: judge.email! }, coordinator, ORIGIN, "zh-CN");
    expect(await acceptInvitation(token, "zh-CN")).toMatchObject({ userId: judge.id });
    expect(await rolesOf(judge.id)).toEqual(["judge", "teacher"]);
    expect(await userByEmail(judge.email!)).toMatchObject({ schoolId: school.id, name: "林评委" });
  });

  it("refuses an expired invitation and changes nothing", async () => {
    const { coordinator } = await setup();
    const email = newEmail();
    const { invitation, token } = await inviteTeacher({ name: "王老师", email }, coordinator, ORIGIN, "zh-CN");
    await getDb().update(teacherInvitations).set({ expiresAt: sql`now() - interval '1 second'` }).where(eq(teacherInvitations.id, invitation.id));
    await expect(acceptInvitation(token, "zh-CN")).rejects.toMatchObject({ code: "conflict", message: "invite.expired" });
    expect(await userByEmail(email)).toBeUndefined();
    expect((await invitationRow(invitation.id))!.acceptedAt).toBeNull();
    expect(await getInvitationView(token)).toMatchObject({ state: "expired" });
  });

  it("refuses a withdrawn invitation as not found", async () => {
    const { coordinator } = await setup();
    const email = newEmail();
    const { invitation, token } = await inviteTeacher({ name: "王老师", email }, coordinator, ORIGIN, "zh-CN");
    await revokeInvitation(invitation.id, coordinator);
    await expect(acceptInvitation(token, "zh-CN")).rejects.toMatchObject({ code: "not_found", message: "invite.invalid" });
    expect(await getInvitationView(token)).toBeNull();
    expect(await userByEmail(email)).toBeUndefined();
    await expect(acceptInvitation("not-a-real-token-at-all", "zh-CN")).rejects.toMatchObject({ code: "not_found" });
  });

  it("does not silently move a teacher of another school", async () => {
    const { coordinator } = await setup();
    const other = await createSchool(getDb(), { status: "approved" });
    const teacher = await createUser(getDb(), { roles: ["teacher"], schoolId: other.id });
    const { invitation, token } = await inviteTeacher({ name: "王老师", email: teacher.email! }, coordinator, ORIGIN, "zh-CN");

    expect(await getInvitationView(token)).toMatchObject({ state: "open", otherSchoolName: other.name });
    await expect(acceptInvitation(token, "zh-CN")).rejects.toMatchObject({ code: "conflict", message: "invite.otherSchool" });
    expect(await userByEmail(teacher.email!)).toMatchObject({ schoolId: other.id });
    expect((await invitationRow(invitation.id))!.acceptedAt).toBeNull();
  });
});

describe("resend and revoke", () => {
  it("resends with a new link and a fresh week; the old link stops working", async () => {
    const { coordinator } = await setup();
    const email = newEmail();
    const first = await inviteTeacher({ name: "王老师", email }, coordinator, ORIGIN, "zh-CN");
    await getDb().update(teacherInvitations).set({ expiresAt: sql`now() - interval '1 day'` }).where(eq(teacherInvitations.id, first.invitation.id));

    const again = await resendInvitation(first.invitation.id, coordinator, ORIGIN, "zh-CN");
    expect(again.token).not.toBe(first.token);
    expect(again.invitation.expiresAt.getTime()).toBeGreaterThan(Date.now() + (INVITATION_DAYS - 1) * DAY);
    expect(await getInvitationView(first.token)).toBeNull();
    expect(await getInvitationView(again.token)).toMatchObject({ state: "open" });

    const mails = await mailsTo(getDb(), email);
    expect(mails).toHaveLength(2);
    expect(mails[1]!.text).toContain(`/invite/${again.token}`);
    expect(mails[1]!.idempotencyKey).not.toBe(mails[0]!.idempotencyKey);
  });

  it("keeps each coordinator to their own school's invitations", async () => {
    const { coordinator } = await setup();
    const stranger = (await setup()).coordinator;
    const { invitation } = await inviteTeacher({ name: "王老师", email: newEmail() }, coordinator, ORIGIN, "zh-CN");
    await expect(resendInvitation(invitation.id, stranger, ORIGIN, "zh-CN")).rejects.toMatchObject({ code: "not_found" });
    await expect(revokeInvitation(invitation.id, stranger)).rejects.toMatchObject({ code: "not_found" });
    expect(await invitationRow(invitation.id)).toBeDefined();
  });

  it("cannot withdraw or resend an accepted invitation", async () => {
    const { coordinator } = await setup();
    const { invitation, token } = await inviteTeacher({ name: "王老师", email: newEmail() }, coordinator, ORIGIN, "zh-CN");
    await acceptInvitation(token, "zh-CN");
    await expect(revokeInvitation(invitation.id, coordinator)).rejects.toMatchObject({ code: "not_found" });
    await expect(resendInvitation(invitation.id, coordinator, ORIGIN, "zh-CN")).rejects.toMatchObject({ code: "not_found" });
  });
});
