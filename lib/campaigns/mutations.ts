import "server-only";
import { and, count, eq, sql } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import { auditLog, campaignBooks, campaignCategories, campaigns, entries } from "@/db/schema";
import { getCachedHighlights } from "@/lib/content/queries";
import { AppError, isUniqueViolation } from "@/lib/errors";
import { saveOptionalImage } from "@/lib/storage";
import type { BookInput, CampaignInput, CategoryInput } from "./schemas";

async function audit(db: DbOrTx, actorId: string, action: string, campaignId: number, data?: Record<string, unknown>) {
  await db.insert(auditLog).values({ actorId, action, entity: "campaign", entityId: String(campaignId), data });
}

export async function createCampaign({ cover, ...input }: CampaignInput & { cover?: File }, actorId: string) {
  try {
    return await getDb().transaction(async (tx) => {
      const coverId = await saveOptionalImage(tx, "cover", cover, actorId);
      const [row] = await tx
        .insert(campaigns)
        .values({ ...input, coverFileId: coverId ?? null, createdBy: actorId })
        .returning({ id: campaigns.id });
      await audit(tx, actorId, "create", row!.id);
      return row!.id;
    });
  } catch (e) {
    if (isUniqueViolation(e, "slug")) throw new AppError("invalid", { slug: "campaigns.slugTaken" });
    throw e;
  }
}

export async function updateCampaign(campaignId: number, { cover, ...input }: CampaignInput & { cover?: File }, actorId: string) {
  try {
    await getDb().transaction(async (tx) => {
      const coverId = await saveOptionalImage(tx, "cover", cover, actorId);
      const [row] = await tx
        .update(campaigns)
        .set({ ...input, ...(coverId ? { coverFileId: coverId } : {}), updatedAt: sql`now()` })
        .where(eq(campaigns.id, campaignId))
        .returning({ id: campaigns.id });
      if (!row) throw new AppError("not_found");
      await audit(tx, actorId, "update", campaignId);
    });
    getCachedHighlights.clear();
  } catch (e) {
    if (isUniqueViolation(e, "slug")) throw new AppError("invalid", { slug: "campaigns.slugTaken" });
    throw e;
  }
}

/** Publishing needs at least one category: a campaign nobody can enter is not ready. */
export async function setCampaignStatus(campaignId: number, status: "draft" | "published" | "archived", actorId: string) {
  await getDb().transaction(async (tx) => {
    if (status === "published") {
      const [cat] = await tx.select({ id: campaignCategories.id }).from(campaignCategories).where(eq(campaignCategories.campaignId, campaignId)).limit(1);
      if (!cat) throw new AppError("conflict", undefined, "campaigns.needsCategory");
    }
    const [row] = await tx.update(campaigns).set({ status, updatedAt: sql`now()` }).where(eq(campaigns.id, campaignId)).returning({ id: campaigns.id });
    if (!row) throw new AppError("not_found");
    await audit(tx, actorId, `status:${status}`, campaignId);
  });
  getCachedHighlights.clear();
}

export async function saveCategory(input: CategoryInput, actorId: string) {
  const { campaignId, categoryId, ...values } = input;
  const row = {
    ...values,
    minChars: values.entryType === "essay" ? values.minChars : null,
    maxChars: values.entryType === "essay" ? values.maxChars : null,
    maxFileMb: values.entryType === "drawing" ? (values.maxFileMb ?? 10) : 10,
  };
  try {
    await getDb().transaction(async (tx) => {
      if (categoryId) {
        const [updated] = await tx
          .update(campaignCategories)
          .set(row)
          .where(and(eq(campaignCategories.id, categoryId), eq(campaignCategories.campaignId, campaignId)))
          .returning({ id: campaignCategories.id });
        if (!updated) throw new AppError("not_found");
      } else {
        const [existing] = await tx.select({ n: count() }).from(campaignCategories).where(eq(campaignCategories.campaignId, campaignId));
        await tx.insert(campaignCategories).values({ ...row, campaignId, sortOrder: (existing?.n ?? 0) + 1 });
      }
      await audit(tx, actorId, categoryId ? "category:update" : "category:add", campaignId, { code: values.code });
    });
  } catch (e) {
    if (isUniqueViolation(e, "code")) throw new AppError("invalid", { code: "campaigns.codeTaken" });
    throw e;
  }
}

/**
 * Removes a category that nobody has entered yet. A category with entries stays (its entries
 * keep their codes), and a published campaign keeps at least one category.
 */
export async function deleteCategory(campaignId: number, categoryId: number, actorId: string) {
  await getDb().transaction(async (tx) => {
    const [used] = await tx.select({ id: entries.id }).from(entries).where(eq(entries.categoryId, categoryId)).limit(1);
    if (used) throw new AppError("conflict", undefined, "campaigns.categoryHasEntries");
    const [{ n, status }] = await tx
      .select({ n: count(), status: sql<string>`max(${campaigns.status}::text)` })
      .from(campaignCategories)
      .innerJoin(campaigns, eq(campaigns.id, campaignCategories.campaignId))
      .where(eq(campaignCategories.campaignId, campaignId));
    if (status === "published" && n <= 1) throw new AppError("conflict", undefined, "campaigns.lastCategory");
    const [row] = await tx
      .delete(campaignCategories)
      .where(and(eq(campaignCategories.id, categoryId), eq(campaignCategories.campaignId, campaignId)))
      .returning({ code: campaignCategories.code });
    if (!row) throw new AppError("not_found");
    await audit(tx, actorId, "category:delete", campaignId, { code: row.code });
  });
}

export async function addBook(input: BookInput) {
  const { campaignId, ...values } = input;
  // A new book goes to the end of the list.
  await getDb()
    .insert(campaignBooks)
    .values({
      ...values,
      campaignId,
      sortOrder: sql`(select coalesce(max(${campaignBooks.sortOrder}), 0) + 1 from ${campaignBooks} where ${campaignBooks.campaignId} = ${campaignId})`,
    });
}

export async function deleteBook(campaignId: number, bookId: number) {
  const [row] = await getDb()
    .delete(campaignBooks)
    .where(and(eq(campaignBooks.id, bookId), eq(campaignBooks.campaignId, campaignId)))
    .returning({ id: campaignBooks.id });
  if (!row) throw new AppError("not_found");
}
