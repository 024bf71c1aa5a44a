import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import { assignments, auditLog, campaignCategories, entries, rubricCriteria } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { parseBands, type CriterionInput } from "./schemas";

// Staff define what judges score each category on. Once a judge has submitted a score in a
// category its criteria are fixed: changing them would leave submitted totals on another scale.

/** Submitted scores per category of the campaign (recusals included: their points were given). */
async function submittedByCategory(db: DbOrTx, campaignId: number) {
  const rows = await db
    .select({ categoryId: entries.categoryId, n: sql<number>`count(*)::int` })
    .from(assignments)
    .innerJoin(entries, eq(entries.id, assignments.entryId))
    .where(and(eq(assignments.campaignId, campaignId), eq(assignments.scoreStatus, "submitted")))
    .groupBy(entries.categoryId);
  return new Map(rows.map((r) => [r.categoryId, r.n]));
}

/** Every category of the campaign with its criteria, and whether scores already fix them. */
export async function listRubric(campaignId: number) {
  const db = getDb();
  const [categories, criteria, submitted] = await Promise.all([
    db
      .select({ id: campaignCategories.id, name: campaignCategories.name, code: campaignCategories.code, entryType: campaignCategories.entryType })
      .from(campaignCategories)
      .where(eq(campaignCategories.campaignId, campaignId))
      .orderBy(asc(campaignCategories.sortOrder), asc(campaignCategories.id)),
    db
      .select()
      .from(rubricCriteria)
      .innerJoin(campaignCategories, eq(campaignCategories.id, rubricCriteria.categoryId))
      .where(eq(campaignCategories.campaignId, campaignId))
      .orderBy(asc(rubricCriteria.sortOrder), asc(rubricCriteria.id)),
    submittedByCategory(db, campaignId),
  ]);
  return categories.map((c) => ({
    ...c,
    criteria: criteria.filter((r) => r.rubric_criteria.categoryId === c.id).map((r) => r.rubric_criteria),
    submittedScores: submitted.get(c.id) ?? 0,
    locked: (submitted.get(c.id) ?? 0) > 0,
  }));
}
export type RubricCategory = Awaited<ReturnType<typeof listRubric>>[number];

/**
 * Locks the category (so two staff editing at once take turns) and refuses when it is not the
 * campaign's or a score in it is already submitted.
 */
async function openCategory(tx: DbOrTx, campaignId: number, categoryId: number) {
  const [category] = await tx
    .select({ id: campaignCategories.id })
    .from(campaignCategories)
    .where(and(eq(campaignCategories.id, categoryId), eq(campaignCategories.campaignId, campaignId)))
    .for("update")
    .limit(1);
  if (!category) throw new AppError("not_found");
  const [scored] = await tx
    .select({ id: assignments.id })
    .from(assignments)
    .innerJoin(entries, eq(entries.id, assignments.entryId))
    .where(and(eq(entries.categoryId, categoryId), eq(assignments.scoreStatus, "submitted")))
    .limit(1);
  if (scored) throw new AppError("conflict", undefined, "judgingAdmin.errors.rubricLocked");
}

/** Adds a criterion to a category, or changes one (then `criterionId` names it). */
export async function saveCriterion(actorId: string, input: CriterionInput): Promise<{ id: number }> {
  const parsed = parseBands(input.bands, input.maxPoints);
  if ("problem" in parsed) throw new AppError("invalid", { bands: [parsed.problem.key, parsed.problem.values] });
  const values = { name: input.name, description: input.description, maxPoints: input.maxPoints, weight: input.weight, bands: parsed.bands, sortOrder: input.sortOrder };
  return getDb().transaction(async (tx) => {
    await openCategory(tx, input.campaignId, input.categoryId);
    let id: number;
    if (input.criterionId) {
      const [row] = await tx
        .update(rubricCriteria)
        .set(values)
        .where(and(eq(rubricCriteria.id, input.criterionId), eq(rubricCriteria.categoryId, input.categoryId)))
        .returning({ id: rubricCriteria.id });
      if (!row) throw new AppError("not_found");
      id = row.id;
    } else {
      const [row] = await tx
        .insert(rubricCriteria)
        .values({ ...values, categoryId: input.categoryId })
        .returning({ id: rubricCriteria.id });
      id = row!.id;
    }
    await tx.insert(auditLog).values({
      actorId,
      action: input.criterionId ? "judging:rubric.update" : "judging:rubric.create",
      entity: "rubric_criterion",
      entityId: String(id),
      data: { categoryId: input.categoryId, ...values },
    });
    return { id };
  });
}

export async function deleteCriterion(actorId: string, input: { campaignId: number; criterionId: number }): Promise<void> {
  await getDb().transaction(async (tx) => {
    const [criterion] = await tx.select().from(rubricCriteria).where(eq(rubricCriteria.id, input.criterionId)).limit(1);
    if (!criterion) throw new AppError("not_found");
    await openCategory(tx, input.campaignId, criterion.categoryId);
    await tx.delete(rubricCriteria).where(eq(rubricCriteria.id, criterion.id));
    await tx.insert(auditLog).values({ actorId, action: "judging:rubric.delete", entity: "rubric_criterion", entityId: String(criterion.id), data: { ...criterion } });
  });
}
