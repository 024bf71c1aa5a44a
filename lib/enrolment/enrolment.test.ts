import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { createSchool, createUser } from "@/db/factories";
import { createClassRow, createPupilRow } from "@/db/factories-classes";
import { campaignCategories, campaignEnrolments, campaigns, outbox } from "@/db/schema";
import { recordPaperConsent } from "@/lib/consent/mutations";
import { currentYear } from "@/lib/consent/rules";
import { enrolSchool } from "./mutations";
import { getEnrolmentOverview } from "./queries";

const day = 86_400_000;

async function campaign(open: boolean) {
  const now = Date.now();
  const slug = `c-${Math.random().toString(36).slice(2, 10)}`;
  const at = (d: number) => new Date(now + d * day);
  const [c] = await getDb()
    .insert(campaigns)
    .values({
      slug,
      title: `读书活动 ${slug}`,
      year: 2026,
      status: "published",
      registrationOpensAt: at(open ? -5 : 5),
      registrationClosesAt: at(open ? 10 : 20),
      submissionOpensAt: at(1),
      submissionClosesAt: at(30),
      judgingEndsAt: at(40),
      resultsAt: at(50),
    })
    .returning();
  await getDb().insert(campaignCategories).values([
    { campaignId: c!.id, name: "小学低年级组", code: "A", gradeMin: 1, gradeMax: 3, entryType: "drawing" },
    { campaignId: c!.id, name: "小学高年级组", code: "B", gradeMin: 4, gradeMax: 6, entryType: "essay" },
  ]);
  return c!;
}

async function setup() {
  const db = getDb();
  const school = await createSchool(db);
  const coordinator = await createUser(db, { roles: ["coordinator", "teacher"], schoolId: school.id, locale: "en" });
  return { school, coordinator: { ...coordinator, locale: "en" as const } };
}

describe("campaign enrolment", () => {
  it("enrols the school once, with one confirmation email to the coordinator", async () => {
    const { school, coordinator } = await setup();
    const c = await campaign(true);
    expect(await enrolSchool(coordinator, c.id, { origin: "http://localhost:3000" })).toEqual({ created: true, title: c.title });
    expect(await enrolSchool(coordinator, c.id, { origin: "http://localhost:3000" })).toEqual({ created: false, title: c.title });
    expect(await getDb().select().from(campaignEnrolments).where(and(eq(campaignEnrolments.campaignId, c.id), eq(campaignEnrolments.schoolId, school.id)))).toHaveLength(1);
    const mail = await getDb().select().from(outbox).where(eq(outbox.toAddress, coordinator.email!));
    expect(mail).toHaveLength(1);
    expect(mail[0]).toMatchObject({ kind: "enrolment-confirmed", locale: "en" });
    expect(mail[0]!.subject).toContain(c.title);
    expect(mail[0]!.text).toContain("http://localhost:3000/school/campaigns");
  });

  it("refuses a campaign not open for enrolment, and a school not approved", async () => {
    const { coordinator } = await setup();
    const closed = await campaign(false);
    await expect(enrolSchool(coordinator, closed.id, { origin: "http://x" })).rejects.toMatchObject({ message: "enrolment.closed" });
    const pendingSchool = await createSchool(getDb(), { status: "pending" });
    const other = await createUser(getDb(), { roles: ["coordinator"], schoolId: pendingSchool.id });
    const open = await campaign(true);
    await expect(enrolSchool({ ...other, locale: "zh-CN" }, open.id, { origin: "http://x" })).rejects.toMatchObject({ message: "enrolment.schoolNotApproved" });
    expect(await getDb().select().from(outbox).where(eq(outbox.toAddress, other.email!))).toHaveLength(0);
  });

  it("counts each class's pupils per category and how many may take part", async () => {
    const db = getDb();
    const { school, coordinator } = await setup();
    const year = currentYear();
    const c = await campaign(true);
    await enrolSchool(coordinator, c.id, { origin: "http://x" });
    const g2 = await createClassRow(db, { schoolId: school.id, grade: 2, teacherId: coordinator.id });
    const g5 = await createClassRow(db, { schoolId: school.id, grade: 5, teacherId: coordinator.id });
    const g8 = await createClassRow(db, { schoolId: school.id, grade: 8, teacherId: coordinator.id });
    const a = await createPupilRow(db, { classId: g2.id, schoolId: school.id, grade: 2, birthYear: year - 8 });
    await createPupilRow(db, { classId: g2.id, schoolId: school.id, grade: 2, birthYear: year - 8 });
    await createPupilRow(db, { classId: g5.id, schoolId: school.id, grade: 5, birthYear: null });
    await createPupilRow(db, { classId: g5.id, schoolId: school.id, grade: 5, status: "pending" });
    await createPupilRow(db, { classId: g8.id, schoolId: school.id, grade: 8 });
    await recordPaperConsent(coordinator, { pupilId: a.user.id, guardianName: "家长", signedOn: `${year}-01-05` });
    // A pupil of 14+ in grade 5 needs no consent.
    await createPupilRow(db, { classId: g5.id, schoolId: school.id, grade: 5, birthYear: year - 14 });

    const overview = await getEnrolmentOverview(school.id);
    expect(overview.open.find((o) => o.id === c.id)?.enrolled).toBe(true);
    const mine = overview.enrolled.find((e) => e.campaign.id === c.id)!;
    expect(mine.categories.map((cat) => cat.code)).toEqual(["A", "B"]);
    const byClass = Object.fromEntries(mine.rows.map((r) => [r.id, r.counts]));
    expect(byClass).toEqual({
      [g2.id]: [{ eligible: 2, ready: 1 }, { eligible: 0, ready: 0 }],
      [g5.id]: [{ eligible: 0, ready: 0 }, { eligible: 2, ready: 1 }],
    });
    // The grade-8 class has nobody in the campaign's grades and is left out.
    expect(byClass[g8.id]).toBeUndefined();
    await db.update(campaigns).set({ status: "draft" }).where(eq(campaigns.id, c.id));
    expect((await getEnrolmentOverview(school.id)).enrolled.find((e) => e.campaign.id === c.id)).toBeUndefined();
    await db.update(campaigns).set({ status: "published", updatedAt: sql`now()` }).where(eq(campaigns.id, c.id));
  });
});
