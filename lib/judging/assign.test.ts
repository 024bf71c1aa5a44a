import { describe, expect, it } from "vitest";
import { disagree, pickExtraJudge, planAssignments, type AssignEntry, type AssignJudge } from "./assign";

function judgesOf(n: number, conflicts: Record<string, number[]> = {}): AssignJudge[] {
  return Array.from({ length: n }, (_, i) => {
    const id = `j${String(i).padStart(2, "0")}`;
    return { id, conflicts: new Set(conflicts[id] ?? []) };
  });
}

// A fixed pseudo-random sequence, so a failing case can be replayed.
function lcg(seed: number) {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

describe("planAssignments", () => {
  it("gives every entry K judges and spreads the load evenly", () => {
    const entries: AssignEntry[] = Array.from({ length: 101 }, (_, i) => ({ id: i + 1, schoolId: i % 7 }));
    const plan = planAssignments(entries, judgesOf(6), 2);
    expect(plan.assignments).toHaveLength(202);
    expect(plan.short).toEqual([]);
    const loads = [...plan.loads.values()];
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
    for (const e of entries) expect(new Set(plan.assignments.filter((a) => a.entryId === e.id).map((a) => a.judgeId)).size).toBe(2);
  });

  it("never puts a judge on an entry from a school they are conflicted with, on random data", () => {
    const random = lcg(42);
    for (let round = 0; round < 20; round++) {
      const conflicts: Record<string, number[]> = {};
      for (let j = 0; j < 8; j++) conflicts[`j0${j}`] = [Math.floor(random() * 10), Math.floor(random() * 10)];
      const judges = judgesOf(8, conflicts);
      const entries = Array.from({ length: 200 }, (_, i) => ({ id: i, schoolId: Math.floor(random() * 10) }));
      const plan = planAssignments(entries, judges, 3);
      const byId = new Map(judges.map((j) => [j.id, j]));
      const schoolOf = new Map(entries.map((e) => [e.id, e.schoolId]));
      for (const a of plan.assignments) expect(byId.get(a.judgeId)!.conflicts.has(schoolOf.get(a.entryId)!)).toBe(false);
      expect(plan.short).toEqual([]);
      const loads = [...plan.loads.values()];
      expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(8);
    }
  });

  it("says which entries could not get enough judges", () => {
    const plan = planAssignments([{ id: 1, schoolId: 5 }], judgesOf(3, { j00: [5], j01: [5] }), 2);
    expect(plan.assignments).toEqual([{ entryId: 1, judgeId: "j02" }]);
    expect(plan.short).toEqual([1]);
  });

  it("keeps the judges entries already have and adds only the missing ones", () => {
    const plan = planAssignments([{ id: 1, schoolId: 1 }, { id: 2, schoolId: 2 }], judgesOf(3), 2, [{ entryId: 1, judgeId: "j02" }]);
    expect(plan.assignments.filter((a) => a.entryId === 1)).toHaveLength(1);
    expect(plan.assignments.some((a) => a.entryId === 1 && a.judgeId === "j02")).toBe(false);
  });

  it("does not give one school the same pair of judges on all its entries", () => {
    // j02 is already busy, so the least-loaded pair for both of school 9's entries is j00 + j01.
    const busy = Array.from({ length: 5 }, (_, i) => ({ entryId: 100 + i, judgeId: "j02" }));
    const plan = planAssignments([{ id: 1, schoolId: 9 }, { id: 2, schoolId: 9 }], judgesOf(3), 2, busy);
    const setOf = (id: number) => plan.assignments.filter((a) => a.entryId === id).map((a) => a.judgeId).sort().join("+");
    expect(setOf(1)).toBe("j00+j01");
    expect(setOf(2)).not.toBe(setOf(1));
  });
});

describe("extra judges", () => {
  it("picks the least-loaded judge free of conflicts and not already on the entry", () => {
    const judges = judgesOf(4, { j01: [3] });
    const loads = new Map([["j00", 2], ["j01", 0], ["j02", 1], ["j03", 1]]);
    expect(pickExtraJudge({ id: 1, schoolId: 3 }, judges, loads, new Set(["j02"]))).toBe("j03");
    expect(pickExtraJudge({ id: 1, schoolId: 3 }, judges, loads, new Set(["j00", "j02", "j03"]))).toBeNull();
  });
  it("calls two totals further apart than the share a disagreement", () => {
    expect(disagree([80, 54], 0.25)).toBe(true);
    expect(disagree([80, 55], 0.25)).toBe(false);
    expect(disagree([80], 0.25)).toBe(false);
  });
});

describe("recusals", () => {
  it("does not give an entry back to a judge who recused from it", () => {
    const plan = planAssignments([{ id: 1, schoolId: 1 }], judgesOf(3), 2, [{ entryId: 1, judgeId: "j01" }], new Map([[1, new Set(["j00"])]]));
    expect(plan.assignments).toEqual([{ entryId: 1, judgeId: "j02" }]);
  });
});
