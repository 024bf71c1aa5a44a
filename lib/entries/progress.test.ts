import { eq, like } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { createUser } from "@/db/factories";
import { createClassRow, createPupilRow } from "@/db/factories-classes";
import { createEnrolledPupil, createEntryRow, createOpenCampaign } from "@/db/factories-entries";
import { campaignEnrolments, campaigns, outbox, submissionExtensions, users, type Role } from "@/db/schema";
import { isAppError } from "@/lib/errors";
import { getClassEntryProgress } from "./progress";
import { sendEntryReminders } from "./reminders";

const day = 86_400_000;
const asUser = (id: string, roles: Role[], schoolId: number | null = null) => ({ id, roles, schoolId });
const origin = "http://localhost:3000";

async function rejection(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    if (isAppError(e)) return { code: e.code, message: e.message };
    throw e;
  }
  throw new Error("expected a rejection");
}

/**
 * A grade-5 class with a pupil in each state of the essay category, plus a grade-2 pupil who can
 * only draw, a pending pupil, and entries in another class that must not show.
 */
async function classWithEntries() {
  const db = getDb();
  const { campaign, essay, drawing } = await createOpenCampaign(db);
  const { school, teacher, cls, pupil: none } = await createEnrolledPupil(db, campaign.id, { name: "甲未开始", guardianEmail: "none@example.test" });
  const add = (name: string, values: { grade?: number; guardianEmail?: string | null; status?: "active" | "pending" } = {}) =>
    createPupilRow(db, { classId: cls.id, schoolId: school.id, grade: values.grade ?? 5, name, birthYear: 2000, guardianEmail: values.guardianEmail ?? null, status: values.status });
  const draft = await add("乙草稿", { guardianEmail: "draft@example.test" });
  const submitted = await add("丙已提交", { guardianEmail: "submitted@example.test" });
  const withdrawn = await add("丁已撤回", { guardianEmail: "withdrawn@example.test" });
  const disqualified = await add("戊取消资格", { guardianEmail: "dq@example.test" });
  const phoneOnly = await add("己只有电话");
  const small = await add("庚二年级", { grade: 2, guardianEmail: "small@example.test" });
  await add("辛待确认", { guardianEmail: "pending@example.test", status: "pending" });
  await db.update(users).set({ locale: "en" }).where(eq(users.id, draft.user.id));

  const entry = (pupilId: string, status: "draft" | "submitted" | "withdrawn", disqualified = false) =>
    createEntryRow(db, { campaignId: campaign.id, categoryId: essay.id, pupilId, schoolId: school.id, classId: cls.id, status, disqualified });
  await entry(draft.user.id, "draft");
  const sub = await entry(submitted.user.id, "submitted");
  await entry(withdrawn.user.id, "withdrawn");
  await entry(disqualified.user.id, "submitted", true);

  // Another class of the same school, with its own teacher and entry.
  const otherTeacher = await createUser(db, { roles: ["teacher"], schoolId: school.id });
  const otherClass = await createClassRow(db, { schoolId: school.id, grade: 5, teacherId: otherTeacher.id });
  const outsider = await createPupilRow(db, { classId: otherClass.id, schoolId: school.id, grade: 5, birthYear: 2000, guardianEmail: "outsider@example.test" });
  await createEntryRow(db, { campaignId: campaign.id, categoryId: essay.id, pupilId: outsider.user.id, schoolId: school.id, classId: otherClass.id, status: "draft" });

  return { db, campaign, essay, drawing, school, cls, sub, otherTeacher, teacher: asUser(teacher.id, ["teacher"], school.id), pupils: { none, draft, submitted, withdrawn, disqualified, phoneOnly, small } };
}

describe("a class's entry progress", () => {
  it("gives each pupil's status and code per category, with counts", async () => {
    const { campaign, essay, drawing, cls, sub, teacher, pupils: p } = await classWithEntries();
    const progress = await getClassEntryProgress(teacher, cls.id);
    expect(progress?.campaigns.map((c) => c.campaign.id)).toEqual([campaign.id]);
    const [c] = progress!.campaigns;
    expect(c!.windowState).toBe("open");
    expect(c!.categories.map((x) => x.category.id)).toEqual([essay.id, drawing.id]);

    const essayRows = c!.categories[0]!;
    const statusOf = Object.fromEntries(essayRows.pupils.map((r) => [r.name, r.status]));
    expect(statusOf).toEqual({ 甲未开始: "none", 乙草稿: "draft", 丙已提交: "submitted", 丁已撤回: "withdrawn", 戊取消资格: "disqualified", 己只有电话: "none" });
    expect(essayRows.counts).toEqual({ none: 2, draft: 1, submitted: 1, withdrawn: 1, disqualified: 1 });
    expect(essayRows.pupils.find((r) => r.pupilId === p.submitted.user.id)?.code).toBe(sub.code);
    expect(essayRows.pupils.find((r) => r.pupilId === p.none.user.id)?.code).toBeNull();

    // Grades 1–6 draw: the grade-2 pupil is there, the pending pupil nowhere.
    const drawingRows = c!.categories[1]!;
    expect(drawingRows.pupils).toHaveLength(7);
    expect(drawingRows.counts.none).toBe(7);
    expect(drawingRows.pupils.some((r) => r.name === "辛待确认")).toBe(false);

    // Nothing submitted anywhere in the campaign: 甲, 乙, 丁, 己 and 庚; 己's guardian has a phone only.
    expect(c).toMatchObject({ notSubmitted: 5, withoutEmail: 1 });
  });

  it("shows a recently closed campaign, but not an old, unpublished or unenrolled one", async () => {
    const { db, school, cls, teacher } = await classWithEntries();
    const now = Date.now();
    const enrol = (campaignId: number) => db.insert(campaignEnrolments).values({ campaignId, schoolId: school.id });
    const recent = await createOpenCampaign(db, { opensAt: new Date(now - 40 * day), closesAt: new Date(now - 5 * day) });
    const old = await createOpenCampaign(db, { opensAt: new Date(now - 90 * day), closesAt: new Date(now - 60 * day) });
    const notYet = await createOpenCampaign(db, { opensAt: new Date(now + 5 * day), closesAt: new Date(now + 20 * day) });
    const unpublished = await createOpenCampaign(db);
    await db.update(campaigns).set({ status: "draft" }).where(eq(campaigns.id, unpublished.campaign.id));
    await createOpenCampaign(db); // not enrolled
    for (const c of [recent, old, notYet, unpublished]) await enrol(c.campaign.id);

    const progress = await getClassEntryProgress(teacher, cls.id);
    const recentProgress = progress!.campaigns.find((c) => c.campaign.id === recent.campaign.id);
    expect(recentProgress?.windowState).toBe("closed");
    expect(progress!.campaigns).toHaveLength(2);
  });

  it("is the class teacher's, the coordinator's and staff's to see, and nobody else's", async () => {
    const { db, school, cls, otherTeacher, teacher } = await classWithEntries();
    const coordinator = await createUser(db, { roles: ["coordinator"], schoolId: school.id });
    const staff = await createUser(db, { roles: ["staff"] });
    const elsewhere = await createEnrolledPupil(db, (await createOpenCampaign(db)).campaign.id);
    for (const who of [teacher, asUser(coordinator.id, ["coordinator"], school.id), asUser(staff.id, ["staff"])]) {
      expect((await getClassEntryProgress(who, cls.id))?.campaigns).toHaveLength(1);
    }
    for (const who of [asUser(otherTeacher.id, ["teacher"], school.id), asUser(elsewhere.teacher.id, ["teacher"], elsewhere.school.id), asUser(elsewhere.pupil.user.id, ["student"])]) {
      expect(await getClassEntryProgress(who, cls.id)).toBeNull();
    }
  });
});

describe("reminders to guardians", () => {
  it("go to the guardians of pupils who have not submitted, in the pupil's language, once a day", async () => {
    const { db, campaign, cls, teacher } = await classWithEntries();
    const keys = like(outbox.idempotencyKey, `entry-reminder/${campaign.id}-%`);
    const result = await sendEntryReminders(teacher, { classId: cls.id, campaignId: campaign.id }, { origin });
    expect(result).toEqual({ sent: 4, alreadySent: 0, withoutEmail: 1 });
    const mails = await db.select().from(outbox).where(keys);
    expect(mails.map((m) => m.toAddress).sort()).toEqual(["draft@example.test", "none@example.test", "small@example.test", "withdrawn@example.test"]);
    const english = mails.find((m) => m.toAddress === "draft@example.test")!;
    expect(english).toMatchObject({ locale: "en", kind: "entry-reminder" });
    expect(english.subject).toContain("Reminder: 乙草稿");
    expect(english.text).toContain("draft saved");
    expect(english.text).toContain(`${origin}/me/entries`);
    const chinese = mails.find((m) => m.toAddress === "none@example.test")!;
    expect(chinese.locale).toBe("zh-CN");
    expect(chinese.subject).toContain("甲未开始");

    // A double click, or a colleague the same day: nobody hears twice.
    const [again] = await Promise.all([
      sendEntryReminders(teacher, { classId: cls.id, campaignId: campaign.id }, { origin }),
      sendEntryReminders(teacher, { classId: cls.id, campaignId: campaign.id }, { origin }),
    ]);
    expect(again).toEqual({ sent: 0, alreadySent: 4, withoutEmail: 1 });
    expect(await db.select().from(outbox).where(keys)).toHaveLength(4);

    // The next day (in Beijing) they may be reminded again.
    const tomorrow = new Date(Date.now() + day);
    expect((await sendEntryReminders(teacher, { classId: cls.id, campaignId: campaign.id }, { origin, now: tomorrow })).sent).toBe(4);
  });

  it("are refused after the school's deadline, unless the school has an extension", async () => {
    const { db, campaign, school, cls, teacher } = await classWithEntries();
    const late = new Date(campaign.submissionClosesAt.getTime() + 1000);
    const e = await rejection(sendEntryReminders(teacher, { classId: cls.id, campaignId: campaign.id }, { origin, now: late }));
    expect(e).toEqual({ code: "conflict", message: "entriesProgress.errors.closed" });
    expect(await db.select().from(outbox).where(like(outbox.idempotencyKey, `entry-reminder/${campaign.id}-%`))).toHaveLength(0);

    await db.insert(submissionExtensions).values({ campaignId: campaign.id, schoolId: school.id, closesAt: new Date(late.getTime() + 3 * day) });
    expect((await sendEntryReminders(teacher, { classId: cls.id, campaignId: campaign.id }, { origin, now: late })).sent).toBe(4);
  });

  it("are the class's teachers' to send: others, staff included, find no class", async () => {
    const { db, campaign, cls, otherTeacher, school } = await classWithEntries();
    const staff = await createUser(db, { roles: ["staff"] });
    for (const who of [asUser(otherTeacher.id, ["teacher"], school.id), asUser(staff.id, ["staff"])]) {
      expect((await rejection(sendEntryReminders(who, { classId: cls.id, campaignId: campaign.id }, { origin }))).code).toBe("not_found");
    }
    const unenrolled = await createOpenCampaign(db);
    const coordinator = asUser((await createUser(db, { roles: ["coordinator"], schoolId: school.id })).id, ["coordinator"], school.id);
    expect((await rejection(sendEntryReminders(coordinator, { classId: cls.id, campaignId: unenrolled.campaign.id }, { origin }))).code).toBe("not_found");
    expect((await sendEntryReminders(coordinator, { classId: cls.id, campaignId: campaign.id }, { origin })).sent).toBe(4);
  });
});
