import "server-only";
import { and, asc, between, eq, lte, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { assignments, campaignCategories, entries, entryResults, schools, users } from "@/db/schema";
import { getJudgingSettings } from "./assignments";
import { tierRuleFor } from "./compute";
import type { Tier, TierRule } from "./results";

// The staff's results screen: where each category stands, and its ranked entries with what put
// them there. Staff see pupils' names here; judges appear only as numbers.

export type CategoryStanding = {
  id: number;
  code: string;
  name: string;
  rule: TierRule;
  ranked: number;
  /** Awards after staff moves; `computed` as the rule gave them. */
  tiers: Record<Tier, number>;
  computed: Record<Tier, number>;
  moved: number;
  corrected: number;
};

const noTiers = (): Record<Tier, number> => ({ first: 0, second: 0, third: 0, merit: 0, none: 0 });

/** The campaign's settings and, per category, how many entries are ranked and awarded. */
export async function getResultsOverview(campaignId: number) {
  const db = getDb();
  const settings = await getJudgingSettings(campaignId, db);
  const [categories, counts, [last]] = await Promise.all([
    db
      .select({ id: campaignCategories.id, code: campaignCategories.code, name: campaignCategories.name })
      .from(campaignCategories)
      .where(eq(campaignCategories.campaignId, campaignId))
      .orderBy(asc(campaignCategories.sortOrder), asc(campaignCategories.id)),
    db
      .select({
        categoryId: entryResults.categoryId,
        tier: entryResults.tier,
        computedTier: entryResults.computedTier,
        n: sql<number>`count(*)::int`,
        moved: sql<number>`(count(*) filter (where ${entryResults.overrideReason} is not null))::int`,
        corrected: sql<number>`(count(*) filter (where ${entryResults.correctedAt} is not null))::int`,
      })
      .from(entryResults)
      .where(eq(entryResults.campaignId, campaignId))
      .groupBy(entryResults.categoryId, entryResults.tier, entryResults.computedTier),
    db.select({ at: sql<Date | null>`max(${entryResults.computedAt})`.mapWith((v) => (v ? new Date(v) : null)) }).from(entryResults).where(eq(entryResults.campaignId, campaignId)),
  ]);
  const standings: CategoryStanding[] = categories.map((c) => ({ ...c, rule: tierRuleFor(settings.tierRules, c.id), ranked: 0, tiers: noTiers(), computed: noTiers(), moved: 0, corrected: 0 }));
  const byId = new Map(standings.map((s) => [s.id, s]));
  for (const r of counts) {
    const s = byId.get(r.categoryId);
    if (!s) continue;
    s.ranked += r.n;
    s.tiers[r.tier] += r.n;
    s.computed[r.computedTier] += r.n;
    s.moved += r.moved;
    s.corrected += r.corrected;
  }
  return {
    normalise: settings.normalise,
    publishedAt: settings.publishedAt,
    computedAt: last?.at ?? null,
    ranked: standings.reduce((n, s) => n + s.ranked, 0),
    categories: standings,
  };
}
export type ResultsOverview = Awaited<ReturnType<typeof getResultsOverview>>;

export type ResultRow = {
  entryId: number;
  categoryId: number;
  rank: number;
  code: string | null;
  title: string;
  pupilName: string;
  schoolName: string;
  rawScore: number;
  normScore: number | null;
  computedTier: Tier;
  tier: Tier;
  overrideReason: string | null;
  corrected: boolean;
  certificateCode: string | null;
  submittedAt: Date | null;
  /** Each submitted judge's total, judges numbered across the campaign (评委1, 评委2…). */
  totals: { judge: number; total: number }[];
};

/**
 * Ranked entries with ranks in [from, to]: of every category (the top of each), or of one.
 * Ranks are 1…n within a category, so a rank range is a page.
 */
export async function listResultRows(campaignId: number, opts: { categoryId?: number; from: number; to: number }): Promise<ResultRow[]> {
  const db = getDb();
  const where = and(
    eq(entryResults.campaignId, campaignId),
    opts.categoryId === undefined ? undefined : eq(entryResults.categoryId, opts.categoryId),
    opts.from <= 1 ? lte(entryResults.rank, opts.to) : between(entryResults.rank, opts.from, opts.to),
  );
  const [rows, totals, judges] = await Promise.all([
    db
      .select({
        entryId: entryResults.entryId,
        categoryId: entryResults.categoryId,
        rank: entryResults.rank,
        code: entries.code,
        title: entries.title,
        pupilName: users.name,
        schoolName: schools.name,
        rawScore: entryResults.rawScore,
        normScore: entryResults.normScore,
        computedTier: entryResults.computedTier,
        tier: entryResults.tier,
        overrideReason: entryResults.overrideReason,
        corrected: sql<boolean>`${entryResults.correctedAt} is not null`,
        certificateCode: entryResults.certificateCode,
        submittedAt: entries.submittedAt,
      })
      .from(entryResults)
      .innerJoin(entries, eq(entries.id, entryResults.entryId))
      .innerJoin(users, eq(users.id, entries.pupilId))
      .innerJoin(schools, eq(schools.id, entries.schoolId))
      .where(where)
      .orderBy(asc(entryResults.categoryId), asc(entryResults.rank)),
    db
      .select({ entryId: assignments.entryId, judgeId: assignments.judgeId, total: assignments.total })
      .from(assignments)
      .innerJoin(entryResults, eq(entryResults.entryId, assignments.entryId))
      .where(and(where, eq(assignments.status, "assigned"), eq(assignments.scoreStatus, "submitted")))
      .orderBy(asc(assignments.id)),
    // Numbered by id, so a judge keeps their number on every row and page of the campaign.
    db
      .selectDistinct({ judgeId: assignments.judgeId })
      .from(assignments)
      .where(and(eq(assignments.campaignId, campaignId), eq(assignments.scoreStatus, "submitted")))
      .orderBy(asc(assignments.judgeId)),
  ]);
  const number = new Map(judges.map((j, i) => [j.judgeId, i + 1]));
  const byEntry = new Map<number, { judge: number; total: number }[]>();
  for (const t of totals) byEntry.set(t.entryId, [...(byEntry.get(t.entryId) ?? []), { judge: number.get(t.judgeId) ?? 0, total: t.total ?? 0 }]);
  return rows.map((r) => ({ ...r, pupilName: r.pupilName ?? "", totals: (byEntry.get(r.entryId) ?? []).sort((a, b) => a.judge - b.judge) }));
}

export type TieBreak = "rawScore" | "best" | "submitted";

/**
 * Why `lower` ranks below `higher` when their scores are equal: the rule of lib/judging/results.ts
 * that told them apart (higher raw score, then higher best single total, then earlier submission).
 * Null when the scores differ, so no tie-break was needed.
 */
export function tieBreak(higher: Pick<ResultRow, "rawScore" | "normScore" | "totals">, lower: Pick<ResultRow, "rawScore" | "normScore" | "totals">): TieBreak | null {
  if ((higher.normScore ?? higher.rawScore) !== (lower.normScore ?? lower.rawScore)) return null;
  if (higher.rawScore !== lower.rawScore) return "rawScore";
  const best = (r: Pick<ResultRow, "totals">) => Math.max(0, ...r.totals.map((t) => t.total));
  if (best(higher) !== best(lower)) return "best";
  return "submitted";
}
