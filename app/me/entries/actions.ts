"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions";
import { can } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { saveEntry, withdrawEntry } from "@/lib/entries/mutations";
import { entryFormSchema, withdrawSchema } from "@/lib/entries/schemas";

// Pupils write their own entries and teachers their pupils': lib/entries scopes the pupil to the
// signed-in writer (rule 2), so one action serves both and anyone else finds nothing.

/** Two permissions open the form; the lib then finds only the writer's own pupils. */
function requireWriter(user: SessionUser): SessionUser {
  if (!can(user, "entries.submit") && !can(user, "entries.submit_for_pupils")) throw new AppError("forbidden");
  return user;
}

// No revalidatePath here: the form shows the outcome from the returned data and refreshes the
// page itself only when the entry's status changes, which keeps a class submitting at once fast.
export const saveEntryAction = defineAction({ schema: entryFormSchema, access: "signed-in" }, async (input, { user }) => saveEntry(requireWriter(user), input));

export const withdrawEntryAction = defineAction({ schema: withdrawSchema, access: "signed-in", successMessage: "entries.form.withdrawn" }, async (input, { user }) => {
  await withdrawEntry(requireWriter(user), input);
  revalidatePath("/me/entries");
});
