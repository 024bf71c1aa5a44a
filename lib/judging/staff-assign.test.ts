import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { createUser } from "@/db/factories";
import { createEnrolledPupil, createEntryRow, createOpenCampaign } from "@/db/factories-entries";
import { assignments, campaignJudges, entries, judgingSettings } from "@/db/schema";
import { applyAssignmentSettings, categoryProgress, findEntryAssignments } from "./staff-assign";

async function setup() {
  const db = getDb();
  const { campaign, essay, drawing } = await createOpenCampaign(db);
  const staff = await createUser(db, { roles: ["staff"] });
  const sides = [];
  const list = [];
  for (let i = 0; i < 3; i++) {
    const side = await createEnrolledPupil(db, campaign.id);
    sides.push(side);
    list.push(await createEntryRow(db, { campaignId: campaign.id, categoryId: essay.id, pupilId: side.pupil.user.id, schoolId: side.school.id }));
  }
  // Left out of judging: a draft, a disqualified entry, and one with a phone number in it (held).
  const flaggedSide = await createEnrolledPupil(db, campaign.id);
  const flagged = await createEntryRow(db, { campaignId: campaign.id, categoryId: essay.id, pupilId: flaggedSide.pupil.user.id, schoolId: flaggedSide.school.id });
  await db
    .update(entries)
    .set({ flags: ["phone"] })
    .where(eq(entries.id, flagged.id));
  await createEntryRow(db, { campaignId: campaign.id, categoryId: drawing.id, pupilId: sides[0]!.pupil.user.id, schoolId: sides[0]!.school.id, status: "draft" });
  await createEntryRow(db, { campaignId: campaign.id, categoryId: drawing.id, pupilId: sides[1]!.pupil.user.id, schoolId: sides[1]!.school.id, disqualified: true });
  const judges = [];
  for (let i = 0; i < 3; i++) {
    const j = await createUser(db, { roles: ["judge"], name: `评委${i}` });
    await db.insert(campaignJudges).values({ campaignId: campaign.id, judgeId: j.id });
    judges.push(j);
  }
  return { campaign, essay, drawing, staff, sides, entries: list, judges };
}

describe("the assignment screen", () => {
  it("saves the disagreement share with the run, and progress per category counts judgeable entries only", async () => {
    const { campaign, essay, drawing, staff, entries: list } = await setup();
    expect(await applyAssignmentSettings(staff.id, { campaignId: campaign.id, judgesPerEntry: 2, disagreementPercent: 30 })).toEqual({ added: 6, short: 0 });
    const [settings] = await getDb().select().from(judgingSettings).where(eq(judgingSettings.campaignId, campaign.id));
    expect(settings).toMatchObject({ judgesPerEntry: 2, disagreementShare: 0.3 });

    // Both judges of the first entry submit; one of the second's.
    const rows = await getDb().select().from(assignments).where(eq(assignments.campaignId, campaign.id));
    const of = (entryId: number) => rows.filter((r) => r.entryId === entryId);
    for (const a of [...of(list[0]!.id), of(list[1]!.id)[0]!]) await getDb().update(assignments).set({ scoreStatus: "submitted", total: 70 }).where(eq(assignments.id, a.id));

    let progress = await categoryProgress(campaign.id);
    expect(progress.judgesPerEntry).toBe(2);
    expect(progress.categories).toEqual([
      { id: essay.id, code: essay.code, name: essay.name, entries: 3, held: 1, short: 0, assignments: 6, submitted: 3, scored: 1 },
      { id: drawing.id, code: drawing.code, name: drawing.name, entries: 0, held: 0, short: 0, assignments: 0, submitted: 0, scored: 0 },
    ]);
    // Raising K leaves every entry one judge short until the next run adds the third.
    await getDb().update(judgingSettings).set({ judgesPerEntry: 3 }).where(eq(judgingSettings.campaignId, campaign.id));
    progress = await categoryProgress(campaign.id);
    expect(progress.categories[0]).toMatchObject({ short: 3, assignments: 6 });
    expect(await applyAssignmentSettings(staff.id, { campaignId: campaign.id, judgesPerEntry: 3, disagreementPercent: 30 })).toEqual({ added: 3, short: 0 });
    expect((await categoryProgress(campaign.id)).categories[0]).toMatchObject({ short: 0, assignments: 9 });
  });

  it("finds entries by part of their code, with their judges and who may not take them", async () => {
    const { campaign, staff, entries: list, sides, judges } = await setup();
    await getDb().update(entries).set({ code: "2026-YZ-B-00042" }).where(eq(entries.id, list[0]!.id));
    await getDb().update(entries).set({ code: "2026-YZ-B-00420" }).where(eq(entries.id, list[1]!.id));
    // The third judge teaches at the first entry's school.
    const teacherJudge = await createUser(getDb(), { roles: ["judge", "teacher"], schoolId: sides[0]!.school.id });
    await getDb().insert(campaignJudges).values({ campaignId: campaign.id, judgeId: teacherJudge.id });
    await applyAssignmentSettings(staff.id, { campaignId: campaign.id, judgesPerEntry: 1, disagreementPercent: 25 });

    const found = await findEntryAssignments(campaign.id, " 0042 ");
    expect(found!.entries.map((e) => e.code)).toEqual(["2026-YZ-B-00042", "2026-YZ-B-00420"]);
    const first = found!.entries[0]!;
    expect(first).toMatchObject({ schoolId: sides[0]!.school.id, schoolName: sides[0]!.school.name, disqualified: false, held: false });
    expect(first.assignments).toHaveLength(1);
    expect(first.assignments[0]!.judgeId).not.toBe(teacherJudge.id);
    expect(found!.judges.find((j) => j.id === teacherJudge.id)!.conflicts).toEqual([sides[0]!.school.id]);
    expect(found!.judges.filter((j) => judges.some((x) => x.id === j.id)).every((j) => j.conflicts.length === 0)).toBe(true);

    expect(await findEntryAssignments(campaign.id, "00042")).toMatchObject({ entries: [{ id: list[0]!.id }] });
    expect(await findEntryAssignments(campaign.id, "9")).toBeNull();
    // Wildcards are taken literally.
    expect((await findEntryAssignments(campaign.id, "%_"))!.entries).toEqual([]);
    // Another campaign's entries are not found from this one.
    const other = await createOpenCampaign(getDb());
    expect((await findEntryAssignments(other.campaign.id, "00042"))!.entries).toEqual([]);
  });
});
