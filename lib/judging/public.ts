import "server-only";
import { and, asc, eq, isNotNull, ne, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { campaignCategories, campaigns, classes, entries, entryResults, judgingSettings, schools, users } from "@/db/schema";
import { maskName } from "./mask";
import type { Tier } from "./results";

const tierOrder = sql`case ${entryResults.tier} when 'first' then 1 when 'second' then 2 when 'third' then 3 when 'merit' then 4 else 5 end`;

/**
 * A published campaign's awards for the public page, category by category and tier by tier:
 * the pupil's name masked (unless the campaign shows names in full), school and award. Null
 * while the campaign or its results are not published.
 */
export async function getPublicResults(slug: string) {
  const db = getDb();
  const [campaign] = await db
    .select({ id: campaigns.id, slug: campaigns.slug, title: campaigns.title, year: campaigns.year, maskNames: campaigns.maskNames, publishedAt: judgingSettings.publishedAt })
    .from(campaigns)
    .innerJoin(judgingSettings, eq(judgingSettings.campaignId, campaigns.id))
    // An archived campaign keeps its published results.
    .where(and(eq(campaigns.slug, slug), ne(campaigns.status, "draft"), isNotNull(judgingSettings.publishedAt)))
    .limit(1);
  if (!campaign) return null;
  const rows = await db
    .select({
      categoryId: campaignCategories.id,
      categoryName: campaignCategories.name,
      name: users.name,
      schoolName: schools.name,
      title: entries.title,
      tier: entryResults.tier,
      corrected: sql<boolean>`${entryResults.correctedAt} is not null`,
    })
    .from(entryResults)
    .innerJoin(entries, eq(entries.id, entryResults.entryId))
    .innerJoin(users, eq(users.id, entries.pupilId))
    .innerJoin(schools, eq(schools.id, entries.schoolId))
    .innerJoin(campaignCategories, eq(campaignCategories.id, entryResults.categoryId))
    .where(and(eq(entryResults.campaignId, campaign.id), ne(entryResults.tier, "none")))
    .orderBy(asc(campaignCategories.sortOrder), asc(campaignCategories.id), tierOrder, asc(entryResults.rank));
  const categories = new Map<number, { id: number; name: string; awards: { name: string; schoolName: string; title: string; tier: Tier; corrected: boolean }[] }>();
  for (const r of rows) {
    const c = categories.get(r.categoryId) ?? { id: r.categoryId, name: r.categoryName, awards: [] };
    categories.set(r.categoryId, c);
    c.awards.push({ name: campaign.maskNames ? maskName(r.name ?? "") : (r.name ?? ""), schoolName: r.schoolName, title: r.title, tier: r.tier, corrected: r.corrected });
  }
  return { campaign, categories: [...categories.values()] };
}

const certificateFields = {
  code: entryResults.certificateCode,
  tier: entryResults.tier,
  corrected: sql<boolean>`${entryResults.correctedAt} is not null`,
  pupilName: users.name,
  schoolName: schools.name,
  className: classes.name,
  classGrade: classes.grade,
  entryCode: entries.code,
  entryTitle: entries.title,
  categoryName: campaignCategories.name,
  campaignTitle: campaigns.title,
  campaignSlug: campaigns.slug,
  maskNames: campaigns.maskNames,
  publishedAt: judgingSettings.publishedAt,
};

function certificates() {
  return getDb()
    .select(certificateFields)
    .from(entryResults)
    .innerJoin(entries, eq(entries.id, entryResults.entryId))
    .innerJoin(users, eq(users.id, entries.pupilId))
    .innerJoin(schools, eq(schools.id, entries.schoolId))
    .leftJoin(classes, eq(classes.id, entries.classId))
    .innerJoin(campaignCategories, eq(campaignCategories.id, entryResults.categoryId))
    .innerJoin(campaigns, eq(campaigns.id, entryResults.campaignId))
    .innerJoin(judgingSettings, eq(judgingSettings.campaignId, campaigns.id))
    .$dynamic();
}
export type Certificate = Awaited<ReturnType<typeof getCertificate>>;

/**
 * A certificate by its code, for /certificates/<code>: anyone may check that it is real. Only
 * published results with an award have one; a code that was never issued finds nothing.
 */
export async function getCertificate(code: string) {
  if (!/^[A-Z0-9]{6,16}$/i.test(code)) return null;
  const [row] = await certificates()
    .where(and(eq(entryResults.certificateCode, code.toUpperCase()), ne(entryResults.tier, "none"), isNotNull(judgingSettings.publishedAt)))
    .limit(1);
  return row ?? null;
}

/** All certificates of one school in one campaign, for printing in one go (the caller checks the school is theirs). */
export async function listSchoolCertificates(schoolId: number, campaignId: number) {
  return certificates()
    .where(and(eq(entries.schoolId, schoolId), eq(entryResults.campaignId, campaignId), ne(entryResults.tier, "none"), isNotNull(judgingSettings.publishedAt), isNotNull(entryResults.certificateCode)))
    .orderBy(asc(campaignCategories.sortOrder), tierOrder, asc(entryResults.rank));
}
