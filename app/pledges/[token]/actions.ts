"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions";
import { cancelPledge } from "@/lib/drives/mutations";
import { tokenSchema } from "@/lib/drives/schemas";
import { siteOrigin } from "@/lib/schools/request";

// The link's token is the only credential: whoever holds the emailed link manages the pledge.

export const cancelPledgeAction = defineAction({ schema: tokenSchema, access: "public", successMessage: "drives.manage.cancelled" }, async ({ token }) => {
  await cancelPledge(token, { origin: await siteOrigin() });
  revalidatePath(`/pledges/${token}`);
});
