"use server";

import { z } from "zod";
import { defineAction } from "@/lib/actions";
import { siteOrigin } from "@/lib/classes/site-url";
import { sendEntryReminders } from "@/lib/entries/reminders";
import { scheduleDrain } from "@/lib/mail";

const id = z.coerce.number().int().positive().max(2_147_483_647);

export const sendRemindersAction = defineAction(
  { schema: z.object({ classId: id, campaignId: id }), permission: "entries.submit_for_pupils" },
  async (input, { user }) => {
    const result = await sendEntryReminders(user, input, { origin: await siteOrigin() });
    if (result.sent) scheduleDrain();
    return result;
  },
);
