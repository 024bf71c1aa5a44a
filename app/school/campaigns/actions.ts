"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/actions";
import { siteOrigin } from "@/lib/classes/site-url";
import { enrolSchool } from "@/lib/enrolment/mutations";
import { scheduleDrain } from "@/lib/mail";

export const enrolAction = defineAction(
  { schema: z.object({ campaignId: z.coerce.number().int().positive() }), permission: "campaigns.enrol" },
  async ({ campaignId }, { user }) => {
    const result = await enrolSchool(user, campaignId, { origin: await siteOrigin() });
    if (result.created) scheduleDrain();
    revalidatePath("/school/campaigns");
    return result;
  },
);
