import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import { getDb } from "@/db/client";
import { campaignEnrolments, campaigns, classes, pupils } from "@/db/schema";
import { listCampaignsOpenForEnrolment, listCategories } from "@/lib/campaigns/queries";
import { consentConfirmed } from "@/lib/consent/facts";
import { consentSatisfied, consentState } from "@/lib/consent/rules";

export type CategoryCount = { eligible: number; ready: number };

/**
 * For a school's coordinator: campaigns open for enrolment (and whether the school is in), and
 * for each campaign the school is in, per class and category, how many pupils are in the
 * category's grades and how many of them may take part as far as consent goes.
 */
export async function getEnrolmentOverview(schoolId: number, now = new Date()) {
  const db = getDb();
  const [open, enrolments] = await Promise.all([
    listCampaignsOpenForEnrolment(now),
    db
      .select({ campaignId: campaignEnrolments.campaignId, enrolledAt: campaignEnrolments.createdAt })
      .from(campaignEnrolments)
      .where(eq(campaignEnrolments.schoolId, schoolId)),
  ]);
  const enrolledIds = enrolments.map((e) => e.campaignId);
  const [enrolledCampaigns, categories, classRows, pupilRows] = await Promise.all([
    enrolledIds.length
      ? db
          .select()
          .from(campaigns)
          .where(and(inArray(campaigns.id, enrolledIds), eq(campaigns.status, "published")))
          .orderBy(asc(campaigns.submissionClosesAt))
      : Promise.resolve([]),
    listCategories(enrolledIds),
    db.select({ id: classes.id, grade: classes.grade, name: classes.name }).from(classes).where(eq(classes.schoolId, schoolId)).orderBy(asc(classes.grade), asc(classes.name)),
    db
      .select({ classId: pupils.classId, grade: pupils.grade, birthYear: pupils.birthYear, confirmed: consentConfirmed(pupils.userId) })
      .from(pupils)
      .innerJoin(classes, eq(classes.id, pupils.classId))
      .where(and(eq(classes.schoolId, schoolId), eq(pupils.status, "active"))),
  ]);

  const ready = pupilRows.map((p) => ({ ...p, ready: consentSatisfied(consentState(p, { confirmed: p.confirmed, requested: false }, now)) }));
  const enrolled = enrolledCampaigns.map((campaign) => {
    const cats = categories.filter((c) => c.campaignId === campaign.id);
    const rows = classRows.map((cls) => {
      const inClass = ready.filter((p) => p.classId === cls.id);
      const counts = cats.map((cat): CategoryCount => {
        const eligible = inClass.filter((p) => p.grade >= cat.gradeMin && p.grade <= cat.gradeMax);
        return { eligible: eligible.length, ready: eligible.filter((p) => p.ready).length };
      });
      return { ...cls, counts };
    });
    // A class with nobody in the campaign's grades only adds noise.
    return { campaign, categories: cats, rows: rows.filter((r) => r.counts.some((c) => c.eligible > 0)) };
  });
  const enrolledSet = new Set(enrolledIds);
  return { open: open.map((c) => ({ ...c, enrolled: enrolledSet.has(c.id) })), enrolled };
}
