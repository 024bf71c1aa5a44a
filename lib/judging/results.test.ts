import { describe, expect, it } from "vitest";
import { assignTiers, rankCategory, weightedTotal, type ScoredEntry } from "./results";

const at = (minute: number) => new Date(Date.UTC(2026, 4, 1, 0, minute));

describe("rankCategory", () => {
  // Worked by hand. Judge A is harsh (scores 70 and 40: mean 55, sd 15), judge B lenient
  // (80 and 90: mean 85, sd 5). All four totals: mean M = 70, sd S = √350 ≈ 18.708.
  // Normalised: X = 70 + (70−55)/15·S ≈ 88.71, P ≈ 51.29, Y = 70 + (80−85)/5·S ≈ 51.29, Q ≈ 88.71.
  const entries: ScoredEntry[] = [
    { entryId: 1, submittedAt: at(1), totals: [{ judgeId: "A", total: 70 }] }, // X
    { entryId: 2, submittedAt: at(2), totals: [{ judgeId: "A", total: 40 }] }, // P
    { entryId: 3, submittedAt: at(3), totals: [{ judgeId: "B", total: 80 }] }, // Y
    { entryId: 4, submittedAt: at(4), totals: [{ judgeId: "B", total: 90 }] }, // Q
  ];

  it("ranks by the raw mean without normalisation", () => {
    expect(rankCategory(entries, false).map((e) => [e.entryId, e.score, e.rank])).toEqual([
      [4, 90, 1],
      [3, 80, 2],
      [1, 70, 3],
      [2, 40, 4],
    ]);
  });

  it("puts each judge on the common scale, and breaks the ties it makes by the raw score", () => {
    const ranked = rankCategory(entries, true);
    expect(ranked.map((e) => [e.entryId, e.normScore])).toEqual([
      [4, 88.71],
      [1, 88.71],
      [3, 51.29],
      [2, 51.29],
    ]);
    expect(ranked.map((e) => e.rawScore)).toEqual([90, 70, 80, 40]);
  });

  it("averages several judges, and breaks an exact tie by the best total, then the earlier submission", () => {
    const ranked = rankCategory(
      [
        { entryId: 1, submittedAt: at(5), totals: [{ judgeId: "A", total: 80 }, { judgeId: "B", total: 60 }] },
        { entryId: 2, submittedAt: at(9), totals: [{ judgeId: "A", total: 75 }, { judgeId: "B", total: 65 }] },
        { entryId: 3, submittedAt: at(1), totals: [{ judgeId: "A", total: 75 }, { judgeId: "B", total: 65 }] },
        { entryId: 4, submittedAt: at(0), totals: [] },
      ],
      false,
    );
    expect(ranked.map((e) => [e.entryId, e.rawScore, e.rank])).toEqual([
      [1, 70, 1],
      [3, 70, 2],
      [2, 70, 3],
    ]);
  });
});

describe("assignTiers", () => {
  const ranked = rankCategory(
    Array.from({ length: 20 }, (_, i) => ({ entryId: i + 1, submittedAt: at(i), totals: [{ judgeId: "A", total: 100 - i }] })),
    false,
  );
  const count = (tiers: Map<number, string>) => [...tiers.values()].reduce<Record<string, number>>((o, t) => ({ ...o, [t]: (o[t] ?? 0) + 1 }), {});

  it("by percentage: 5 % / 10 % / 15 % of 20, then merit from 85 points", () => {
    const tiers = assignTiers(ranked, { kind: "percent", first: 5, second: 10, third: 15, meritMin: 85 });
    expect(count(tiers)).toEqual({ first: 1, second: 2, third: 3, merit: 10, none: 4 });
    expect(tiers.get(1)).toBe("first");
    expect(tiers.get(16)).toBe("merit"); // 85 points
    expect(tiers.get(17)).toBe("none"); // 84 points
  });

  it("by fixed numbers, without merit", () => {
    expect(count(assignTiers(ranked, { kind: "count", first: 2, second: 3, third: 5, meritMin: null }))).toEqual({ first: 2, second: 3, third: 5, none: 10 });
  });

  it("gives a small category at least one of each tier with a share", () => {
    expect(count(assignTiers(ranked.slice(0, 3), { kind: "percent", first: 5, second: 10, third: 15, meritMin: null }))).toEqual({ first: 1, second: 1, third: 1 });
  });
});

describe("weightedTotal", () => {
  it("weights each criterion and scales to 100", () => {
    const criteria = [
      { id: 1, maxPoints: 10, weight: 2 },
      { id: 2, maxPoints: 20, weight: 1 },
    ];
    // (2·8 + 1·10) / (2·10 + 1·20) = 26/40 = 65 %
    expect(weightedTotal(criteria, { "1": 8, "2": 10 })).toBe(65);
    expect(weightedTotal(criteria, {})).toBe(0);
  });
});
