import "server-only";
import { and, asc, eq, inArray, isNotNull, lte, or, sql } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import { campaignCategories, campaignEnrolments, campaigns, entries, pupils, submissionExtensions, users } from "@/db/schema";
import { getClassForUser, type ClassView } from "@/lib/classes/queries";
import type { Viewer } from "@/lib/classes/scope";
import { consentConfirmed, consentRequested } from "@/lib/consent/facts";
import { consentSatisfied, consentState } from "@/lib/consent/rules";
import type { Locale } from "@/lib/i18n";
import { submissionWindow, windowState, type SubmissionWindow, type WindowState } from "./window";

/** After its deadline a campaign stays on the class's page this long, so the teacher sees who made it. */
export const RECENTLY_CLOSED_DAYS = 30;

/** A pupil's state in one category, as teachers read it: a disqualified entry is that, whatever it was. */
export type ProgressStatus = "none" | "draft" | "submitted" | "withdrawn" | "disqualified";
export const progressStatuses = ["none", "draft", "submitted", "withdrawn", "disqualified"] as const satisfies readonly ProgressStatus[];

export type PupilProgress = {
  pupilId: string;
  name: string;
  grade: number;
  status: ProgressStatus;
  entryId: number | null;
  code: string | null;
  updatedAt: Date | null;
  /** False while a guardian's consent is still missing: the pupil cannot submit yet. */
  consentOk: boolean;
  /** For reminders, in the language the pupil uses. */
  locale: Locale;
  guardianName: string;
  guardianEmail: string | null;
};

export type CategoryProgress = {
  category: Pick<typeof campaignCategories.$inferSelect, "id" | "name" | "code" | "entryType" | "gradeMin" | "gradeMax">;
  pupils: PupilProgress[];
  counts: Record<ProgressStatus, number>;
};

export type CampaignProgress = {
  campaign: { id: number; slug: string; title: string };
  window: SubmissionWindow;
  windowState: WindowState;
  categories: CategoryProgress[];
  /** Pupils with nothing submitted in the campaign (reminder targets), and how many of their guardians have no email. */
  notSubmitted: number;
  withoutEmail: number;
};

const statusSql = sql<ProgressStatus>`case when ${entries.id} is null then 'none' when ${entries.disqualifiedAt} is not null then 'disqualified' else ${entries.status}::text end`;

/**
 * Every category the class's pupils can enter, of the published campaigns the school is enrolled
 * in that take entries now or closed recently (by the school's own deadline), and each pupil's
 * entry in it. Two queries for the whole class, whatever its size. `cls` must come from
 * getClassForUser, so it is already in the user's scope.
 */
export async function loadClassProgress(
  cls: Pick<ClassView, "id" | "schoolId">,
  opts: { now?: Date; campaignId?: number; db?: DbOrTx } = {},
): Promise<CampaignProgress[]> {
  const db = opts.db ?? getDb();
  const now = opts.now ?? new Date();
  const recent = new Date(now.getTime() - RECENTLY_CLOSED_DAYS * 86_400_000);
  const closesAt = sql`greatest(${campaigns.submissionClosesAt}, coalesce(${submissionExtensions.closesAt}, ${campaigns.submissionClosesAt}))`;
  const slots = await db
    .select({
      category: {
        id: campaignCategories.id,
        name: campaignCategories.name,
        code: campaignCategories.code,
        entryType: campaignCategories.entryType,
        gradeMin: campaignCategories.gradeMin,
        gradeMax: campaignCategories.gradeMax,
      },
      campaign: {
        id: campaigns.id,
        slug: campaigns.slug,
        title: campaigns.title,
        submissionOpensAt: campaigns.submissionOpensAt,
        submissionClosesAt: campaigns.submissionClosesAt,
      },
      extensionClosesAt: submissionExtensions.closesAt,
    })
    .from(campaignCategories)
    .innerJoin(campaigns, eq(campaigns.id, campaignCategories.campaignId))
    .innerJoin(campaignEnrolments, and(eq(campaignEnrolments.campaignId, campaigns.id), eq(campaignEnrolments.schoolId, cls.schoolId)))
    .leftJoin(submissionExtensions, and(eq(submissionExtensions.campaignId, campaigns.id), eq(submissionExtensions.schoolId, cls.schoolId)))
    .where(
      and(
        eq(campaigns.status, "published"),
        opts.campaignId === undefined ? undefined : eq(campaigns.id, opts.campaignId),
        lte(campaigns.submissionOpensAt, now),
        // As text: postgres.js cannot send a Date given in a raw sql fragment (PGlite can).
        sql`${closesAt} > ${recent.toISOString()}::timestamptz`,
        // Only categories someone in the class can enter (or has an entry in).
        sql`(exists (select 1 from ${pupils} where ${pupils.classId} = ${cls.id} and ${pupils.status} = 'active'
          and ${pupils.grade} between ${campaignCategories.gradeMin} and ${campaignCategories.gradeMax})
          or exists (select 1 from ${entries} inner join ${pupils} on ${pupils.userId} = ${entries.pupilId}
          where ${entries.categoryId} = ${campaignCategories.id} and ${pupils.classId} = ${cls.id} and ${pupils.status} = 'active'))`,
      ),
    )
    .orderBy(asc(campaigns.submissionClosesAt), asc(campaigns.id), asc(campaignCategories.sortOrder), asc(campaignCategories.id));
  if (slots.length === 0) return [];

  const rows = await db
    .select({
      pupilId: pupils.userId,
      name: users.name,
      grade: pupils.grade,
      birthYear: pupils.birthYear,
      locale: users.locale,
      guardianName: pupils.guardianName,
      guardianEmail: pupils.guardianEmail,
      confirmed: consentConfirmed(pupils.userId),
      requested: consentRequested(pupils.userId),
      categoryId: campaignCategories.id,
      status: statusSql,
      entryId: entries.id,
      code: entries.code,
      updatedAt: entries.updatedAt,
    })
    .from(pupils)
    .innerJoin(users, eq(users.id, pupils.userId))
    .innerJoin(campaignCategories, inArray(campaignCategories.id, slots.map((s) => s.category.id)))
    .leftJoin(entries, and(eq(entries.pupilId, pupils.userId), eq(entries.categoryId, campaignCategories.id)))
    .where(
      and(
        eq(pupils.classId, cls.id),
        eq(pupils.status, "active"),
        or(sql`${pupils.grade} between ${campaignCategories.gradeMin} and ${campaignCategories.gradeMax}`, isNotNull(entries.id)),
      ),
    )
    .orderBy(asc(users.name), asc(pupils.userId));

  const byCategory = new Map<number, PupilProgress[]>();
  for (const r of rows) {
    const list = byCategory.get(r.categoryId) ?? [];
    list.push({
      pupilId: r.pupilId,
      name: r.name ?? "",
      grade: r.grade,
      status: r.status,
      entryId: r.entryId,
      code: r.code,
      updatedAt: r.updatedAt,
      consentOk: consentSatisfied(consentState(r, r, now)),
      locale: r.locale,
      guardianName: r.guardianName,
      guardianEmail: r.guardianEmail,
    });
    byCategory.set(r.categoryId, list);
  }

  const out = new Map<number, CampaignProgress>();
  for (const s of slots) {
    let c = out.get(s.campaign.id);
    if (!c) {
      const window = submissionWindow(s.campaign, s.extensionClosesAt);
      c = { campaign: { id: s.campaign.id, slug: s.campaign.slug, title: s.campaign.title }, window, windowState: windowState(window, now), categories: [], notSubmitted: 0, withoutEmail: 0 };
      out.set(s.campaign.id, c);
    }
    const list = byCategory.get(s.category.id) ?? [];
    const counts = Object.fromEntries(progressStatuses.map((k) => [k, 0])) as Record<ProgressStatus, number>;
    for (const p of list) counts[p.status]++;
    c.categories.push({ category: s.category, pupils: list, counts });
  }
  for (const c of out.values()) {
    const targets = reminderTargets(c);
    c.notSubmitted = targets.length;
    c.withoutEmail = targets.filter((p) => !p.guardianEmail).length;
  }
  return [...out.values()];
}

export type ReminderTarget = Pick<PupilProgress, "pupilId" | "name" | "grade" | "consentOk" | "locale" | "guardianName" | "guardianEmail"> & {
  /** The categories the pupil could still enter, with where they are in each. */
  open: { category: CategoryProgress["category"]; status: Exclude<ProgressStatus, "submitted" | "disqualified"> }[];
};

/**
 * Who a reminder is for: pupils with nothing submitted in the campaign, in any category they can
 * enter (each not started, a draft, or withdrawn). A disqualified entry counts as taking part:
 * there is nothing left for that pupil to do.
 */
export function reminderTargets(c: Pick<CampaignProgress, "categories">): ReminderTarget[] {
  const byPupil = new Map<string, ReminderTarget>();
  const done = new Set<string>();
  for (const { category, pupils: list } of c.categories) {
    for (const p of list) {
      const t = byPupil.get(p.pupilId) ?? {
        pupilId: p.pupilId,
        name: p.name,
        grade: p.grade,
        consentOk: p.consentOk,
        locale: p.locale,
        guardianName: p.guardianName,
        guardianEmail: p.guardianEmail,
        open: [],
      };
      if (p.status === "submitted" || p.status === "disqualified") done.add(p.pupilId);
      else t.open.push({ category, status: p.status });
      byPupil.set(p.pupilId, t);
    }
  }
  return [...byPupil.values()].filter((p) => !done.has(p.pupilId));
}

/** The class entries page: null when the class is not the user's (which looks the same as not found). */
export async function getClassEntryProgress(user: Viewer, classId: number, now = new Date()) {
  const cls = await getClassForUser(user, classId, "view");
  if (!cls) return null;
  return { cls, campaigns: await loadClassProgress(cls, { now }) };
}
