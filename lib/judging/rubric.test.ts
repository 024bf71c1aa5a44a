import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { createUser } from "@/db/factories";
import { createEnrolledPupil, createEntryRow, createOpenCampaign } from "@/db/factories-entries";
import { assignments, auditLog, rubricCriteria } from "@/db/schema";
import { deleteCriterion, listRubric, saveCriterion } from "./rubric";
import { criterionSchema, formatBands, parseBands } from "./schemas";

describe("parseBands", () => {
  it("reads one band per line in the usual ways of writing a range, highest first", () => {
    const text = "0-5 中心不清\n\n 6～8分：内容充实，详略得当 \n9—10、立意深刻";
    expect(parseBands(text, 10)).toEqual({
      bands: [
        { from: 9, to: 10, text: "立意深刻" },
        { from: 6, to: 8, text: "内容充实，详略得当" },
        { from: 0, to: 5, text: "中心不清" },
      ],
    });
    // Full-width digits and a single score; a reversed range is read the right way round.
    expect(parseBands("１０ 满分之作\n9-0 其余", 10)).toEqual({
      bands: [
        { from: 10, to: 10, text: "满分之作" },
        { from: 0, to: 9, text: "其余" },
      ],
    });
    expect(
      formatBands([
        { from: 10, to: 10, text: "满分" },
        { from: 0, to: 9, text: "其余" },
      ]),
    ).toBe("10 满分\n0-9 其余");
  });

  it("names the line that is wrong", () => {
    expect(parseBands("", 10)).toEqual({ problem: { key: "judgingAdmin.rubric.bandsRequired", values: {} } });
    expect(parseBands("9-10 好\n立意深刻", 10)).toEqual({ problem: { key: "judgingAdmin.rubric.bandFormat", values: { line: 2 } } });
    expect(parseBands("9-10", 10)).toEqual({ problem: { key: "judgingAdmin.rubric.bandFormat", values: { line: 1 } } });
    expect(parseBands("0-5 差\n6-12 好", 10)).toEqual({ problem: { key: "judgingAdmin.rubric.bandRange", values: { line: 2, max: 10 } } });
    expect(parseBands("8-10 好\n0-5 差\n5-7 中", 10)).toEqual({ problem: { key: "judgingAdmin.rubric.bandOverlap", values: { line: 3 } } });
    expect(parseBands(Array.from({ length: 11 }, (_, i) => `${i} 分`).join("\n"), 10)).toMatchObject({ problem: { key: "judgingAdmin.rubric.bandsTooMany" } });
  });
});

describe("criterionSchema", () => {
  const form = { campaignId: "1", categoryId: "2", name: "立意", description: "", maxPoints: "10", weight: "1.5", sortOrder: "1", bands: "0-10 x" };
  it("reads the form's strings, and refuses a weight out of range or an empty maximum", () => {
    expect(criterionSchema.parse(form)).toMatchObject({ maxPoints: 10, weight: 1.5, sortOrder: 1 });
    const bad = criterionSchema.safeParse({ ...form, weight: "0", maxPoints: "" });
    expect(bad.success).toBe(false);
    const messages = Object.fromEntries(bad.error!.issues.map((i) => [i.path.join("."), i.message]));
    expect(messages.weight).toBe("judgingAdmin.rubric.weightRange");
    expect(bad.error!.issues.find((i) => i.path[0] === "maxPoints")).toMatchObject({ code: "too_small" });
    expect(criterionSchema.safeParse({ ...form, maxPoints: "101" }).success).toBe(false);
  });
});

async function setup() {
  const db = getDb();
  const { campaign, essay, drawing } = await createOpenCampaign(db);
  const staff = await createUser(db, { roles: ["staff"] });
  const input = (categoryId: number, values: Partial<Parameters<typeof saveCriterion>[1]> = {}) => ({
    campaignId: campaign.id,
    categoryId,
    name: "立意",
    description: "中心是否明确",
    maxPoints: 10,
    weight: 2,
    sortOrder: 1,
    bands: "9-10 立意深刻\n6-8 中心明确\n0-5 中心不清",
    ...values,
  });
  return { campaign, essay, drawing, staff, input };
}

/** A judge's submitted score in the category: from then on its rubric is fixed. */
async function submitScoreIn(campaignId: number, categoryId: number) {
  const db = getDb();
  const side = await createEnrolledPupil(db, campaignId);
  const entry = await createEntryRow(db, { campaignId, categoryId, pupilId: side.pupil.user.id, schoolId: side.school.id });
  const judge = await createUser(db, { roles: ["judge"] });
  await db.insert(assignments).values({ entryId: entry.id, judgeId: judge.id, campaignId, scoreStatus: "submitted", total: 80, submittedAt: new Date() });
}

describe("the rubric of a category", () => {
  it("adds, changes and deletes criteria, listed by category in order, with an audit trail", async () => {
    const { campaign, essay, drawing, staff, input } = await setup();
    const { id } = await saveCriterion(staff.id, input(essay.id));
    await saveCriterion(staff.id, input(essay.id, { name: "文采", maxPoints: 20, weight: 1, sortOrder: 0, bands: "15-20 语言优美\n0-14 通顺" }));
    await saveCriterion(staff.id, { ...input(essay.id, { name: "立意与中心", weight: 3 }), criterionId: id });

    const rubric = await listRubric(campaign.id);
    expect(rubric.map((c) => c.id)).toEqual([essay.id, drawing.id]);
    expect(rubric[0]!.criteria.map((c) => c.name)).toEqual(["文采", "立意与中心"]);
    expect(rubric[0]!.criteria[1]).toMatchObject({
      maxPoints: 10,
      weight: 3,
      bands: [
        { from: 9, to: 10, text: "立意深刻" },
        { from: 6, to: 8, text: "中心明确" },
        { from: 0, to: 5, text: "中心不清" },
      ],
    });
    expect(rubric[1]).toMatchObject({ criteria: [], locked: false, submittedScores: 0 });

    await deleteCriterion(staff.id, { campaignId: campaign.id, criterionId: id });
    expect((await listRubric(campaign.id))[0]!.criteria.map((c) => c.name)).toEqual(["文采"]);
    const log = await getDb()
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entity, "rubric_criterion"), eq(auditLog.entityId, String(id))));
    expect(log.map((l) => l.action).sort()).toEqual(["judging:rubric.create", "judging:rubric.delete", "judging:rubric.update"]);
  });

  it("says which band line is wrong, and saves nothing", async () => {
    const { essay, staff, input } = await setup();
    await expect(saveCriterion(staff.id, input(essay.id, { maxPoints: 8 }))).rejects.toMatchObject({
      code: "invalid",
      fields: { bands: ["judgingAdmin.rubric.bandRange", { line: 1, max: 8 }] },
    });
    expect(await getDb().select().from(rubricCriteria).where(eq(rubricCriteria.categoryId, essay.id))).toHaveLength(0);
  });

  it("refuses any change once a score in the category is submitted; other categories stay open", async () => {
    const { campaign, essay, drawing, staff, input } = await setup();
    const { id } = await saveCriterion(staff.id, input(essay.id));
    await submitScoreIn(campaign.id, essay.id);

    const locked = { code: "conflict", message: "judgingAdmin.errors.rubricLocked" };
    await expect(saveCriterion(staff.id, { ...input(essay.id, { maxPoints: 20 }), criterionId: id })).rejects.toMatchObject(locked);
    await expect(saveCriterion(staff.id, input(essay.id, { name: "新的一项" }))).rejects.toMatchObject(locked);
    await expect(deleteCriterion(staff.id, { campaignId: campaign.id, criterionId: id })).rejects.toMatchObject(locked);
    const rows = await getDb().select().from(rubricCriteria).where(eq(rubricCriteria.categoryId, essay.id));
    expect(rows).toEqual([expect.objectContaining({ id, maxPoints: 10, name: "立意" })]);
    expect((await listRubric(campaign.id))[0]).toMatchObject({ locked: true, submittedScores: 1 });

    await expect(saveCriterion(staff.id, input(drawing.id, { name: "构图" }))).resolves.toMatchObject({ id: expect.any(Number) });
  });

  it("a draft score does not lock the rubric", async () => {
    const { campaign, essay, staff, input } = await setup();
    const { id } = await saveCriterion(staff.id, input(essay.id));
    await submitScoreIn(campaign.id, essay.id);
    await getDb().update(assignments).set({ scoreStatus: "draft", submittedAt: null }).where(eq(assignments.campaignId, campaign.id));
    await expect(saveCriterion(staff.id, { ...input(essay.id, { maxPoints: 20 }), criterionId: id })).resolves.toEqual({ id });
  });

  it("a category or criterion of another campaign is not found", async () => {
    const { essay, staff, input } = await setup();
    const other = await setup();
    await expect(saveCriterion(staff.id, { ...input(essay.id), campaignId: other.campaign.id })).rejects.toMatchObject({ code: "not_found" });
    const { id } = await saveCriterion(staff.id, input(essay.id));
    await expect(saveCriterion(staff.id, { ...input(other.essay.id), campaignId: other.campaign.id, criterionId: id })).rejects.toMatchObject({ code: "not_found" });
    await expect(deleteCriterion(staff.id, { campaignId: other.campaign.id, criterionId: id })).rejects.toMatchObject({ code: "not_found" });
  });
});
