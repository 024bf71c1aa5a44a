import "server-only";
import { and, asc, count, desc, eq, gt, gte, inArray, lte, ne } from "drizzle-orm";
import { getDb } from "@/db/client";
import { campaignBooks, campaignCategories, campaignEnrolments, campaigns } from "@/db/schema";

export type Campaign = typeof campaigns.$inferSelect;
export type CampaignCategory = typeof campaignCategories.$inferSelect;

export const campaignPhases = ["upcoming", "registration", "submission", "judging", "results"] as const;
export type CampaignPhase = (typeof campaignPhases)[number] | "between";

/** Where a campaign's timeline stands at `now`. */
export function campaignPhase(c: Pick<Campaign, "registrationOpensAt" | "submissionOpensAt" | "submissionClosesAt" | "judgingEndsAt" | "resultsAt" | "registrationClosesAt">, now = new Date()): CampaignPhase {
  if (now < c.registrationOpensAt) return "upcoming";
  if (now >= c.resultsAt) return "results";
  if (now >= c.submissionClosesAt) return "judging";
  if (now >= c.submissionOpensAt) return "submission";
  if (now < c.registrationClosesAt) return "registration";
  return "between";
}

/** Published and archived campaigns for the public list, newest first. Drafts never show. */
export async function listPublicCampaigns() {
  return getDb()
    .select()
    .from(campaigns)
    .where(ne(campaigns.status, "draft"))
    .orderBy(desc(campaigns.year), desc(campaigns.submissionClosesAt));
}

async function withDetails(campaign: Campaign | undefined) {
  if (!campaign) return null;
  const db = getDb();
  const [categories, books] = await Promise.all([
    db.select().from(campaignCategories).where(eq(campaignCategories.campaignId, campaign.id)).orderBy(asc(campaignCategories.sortOrder), asc(campaignCategories.id)),
    db.select().from(campaignBooks).where(eq(campaignBooks.campaignId, campaign.id)).orderBy(asc(campaignBooks.sortOrder), asc(campaignBooks.id)),
  ]);
  return { campaign, categories, books };
}

/** A public campaign with its categories and books, or null (drafts are not found). */
export async function getPublicCampaign(slug: string) {
  const [campaign] = await getDb()
    .select()
    .from(campaigns)
    .where(and(eq(campaigns.slug, slug), ne(campaigns.status, "draft")))
    .limit(1);
  return withDetails(campaign);
}

/** Published campaigns still open to entries (submission not closed) with a category for `grade`. */
export async function listOpenCampaignsForGrade(grade: number, now = new Date()) {
  return getDb()
    .selectDistinct({
      id: campaigns.id,
      slug: campaigns.slug,
      title: campaigns.title,
      theme: campaigns.theme,
      submissionOpensAt: campaigns.submissionOpensAt,
      submissionClosesAt: campaigns.submissionClosesAt,
    })
    .from(campaigns)
    .innerJoin(campaignCategories, eq(campaignCategories.campaignId, campaigns.id))
    .where(
      and(
        eq(campaigns.status, "published"),
        // Closed at the deadline itself, as campaignPhase says.
        gt(campaigns.submissionClosesAt, now),
        lte(campaignCategories.gradeMin, grade),
        gte(campaignCategories.gradeMax, grade),
      ),
    )
    .orderBy(asc(campaigns.submissionClosesAt));
}

export async function listCategories(campaignIds: number[]) {
  if (campaignIds.length === 0) return [];
  return getDb()
    .select()
    .from(campaignCategories)
    .where(inArray(campaignCategories.campaignId, campaignIds))
    .orderBy(asc(campaignCategories.sortOrder), asc(campaignCategories.id));
}

/** Published campaigns whose registration is open now: the ones a school may enrol in. */
export async function listCampaignsOpenForEnrolment(now = new Date()) {
  return getDb()
    .select()
    .from(campaigns)
    .where(and(eq(campaigns.status, "published"), lte(campaigns.registrationOpensAt, now), gte(campaigns.registrationClosesAt, now)))
    .orderBy(asc(campaigns.registrationClosesAt));
}

export async function countEnrolledSchools(campaignId: number) {
  const [row] = await getDb().select({ n: count() }).from(campaignEnrolments).where(eq(campaignEnrolments.campaignId, campaignId));
  return row?.n ?? 0;
}

/** Every campaign, drafts included, for staff. */
export async function listAllCampaigns() {
  return getDb().select().from(campaigns).orderBy(desc(campaigns.year), desc(campaigns.createdAt));
}

export async function getCampaignForStaff(id: number) {
  const [campaign] = await getDb().select().from(campaigns).where(eq(campaigns.id, id)).limit(1);
  return withDetails(campaign);
}
