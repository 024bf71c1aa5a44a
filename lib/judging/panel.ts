import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { assignments, auditLog, campaignJudges, judgeConflicts, schools, userRoles, users } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { judgeProgress } from "./assignments";

// A campaign's panel as staff manage it: who is on it, what they may not judge, how far they are.

const isJudge = sql`${users.id} in (select ${userRoles.userId} from ${userRoles} where ${userRoles.role} = 'judge')`;

export type PanelMember = {
  id: string;
  name: string | null;
  email: string | null;
  disabled: boolean;
  /** Their own school when they teach there: conflicted without saying so. */
  ownSchool: string | null;
  declared: { schoolId: number; schoolName: string; note: string }[];
  assigned: number;
  submitted: number;
};

/** The panel, least far along first (those are the ones staff look for). */
export async function listPanel(campaignId: number): Promise<PanelMember[]> {
  const db = getDb();
  const members = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      disabled: users.disabled,
      ownSchool: sql<
        string | null
      >`case when exists (select 1 from ${userRoles} where ${userRoles.userId} = ${users.id} and ${userRoles.role} in ('teacher', 'coordinator')) then ${schools.name} end`,
    })
    .from(campaignJudges)
    .innerJoin(users, eq(users.id, campaignJudges.judgeId))
    .leftJoin(schools, eq(schools.id, users.schoolId))
    .where(eq(campaignJudges.campaignId, campaignId))
    .orderBy(asc(users.name), asc(users.id));
  if (members.length === 0) return [];
  const [declared, progress] = await Promise.all([
    db
      .select({ judgeId: judgeConflicts.judgeId, schoolId: judgeConflicts.schoolId, schoolName: schools.name, note: judgeConflicts.note })
      .from(judgeConflicts)
      .innerJoin(schools, eq(schools.id, judgeConflicts.schoolId))
      .where(
        inArray(
          judgeConflicts.judgeId,
          members.map((m) => m.id),
        ),
      )
      .orderBy(asc(schools.name)),
    judgeProgress(campaignId),
  ]);
  const byJudge = new Map(progress.map((p) => [p.judgeId, p]));
  return members
    .map((m) => ({
      ...m,
      declared: declared.filter((d) => d.judgeId === m.id).map((d) => ({ schoolId: d.schoolId, schoolName: d.schoolName, note: d.note })),
      assigned: byJudge.get(m.id)?.assigned ?? 0,
      submitted: byJudge.get(m.id)?.submitted ?? 0,
    }))
    .sort((a, b) => share(a) - share(b));
}

const share = (m: { assigned: number; submitted: number }) => (m.assigned === 0 ? 1 : m.submitted / m.assigned);

/** Accounts with the judge role that are not on this panel yet (judges of earlier campaigns). */
export async function listJudgeCandidates(campaignId: number) {
  return getDb()
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(
      and(eq(users.disabled, false), isJudge, sql`${users.id} not in (select ${campaignJudges.judgeId} from ${campaignJudges} where ${campaignJudges.campaignId} = ${campaignId})`),
    )
    .orderBy(asc(users.name), asc(users.email));
}

/** Puts an existing judge on the panel; their declared conflicts come with them. */
export async function addJudgeToPanel(actorId: string, input: { campaignId: number; judgeId: string }): Promise<void> {
  await getDb().transaction(async (tx) => {
    const [judge] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.id, input.judgeId), eq(users.disabled, false), isJudge))
      .limit(1);
    if (!judge) throw new AppError("invalid", { judgeId: "judging.errors.notAJudge" });
    const added = await tx.insert(campaignJudges).values(input).onConflictDoNothing().returning();
    if (added.length)
      await tx.insert(auditLog).values({ actorId, action: "judging:panel.add", entity: "campaign", entityId: String(input.campaignId), data: { judgeId: input.judgeId } });
  });
}

/**
 * Takes a judge off the panel while none of their scores here is submitted: their open
 * assignments (drafts included) go with them, and the next assignment run gives those entries
 * to other judges. A judge with submitted scores stays, so results never lose a score.
 */
export async function removeJudgeFromPanel(actorId: string, input: { campaignId: number; judgeId: string }): Promise<{ removedAssignments: number }> {
  return getDb().transaction(async (tx) => {
    const [member] = await tx
      .select({ judgeId: campaignJudges.judgeId })
      .from(campaignJudges)
      .where(and(eq(campaignJudges.campaignId, input.campaignId), eq(campaignJudges.judgeId, input.judgeId)))
      .for("update")
      .limit(1);
    if (!member) throw new AppError("not_found");
    const mine = and(eq(assignments.campaignId, input.campaignId), eq(assignments.judgeId, input.judgeId));
    // Every row of theirs locked, so a score submitted meanwhile is either seen here or waits.
    const theirs = await tx.select({ scoreStatus: assignments.scoreStatus }).from(assignments).where(mine).for("update");
    if (theirs.some((a) => a.scoreStatus === "submitted")) throw new AppError("conflict", undefined, "judgingAdmin.errors.judgeHasScores");
    const removed = await tx
      .delete(assignments)
      .where(and(mine, eq(assignments.status, "assigned")))
      .returning({ entryId: assignments.entryId });
    await tx.delete(campaignJudges).where(and(eq(campaignJudges.campaignId, input.campaignId), eq(campaignJudges.judgeId, input.judgeId)));
    await tx.insert(auditLog).values({
      actorId,
      action: "judging:panel.remove",
      entity: "campaign",
      entityId: String(input.campaignId),
      data: { judgeId: input.judgeId, removedAssignments: removed.length },
    });
    return { removedAssignments: removed.length };
  });
}
