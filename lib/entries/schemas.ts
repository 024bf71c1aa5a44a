import { z } from "zod";
import { id } from "@/lib/form-fields";

/** Longest essay text kept at all (a draft may be longer than the category allows, to be cut down). */
export const MAX_ESSAY_STORE = 30_000;
export const TITLE_MAX = 60;
export const STATEMENT_MAX = 300;

const text = (max: number) => z.string().trim().max(max).default("");

/**
 * What the entry form posts. Nothing is required for a draft; `submit` adds the category's
 * rules on the server (lib/entries/mutations.ts), so a draft saves whatever was typed.
 */
export const entryFormSchema = z.object({
  categoryId: id,
  /** The pupil the entry belongs to: the signed-in pupil themself, or one of the teacher's. */
  pupilId: z.string().min(1).max(64),
  intent: z.enum(["draft", "submit"]),
  title: text(TITLE_MAX),
  bookTitle: text(100),
  bookAuthor: text(60),
  // Not trimmed: paragraphs and their indentation are the pupil's own.
  body: z.string().max(MAX_ESSAY_STORE, "entries.errors.bodyTooLongToStore").default(""),
  statement: text(STATEMENT_MAX),
  file: z
    .instanceof(File)
    .optional()
    .transform((f) => (f && f.size > 0 ? f : undefined)),
});
export type EntryFormInput = z.output<typeof entryFormSchema>;

export const withdrawSchema = z.object({ entryId: id, pupilId: z.string().min(1).max(64) });
