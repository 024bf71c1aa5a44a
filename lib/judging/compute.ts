import "server-only";
import { and, eq, isNull, notInArray, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { assignments, auditLog, campaignCategories, entries, entryResults } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { getJudgingSettings } from "./assignments";
import { assignTiers, defaultTierRule, rankCategory, type ScoredEntry, type Tier, type TierRule } from "./results";

export const tiers = ["first", "second", "third", "merit", "none"] as const satisfies readonly Tier[];

/** The category's rule from the campaign's settings, or the default (5 % / 10 % / 15 %, merit from 60). */
export function tierRuleFor(rules: Record<string, unknown>, categoryId: number): TierRule {
  const r = rules[String(categoryId)] as Partial<TierRule> | undefined;
  return r && (r.kind === "percent" || r.kind === "count") ? { ...defaultTierRule, ...r } : defaultTierRule;
}

/**
 * Ranks and tiers every category of the campaign from the submitted scores and stores the
 * results. A tier staff moved by hand stays where they put it; after publication, a result whose
 * award changes is marked corrected (and the change is in the audit log).
 */
export async function computeResults(actorId: string, campaignId: number): Promise<{ categories: number; ranked: number }> {
  return getDb().transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('results'), ${campaignId})`);
    const settings = await getJudgingSettings(campaignId, tx);
    const [categories, scores, existing] = await Promise.all([
      tx.select({ id: campaignCategories.id }).from(campaignCategories).where(eq(campaignCategories.campaignId, campaignId)),
      tx
        .select({ entryId: entries.id, categoryId: entries.categoryId, submittedAt: entries.submittedAt, judgeId: assignments.judgeId, total: assignments.total })
        .from(assignments)
        .innerJoin(entries, eq(entries.id, assignments.entryId))
        .where(
          and(
            eq(assignments.campaignId, campaignId),
            eq(assignments.status, "assigned"),
            eq(assignments.scoreStatus, "submitted"),
            eq(entries.status, "submitted"),
            isNull(entries.disqualifiedAt),
          ),
        ),
      tx.select({ entryId: entryResults.entryId, tier: entryResults.tier, overrideReason: entryResults.overrideReason }).from(entryResults).where(eq(entryResults.campaignId, campaignId)),
    ]);
    const before = new Map(existing.map((e) => [e.entryId, e]));
    const byCategory = new Map<number, Map<number, ScoredEntry>>();
    for (const s of scores) {
      const cat = byCategory.get(s.categoryId) ?? new Map<number, ScoredEntry>();
      byCategory.set(s.categoryId, cat);
      const e = cat.get(s.entryId) ?? { entryId: s.entryId, submittedAt: s.submittedAt ?? new Date(0), totals: [] };
      cat.set(s.entryId, e);
      e.totals.push({ judgeId: s.judgeId, total: s.total ?? 0 });
    }
    const published = settings.publishedAt !== null;
    const now = new Date();
    const rows: { entry_id: number; category_id: number; raw_score: number; norm_score: number | null; rank: number; computed_tier: Tier; tier: Tier; corrected_at: string | null }[] = [];
    const corrections: { entryId: number; from: Tier; to: Tier }[] = [];
    for (const { id: categoryId } of categories) {
      const ranked = rankCategory([...(byCategory.get(categoryId)?.values() ?? [])], settings.normalise);
      const tiered = assignTiers(ranked, tierRuleFor(settings.tierRules, categoryId));
      for (const r of ranked) {
        const old = before.get(r.entryId);
        const computedTier = tiered.get(r.entryId)!;
        const tier = old?.overrideReason ? old.tier : computedTier;
        const corrected = published && old !== undefined && old.tier !== tier;
        if (corrected) corrections.push({ entryId: r.entryId, from: old.tier, to: tier });
        rows.push({ entry_id: r.entryId, category_id: categoryId, raw_score: r.rawScore, norm_score: r.normScore, rank: r.rank, computed_tier: computedTier, tier, corrected_at: corrected ? now.toISOString() : null });
      }
    }
    // One statement with the rows as one JSON parameter (see applyAssignments).
    if (rows.length) {
      await tx.execute(sql`insert into ${entryResults} (entry_id, campaign_id, category_id, raw_score, norm_score, rank, computed_tier, tier, computed_at, corrected_at)
        select v.entry_id, ${campaignId}::int, v.category_id, v.raw_score, v.norm_score, v.rank, v.computed_tier::award_tier, v.tier::award_tier, ${now.toISOString()}::timestamptz, v.corrected_at
        from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
          as v(entry_id int, category_id int, raw_score float8, norm_score float8, rank int, computed_tier text, tier text, corrected_at timestamptz)
        on conflict (entry_id) do update set
          raw_score = excluded.raw_score, norm_score = excluded.norm_score, rank = excluded.rank,
          computed_tier = excluded.computed_tier, tier = excluded.tier, computed_at = excluded.computed_at,
          corrected_at = coalesce(excluded.corrected_at, ${entryResults.correctedAt})`);
    }
    // Entries that no longer count (disqualified, withdrawn, unscored) lose their result.
    const kept = rows.map((r) => r.entry_id);
    await tx.delete(entryResults).where(and(eq(entryResults.campaignId, campaignId), kept.length ? notInArray(entryResults.entryId, kept) : sql`true`));
    await tx.insert(auditLog).values({ actorId, action: "results:compute", entity: "campaign", entityId: String(campaignId), data: { ranked: rows.length, normalise: settings.normalise, corrections } });
    return { categories: categories.length, ranked: rows.length };
  });
}

/** Staff move one entry up or down a tier, with a reason kept in the result and the audit log. */
export async function overrideTier(actorId: string, input: { entryId: number; tier: Tier; reason: string }): Promise<void> {
  await getDb().transaction(async (tx) => {
    const [row] = await tx.select().from(entryResults).where(eq(entryResults.entryId, input.entryId)).for("update").limit(1);
    if (!row) throw new AppError("not_found");
    const settings = await getJudgingSettings(row.campaignId, tx);
    const corrected = settings.publishedAt !== null && row.tier !== input.tier;
    await tx
      .update(entryResults)
      .set({ tier: input.tier, overrideReason: input.reason, ...(corrected ? { correctedAt: new Date() } : {}) })
      .where(eq(entryResults.entryId, input.entryId));
    await tx.insert(auditLog).values({ actorId, action: "results:override", entity: "entry", entityId: String(input.entryId), data: { from: row.tier, to: input.tier, computed: row.computedTier, reason: input.reason, afterPublication: settings.publishedAt !== null } });
  });
}

