"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions";
import { saveEntry, withdrawEntry } from "@/lib/entries/mutations";
import { entryFormSchema, withdrawSchema } from "@/lib/entries/schemas";

// Pupils write their own entries and teachers their pupils': lib/entries scopes the pupil to the
// signed-in writer (rule 2), so one action serves both and anyone else finds nothing.

export const saveEntryAction = defineAction({ schema: entryFormSchema, access: "signed-in" }, async (input, { user }) => {
  const result = await saveEntry(user, input);
  revalidatePath("/me/entries");
  return result;
});

export const withdrawEntryAction = defineAction({ schema: withdrawSchema, access: "signed-in", successMessage: "entries.form.withdrawn" }, async (input, { user }) => {
  await withdrawEntry(user, input);
  revalidatePath("/me/entries");
});
