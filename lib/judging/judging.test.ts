import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { createUser } from "@/db/factories";
import { createEnrolledPupil, createOpenCampaign } from "@/db/factories-entries";
import { assignments, campaignJudges, entries, judgeConflicts, rubricCriteria, userRoles } from "@/db/schema";
import { saveEntry } from "@/lib/entries/mutations";
import { applyAssignments, moveAssignment, previewAssignments } from "./assignments";
import { getJudgeAssignment, judgeQueueSummary, listJudgeQueue, recuse, saveScore } from "./scoring";

const essay = (pupilId: string, categoryId: number) => ({
  pupilId,
  categoryId,
  intent: "submit" as const,
  title: "读《草房子》",
  bookTitle: "草房子",
  bookAuthor: "曹文轩",
  body: "桑桑的故事让我懂得了友情和成长的意义。",
  statement: "",
  file: undefined,
});

/** A campaign with `perSchool` submitted essays from each of `schools` schools, a two-criterion rubric, and judging open. */
async function judgedCampaign(schools: number, perSchool: number) {
  const db = getDb();
  const { campaign, essay: cat } = await createOpenCampaign(db);
  const schoolIds: number[] = [];
  for (let s = 0; s < schools; s++) {
    const first = await createEnrolledPupil(db, campaign.id);
    schoolIds.push(first.school.id);
    await saveEntry({ id: first.pupil.user.id, roles: ["student"], schoolId: null }, essay(first.pupil.user.id, cat.id));
    for (let p = 1; p < perSchool; p++) {
      const more = await createEnrolledPupil(db, campaign.id);
      // Same school: move the pupil's entry over by hand (the factory makes a school per pupil).
      const r = await saveEntry({ id: more.pupil.user.id, roles: ["student"], schoolId: null }, essay(more.pupil.user.id, cat.id));
      await db.update(entries).set({ schoolId: first.school.id }).where(eq(entries.id, r.entryId));
    }
  }
  const [c1, c2] = await db
    .insert(rubricCriteria)
    .values([
      { categoryId: cat.id, name: "立意", maxPoints: 10, weight: 2, sortOrder: 1 },
      { categoryId: cat.id, name: "文采", maxPoints: 20, weight: 1, sortOrder: 2 },
    ])
    .returning();
  return { campaign, cat, schoolIds, criteria: [c1!, c2!] };
}

/** A judge on the campaign's panel. */
async function judge(campaignId: number, values: { schoolId?: number; teacher?: boolean } = {}) {
  const user = await createUser(getDb(), { roles: values.teacher ? ["judge", "teacher"] : ["judge"], schoolId: values.schoolId ?? null });
  await getDb().insert(campaignJudges).values({ campaignId, judgeId: user.id });
  return user;
}

async function assignmentsOf(campaignId: number) {
  return getDb().select().from(assignments).where(eq(assignments.campaignId, campaignId));
}

describe("assigning judges", () => {
  it("previews, then assigns K judges per entry without conflicts, evenly; a second run adds nothing", async () => {
    const { campaign, schoolIds } = await judgedCampaign(3, 3);
    const teacherJudge = await judge(campaign.id, { schoolId: schoolIds[0], teacher: true });
    const declared = await judge(campaign.id);
    await getDb().insert(judgeConflicts).values({ judgeId: declared.id, schoolId: schoolIds[1]! });
    const others = [await judge(campaign.id), await judge(campaign.id)];
    const all = [teacherJudge, declared, ...others];

    const preview = await previewAssignments(campaign.id, 2);
    expect(preview).toMatchObject({ entries: 9, toAdd: 18, short: 0 });
    const mine = preview.judges.filter((j) => all.some((a) => a.id === j.id));
    expect(mine.reduce((n, j) => n + j.added, 0)).toBe(18);

    expect(await applyAssignments(teacherJudge.id, campaign.id, 2)).toEqual({ added: 18, short: 0 });
    const rows = await assignmentsOf(campaign.id);
    expect(rows).toHaveLength(18);
    const list = await getDb().select({ id: entries.id, schoolId: entries.schoolId }).from(entries).where(eq(entries.campaignId, campaign.id));
    const schoolOfEntry = new Map(list.map((e) => [e.id, e.schoolId]));
    for (const r of rows) {
      if (r.judgeId === teacherJudge.id) expect(schoolOfEntry.get(r.entryId)).not.toBe(schoolIds[0]);
      if (r.judgeId === declared.id) expect(schoolOfEntry.get(r.entryId)).not.toBe(schoolIds[1]);
    }
    const loads = all.map((j) => rows.filter((r) => r.judgeId === j.id).length);
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(2);
    expect(await applyAssignments(teacherJudge.id, campaign.id, 2)).toEqual({ added: 0, short: 0 });
  });

  it("holds back an entry still flagged with personal information until staff have dealt with it", async () => {
    const { campaign } = await judgedCampaign(2, 1);
    const j = await judge(campaign.id);
    const [flagged] = await getDb().select({ id: entries.id }).from(entries).where(eq(entries.campaignId, campaign.id)).limit(1);
    await getDb().update(entries).set({ flags: ["name"] }).where(eq(entries.id, flagged!.id));
    expect(await applyAssignments(j.id, campaign.id, 1)).toEqual({ added: 1, short: 0 });
    expect((await assignmentsOf(campaign.id)).map((a) => a.entryId)).not.toContain(flagged!.id);
    await getDb().update(entries).set({ redactedAt: new Date() }).where(eq(entries.id, flagged!.id));
    expect(await applyAssignments(j.id, campaign.id, 1)).toEqual({ added: 1, short: 0 });
    // A late edit flags it again: the judge's queue and page no longer show it.
    await getDb().update(entries).set({ redactedAt: null }).where(eq(entries.id, flagged!.id));
    const [mine] = (await assignmentsOf(campaign.id)).filter((a) => a.entryId === flagged!.id);
    expect(await getJudgeAssignment(j, mine!.id)).toBeNull();
    expect((await listJudgeQueue(j)).map((q) => q.assignmentId)).not.toContain(mine!.id);
  });

  it("moves an entry by hand only to a judge free of conflicts", async () => {
    const { campaign, schoolIds } = await judgedCampaign(1, 1);
    const a = await judge(campaign.id);
    const conflicted = await judge(campaign.id, { schoolId: schoolIds[0], teacher: true });
    const free = await judge(campaign.id);
    await getDb().delete(userRoles).where(and(eq(userRoles.userId, free.id), eq(userRoles.role, "judge")));
    const b = await judge(campaign.id);
    await applyAssignments(a.id, campaign.id, 1);
    const [row] = await assignmentsOf(campaign.id);
    await expect(moveAssignment(a.id, row!.id, conflicted.id)).rejects.toMatchObject({ fields: { judgeId: "judging.errors.conflicted" } });
    await expect(moveAssignment(a.id, row!.id, free.id)).rejects.toMatchObject({ fields: { judgeId: "judging.errors.notAJudge" } });
    const to = row!.judgeId === b.id ? a : b;
    await moveAssignment(a.id, row!.id, to.id);
    expect((await assignmentsOf(campaign.id))[0]!.judgeId).toBe(to.id);
  });
});

describe("scoring", () => {
  async function scoredSetup() {
    const setup = await judgedCampaign(1, 1);
    const [j1, j2, j3] = [await judge(setup.campaign.id), await judge(setup.campaign.id), await judge(setup.campaign.id)];
    // Only j1 and j2 judge at first: j3 is the spare judge.
    await getDb().delete(userRoles).where(and(eq(userRoles.userId, j3.id), eq(userRoles.role, "judge")));
    await applyAssignments(j1.id, setup.campaign.id, 2);
    await getDb().insert(userRoles).values({ userId: j3.id, role: "judge" });
    const rows = await assignmentsOf(setup.campaign.id);
    const of = (id: string) => rows.find((r) => r.judgeId === id)!;
    return { ...setup, j1, j2, j3, a1: of(j1.id), a2: of(j2.id) };
  }

  it("shows a judge only their own assignments, with the code and text but no one's identity", async () => {
    const { j1, j2, a1, a2 } = await scoredSetup();
    const queue = await listJudgeQueue(j1);
    expect(queue.map((q) => q.assignmentId)).toContain(a1.id);
    expect(queue.map((q) => q.assignmentId)).not.toContain(a2.id);
    expect(await getJudgeAssignment(j1, a2.id)).toBeNull();
    const view = await getJudgeAssignment(j2, a2.id);
    expect(Object.keys(view!.entry).sort()).toEqual(["body", "bookAuthor", "bookTitle", "code", "fileType", "hasFile", "id", "statement", "title"]);
  });

  it("gives the rubric in order and the next entry still to score, skipping the submitted", async () => {
    const { campaign, criteria } = await judgedCampaign(1, 3);
    const j = await judge(campaign.id);
    await applyAssignments(j.id, campaign.id, 1);
    const [first, second, third] = (await assignmentsOf(campaign.id)).sort((x, y) => x.id - y.id);
    const view = (await getJudgeAssignment(j, first!.id))!;
    expect(view.criteria).toEqual(criteria.map((c) => ({ id: c.id, name: c.name, description: c.description, maxPoints: c.maxPoints, weight: c.weight, bands: c.bands })));
    expect(view.nextId).toBe(second!.id);
    const points = Object.fromEntries(criteria.map((c) => [String(c.id), 1]));
    await saveScore(j, { assignmentId: second!.id, points, comment: "", intent: "submit" });
    expect((await getJudgeAssignment(j, first!.id))!.nextId).toBe(third!.id);
    expect((await getJudgeAssignment(j, third!.id))!.nextId).toBeNull();
  });

  it("saves a draft, refuses out-of-range points and a partial submission, then submits the weighted total", async () => {
    const { j1, a1, criteria } = await scoredSetup();
    const [c1, c2] = criteria.map((c) => String(c.id));
    expect(await saveScore(j1, { assignmentId: a1.id, points: { [c1!]: 8 }, comment: "", intent: "draft" })).toMatchObject({ extraJudge: false });
    await expect(saveScore(j1, { assignmentId: a1.id, points: { [c1!]: 11, [c2!]: 5 }, comment: "", intent: "submit" })).rejects.toMatchObject({
      fields: { [`points.${c1}`]: ["judging.errors.pointsRange", { max: 10 }] },
    });
    await expect(saveScore(j1, { assignmentId: a1.id, points: { [c1!]: 8 }, comment: "", intent: "submit" })).rejects.toMatchObject({ fields: { [`points.${c2}`]: "errors.required" } });
    // (2·8 + 1·10) / (2·10 + 1·20) = 65
    expect(await saveScore(j1, { assignmentId: a1.id, points: { [c1!]: 8, [c2!]: 10 }, comment: "立意清楚", intent: "submit" })).toEqual({ total: 65, extraJudge: false });
  });

  it("lists what is still to score apart from the rest, a page at a time, and counts both per category", async () => {
    const { j1, a1, criteria } = await scoredSetup();
    const [c1, c2] = criteria.map((c) => String(c.id));
    const [line] = await judgeQueueSummary(j1);
    expect(line).toMatchObject({ total: 1, submitted: 0, toScore: 1 });
    expect((await listJudgeQueue(j1, { todo: true, page: 1 })).map((r) => r.assignmentId)).toEqual([a1.id]);
    // An entry not scored when judging has closed is no longer "to score".
    const afterJudging = new Date(Date.now() + 365 * 86_400_000);
    expect(await listJudgeQueue(j1, { todo: true, now: afterJudging })).toEqual([]);
    expect((await judgeQueueSummary(j1, afterJudging))[0]!.toScore).toBe(0);
    await saveScore(j1, { assignmentId: a1.id, points: { [c1!]: 8, [c2!]: 10 }, comment: "", intent: "submit" });
    expect(await judgeQueueSummary(j1)).toMatchObject([{ total: 1, submitted: 1, toScore: 0 }]);
    expect(await listJudgeQueue(j1, { todo: true, page: 1 })).toEqual([]);
    expect((await listJudgeQueue(j1, { page: 1 })).map((r) => r.assignmentId)).toEqual([a1.id]);
    expect(await listJudgeQueue(j1, { page: 2 })).toEqual([]);
  });

  it("adds a third judge, once, when the first two disagree by more than the set share", async () => {
    const { campaign, j1, j2, j3, a1, a2, criteria } = await scoredSetup();
    const [c1, c2] = criteria.map((c) => String(c.id));
    await saveScore(j1, { assignmentId: a1.id, points: { [c1!]: 10, [c2!]: 20 }, comment: "", intent: "submit" }); // 100
    expect(await saveScore(j2, { assignmentId: a2.id, points: { [c1!]: 5, [c2!]: 10 }, comment: "", intent: "submit" })).toEqual({ total: 50, extraJudge: true });
    const rows = await assignmentsOf(campaign.id);
    expect(rows.find((r) => r.judgeId === j3.id)).toMatchObject({ round: 2, status: "assigned" });
    // Changing a score again does not call a fourth.
    expect((await saveScore(j2, { assignmentId: a2.id, points: { [c1!]: 4, [c2!]: 10 }, comment: "", intent: "submit" })).extraJudge).toBe(false);
    expect(await assignmentsOf(campaign.id)).toHaveLength(3);
  });

  it("after judging closes a score can no longer change", async () => {
    const { j1, a1, criteria } = await scoredSetup();
    const [c1, c2] = criteria.map((c) => String(c.id));
    const afterJudging = new Date(Date.now() + 365 * 86_400_000);
    await expect(saveScore(j1, { assignmentId: a1.id, points: { [c1!]: 1, [c2!]: 1 }, comment: "", intent: "submit" }, afterJudging)).rejects.toMatchObject({ message: "judging.errors.closed" });
  });

  it("a judge who recuses is replaced, and is not given the entry again", async () => {
    const { campaign, j1, j3, a1 } = await scoredSetup();
    await recuse(j1, { assignmentId: a1.id, reason: "我认识这位学生" });
    const rows = await assignmentsOf(campaign.id);
    expect(rows.find((r) => r.judgeId === j1.id)).toMatchObject({ status: "recused", recuseReason: "我认识这位学生" });
    expect(rows.find((r) => r.judgeId === j3.id)).toMatchObject({ status: "assigned" });
    expect(await applyAssignments(j1.id, campaign.id, 2)).toEqual({ added: 0, short: 0 });
    await expect(recuse(j1, { assignmentId: a1.id, reason: "again" })).rejects.toMatchObject({ code: "not_found" });
  });
});
