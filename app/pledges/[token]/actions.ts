"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions";
import { driveChanged } from "@/lib/drives/cache";
import { cancelPledge, changePledge } from "@/lib/drives/mutations";
import { pledgeChangeSchema, tokenSchema } from "@/lib/drives/schemas";
import { siteOrigin } from "@/lib/schools/request";

// The link's token is the only credential: whoever holds the emailed link manages the pledge.

export type ChangeOutcome = { over: string[] };

export const changePledgeAction = defineAction({ schema: pledgeChangeSchema, access: "public", successMessage: "drives.manage.changed" }, async (input): Promise<ChangeOutcome> => {
  const { over } = await changePledge(input, { origin: await siteOrigin() });
  // The drive page's totals (the action knows the pledge by its token only, so every cached drive is read again).
  driveChanged();
  revalidatePath(`/pledges/${input.token}`);
  return { over };
});

export const cancelPledgeAction = defineAction({ schema: tokenSchema, access: "public", successMessage: "drives.manage.cancelled" }, async ({ token }) => {
  await cancelPledge(token, { origin: await siteOrigin() });
  driveChanged();
  revalidatePath(`/pledges/${token}`);
});
