"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions";
import { deleteCriterion, saveCriterion } from "@/lib/judging/rubric";
import { criterionRefSchema, criterionSchema } from "@/lib/judging/schemas";

const manage = { permission: "judging.manage" } as const;

const refresh = (campaignId: number) => revalidatePath(`/admin/campaigns/${campaignId}/judging`, "layout");

export const saveCriterionAction = defineAction({ schema: criterionSchema, ...manage, successMessage: "judgingAdmin.rubric.saved" }, async (input, { user }) => {
  const { id } = await saveCriterion(user.id, input);
  refresh(input.campaignId);
  // A fresh value tells the "add" form to clear itself for the next criterion.
  return { id, at: Date.now() };
});

export const deleteCriterionAction = defineAction({ schema: criterionRefSchema, ...manage }, async (input, { user }) => {
  await deleteCriterion(user.id, input);
  refresh(input.campaignId);
});
