import { and, eq, like } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { createUser } from "@/db/factories";
import { createEnrolledPupil, createOpenCampaign } from "@/db/factories-entries";
import { assignments, auditLog, entries, entryResults, judgingSettings, outbox } from "@/db/schema";
import { saveEntry } from "@/lib/entries/mutations";
import { computeResults, overrideTier } from "./compute";
import { publishResults } from "./publish";
import { getCertificate, getPublicResults } from "./public";

/** A campaign with `totals.length` scored essays: entry i gets one judge's total totals[i]. */
async function scored(totals: number[], opts: { guardianEmail?: boolean } = {}) {
  const db = getDb();
  const { campaign, essay } = await createOpenCampaign(db);
  const staff = await createUser(db, { roles: ["staff"] });
  const judge = await createUser(db, { roles: ["judge"] });
  const ids: number[] = [];
  const schools: number[] = [];
  for (const [i, total] of totals.entries()) {
    const { pupil, school } = await createEnrolledPupil(db, campaign.id, { name: `学生${i}号`, guardianEmail: opts.guardianEmail === false ? null : `g${i}-${campaign.id}@example.test` });
    const { entryId } = await saveEntry({ id: pupil.user.id, roles: ["student"], schoolId: null }, { pupilId: pupil.user.id, categoryId: essay.id, intent: "submit", title: `作品${i}`, bookTitle: "草房子", bookAuthor: "", body: "读书使我快乐，也使我成长。", statement: "", file: undefined });
    await db.insert(assignments).values({ entryId, judgeId: judge.id, campaignId: campaign.id, total, scoreStatus: "submitted", submittedAt: new Date() });
    ids.push(entryId);
    schools.push(school.id);
  }
  await db.insert(judgingSettings).values({ campaignId: campaign.id, tierRules: { [essay.id]: { kind: "count", first: 1, second: 1, third: 1, meritMin: 50 } } });
  return { campaign, essay, staff, ids, schools };
}

const resultsOf = (campaignId: number) => getDb().select().from(entryResults).where(eq(entryResults.campaignId, campaignId));
const mailsOf = (kind: string, campaignId: number, ids: number[]) =>
  getDb()
    .select()
    .from(outbox)
    .where(kind === "results-school" ? like(outbox.idempotencyKey, `results-school/${campaignId}-%`) : eq(outbox.kind, kind))
    .then((rows) => (kind === "results-school" ? rows : rows.filter((r) => ids.some((id) => r.idempotencyKey === `results-award/${id}`))));

describe("results", () => {
  it("ranks, tiers by the category's rule, and keeps a tier moved by hand when recomputed", async () => {
    const { campaign, staff, ids } = await scored([70, 90, 40, 80, 60]);
    expect(await computeResults(staff.id, campaign.id)).toMatchObject({ ranked: 5 });
    const byEntry = new Map((await resultsOf(campaign.id)).map((r) => [r.entryId, r]));
    expect([1, 3, 0, 4, 2].map((i) => byEntry.get(ids[i]!)!.rank)).toEqual([1, 2, 3, 4, 5]);
    expect(ids.map((id) => byEntry.get(id)!.tier)).toEqual(["third", "first", "none", "second", "merit"]);

    await overrideTier(staff.id, { entryId: ids[2]!, tier: "merit", reason: "评委一致推荐" });
    await computeResults(staff.id, campaign.id);
    const moved = (await resultsOf(campaign.id)).find((r) => r.entryId === ids[2]);
    expect(moved).toMatchObject({ tier: "merit", computedTier: "none", overrideReason: "评委一致推荐", correctedAt: null });
    const [log] = await getDb().select().from(auditLog).where(and(eq(auditLog.action, "results:override"), eq(auditLog.entityId, String(ids[2]))));
    expect(log!.data).toMatchObject({ from: "none", to: "merit", reason: "评委一致推荐", afterPublication: false });
  });

  it("publishes once: certificate codes, one email per award and per school, nothing again on a second publish", async () => {
    const { campaign, staff, ids } = await scored([70, 90, 40, 80, 55]);
    await computeResults(staff.id, campaign.id);
    const first = await publishResults(staff.id, campaign.id, "http://localhost:3000");
    // 90 first, 80 second, 70 third, 55 merit (≥ 50); 40 gets nothing. Each pupil is at their own school.
    expect(first).toMatchObject({ awards: 4, schools: 4, queued: 8 });
    const results = await resultsOf(campaign.id);
    expect(results.filter((r) => r.certificateCode).length).toBe(4);
    expect(results.find((r) => r.entryId === ids[2])!.certificateCode).toBeNull();
    const awardMails = await mailsOf("results-award", campaign.id, ids);
    expect(awardMails).toHaveLength(4);
    const winner = awardMails.find((m) => m.idempotencyKey === `results-award/${ids[1]}`)!;
    expect(winner.toAddress).toBe(`g1-${campaign.id}@example.test`);
    const code = results.find((r) => r.entryId === ids[1])!.certificateCode!;
    expect(winner.html).toContain(`/certificates/${code}`);
    expect(winner.text).toContain("一等奖");
    expect(winner.text).toContain("学生1号");
    expect(await mailsOf("results-school", campaign.id, ids)).toHaveLength(4);

    expect(await publishResults(staff.id, campaign.id, "http://localhost:3000")).toMatchObject({ queued: 0, publishedAt: first.publishedAt });
    expect(await mailsOf("results-award", campaign.id, ids)).toHaveLength(4);
  });

  it("a tier changed after publication is marked corrected", async () => {
    const { campaign, staff, ids } = await scored([70, 90]);
    await computeResults(staff.id, campaign.id);
    await publishResults(staff.id, campaign.id, "http://localhost:3000");
    await overrideTier(staff.id, { entryId: ids[0]!, tier: "first", reason: "复核后并列一等奖" });
    const row = (await resultsOf(campaign.id)).find((r) => r.entryId === ids[0]);
    expect(row!.tier).toBe("first");
    expect(row!.correctedAt).not.toBeNull();
  });

  it("escapes what pupils typed in the emails' HTML", async () => {
    const { campaign, staff, ids } = await scored([90]);
    await getDb().update(entries).set({ title: "<b>粗体</b> & 标题" }).where(eq(entries.id, ids[0]!));
    await computeResults(staff.id, campaign.id);
    await publishResults(staff.id, campaign.id, "http://localhost:3000");
    const [mail] = await mailsOf("results-award", campaign.id, ids);
    expect(mail!.html).toContain("&lt;b&gt;粗体&lt;/b&gt; &amp; 标题");
    expect(mail!.html).not.toContain("<b>粗体</b>");
  });

  it("refuses to publish before any result is computed", async () => {
    const { campaign, staff } = await scored([]);
    await expect(publishResults(staff.id, campaign.id, "http://localhost:3000")).rejects.toMatchObject({ message: "results.errors.nothingToPublish" });
  });
});

describe("public results and certificates", () => {
  it("shows nothing before publication, then masked names by tier; a certificate code verifies", async () => {
    const { campaign, staff, ids } = await scored([70, 90]);
    await computeResults(staff.id, campaign.id);
    expect(await getPublicResults(campaign.slug)).toBeNull();
    await publishResults(staff.id, campaign.id, "http://localhost:3000");
    const results = await getPublicResults(campaign.slug);
    expect(results!.categories[0]!.awards.map((a) => [a.name, a.tier])).toEqual([
      ["学**号", "first"],
      ["学**号", "second"],
    ]);
    const [row] = await getDb().select().from(entryResults).where(eq(entryResults.entryId, ids[1]!));
    const certificate = await getCertificate(row!.certificateCode!.toLowerCase());
    expect(certificate).toMatchObject({ tier: "first", pupilName: "学生1号", campaignTitle: campaign.title });
    expect(await getCertificate("NOTACODE00")).toBeNull();
    expect(await getCertificate("../etc")).toBeNull();
  });
});
