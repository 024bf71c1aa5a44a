import "server-only";
import { and, asc, desc, eq, sql } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import { campaignCategories, campaignEnrolments, campaigns, classes, entries, pupils, schools, submissionExtensions, users } from "@/db/schema";
import { can } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { classScope } from "@/lib/classes/scope";
import { consentConfirmed, consentRequested } from "@/lib/consent/facts";
import { consentSatisfied, consentState } from "@/lib/consent/rules";
import { submissionWindow, windowState } from "./window";

export type Writer = Pick<SessionUser, "id" | "roles" | "schoolId">;

/**
 * Whose entries a user may write (rule 2): a pupil their own, a teacher or coordinator the pupils
 * of the classes they manage. Anyone else, or anyone else's pupil, finds nothing.
 */
function writerScope(user: Writer, pupilId: string) {
  if (can(user, "entries.submit") && user.id === pupilId) return eq(pupils.userId, pupilId);
  if (can(user, "entries.submit_for_pupils")) return and(eq(pupils.userId, pupilId), classScope(user, "manage"));
  return sql`false`;
}

const pupilFields = {
  pupilId: pupils.userId,
  pupilName: users.name,
  pupilLocale: users.locale,
  grade: pupils.grade,
  birthYear: pupils.birthYear,
  pupilStatus: pupils.status,
  guardianName: pupils.guardianName,
  guardianEmail: pupils.guardianEmail,
  classId: classes.id,
  className: classes.name,
  classGrade: classes.grade,
  teacherId: classes.teacherId,
  schoolId: schools.id,
  schoolName: schools.name,
  consentConfirmed: consentConfirmed(pupils.userId),
  consentRequested: consentRequested(pupils.userId),
};

/** The pupil, scoped to the writer: null when not theirs (which looks the same as not found). */
export async function getPupilForWriter(user: Writer, pupilId: string, db: DbOrTx = getDb()) {
  const [row] = await db
    .select(pupilFields)
    .from(pupils)
    .innerJoin(users, eq(users.id, pupils.userId))
    .innerJoin(classes, eq(classes.id, pupils.classId))
    .innerJoin(schools, eq(schools.id, classes.schoolId))
    .where(writerScope(user, pupilId))
    .limit(1);
  if (!row) return null;
  return { ...row, consent: consentState(row, { confirmed: row.consentConfirmed, requested: row.consentRequested }) };
}
export type EntryPupil = NonNullable<Awaited<ReturnType<typeof getPupilForWriter>>>;

export type Blocker = "pupil_pending" | "not_enrolled" | "grade" | "consent" | "not_open" | "closed" | "disqualified";

/**
 * The category with its campaign, the school's deadline and the pupil's entry, and what (if
 * anything) stops the pupil from changing that entry now. Only published campaigns.
 */
export async function getEntrySlot(pupil: EntryPupil, categoryId: number, opts: { db?: DbOrTx; now?: Date; lock?: boolean } = {}) {
  const db = opts.db ?? getDb();
  const now = opts.now ?? new Date();
  const [slot] = await db
    .select({
      category: campaignCategories,
      campaign: {
        id: campaigns.id,
        slug: campaigns.slug,
        title: campaigns.title,
        year: campaigns.year,
        codePrefix: campaigns.codePrefix,
        submissionOpensAt: campaigns.submissionOpensAt,
        submissionClosesAt: campaigns.submissionClosesAt,
      },
      enrolled: sql<boolean>`${campaignEnrolments.id} is not null`,
      extensionClosesAt: submissionExtensions.closesAt,
    })
    .from(campaignCategories)
    .innerJoin(campaigns, eq(campaigns.id, campaignCategories.campaignId))
    .leftJoin(campaignEnrolments, and(eq(campaignEnrolments.campaignId, campaigns.id), eq(campaignEnrolments.schoolId, pupil.schoolId)))
    .leftJoin(submissionExtensions, and(eq(submissionExtensions.campaignId, campaigns.id), eq(submissionExtensions.schoolId, pupil.schoolId)))
    .where(and(eq(campaignCategories.id, categoryId), eq(campaigns.status, "published")))
    .limit(1);
  if (!slot) return null;
  const entryQuery = db
    .select()
    .from(entries)
    .where(and(eq(entries.pupilId, pupil.pupilId), eq(entries.categoryId, categoryId)))
    .limit(1);
  const [entry] = opts.lock ? await entryQuery.for("update") : await entryQuery;
  const window = submissionWindow(slot.campaign, slot.extensionClosesAt);
  const state = windowState(window, now);
  let blocker: Blocker | null = null;
  if (entry?.disqualifiedAt) blocker = "disqualified";
  else if (pupil.pupilStatus !== "active") blocker = "pupil_pending";
  else if (!slot.enrolled) blocker = "not_enrolled";
  else if (pupil.grade < slot.category.gradeMin || pupil.grade > slot.category.gradeMax) blocker = "grade";
  else if (!consentSatisfied(pupil.consent)) blocker = "consent";
  else if (state !== "open") blocker = state;
  return { ...slot, entry: entry ?? null, window, blocker };
}
export type EntrySlot = NonNullable<Awaited<ReturnType<typeof getEntrySlot>>>;

/**
 * Every category of the published campaigns taking entries from this pupil's grade (open now or
 * soon), each with the pupil's entry if any: the pupil's "my entries" page and the teacher's view
 * of one pupil.
 */
export async function listEntrySlots(pupil: EntryPupil, now = new Date()) {
  const rows = await getDb()
    .select({
      category: campaignCategories,
      campaign: { id: campaigns.id, slug: campaigns.slug, title: campaigns.title, submissionOpensAt: campaigns.submissionOpensAt, submissionClosesAt: campaigns.submissionClosesAt },
      extensionClosesAt: submissionExtensions.closesAt,
      entry: {
        id: entries.id,
        status: entries.status,
        code: entries.code,
        title: entries.title,
        submittedAt: entries.submittedAt,
        updatedAt: entries.updatedAt,
        disqualifiedAt: entries.disqualifiedAt,
      },
    })
    .from(campaignCategories)
    .innerJoin(campaigns, eq(campaigns.id, campaignCategories.campaignId))
    .leftJoin(submissionExtensions, and(eq(submissionExtensions.campaignId, campaigns.id), eq(submissionExtensions.schoolId, pupil.schoolId)))
    .leftJoin(entries, and(eq(entries.categoryId, campaignCategories.id), eq(entries.pupilId, pupil.pupilId)))
    .where(
      and(
        eq(campaigns.status, "published"),
        sql`(${entries.id} is not null or (${pupil.grade} between ${campaignCategories.gradeMin} and ${campaignCategories.gradeMax}
          and greatest(${campaigns.submissionClosesAt}, coalesce(${submissionExtensions.closesAt}, ${campaigns.submissionClosesAt})) > ${now.toISOString()}::timestamptz))`,
      ),
    )
    .orderBy(desc(campaigns.submissionClosesAt), asc(campaignCategories.sortOrder), asc(campaignCategories.id));
  return rows.map((r) => {
    const window = submissionWindow(r.campaign, r.extensionClosesAt);
    return { ...r, entry: r.entry?.id ? r.entry : null, window, windowState: windowState(window, now) };
  });
}
