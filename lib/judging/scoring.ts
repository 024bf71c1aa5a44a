import "server-only";
import { and, asc, eq, gt, sql } from "drizzle-orm";
import { getDb, preparedQuery } from "@/db/client";
import { assignments, campaignCategories, campaigns, entries, files, rubricCriteria, type ScoreBand } from "@/db/schema";
import { AppError, type FieldMessage } from "@/lib/errors";
import { disagree } from "./assign";
import { addExtraJudge, getJudgingSettings } from "./assignments";
import { blindSafe } from "./blind-safe";
import { weightedTotal } from "./results";

/*
 * The judge's side. Everything here is selected column by column from the entry: its code,
 * category, book, text or file, never the pupil, the school, the class or the town (rule 9). A
 * judge reaches only their own assignments; another judge's look like nothing at all.
 */

export type Judge = { id: string };

export const QUEUE_PAGE_SIZE = 50;

const queueOf = (judge: Judge) => and(eq(assignments.judgeId, judge.id), eq(assignments.status, "assigned"), blindSafe);
// Still to score: not submitted, in a campaign whose judging is open.
const toScore = (now: Date) => and(sql`${assignments.scoreStatus} <> 'submitted'`, gt(campaigns.judgingEndsAt, now));
const queueOrder = [sql`${campaigns.judgingEndsAt} desc`, asc(campaignCategories.sortOrder), asc(entries.code)] as const;

/**
 * The judge's entries, newest campaign first, then by category and code, with what they have
 * done on each: all of them, or (`todo`) those still to score; a page at a time when `page` is given.
 */
export async function listJudgeQueue(judge: Judge, o: { todo?: boolean; page?: number; now?: Date } = {}) {
  const q = getDb()
    .select({
      assignmentId: assignments.id,
      code: entries.code,
      title: entries.title,
      scoreStatus: assignments.scoreStatus,
      total: assignments.total,
      categoryName: campaignCategories.name,
      entryType: campaignCategories.entryType,
      campaignId: campaigns.id,
      campaignTitle: campaigns.title,
      judgingEndsAt: campaigns.judgingEndsAt,
    })
    .from(assignments)
    .innerJoin(entries, eq(entries.id, assignments.entryId))
    .innerJoin(campaignCategories, eq(campaignCategories.id, entries.categoryId))
    .innerJoin(campaigns, eq(campaigns.id, assignments.campaignId))
    .where(and(queueOf(judge), o.todo ? toScore(o.now ?? new Date()) : undefined))
    .orderBy(...queueOrder);
  return o.page ? q.limit(QUEUE_PAGE_SIZE).offset((o.page - 1) * QUEUE_PAGE_SIZE) : q;
}

/** The judge's progress per campaign and category: how many entries, how many submitted. */
export async function judgeQueueSummary(judge: Judge, now = new Date()) {
  return getDb()
    .select({
      campaignId: campaigns.id,
      campaignTitle: campaigns.title,
      judgingEndsAt: campaigns.judgingEndsAt,
      categoryName: campaignCategories.name,
      entryType: campaignCategories.entryType,
      total: sql<number>`count(*)::int`,
      submitted: sql<number>`count(*) filter (where ${assignments.scoreStatus} = 'submitted')::int`,
      toScore: sql<number>`count(*) filter (where ${toScore(now)})::int`,
    })
    .from(assignments)
    .innerJoin(entries, eq(entries.id, assignments.entryId))
    .innerJoin(campaignCategories, eq(campaignCategories.id, entries.categoryId))
    .innerJoin(campaigns, eq(campaigns.id, assignments.campaignId))
    .where(queueOf(judge))
    .groupBy(campaigns.id, campaignCategories.id)
    .orderBy(sql`${campaigns.judgingEndsAt} desc`, asc(campaignCategories.sortOrder));
}

/** A rubric criterion as the judge's form and the score check use it. */
export type JudgeCriterion = { id: number; name: string; description: string; maxPoints: number; weight: number; bands: ScoreBand[] };

const judgeId = sql.placeholder("judgeId");
const assignmentId = sql.placeholder("assignmentId");

/** The judge's page's one query: it runs on every page a judge opens. */
const judgeAssignmentQuery = preparedQuery((db) =>
  db
    .select({
      assignment: {
        id: assignments.id,
        points: assignments.points,
        total: assignments.total,
        comment: assignments.comment,
        scoreStatus: assignments.scoreStatus,
      },
      entry: {
        id: entries.id,
        code: entries.code,
        title: entries.title,
        bookTitle: entries.bookTitle,
        bookAuthor: entries.bookAuthor,
        body: entries.body,
        statement: entries.statement,
        hasFile: sql<boolean>`${entries.fileId} is not null`,
        fileType: files.mimeType,
      },
      category: { id: campaignCategories.id, name: campaignCategories.name, entryType: campaignCategories.entryType },
      campaign: { id: campaigns.id, title: campaigns.title, judgingEndsAt: campaigns.judgingEndsAt },
      criteria: sql<JudgeCriterion[]>`coalesce((
        select json_agg(json_build_object('id', c.id, 'name', c.name, 'description', c.description, 'maxPoints', c.max_points, 'weight', c.weight, 'bands', c.bands) order by c.sort_order, c.id)
        from ${rubricCriteria} c where c.category_id = ${campaignCategories.id}), '[]'::json)`,
      // The next one still to score, for "save and go on".
      nextId: sql<number | null>`(
        select n.id from ${assignments} n
        where n.judge_id = ${judgeId} and n.campaign_id = ${assignments.campaignId} and n.status = 'assigned'
          and n.score_status <> 'submitted' and n.id > ${assignmentId}
        order by n.id limit 1)`,
    })
    .from(assignments)
    .innerJoin(entries, eq(entries.id, assignments.entryId))
    .innerJoin(campaignCategories, eq(campaignCategories.id, entries.categoryId))
    .innerJoin(campaigns, eq(campaigns.id, assignments.campaignId))
    .leftJoin(files, eq(files.id, entries.fileId))
    .where(and(eq(assignments.id, assignmentId), eq(assignments.judgeId, judgeId), eq(assignments.status, "assigned"), blindSafe))
    .limit(1)
    .prepare("judge_assignment"),
);

/**
 * One assignment of this judge, with what is needed to judge it and nothing else: the entry, its
 * rubric, the file's checked type (for a drawing) and the next entry still to score, in one query.
 */
export async function getJudgeAssignment(judge: Judge, id: number) {
  const [row] = await judgeAssignmentQuery().execute({ judgeId: judge.id, assignmentId: id });
  return row ? { ...row, open: new Date() < row.campaign.judgingEndsAt } : null;
}
export type JudgeAssignment = NonNullable<Awaited<ReturnType<typeof getJudgeAssignment>>>;

/** The entry's file for its judge, by assignment: the file name a judge sees is the entry code. */
export async function getJudgeFile(judge: Judge, assignmentId: number) {
  const [row] = await getDb()
    .select({ fileId: entries.fileId, code: entries.code })
    .from(assignments)
    .innerJoin(entries, eq(entries.id, assignments.entryId))
    .where(and(eq(assignments.id, assignmentId), eq(assignments.judgeId, judge.id), eq(assignments.status, "assigned"), blindSafe))
    .limit(1);
  return row?.fileId ? row : null;
}

export type ScoreInput = { assignmentId: number; points: Record<string, number | undefined>; comment: string; intent: "draft" | "submit" };

/**
 * Saves a judge's points and comment; submitting needs every criterion. A submitted score can be
 * changed until judging closes. When the entry's judges now disagree by more than the campaign's
 * share, the entry gets one more judge (once).
 */
export async function saveScore(judge: Judge, input: ScoreInput, now = new Date()): Promise<{ total: number; extraJudge: boolean }> {
  const current = await getJudgeAssignment(judge, input.assignmentId);
  if (!current) throw new AppError("not_found");
  if (now >= current.campaign.judgingEndsAt) throw new AppError("invalid", undefined, "judging.errors.closed");
  const problems: Record<string, FieldMessage> = {};
  const points: Record<string, number> = {};
  for (const c of current.criteria) {
    const p = input.points[String(c.id)];
    if (p === undefined) {
      if (input.intent === "submit") problems[`points.${c.id}`] = "errors.required";
    } else if (!Number.isInteger(p) || p < 0 || p > c.maxPoints) problems[`points.${c.id}`] = ["judging.errors.pointsRange", { max: c.maxPoints }];
    else points[String(c.id)] = p;
  }
  if (input.intent === "submit" && current.criteria.length === 0) throw new AppError("invalid", undefined, "judging.errors.noRubric");
  if (Object.keys(problems).length) throw new AppError("invalid", problems);
  const total = weightedTotal(current.criteria, points);
  const submit = input.intent === "submit" || current.assignment.scoreStatus === "submitted";

  return getDb().transaction(async (tx) => {
    await tx
      .update(assignments)
      .set({
        points,
        total,
        comment: input.comment,
        scoreStatus: submit ? "submitted" : "draft",
        submittedAt: submit ? sql`coalesce(${assignments.submittedAt}, now())` : null,
        updatedAt: now,
      })
      .where(and(eq(assignments.id, input.assignmentId), eq(assignments.judgeId, judge.id)));
    if (!submit) return { total, extraJudge: false };
    // Serialise the entry's judges here, so two submitting at once add at most one more.
    await tx.execute(sql`select ${entries.id} from ${entries} where ${entries.id} = ${current.entry.id} for update`);
    const others = await tx
      .select({ total: assignments.total, round: assignments.round, scoreStatus: assignments.scoreStatus })
      .from(assignments)
      .where(and(eq(assignments.entryId, current.entry.id), eq(assignments.status, "assigned")));
    if (others.some((o) => o.round > 1)) return { total, extraJudge: false };
    const totals = others.filter((o) => o.scoreStatus === "submitted" && o.total !== null).map((o) => o.total!);
    const settings = await getJudgingSettings(current.campaign.id, tx);
    if (!disagree(totals, settings.disagreementShare)) return { total, extraJudge: false };
    return { total, extraJudge: (await addExtraJudge(tx, current.entry.id, 2)) !== null };
  });
}

/** A judge steps back from an entry with a reason; someone else gets it. */
export async function recuse(judge: Judge, input: { assignmentId: number; reason: string }): Promise<void> {
  await getDb().transaction(async (tx) => {
    const [a] = await tx
      .update(assignments)
      .set({ status: "recused", recuseReason: input.reason, updatedAt: sql`now()` })
      .where(and(eq(assignments.id, input.assignmentId), eq(assignments.judgeId, judge.id), eq(assignments.status, "assigned")))
      .returning({ entryId: assignments.entryId, round: assignments.round });
    if (!a) throw new AppError("not_found");
    await addExtraJudge(tx, a.entryId, a.round);
  });
}
