import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { createUser } from "@/db/factories";
import { createEnrolledPupil, createEntryRow, createOpenCampaign } from "@/db/factories-entries";
import { assignments, judgingSettings } from "@/db/schema";
import { computeResults, overrideTier } from "./compute";
import { getResultsOverview, listResultRows, tieBreak } from "./results-admin";

/** Entries with the given judges' totals ([judge index, total] pairs), submitted one hour apart. */
async function scored(perEntry: [number, number][][]) {
  const db = getDb();
  const { campaign, essay } = await createOpenCampaign(db);
  const staff = await createUser(db, { roles: ["staff"] });
  const judges = [];
  for (let i = 0; i < 3; i++) judges.push(await createUser(db, { roles: ["judge"] }));
  const ids: number[] = [];
  for (const [i, totals] of perEntry.entries()) {
    const { pupil, school, cls } = await createEnrolledPupil(db, campaign.id, { name: `学生${i}号` });
    const entry = await createEntryRow(db, { campaignId: campaign.id, categoryId: essay.id, pupilId: pupil.user.id, schoolId: school.id, classId: cls.id });
    for (const [j, total] of totals) await db.insert(assignments).values({ entryId: entry.id, judgeId: judges[j]!.id, campaignId: campaign.id, total, scoreStatus: "submitted", submittedAt: new Date() });
    ids.push(entry.id);
  }
  await db.insert(judgingSettings).values({ campaignId: campaign.id, tierRules: { [essay.id]: { kind: "count", first: 1, second: 1, third: 0, meritMin: 60 } } });
  return { campaign, essay, staff, judges, ids };
}

describe("results screen", () => {
  it("lists ranked entries with names, each judge's total under a campaign-wide number, and a page by rank", async () => {
    const { campaign, essay, staff, judges, ids } = await scored([
      [
        [0, 80],
        [1, 70],
      ],
      [
        [1, 90],
        [2, 88],
      ],
      [[2, 50]],
    ]);
    await computeResults(staff.id, campaign.id);
    const rows = await listResultRows(campaign.id, { from: 1, to: 100 });
    expect(rows.map((r) => [r.entryId, r.rank, r.rawScore, r.tier])).toEqual([
      [ids[1], 1, 89, "first"],
      [ids[0], 2, 75, "second"],
      [ids[2], 3, 50, "none"],
    ]);
    expect(rows[0]!.pupilName).toBe("学生1号");
    // Judges numbered by id across the campaign: the same judge has the same number on every row.
    const number = new Map([...judges].sort((a, b) => (a.id < b.id ? -1 : 1)).map((j, i) => [j.id, i + 1]));
    expect(rows[0]!.totals).toEqual(
      [
        { judge: number.get(judges[1]!.id), total: 90 },
        { judge: number.get(judges[2]!.id), total: 88 },
      ].sort((a, b) => a.judge! - b.judge!),
    );
    expect((await listResultRows(campaign.id, { categoryId: essay.id, from: 2, to: 3 })).map((r) => r.rank)).toEqual([2, 3]);

    await overrideTier(staff.id, { entryId: ids[2]!, tier: "merit", reason: "评委推荐" });
    const overview = await getResultsOverview(campaign.id);
    expect(overview).toMatchObject({ normalise: false, publishedAt: null, ranked: 3 });
    expect(overview.computedAt).toBeInstanceOf(Date);
    const category = overview.categories.find((c) => c.id === essay.id)!;
    expect(category).toMatchObject({ ranked: 3, moved: 1, corrected: 0, rule: { kind: "count", first: 1, second: 1, third: 0, meritMin: 60 } });
    expect(category.tiers).toEqual({ first: 1, second: 1, third: 0, merit: 1, none: 0 });
    expect(category.computed).toEqual({ first: 1, second: 1, third: 0, merit: 0, none: 1 });
  });

  it("names the tie-break that told two equal scores apart", () => {
    const row = (rawScore: number, normScore: number | null, totals: number[]) => ({ rawScore, normScore, totals: totals.map((total, i) => ({ judge: i + 1, total })) });
    expect(tieBreak(row(80, null, [80]), row(70, null, [70]))).toBeNull();
    expect(tieBreak(row(80, 75, [80]), row(78, 75, [78]))).toBe("rawScore");
    expect(tieBreak(row(80, null, [90, 70]), row(80, null, [85, 75]))).toBe("best");
    expect(tieBreak(row(80, null, [90, 70]), row(80, null, [70, 90]))).toBe("submitted");
  });
});
