/**
 * Who judges which entry. Pure, so the preview and the real thing are the same computation and
 * tests can check the rules on any shape of data:
 * - never a judge on an entry from a school they are conflicted with;
 * - loads as even as the conflicts allow (each entry takes the least-loaded judges who may judge it);
 * - a school with several entries does not get the same set of judges on all of them.
 * Entries that already have judges keep them and only get the missing ones.
 */
export type AssignEntry = { id: number; schoolId: number };
export type AssignJudge = { id: string; conflicts: ReadonlySet<number> };
export type Assignment = { entryId: number; judgeId: string };
export type AssignPlan = { assignments: Assignment[]; loads: Map<string, number>; short: number[] };

export function planAssignments(
  entries: readonly AssignEntry[],
  judges: readonly AssignJudge[],
  judgesPerEntry: number,
  existing: readonly Assignment[] = [],
  /** Judges who must not get a particular entry (they recused from it). */
  blocked: ReadonlyMap<number, ReadonlySet<string>> = new Map(),
): AssignPlan {
  const loads = new Map<string, number>(judges.map((j) => [j.id, 0]));
  const onEntry = new Map<number, Set<string>>();
  for (const a of existing) {
    if (loads.has(a.judgeId)) loads.set(a.judgeId, loads.get(a.judgeId)! + 1);
    let set = onEntry.get(a.entryId);
    if (!set) onEntry.set(a.entryId, (set = new Set()));
    set.add(a.judgeId);
  }
  // Judges in a fixed order, so equal loads resolve the same way on every run of the preview.
  const ordered = [...judges].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const assignments: Assignment[] = [];
  const short: number[] = [];
  // The judge sets given so far to each school's entries.
  const setsBySchool = new Map<number, string[]>();
  const entriesBySchool = new Map<number, number>();
  for (const e of entries) entriesBySchool.set(e.schoolId, (entriesBySchool.get(e.schoolId) ?? 0) + 1);

  for (const entry of entries) {
    const chosen = new Set(onEntry.get(entry.id) ?? []);
    const off = blocked.get(entry.id);
    const eligible = ordered.filter((j) => !j.conflicts.has(entry.schoolId) && !chosen.has(j.id) && !off?.has(j.id));
    const need = Math.max(0, judgesPerEntry - chosen.size);
    // Least loaded first; a stable sort keeps the fixed order among equals.
    eligible.sort((a, b) => loads.get(a.id)! - loads.get(b.id)!);
    const picked = eligible.slice(0, need);
    const sets = setsBySchool.get(entry.schoolId) ?? [];
    const key = (ids: Iterable<string>) => [...ids].sort().join("|");
    // The school's last entry would repeat the one set every other entry got: swap in the next judge.
    const isLast = sets.length === (entriesBySchool.get(entry.schoolId) ?? 0) - 1;
    if (isLast && sets.length > 0 && picked.length > 0 && eligible.length > need) {
      const proposed = key([...chosen, ...picked.map((j) => j.id)]);
      if (sets.every((s) => s === proposed)) picked[picked.length - 1] = eligible[need]!;
    }
    for (const j of picked) {
      chosen.add(j.id);
      loads.set(j.id, loads.get(j.id)! + 1);
      assignments.push({ entryId: entry.id, judgeId: j.id });
    }
    if (chosen.size < judgesPerEntry) short.push(entry.id);
    sets.push(key(chosen));
    setsBySchool.set(entry.schoolId, sets);
  }
  return { assignments, loads, short };
}

/** One more judge for an entry (a disagreement, a recusal): the least-loaded one free to judge it. */
export function pickExtraJudge(
  entry: AssignEntry,
  judges: readonly AssignJudge[],
  loads: ReadonlyMap<string, number>,
  exclude: ReadonlySet<string>,
): string | null {
  let best: AssignJudge | null = null;
  for (const j of judges) {
    if (exclude.has(j.id) || j.conflicts.has(entry.schoolId)) continue;
    if (!best || (loads.get(j.id) ?? 0) < (loads.get(best.id) ?? 0) || ((loads.get(j.id) ?? 0) === (loads.get(best.id) ?? 0) && j.id < best.id)) best = j;
  }
  return best?.id ?? null;
}

/** Whether two judges' totals (0–100) are further apart than the campaign allows. */
export function disagree(totals: readonly number[], share: number): boolean {
  if (totals.length < 2) return false;
  return Math.max(...totals) - Math.min(...totals) > share * 100;
}
