import "server-only";
import { and, eq, gte, lte, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { campaignEnrolments, campaigns, schools } from "@/db/schema";
import type { SessionUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { sendEnrolmentConfirmedMail } from "./emails";

/**
 * Enrols the coordinator's school in a campaign whose registration is open, and queues the
 * confirmation email in the same transaction. Enrolling twice changes nothing and mails once.
 */
export async function enrolSchool(
  user: Pick<SessionUser, "id" | "name" | "email" | "schoolId" | "locale">,
  campaignId: number,
  opts: { origin: string },
): Promise<{ created: boolean; title: string }> {
  if (user.schoolId === null) throw new AppError("forbidden", undefined, "enrolment.noSchool");
  const schoolId = user.schoolId;
  return getDb().transaction(async (tx) => {
    const [school] = await tx.select({ name: schools.name, status: schools.status }).from(schools).where(eq(schools.id, schoolId)).limit(1);
    if (!school) throw new AppError("forbidden", undefined, "enrolment.noSchool");
    if (school.status !== "approved") throw new AppError("invalid", undefined, "enrolment.schoolNotApproved");
    const [campaign] = await tx
      .select({ id: campaigns.id, title: campaigns.title, submissionClosesAt: campaigns.submissionClosesAt })
      .from(campaigns)
      .where(
        and(
          eq(campaigns.id, campaignId),
          eq(campaigns.status, "published"),
          lte(campaigns.registrationOpensAt, sql`now()`),
          gte(campaigns.registrationClosesAt, sql`now()`),
        ),
      )
      .limit(1);
    if (!campaign) throw new AppError("invalid", undefined, "enrolment.closed");
    const [row] = await tx
      .insert(campaignEnrolments)
      .values({ campaignId: campaign.id, schoolId, enrolledBy: user.id })
      .onConflictDoNothing()
      .returning({ id: campaignEnrolments.id });
    if (!row) return { created: false, title: campaign.title };
    if (user.email) {
      await sendEnrolmentConfirmedMail(tx, {
        enrolmentId: row.id,
        to: user.email,
        locale: user.locale,
        coordinatorName: user.name ?? "",
        schoolName: school.name,
        campaignTitle: campaign.title,
        submissionClosesAt: campaign.submissionClosesAt,
        url: `${opts.origin}/school/campaigns`,
      });
    }
    return { created: true, title: campaign.title };
  });
}
