import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { and, eq, inArray, like, or } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "./client";
import { createSchool, createUser } from "./factories";
import { createClassRow, createPupilRow } from "./factories-classes";
import { createEntryRow } from "./factories-entries";
import { assignments, campaignCategories, campaignEnrolments, campaignJudges, campaigns, entries, entryResults, judgingSettings, outbox, rubricCriteria, userRoles, users } from "./schema";
import { secondSchoolCoordinator } from "./seed-classes";
import { seedDemoCampaign } from "./seed-campaigns";
import { seedJudging } from "./seed-judging";
import { getCertificate, getPublicResults } from "@/lib/judging/public";

let storage: string;
beforeAll(() => {
  storage = mkdtempSync(path.join(tmpdir(), "seed-judging-"));
  vi.stubEnv("STORAGE_DIR", storage);
});
afterAll(() => {
  vi.unstubAllEnvs();
  rmSync(storage, { recursive: true, force: true });
});

describe("seedJudging", () => {
  it("gives every category a rubric, makes a panel with a conflicted teacher, assigns this year's entries, and publishes last year's results quietly", async () => {
    const db = getDb();
    // Four schools, one class each, grades chosen so last year's grade falls in each category.
    const plan = [
      { level: "primary", grade: 3, coordinatorEmail: "first-school@example.test" },
      { level: "primary", grade: 6, coordinatorEmail: secondSchoolCoordinator },
      { level: "junior", grade: 8, coordinatorEmail: "third-school@example.test" },
      { level: "senior", grade: 11, coordinatorEmail: "fourth-school@example.test" },
    ] as const;
    const admin = await createUser(db, { roles: ["admin", "staff"] });
    const demoJudge = await createUser(db, { roles: ["judge"] });
    const schoolIds: number[] = [];
    const classByGrade = new Map<number, { classId: number; schoolId: number }>();
    for (const p of plan) {
      const school = await createSchool(db, { level: p.level, coordinatorEmail: p.coordinatorEmail });
      const cls = await createClassRow(db, { schoolId: school.id, grade: p.grade });
      for (let i = 0; i < 5; i++) await createPupilRow(db, { classId: cls.id, schoolId: school.id, grade: p.grade, birthYear: 2000, name: `学生${p.grade}${i}` });
      schoolIds.push(school.id);
      classByGrade.set(p.grade, { classId: cls.id, schoolId: school.id });
    }
    // A demo pupil never gets a seeded entry (on a shared PostgreSQL another file may have made them).
    const [demoPupil] = await db.select({ id: users.id }).from(users).where(eq(users.username, "xiaoming"));
    if (!demoPupil) await createUser(db, { roles: ["student"], username: "xiaoming", schoolId: schoolIds[0] });

    const current = await seedDemoCampaign(db, admin.id, new Date(), `yanzhao-judging-${Date.now()}`);
    await db.insert(campaignEnrolments).values(schoolIds.map((schoolId) => ({ campaignId: current.id, schoolId })));
    const [essayB] = await db.select().from(campaignCategories).where(and(eq(campaignCategories.campaignId, current.id), eq(campaignCategories.code, "B")));
    const [pupil] = await db.select({ id: users.id }).from(users).where(eq(users.name, "学生60"));
    const [pupil2] = await db.select({ id: users.id }).from(users).where(eq(users.name, "学生30"));
    await createEntryRow(db, { campaignId: current.id, categoryId: essayB!.id, pupilId: pupil!.id, schoolId: schoolIds[1]!, classId: classByGrade.get(6)!.classId });
    await createEntryRow(db, { campaignId: current.id, categoryId: essayB!.id, pupilId: pupil2!.id, schoolId: schoolIds[0]!, classId: classByGrade.get(3)!.classId });

    const started = Date.now();
    const seeded = await seedJudging(db, { adminId: admin.id, campaignId: current.id, schoolIds, judgeEmail: demoJudge.email! });
    console.log(`seedJudging: ${Date.now() - started} ms`);

    // The panel: the demo judge and three more, on both campaigns; the teacher is conflicted with their school.
    expect(seeded.judges).toHaveLength(4);
    expect(seeded.judges[0]).toBe(demoJudge.id);
    const teacher = await db.select({ id: users.id, schoolId: users.schoolId }).from(users).where(eq(users.email, "judge-teacher@shuxiang.test"));
    expect(teacher[0]!.schoolId).toBe(schoolIds[1]);
    const roles = await db.select({ role: userRoles.role }).from(userRoles).where(eq(userRoles.userId, teacher[0]!.id));
    expect(roles.map((r) => r.role).sort()).toEqual(["judge", "teacher"]);
    const lastYearId = seeded.lastYear.campaignId;
    for (const campaignId of [current.id, lastYearId]) {
      expect((await db.select().from(campaignJudges).where(eq(campaignJudges.campaignId, campaignId))).map((j) => j.judgeId).sort()).toEqual([...seeded.judges].sort());
      const categories = await db.select({ id: campaignCategories.id }).from(campaignCategories).where(eq(campaignCategories.campaignId, campaignId));
      const criteria = await db.select().from(rubricCriteria).where(inArray(rubricCriteria.categoryId, categories.map((c) => c.id)));
      expect(criteria).toHaveLength(categories.length * 4);
      expect(criteria.every((c) => c.bands.length === 4 && c.maxPoints === 10)).toBe(true);
    }

    // This year's entries have two judges each, none of them scored; never the teacher on their own school.
    const mine = await db
      .select({ entryId: assignments.entryId, judgeId: assignments.judgeId, scoreStatus: assignments.scoreStatus, schoolId: entries.schoolId })
      .from(assignments)
      .innerJoin(entries, eq(entries.id, assignments.entryId))
      .where(eq(assignments.campaignId, current.id));
    expect(mine).toHaveLength(4);
    expect(mine.every((a) => a.scoreStatus === "draft")).toBe(true);
    expect(mine.some((a) => a.judgeId === teacher[0]!.id && a.schoolId === schoolIds[1])).toBe(false);

    // Last year: in the past, every entry scored by two judges, ranked, published with codes, no email queued.
    const [last] = await db.select().from(campaigns).where(eq(campaigns.id, lastYearId));
    expect(last!.year).toBe(new Date().getFullYear() - 1);
    expect(last!.resultsAt.getTime()).toBeLessThan(Date.now());
    const [settings] = await db.select().from(judgingSettings).where(eq(judgingSettings.campaignId, lastYearId));
    expect(settings!.publishedAt).toEqual(last!.resultsAt);
    const lastEntries = await db.select().from(entries).where(eq(entries.campaignId, lastYearId));
    expect(lastEntries.length).toBe(seeded.lastYear.entries);
    expect(lastEntries.length).toBeGreaterThanOrEqual(16);
    expect(lastEntries.every((e) => e.status === "submitted" && e.code?.startsWith(`${last!.year}-YZ-`) && e.title)).toBe(true);
    expect(lastEntries.some((e) => e.pupilId === (demoPupil?.id ?? ""))).toBe(false);
    const scores = await db.select().from(assignments).where(eq(assignments.campaignId, lastYearId));
    expect(scores).toHaveLength(lastEntries.length * 2);
    expect(scores.every((s) => s.scoreStatus === "submitted" && s.total !== null && s.total > 0)).toBe(true);
    const results = await db.select().from(entryResults).where(eq(entryResults.campaignId, lastYearId));
    expect(results).toHaveLength(lastEntries.length);
    const awarded = results.filter((r) => r.tier !== "none");
    expect(awarded.length).toBe(seeded.lastYear.awards);
    expect(awarded.every((r) => /^[A-Z0-9]{10}$/.test(r.certificateCode ?? ""))).toBe(true);
    expect(results.filter((r) => r.tier === "none").every((r) => r.certificateCode === null)).toBe(true);
    expect(results.every((r) => r.normScore !== null)).toBe(true);
    const keys = [...lastEntries.map((e) => `results-award/${e.id}`), `results-school/${lastYearId}-%`];
    expect(await db.select().from(outbox).where(or(...keys.map((k) => like(outbox.idempotencyKey, k))))).toHaveLength(0);

    // What the public pages read.
    const published = await getPublicResults(last!.slug);
    expect(published!.categories.length).toBeGreaterThanOrEqual(3);
    expect(published!.categories.flatMap((c) => c.awards).every((a) => a.name.includes("*"))).toBe(true);
    const certificate = await getCertificate(awarded[0]!.certificateCode!);
    expect(certificate).toMatchObject({ campaignTitle: last!.title });
  });
});
