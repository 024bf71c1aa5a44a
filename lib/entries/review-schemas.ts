import { z } from "zod";
import { id } from "@/lib/form-fields";
import { parseShanghaiDateTime } from "@/lib/time";
import { MAX_ESSAY_STORE } from "./schemas";

// Inputs of the staff actions on entries (shared by the forms and app/admin/entries/actions.ts).

export const entryRefSchema = z.object({ entryId: id });

export const redactSchema = z.object({
  entryId: id,
  // Not trimmed: the pupil's paragraphs stay as they were, only the personal details change.
  body: z
    .string({ message: "entriesAdmin.errors.bodyRequired" })
    .max(MAX_ESSAY_STORE)
    .refine((v) => v.trim().length > 0, "entriesAdmin.errors.bodyRequired"),
});

export const disqualifySchema = z.object({
  entryId: id,
  reason: z
    .string({ message: "entriesAdmin.errors.reasonRequired" })
    .trim()
    .min(1, { message: "entriesAdmin.errors.reasonRequired" })
    .max(500),
});

export const extensionSchema = z.object({
  campaignId: id,
  schoolId: z.coerce.number({ message: "entriesAdmin.errors.schoolRequired" }).int().positive("entriesAdmin.errors.schoolRequired").max(2_147_483_647),
  /** Beijing time, as a datetime-local field sends it. */
  closesAt: z
    .string()
    .min(1, { message: "errors.invalidDate" })
    .transform((v, ctx) => {
      const d = parseShanghaiDateTime(v);
      if (!d) ctx.addIssue({ code: "custom", message: "errors.invalidDate" });
      return d ?? new Date(NaN);
    }),
  reason: z.string().trim().max(300).default(""),
});
export type ExtensionInput = z.output<typeof extensionSchema>;

export const extensionRefSchema = z.object({ extensionId: id });
