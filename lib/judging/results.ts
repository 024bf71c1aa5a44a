/**
 * From judges' totals to a ranked, tiered list for one category. Pure, so the results screen,
 * the tests and the benchmark all run the same arithmetic.
 *
 * - An entry's raw score is the mean of its judges' submitted totals (each total is already the
 *   rubric's weighted sum on a 0–100 scale).
 * - Normalised (when the campaign asks for it): each judge's totals in the category are put on the
 *   category's common scale — t' = M + (t − mⱼ) / sⱼ × S, where mⱼ, sⱼ are the judge's own mean
 *   and standard deviation and M, S those of every total in the category — so a harsh or lenient
 *   judge does not decide prizes. A judge with fewer than two totals, or all equal, is only
 *   shifted (t' = M + t − mⱼ). The entry's normalised score is the mean of its t'.
 * - Ranking: by the normalised score when on, else the raw one. Ties: the higher raw score, then
 *   the higher best single total, then the earlier submission.
 */
export type JudgeTotal = { judgeId: string; total: number };
export type ScoredEntry = { entryId: number; submittedAt: Date; totals: JudgeTotal[] };

export type RankedEntry = {
  entryId: number;
  rawScore: number;
  normScore: number | null;
  score: number;
  best: number;
  judges: number;
  rank: number;
};

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const sd = (xs: readonly number[]) => {
  const m = mean(xs);
  return Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / xs.length);
};
const round2 = (x: number) => Math.round(x * 100) / 100;

export function rankCategory(entries: readonly ScoredEntry[], normalise: boolean): RankedEntry[] {
  const scored = entries.filter((e) => e.totals.length > 0);
  const all = scored.flatMap((e) => e.totals.map((t) => t.total));
  const byJudge = new Map<string, number[]>();
  for (const e of scored) for (const t of e.totals) byJudge.set(t.judgeId, [...(byJudge.get(t.judgeId) ?? []), t.total]);
  const M = all.length ? mean(all) : 0;
  const S = all.length ? sd(all) : 0;
  const scale = new Map([...byJudge].map(([id, xs]) => [id, { m: mean(xs), s: xs.length >= 2 ? sd(xs) : 0 }]));
  const adjust = (t: JudgeTotal) => {
    const { m, s } = scale.get(t.judgeId)!;
    return s > 0 ? M + ((t.total - m) / s) * S : M + t.total - m;
  };

  const rows = scored.map((e) => {
    const raw = mean(e.totals.map((t) => t.total));
    const norm = normalise ? mean(e.totals.map(adjust)) : null;
    return { entryId: e.entryId, submittedAt: e.submittedAt, rawScore: round2(raw), normScore: norm === null ? null : round2(norm), best: Math.max(...e.totals.map((t) => t.total)), judges: e.totals.length };
  });
  rows.sort(
    (a, b) =>
      (b.normScore ?? b.rawScore) - (a.normScore ?? a.rawScore) ||
      b.rawScore - a.rawScore ||
      b.best - a.best ||
      a.submittedAt.getTime() - b.submittedAt.getTime() ||
      a.entryId - b.entryId,
  );
  return rows.map((r, i) => ({ entryId: r.entryId, rawScore: r.rawScore, normScore: r.normScore, score: r.normScore ?? r.rawScore, best: r.best, judges: r.judges, rank: i + 1 }));
}

export type Tier = "first" | "second" | "third" | "merit" | "none";

/**
 * How a category's ranked entries become awards: the top shares (percent of the ranked entries,
 * each tier at least one entry when its share is above 0) or fixed numbers, then merit for the
 * rest that reach a minimum score.
 */
export type TierRule = { kind: "percent" | "count"; first: number; second: number; third: number; meritMin: number | null };

export const defaultTierRule: TierRule = { kind: "percent", first: 5, second: 10, third: 15, meritMin: 60 };

export function assignTiers(ranked: readonly RankedEntry[], rule: TierRule): Map<number, Tier> {
  const n = ranked.length;
  const size = (x: number) => (rule.kind === "count" ? Math.floor(x) : x > 0 ? Math.max(1, Math.round((n * x) / 100)) : 0);
  const bounds: [Tier, number][] = [
    ["first", size(rule.first)],
    ["second", size(rule.second)],
    ["third", size(rule.third)],
  ];
  const tiers = new Map<number, Tier>();
  let i = 0;
  for (const [tier, count] of bounds) {
    for (let k = 0; k < count && i < n; k++, i++) tiers.set(ranked[i]!.entryId, tier);
  }
  for (; i < n; i++) {
    const e = ranked[i]!;
    tiers.set(e.entryId, rule.meritMin !== null && e.score >= rule.meritMin ? "merit" : "none");
  }
  return tiers;
}

/** A judge's total for one entry on a 0–100 scale: Σ weight × points / Σ weight × max × 100. */
export function weightedTotal(criteria: readonly { id: number; maxPoints: number; weight: number }[], points: Readonly<Record<string, number>>): number {
  const max = criteria.reduce((a, c) => a + c.weight * c.maxPoints, 0);
  if (max === 0) return 0;
  return round2((criteria.reduce((a, c) => a + c.weight * (points[String(c.id)] ?? 0), 0) / max) * 100);
}
