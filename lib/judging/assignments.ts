import "server-only";
import { and, asc, eq, isNull, ne, sql } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import { assignments, auditLog, campaignJudges, entries, judgeConflicts, judgingSettings, userRoles, users } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { pickExtraJudge, planAssignments, type AssignJudge, type Assignment } from "./assign";
import { blindSafe } from "./blind-safe";

/** The campaign's judging settings, made with the defaults on first use. */
export async function getJudgingSettings(campaignId: number, db: DbOrTx = getDb()) {
  await db.insert(judgingSettings).values({ campaignId }).onConflictDoNothing();
  const [row] = await db.select().from(judgingSettings).where(eq(judgingSettings.campaignId, campaignId)).limit(1);
  return row!;
}

/**
 * The campaign's panel: every active judge on it, with the schools they may not judge — those
 * they declared, and their own school when they also teach there (or coordinate it).
 */
export async function loadJudges(campaignId: number, db: DbOrTx = getDb()): Promise<(AssignJudge & { name: string | null; email: string | null })[]> {
  const rows = await db
    .select({ id: users.id, name: users.name, email: users.email, schoolId: users.schoolId, roles: sql<string[]>`array_agg(${userRoles.role}::text)` })
    .from(campaignJudges)
    .innerJoin(users, eq(users.id, campaignJudges.judgeId))
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .where(and(eq(campaignJudges.campaignId, campaignId), eq(users.disabled, false), sql`${users.id} in (select ${userRoles.userId} from ${userRoles} where ${userRoles.role} = 'judge')`))
    .groupBy(users.id);
  const declared = await db.select({ judgeId: judgeConflicts.judgeId, schoolId: judgeConflicts.schoolId }).from(judgeConflicts);
  const conflicts = new Map<string, Set<number>>();
  for (const c of declared) conflicts.set(c.judgeId, (conflicts.get(c.judgeId) ?? new Set()).add(c.schoolId));
  return rows.map((r) => {
    const set = conflicts.get(r.id) ?? new Set<number>();
    if (r.schoolId !== null && r.roles.some((role) => role === "teacher" || role === "coordinator")) set.add(r.schoolId);
    return { id: r.id, name: r.name, email: r.email, conflicts: set };
  });
}

/** Entries that take part in judging: submitted, not disqualified, and safe for blind judges. */
async function judgeableEntries(db: DbOrTx, campaignId: number) {
  return db
    .select({ id: entries.id, schoolId: entries.schoolId })
    .from(entries)
    .where(and(eq(entries.campaignId, campaignId), eq(entries.status, "submitted"), isNull(entries.disqualifiedAt), blindSafe))
    .orderBy(asc(entries.schoolId), asc(entries.id));
}

async function activeAssignments(db: DbOrTx, campaignId: number): Promise<Assignment[]> {
  return db
    .select({ entryId: assignments.entryId, judgeId: assignments.judgeId })
    .from(assignments)
    .where(and(eq(assignments.campaignId, campaignId), eq(assignments.status, "assigned")));
}

export type AssignmentPreview = {
  judgesPerEntry: number;
  entries: number;
  toAdd: number;
  short: number;
  judges: { id: string; name: string | null; email: string | null; current: number; added: number }[];
};

async function plan(db: DbOrTx, campaignId: number, judgesPerEntry: number) {
  const [list, judges, existing] = await Promise.all([judgeableEntries(db, campaignId), loadJudges(campaignId, db), activeAssignments(db, campaignId)]);
  // A judge who recused from an entry is not given it again.
  const recused = await db
    .select({ entryId: assignments.entryId, judgeId: assignments.judgeId })
    .from(assignments)
    .where(and(eq(assignments.campaignId, campaignId), eq(assignments.status, "recused")));
  const blocked = new Map<number, Set<string>>();
  for (const r of recused) blocked.set(r.entryId, (blocked.get(r.entryId) ?? new Set()).add(r.judgeId));
  const result = planAssignments(list, judges, judgesPerEntry, existing, blocked);
  return { list, judges, existing, result };
}

/** What an automatic assignment would do, without doing it: the load per judge before and after. */
export async function previewAssignments(campaignId: number, judgesPerEntry?: number): Promise<AssignmentPreview> {
  const db = getDb();
  const k = judgesPerEntry ?? (await getJudgingSettings(campaignId, db)).judgesPerEntry;
  const { list, judges, existing, result } = await plan(db, campaignId, k);
  const current = new Map<string, number>();
  for (const a of existing) current.set(a.judgeId, (current.get(a.judgeId) ?? 0) + 1);
  const added = new Map<string, number>();
  for (const a of result.assignments) added.set(a.judgeId, (added.get(a.judgeId) ?? 0) + 1);
  return {
    judgesPerEntry: k,
    entries: list.length,
    toAdd: result.assignments.length,
    short: result.short.length,
    judges: judges.map((j) => ({ id: j.id, name: j.name, email: j.email, current: current.get(j.id) ?? 0, added: added.get(j.id) ?? 0 })).sort((a, b) => b.current + b.added - (a.current + a.added)),
  };
}

/**
 * Assigns K judges to every judgeable entry that has fewer, keeping the judges entries already
 * have. Running it again adds only what is missing (new entries, a raised K).
 */
export async function applyAssignments(actorId: string, campaignId: number, judgesPerEntry: number): Promise<{ added: number; short: number }> {
  if (!Number.isInteger(judgesPerEntry) || judgesPerEntry < 1 || judgesPerEntry > 5) throw new AppError("invalid", { judgesPerEntry: "errors.invalid" });
  return getDb().transaction(async (tx) => {
    // One assignment run per campaign at a time: a second one waits and then finds nothing to add.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('assign'), ${campaignId})`);
    await getJudgingSettings(campaignId, tx);
    await tx.update(judgingSettings).set({ judgesPerEntry }).where(eq(judgingSettings.campaignId, campaignId));
    const { result } = await plan(tx, campaignId, judgesPerEntry);
    // All rows as one JSON parameter in one statement: tens of thousands of rows go in about
    // five times faster than as multi-row VALUES lists.
    const rows = result.assignments.map((a) => ({ e: a.entryId, j: a.judgeId }));
    if (rows.length) {
      await tx.execute(sql`insert into ${assignments} (entry_id, judge_id, campaign_id)
        select v.e, v.j, ${campaignId}::int from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as v(e int, j text)
        on conflict do nothing`);
    }
    await tx.insert(auditLog).values({ actorId, action: "judging:assign", entity: "campaign", entityId: String(campaignId), data: { judgesPerEntry, added: rows.length, short: result.short.length } });
    return { added: rows.length, short: result.short.length };
  });
}

/** Gives one entry another judge (after a disagreement or a recusal): the least-loaded free one. */
export async function addExtraJudge(tx: DbOrTx, entryId: number, round: number): Promise<string | null> {
  const [entry] = await tx.select({ id: entries.id, schoolId: entries.schoolId, campaignId: entries.campaignId }).from(entries).where(eq(entries.id, entryId)).limit(1);
  if (!entry) return null;
  const [judges, onEntry, loads] = await Promise.all([
    loadJudges(entry.campaignId, tx),
    tx.select({ judgeId: assignments.judgeId }).from(assignments).where(eq(assignments.entryId, entryId)),
    tx
      .select({ judgeId: assignments.judgeId, n: sql<number>`count(*)::int` })
      .from(assignments)
      .where(and(eq(assignments.campaignId, entry.campaignId), eq(assignments.status, "assigned")))
      .groupBy(assignments.judgeId),
  ]);
  const judgeId = pickExtraJudge(entry, judges, new Map(loads.map((l) => [l.judgeId, l.n])), new Set(onEntry.map((a) => a.judgeId)));
  if (!judgeId) return null;
  await tx.insert(assignments).values({ entryId, judgeId, campaignId: entry.campaignId, round }).onConflictDoNothing();
  return judgeId;
}

/**
 * Moves one entry from one judge to another by hand, under the same conflict rule. A score
 * already submitted stays with its judge: such an assignment cannot be moved.
 */
export async function moveAssignment(actorId: string, assignmentId: number, toJudgeId: string): Promise<void> {
  await getDb().transaction(async (tx) => {
    const [a] = await tx
      .select({ id: assignments.id, entryId: assignments.entryId, judgeId: assignments.judgeId, campaignId: assignments.campaignId, scoreStatus: assignments.scoreStatus, status: assignments.status, schoolId: entries.schoolId })
      .from(assignments)
      .innerJoin(entries, eq(entries.id, assignments.entryId))
      .where(eq(assignments.id, assignmentId))
      .for("update")
      .limit(1);
    if (!a || a.status !== "assigned") throw new AppError("not_found");
    if (a.scoreStatus === "submitted") throw new AppError("conflict", undefined, "judging.errors.alreadyScored");
    const judge = (await loadJudges(a.campaignId, tx)).find((j) => j.id === toJudgeId);
    if (!judge) throw new AppError("invalid", { judgeId: "judging.errors.notAJudge" });
    if (judge.conflicts.has(a.schoolId)) throw new AppError("invalid", { judgeId: "judging.errors.conflicted" });
    const [taken] = await tx.select({ id: assignments.id }).from(assignments).where(and(eq(assignments.entryId, a.entryId), eq(assignments.judgeId, toJudgeId), ne(assignments.id, a.id))).limit(1);
    if (taken) throw new AppError("invalid", { judgeId: "judging.errors.alreadyOnEntry" });
    await tx.update(assignments).set({ judgeId: toJudgeId, points: {}, total: null, comment: "", scoreStatus: "draft", updatedAt: sql`now()` }).where(eq(assignments.id, a.id));
    await tx.insert(auditLog).values({ actorId, action: "judging:move", entity: "entry", entityId: String(a.entryId), data: { from: a.judgeId, to: toJudgeId } });
  });
}

/** Per judge: assigned, submitted, drafts. Staff's progress view and reminders. */
export async function judgeProgress(campaignId: number) {
  return getDb()
    .select({
      judgeId: assignments.judgeId,
      name: users.name,
      email: users.email,
      assigned: sql<number>`count(*)::int`,
      submitted: sql<number>`count(*) filter (where ${assignments.scoreStatus} = 'submitted')::int`,
    })
    .from(assignments)
    .innerJoin(users, eq(users.id, assignments.judgeId))
    .innerJoin(entries, eq(entries.id, assignments.entryId))
    .where(and(eq(assignments.campaignId, campaignId), eq(assignments.status, "assigned"), blindSafe))
    .groupBy(assignments.judgeId, users.name, users.email)
    .orderBy(sql`count(*) filter (where ${assignments.scoreStatus} = 'submitted')::float / count(*)`);
}

