import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { createSchool, createTown, createUser } from "@/db/factories";
import { mailsTo, schoolRegistration } from "@/db/factories-schools";
import { auditLog, schools, userRoles, users } from "@/db/schema";
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";
import { registerSchool } from "./register";
import { approveSchool, rejectSchool } from "./review";

const ORIGIN = "https://shuxiang.example.cn";

async function pendingSchool(locale: "zh-CN" | "en" = "zh-CN", email?: string) {
  const town = await createTown(getDb());
  const input = schoolRegistration(town.id, { email });
  return registerSchool(input, locale);
}

const schoolRow = async (id: number) => (await getDb().select().from(schools).where(eq(schools.id, id)))[0]!;
const auditOf = (id: number, action: string) =>
  getDb()
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entity, "school"), eq(auditLog.entityId, String(id)), eq(auditLog.action, action)));
const rolesOf = async (userId: string) =>
  (await getDb().select({ role: userRoles.role }).from(userRoles).where(eq(userRoles.userId, userId))).map((r) => r.role).sort();
const reviewMails = async (email: string) => (await mailsTo(getDb(), email)).filter((m) => m.kind !== "school-received");

describe("approveSchool", () => {
  it("approves, opens the coordinator's account, audits and emails a sign-in link, together", async () => {
    const staff = await createUser(getDb(), { roles: ["staff"] });
    const school = await pendingSchool();
    const result = await approveSchool(school.id, staff.id, ORIGIN);
    expect(result.accountCreated).toBe(true);

    const row = await schoolRow(school.id);
    expect(row).toMatchObject({ status: "approved", reviewedBy: staff.id, rejectionReason: null });
    expect(row.reviewedAt).toBeInstanceOf(Date);

    const [user] = await getDb().select().from(users).where(eq(users.email, school.coordinatorEmail));
    expect(user).toMatchObject({ id: result.userId, name: school.coordinatorName, schoolId: school.id, locale: "zh-CN", disabled: false });
    expect(await rolesOf(user!.id)).toEqual(["coordinator", "teacher"]);

    expect(await auditOf(school.id, "approve")).toMatchObject([{ actorId: staff.id, data: { coordinatorUserId: user!.id, accountCreated: true } }]);

    const mails = await reviewMails(school.coordinatorEmail);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ kind: "school-approved", idempotencyKey: `school-approved/${school.id}`, locale: "zh-CN" });
    expect(mails[0]!.subject).toBe(zh.schools.email.approved.subject.replace("{school}", school.name));
    const link = `${ORIGIN}/signin?email=${encodeURIComponent(school.coordinatorEmail)}&callbackUrl=%2Fschool`;
    expect(mails[0]!.text).toContain(link);
    expect(mails[0]!.html).toContain(link.replace(/&/g, "&amp;"));
  });

  it("refuses a second review, whoever tries, and mails and audits only once", async () => {
    const [a, b] = [await createUser(getDb(), { roles: ["staff"] }), await createUser(getDb(), { roles: ["admin"] })];
    const school = await pendingSchool();
    await approveSchool(school.id, a.id, ORIGIN);
    await expect(approveSchool(school.id, b.id, ORIGIN)).rejects.toMatchObject({ code: "conflict", message: "schools.review.alreadyReviewed" });
    await expect(rejectSchool(school.id, "重复", b.id)).rejects.toMatchObject({ code: "conflict", message: "schools.review.alreadyReviewed" });
    expect(await schoolRow(school.id)).toMatchObject({ status: "approved", reviewedBy: a.id, rejectionReason: null });
    expect(await reviewMails(school.coordinatorEmail)).toHaveLength(1);
    expect(await auditOf(school.id, "approve")).toHaveLength(1);
    expect(await auditOf(school.id, "reject")).toHaveLength(0);
  });

  it("lets exactly one of two reviewers clicking at once win", async () => {
    const [a, b] = [await createUser(getDb(), { roles: ["staff"] }), await createUser(getDb(), { roles: ["staff"] })];
    const school = await pendingSchool();
    const results = await Promise.allSettled([approveSchool(school.id, a.id, ORIGIN), rejectSchool(school.id, "信息不全", b.id)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason).toMatchObject({ code: "conflict" });
    expect(await reviewMails(school.coordinatorEmail)).toHaveLength(1);
  });

  it("reuses an existing account with that email, adding the roles and the school, in its language", async () => {
    const staff = await createUser(getDb(), { roles: ["staff"] });
    const judge = await createUser(getDb(), { roles: ["judge"], locale: "en" });
    const school = await pendingSchool("zh-CN", judge.email!);
    const result = await approveSchool(school.id, staff.id, ORIGIN);
    expect(result).toMatchObject({ userId: judge.id, accountCreated: false });
    expect(await rolesOf(judge.id)).toEqual(["coordinator", "judge", "teacher"]);
    const [user] = await getDb().select().from(users).where(eq(users.id, judge.id));
    expect(user!.schoolId).toBe(school.id);
    expect(await getDb().select().from(users).where(eq(users.email, judge.email!))).toHaveLength(1);
    const [mail] = await reviewMails(judge.email!);
    expect(mail).toMatchObject({ locale: "en", subject: en.schools.email.approved.subject.replace("{school}", school.name) });
  });

  it("finds the existing account whatever the case of its stored email", async () => {
    const staff = await createUser(getDb(), { roles: ["staff"] });
    const teacher = await createUser(getDb(), { roles: ["teacher"], email: `Mixed.Case.${Date.now()}@Example.test` });
    const school = await pendingSchool("zh-CN", teacher.email!.toLowerCase());
    expect(await approveSchool(school.id, staff.id, ORIGIN)).toMatchObject({ userId: teacher.id, accountCreated: false });
  });

  it("does not move an account from another school: the school stays pending and nothing is sent", async () => {
    const staff = await createUser(getDb(), { roles: ["staff"] });
    const other = await createSchool(getDb());
    const teacher = await createUser(getDb(), { roles: ["teacher"], schoolId: other.id });
    const school = await pendingSchool("zh-CN", teacher.email!);
    await expect(approveSchool(school.id, staff.id, ORIGIN)).rejects.toMatchObject({
      code: "conflict",
      message: "schools.review.accountOtherSchool",
    });
    expect(await schoolRow(school.id)).toMatchObject({ status: "pending", reviewedAt: null, reviewedBy: null });
    expect(await rolesOf(teacher.id)).toEqual(["teacher"]);
    expect(await reviewMails(teacher.email!)).toHaveLength(0);
    expect(await auditOf(school.id, "approve")).toHaveLength(0);
  });

  it("refuses a disabled account too", async () => {
    const staff = await createUser(getDb(), { roles: ["staff"] });
    const disabled = await createUser(getDb(), { roles: ["teacher"], disabled: true });
    const school = await pendingSchool("zh-CN", disabled.email!);
    await expect(approveSchool(school.id, staff.id, ORIGIN)).rejects.toMatchObject({ message: "schools.review.accountDisabled" });
    expect((await schoolRow(school.id)).status).toBe("pending");
  });

  it("says not found for a school that does not exist", async () => {
    const staff = await createUser(getDb(), { roles: ["staff"] });
    await expect(approveSchool(2_000_000_000, staff.id, ORIGIN)).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("rejectSchool", () => {
  it("rejects with the reason, audits it and emails it in the language the school registered in", async () => {
    const staff = await createUser(getDb(), { roles: ["staff"] });
    const school = await pendingSchool("en");
    const reason = "The name does not match the education bureau's list.\nPlease check it.";
    await rejectSchool(school.id, reason, staff.id);

    expect(await schoolRow(school.id)).toMatchObject({ status: "rejected", rejectionReason: reason, reviewedBy: staff.id });
    expect(await auditOf(school.id, "reject")).toMatchObject([{ actorId: staff.id, data: { reason } }]);
    const mails = await reviewMails(school.coordinatorEmail);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ kind: "school-rejected", idempotencyKey: `school-rejected/${school.id}`, locale: "en" });
    expect(mails[0]!.subject).toBe(en.schools.email.rejected.subject.replace("{school}", school.name));
    expect(mails[0]!.text).toContain("The name does not match the education bureau's list.");
    // No account is made for a rejected school.
    expect(await getDb().select().from(users).where(eq(users.email, school.coordinatorEmail))).toHaveLength(0);
  });

  it("cannot approve a school once rejected", async () => {
    const staff = await createUser(getDb(), { roles: ["staff"] });
    const school = await pendingSchool();
    await rejectSchool(school.id, "信息不全", staff.id);
    await expect(approveSchool(school.id, staff.id, ORIGIN)).rejects.toMatchObject({ code: "conflict" });
    expect(await getDb().select().from(users).where(eq(users.email, school.coordinatorEmail))).toHaveLength(0);
  });
});
