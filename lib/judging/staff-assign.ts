import "server-only";
import { and, asc, eq, ilike, inArray, isNull, isNotNull, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { assignments, auditLog, campaignCategories, entries, judgingSettings, schools, users } from "@/db/schema";
import { applyAssignments, getJudgingSettings, loadJudges } from "./assignments";
import { blindSafe } from "./blind-safe";

// The staff's assignment screen: settings applied with the assignment run, progress per
// category, and one entry's judges looked up by its code for a move by hand.

/**
 * Saves the disagreement share and runs the assignment with K judges per entry. With nothing
 * left to assign it only saves the settings.
 */
export async function applyAssignmentSettings(actorId: string, input: { campaignId: number; judgesPerEntry: number; disagreementPercent: number }) {
  const db = getDb();
  const settings = await getJudgingSettings(input.campaignId, db);
  const share = input.disagreementPercent / 100;
  if (settings.disagreementShare !== share) {
    await db.transaction(async (tx) => {
      await tx.update(judgingSettings).set({ disagreementShare: share }).where(eq(judgingSettings.campaignId, input.campaignId));
      await tx.insert(auditLog).values({ actorId, action: "judging:settings", entity: "campaign", entityId: String(input.campaignId), data: { disagreementShare: share } });
    });
  }
  return applyAssignments(actorId, input.campaignId, input.judgesPerEntry);
}

export type CategoryProgress = {
  id: number;
  code: string;
  name: string;
  /** Entries taking part in judging (submitted, not disqualified, nothing identifying left in them). */
  entries: number;
  /** Submitted entries held back until staff deal with personal details found in them. */
  held: number;
  /** Of those, entries with fewer judges than K. */
  short: number;
  assignments: number;
  submitted: number;
  /** Entries whose every judge has submitted. */
  scored: number;
};

export async function categoryProgress(campaignId: number): Promise<{ judgesPerEntry: number; categories: CategoryProgress[] }> {
  const db = getDb();
  const { judgesPerEntry } = await getJudgingSettings(campaignId, db);
  const perEntry = db
    .select({
      entryId: assignments.entryId,
      n: sql<number>`count(*)::int`.as("n"),
      s: sql<number>`(count(*) filter (where ${assignments.scoreStatus} = 'submitted'))::int`.as("s"),
    })
    .from(assignments)
    .where(and(eq(assignments.campaignId, campaignId), eq(assignments.status, "assigned")))
    .groupBy(assignments.entryId)
    .as("per_entry");
  const [categories, rows] = await Promise.all([
    db
      .select({ id: campaignCategories.id, code: campaignCategories.code, name: campaignCategories.name })
      .from(campaignCategories)
      .where(eq(campaignCategories.campaignId, campaignId))
      .orderBy(asc(campaignCategories.sortOrder), asc(campaignCategories.id)),
    db
      .select({
        categoryId: entries.categoryId,
        // The same entries the assignment takes (lib/judging/assignments.ts); flagged ones wait.
        entries: sql<number>`(count(*) filter (where ${blindSafe}))::int`,
        held: sql<number>`(count(*) filter (where not ${blindSafe}))::int`,
        short: sql<number>`(count(*) filter (where ${blindSafe} and coalesce(${perEntry.n}, 0) < ${judgesPerEntry}))::int`,
        assignments: sql<number>`coalesce(sum(${perEntry.n}), 0)::int`,
        submitted: sql<number>`coalesce(sum(${perEntry.s}), 0)::int`,
        scored: sql<number>`(count(*) filter (where ${perEntry.n} > 0 and ${perEntry.s} = ${perEntry.n}))::int`,
      })
      .from(entries)
      .leftJoin(perEntry, eq(perEntry.entryId, entries.id))
      .where(and(eq(entries.campaignId, campaignId), eq(entries.status, "submitted"), isNull(entries.disqualifiedAt)))
      .groupBy(entries.categoryId),
  ]);
  const byCategory = new Map(rows.map((r) => [r.categoryId, r]));
  return {
    judgesPerEntry,
    categories: categories.map((c) => {
      const r = byCategory.get(c.id);
      return { ...c, entries: r?.entries ?? 0, held: r?.held ?? 0, short: r?.short ?? 0, assignments: r?.assignments ?? 0, submitted: r?.submitted ?? 0, scored: r?.scored ?? 0 };
    }),
  };
}

export const ENTRY_SEARCH_LIMIT = 5;

/**
 * Entries of the campaign whose code contains `query` (a few at most), each with its judges, and
 * the panel with each judge's conflicts, so the move form can mark who may not take an entry.
 */
export async function findEntryAssignments(campaignId: number, query: string) {
  const q = query.trim().replace(/[\\%_]/g, (c) => `\\${c}`);
  if (q.length < 2) return null;
  const db = getDb();
  const found = await db
    .select({
      id: entries.id,
      code: entries.code,
      title: entries.title,
      schoolId: entries.schoolId,
      schoolName: schools.name,
      categoryName: campaignCategories.name,
      disqualified: sql<boolean>`${entries.disqualifiedAt} is not null`,
      held: sql<boolean>`not ${blindSafe}`,
    })
    .from(entries)
    .innerJoin(schools, eq(schools.id, entries.schoolId))
    .innerJoin(campaignCategories, eq(campaignCategories.id, entries.categoryId))
    .where(and(eq(entries.campaignId, campaignId), isNotNull(entries.code), ilike(entries.code, `%${q}%`)))
    .orderBy(asc(entries.code))
    .limit(ENTRY_SEARCH_LIMIT);
  const [rows, judges] = await Promise.all([
    found.length
      ? db
          .select({
            id: assignments.id,
            entryId: assignments.entryId,
            judgeId: assignments.judgeId,
            judgeName: users.name,
            judgeEmail: users.email,
            status: assignments.status,
            scoreStatus: assignments.scoreStatus,
            round: assignments.round,
            recuseReason: assignments.recuseReason,
          })
          .from(assignments)
          .innerJoin(users, eq(users.id, assignments.judgeId))
          .where(
            inArray(
              assignments.entryId,
              found.map((e) => e.id),
            ),
          )
          .orderBy(asc(assignments.round), asc(assignments.id))
      : Promise.resolve([]),
    loadJudges(campaignId, db),
  ]);
  return {
    entries: found.map((e) => ({ ...e, assignments: rows.filter((a) => a.entryId === e.id) })),
    judges: judges.map((j) => ({ id: j.id, name: j.name, email: j.email, conflicts: [...j.conflicts] })).sort((a, b) => (a.name ?? "").localeCompare(b.name ?? "", "zh-CN")),
  };
}
