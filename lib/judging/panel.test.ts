import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { createSchool, createUser } from "@/db/factories";
import { createEnrolledPupil, createEntryRow, createOpenCampaign } from "@/db/factories-entries";
import { assignments, auditLog, campaignJudges, judgeConflicts } from "@/db/schema";
import { addJudgeToPanel, listJudgeCandidates, listPanel, removeJudgeFromPanel } from "./panel";

async function setup() {
  const db = getDb();
  const { campaign, essay } = await createOpenCampaign(db);
  const staff = await createUser(db, { roles: ["staff"] });
  const entry = async () => {
    const side = await createEnrolledPupil(db, campaign.id);
    return createEntryRow(db, { campaignId: campaign.id, categoryId: essay.id, pupilId: side.pupil.user.id, schoolId: side.school.id });
  };
  return { campaign, staff, entry };
}

describe("the campaign's panel", () => {
  it("lists members with their own school, declared conflicts and progress, least far along first", async () => {
    const { campaign, staff, entry } = await setup();
    const db = getDb();
    const school = await createSchool(db, { name: `滦南县实验小学${Math.random()}` });
    const declaredSchool = await createSchool(db);
    const teacherJudge = await createUser(db, { roles: ["judge", "teacher"], schoolId: school.id, name: "甲" });
    const reader = await createUser(db, { roles: ["judge"], name: "乙" });
    await db.insert(judgeConflicts).values({ judgeId: reader.id, schoolId: declaredSchool.id, note: "孩子在该校" });
    for (const j of [teacherJudge, reader]) await addJudgeToPanel(staff.id, { campaignId: campaign.id, judgeId: j.id });
    const [e1, e2] = [await entry(), await entry()];
    await db.insert(assignments).values([
      { entryId: e1.id, judgeId: teacherJudge.id, campaignId: campaign.id, scoreStatus: "submitted", total: 80 },
      { entryId: e2.id, judgeId: teacherJudge.id, campaignId: campaign.id },
      { entryId: e1.id, judgeId: reader.id, campaignId: campaign.id },
    ]);

    const panel = await listPanel(campaign.id);
    expect(panel.map((m) => m.id)).toEqual([reader.id, teacherJudge.id]);
    expect(panel[0]).toMatchObject({
      ownSchool: null,
      declared: [{ schoolId: declaredSchool.id, schoolName: declaredSchool.name, note: "孩子在该校" }],
      assigned: 1,
      submitted: 0,
    });
    expect(panel[1]).toMatchObject({ ownSchool: school.name, declared: [], assigned: 2, submitted: 1 });
  });

  it("adds only active judges, once; judges of earlier campaigns are offered", async () => {
    const { campaign, staff } = await setup();
    const judge = await createUser(getDb(), { roles: ["judge"] });
    const teacher = await createUser(getDb(), { roles: ["teacher"] });
    const gone = await createUser(getDb(), { roles: ["judge"], disabled: true });
    const offered = (await listJudgeCandidates(campaign.id)).map((c) => c.id);
    expect(offered).toContain(judge.id);
    expect(offered).not.toContain(teacher.id);
    expect(offered).not.toContain(gone.id);

    await addJudgeToPanel(staff.id, { campaignId: campaign.id, judgeId: judge.id });
    await addJudgeToPanel(staff.id, { campaignId: campaign.id, judgeId: judge.id });
    for (const who of [teacher, gone]) {
      await expect(addJudgeToPanel(staff.id, { campaignId: campaign.id, judgeId: who.id })).rejects.toMatchObject({ fields: { judgeId: "judging.errors.notAJudge" } });
    }
    expect((await getDb().select().from(campaignJudges).where(eq(campaignJudges.campaignId, campaign.id))).map((r) => r.judgeId)).toEqual([judge.id]);
    expect((await listJudgeCandidates(campaign.id)).map((c) => c.id)).not.toContain(judge.id);
    const log = await getDb()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "judging:panel.add"), eq(auditLog.entityId, String(campaign.id))));
    expect(log).toHaveLength(1);
  });

  it("removes a judge without submitted scores, taking back their open entries; keeps one with scores", async () => {
    const { campaign, staff, entry } = await setup();
    const db = getDb();
    const [scorer, drafter] = [await createUser(db, { roles: ["judge"] }), await createUser(db, { roles: ["judge"] })];
    for (const j of [scorer, drafter]) await addJudgeToPanel(staff.id, { campaignId: campaign.id, judgeId: j.id });
    const [e1, e2] = [await entry(), await entry()];
    await db.insert(assignments).values([
      { entryId: e1.id, judgeId: scorer.id, campaignId: campaign.id, scoreStatus: "submitted", total: 75 },
      { entryId: e2.id, judgeId: scorer.id, campaignId: campaign.id },
      { entryId: e1.id, judgeId: drafter.id, campaignId: campaign.id, points: { 1: 5 } },
      { entryId: e2.id, judgeId: drafter.id, campaignId: campaign.id, status: "recused", recuseReason: "认识作者" },
    ]);

    await expect(removeJudgeFromPanel(staff.id, { campaignId: campaign.id, judgeId: scorer.id })).rejects.toMatchObject({
      code: "conflict",
      message: "judgingAdmin.errors.judgeHasScores",
    });
    expect(await removeJudgeFromPanel(staff.id, { campaignId: campaign.id, judgeId: drafter.id })).toEqual({ removedAssignments: 1 });
    const left = await db.select({ judgeId: assignments.judgeId, status: assignments.status }).from(assignments).where(eq(assignments.campaignId, campaign.id));
    // The recusal stays on record, so a later assignment run never gives that entry back to them.
    expect(left.filter((a) => a.judgeId === drafter.id)).toEqual([{ judgeId: drafter.id, status: "recused" }]);
    expect(left.filter((a) => a.judgeId === scorer.id)).toHaveLength(2);
    expect((await listPanel(campaign.id)).map((m) => m.id)).toEqual([scorer.id]);
    await expect(removeJudgeFromPanel(staff.id, { campaignId: campaign.id, judgeId: drafter.id })).rejects.toMatchObject({ code: "not_found" });
  });
});
