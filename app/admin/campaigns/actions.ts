"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { defineAction } from "@/lib/actions";
import { addBook, createCampaign, deleteBook, deleteCategory, saveCategory, setCampaignStatus, updateCampaign } from "@/lib/campaigns/mutations";
import {
  bookRefSchema,
  bookSchema,
  campaignSchema,
  campaignStatusSchema,
  campaignUpdateSchema,
  categoryRefSchema,
  categorySchema,
} from "@/lib/campaigns/schemas";

const manage = { permission: "campaigns.manage" } as const;

function refresh(campaignId?: number) {
  revalidatePath("/campaigns", "layout");
  revalidatePath("/admin/campaigns");
  if (campaignId) revalidatePath(`/admin/campaigns/${campaignId}`);
}

export const createCampaignAction = defineAction({ schema: campaignSchema, ...manage }, async (input, { user }) => {
  const id = await createCampaign(input, user.id);
  refresh();
  redirect(`/admin/campaigns/${id}?created=1`);
});

export const updateCampaignAction = defineAction(
  { schema: campaignUpdateSchema, ...manage, successMessage: "campaigns.saved" },
  async ({ campaignId, ...input }, { user }) => {
    await updateCampaign(campaignId, input, user.id);
    refresh(campaignId);
  },
);

export const setStatusAction = defineAction(
  { schema: campaignStatusSchema, ...manage, successMessage: "campaigns.statusChanged" },
  async ({ campaignId, status }, { user }) => {
    await setCampaignStatus(campaignId, status, user.id);
    refresh(campaignId);
  },
);

export const saveCategoryAction = defineAction(
  { schema: categorySchema, ...manage, successMessage: "campaigns.categorySaved" },
  async (input, { user }) => {
    await saveCategory(input, user.id);
    refresh(input.campaignId);
  },
);

export const deleteCategoryAction = defineAction({ schema: categoryRefSchema, ...manage }, async ({ campaignId, categoryId }, { user }) => {
  await deleteCategory(campaignId, categoryId, user.id);
  refresh(campaignId);
});

export const addBookAction = defineAction({ schema: bookSchema, ...manage, successMessage: "campaigns.bookAdded" }, async (input) => {
  await addBook(input);
  refresh(input.campaignId);
  // A fresh value tells the form to clear itself for the next book.
  return Date.now();
});

export const deleteBookAction = defineAction({ schema: bookRefSchema, ...manage }, async ({ campaignId, bookId }) => {
  await deleteBook(campaignId, bookId);
  refresh(campaignId);
});
