"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions";
import { siteOrigin } from "@/lib/classes/site-url";
import { computeResults, overrideTier } from "@/lib/judging/compute";
import { publishResults } from "@/lib/judging/publish";
import { campaignRefSchema } from "@/lib/judging/schemas";
import { resultSettingsSchema, saveResultSettings, tierMoveSchema } from "@/lib/judging/settings";

const manage = { permission: "judging.manage" } as const;

// The public results and certificates change with these too, so every page of the campaign is refreshed.
const refresh = (campaignId: number) => {
  revalidatePath(`/admin/campaigns/${campaignId}/judging`, "layout");
  revalidatePath("/campaigns", "layout");
};

export const saveResultSettingsAction = defineAction({ schema: resultSettingsSchema, ...manage, successMessage: "results.settings.saved" }, async (input, { user }) => {
  await saveResultSettings(user.id, input);
  refresh(input.campaignId);
  return { at: Date.now() };
});

export const computeResultsAction = defineAction({ schema: campaignRefSchema, ...manage }, async (input, { user }) => {
  const outcome = await computeResults(user.id, input.campaignId);
  refresh(input.campaignId);
  return outcome;
});

export const moveTierAction = defineAction({ schema: tierMoveSchema, ...manage, successMessage: "results.move.saved" }, async (input, { user }) => {
  await overrideTier(user.id, { entryId: input.entryId, tier: input.tier, reason: input.reason });
  refresh(input.campaignId);
  return { at: Date.now() };
});

export const publishResultsAction = defineAction({ schema: campaignRefSchema, ...manage }, async (input, { user }) => {
  const outcome = await publishResults(user.id, input.campaignId, await siteOrigin());
  refresh(input.campaignId);
  return outcome;
});
