import "server-only";
import { and, asc, desc, eq, isNotNull, ne } from "drizzle-orm";
import { getDb } from "@/db/client";
import { campaigns, entries, entryResults, judgingSettings } from "@/db/schema";
import { can } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";

// Who may hold a certificate with the pupil's full name, and what a school can print. Checking a
// certificate is public (lib/judging/public.ts); printing it with the name in full is not.

export type CertificateViewer = Pick<SessionUser, "id" | "roles" | "schoolId">;

/**
 * Whether `user` may print the certificate with this code: the pupil it was awarded to, a
 * teacher or the coordinator of the pupil's school, or library staff. Anyone else — and a code
 * that was never issued — gets false: "not yours" and "not found" look alike.
 */
export async function mayPrintCertificate(user: CertificateViewer | null, code: string): Promise<boolean> {
  if (!user || !/^[A-Z0-9]{6,16}$/i.test(code)) return false;
  const [row] = await getDb()
    .select({ pupilId: entries.pupilId, schoolId: entries.schoolId })
    .from(entryResults)
    .innerJoin(entries, eq(entries.id, entryResults.entryId))
    .where(eq(entryResults.certificateCode, code.toUpperCase()))
    .limit(1);
  if (!row) return false;
  if (can(user, "judging.manage") || row.pupilId === user.id) return true;
  return user.schoolId === row.schoolId && (user.roles.includes("teacher") || user.roles.includes("coordinator"));
}

/** Campaigns in which the school has published certificates, newest first: the school's print menu. */
export async function listCertificateCampaigns(schoolId: number) {
  return getDb()
    .selectDistinct({ id: campaigns.id, title: campaigns.title, year: campaigns.year, publishedAt: judgingSettings.publishedAt })
    .from(entryResults)
    .innerJoin(entries, eq(entries.id, entryResults.entryId))
    .innerJoin(campaigns, eq(campaigns.id, entryResults.campaignId))
    .innerJoin(judgingSettings, eq(judgingSettings.campaignId, campaigns.id))
    .where(and(eq(entries.schoolId, schoolId), ne(entryResults.tier, "none"), isNotNull(entryResults.certificateCode), isNotNull(judgingSettings.publishedAt)))
    .orderBy(desc(campaigns.year), desc(judgingSettings.publishedAt), asc(campaigns.id));
}

/** When the campaign's results were published, or null while they are not public. */
export async function resultsPublishedAt(campaignId: number): Promise<Date | null> {
  const [row] = await getDb().select({ at: judgingSettings.publishedAt }).from(judgingSettings).where(eq(judgingSettings.campaignId, campaignId)).limit(1);
  return row?.at ?? null;
}
