"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions";
import { disqualifyEntry, grantExtension, redactEntry, removeExtension, undoDisqualification } from "@/lib/entries/review-mutations";
import { disqualifySchema, entryRefSchema, extensionRefSchema, extensionSchema, redactSchema } from "@/lib/entries/review-schemas";

export const redactEntryAction = defineAction(
  { schema: redactSchema, permission: "entries.review", successMessage: "entriesAdmin.redact.saved" },
  async ({ entryId, body }, { user }) => {
    const result = await redactEntry(user, entryId, body);
    revalidatePath(`/admin/entries/${entryId}`);
    return result;
  },
);

export const disqualifyEntryAction = defineAction(
  { schema: disqualifySchema, permission: "entries.review", successMessage: "entriesAdmin.disqualify.done" },
  async ({ entryId, reason }, { user }) => {
    await disqualifyEntry(user, entryId, reason);
    revalidatePath(`/admin/entries/${entryId}`);
  },
);

export const undoDisqualificationAction = defineAction(
  { schema: entryRefSchema, permission: "entries.review", successMessage: "entriesAdmin.disqualify.undone" },
  async ({ entryId }, { user }) => {
    await undoDisqualification(user, entryId);
    revalidatePath(`/admin/entries/${entryId}`);
  },
);

export const grantExtensionAction = defineAction(
  { schema: extensionSchema, permission: "entries.review", successMessage: "entriesAdmin.extensions.granted" },
  async (input, { user }) => {
    await grantExtension(user, input);
    revalidatePath("/admin/entries/extensions");
  },
);

export const removeExtensionAction = defineAction(
  { schema: extensionRefSchema, permission: "entries.review" },
  async ({ extensionId }, { user }) => {
    await removeExtension(user, extensionId);
    revalidatePath("/admin/entries/extensions");
  },
);
