import { z } from "zod";
import { id } from "@/lib/form-fields";

// What the judge's forms post. Shared by the server actions (app/judging/actions.ts) and the
// client forms, so no server-only imports here.

export const COMMENT_MAX = 1000;
export const RECUSE_REASON_MAX = 300;

/** The score form names each criterion's input `points.<criterion id>`. */
export const pointsField = (criterionId: number) => `points.${criterionId}`;

// Full-width digits (０–９) come from Chinese input methods; they mean the same numbers.
const asciiDigits = (s: string) => s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));

/**
 * One criterion's points as typed: empty means "not scored yet" (a draft may leave it so), else a
 * whole number. The range is the criterion's own and is checked by saveScore, which knows it.
 */
const points = z
  .string()
  .transform((raw, ctx) => {
    const s = asciiDigits(raw.trim());
    if (s === "") return undefined;
    if (!/^\d{1,3}$/.test(s)) {
      ctx.addIssue({ code: "custom", message: "judging.score.wholeNumber" });
      return z.NEVER;
    }
    return Number(s);
  })
  .optional();

/** Gathers the flat `points.<id>` form fields into one `points` record keyed by criterion id. */
function gatherPoints(raw: unknown) {
  if (!raw || typeof raw !== "object") return raw;
  const out: Record<string, unknown> = {};
  const gathered: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    const m = /^points\.(\d{1,9})$/.exec(key);
    if (m) gathered[m[1]!] = value;
    else out[key] = value;
  }
  out.points = gathered;
  return out;
}

export const scoreFormSchema = z.preprocess(
  gatherPoints,
  z.object({
    assignmentId: id,
    intent: z.enum(["draft", "submit"]),
    // A rubric has a handful of criteria; a form with hundreds of point fields is not a score.
    points: z.record(z.string(), points).refine((p) => Object.keys(p).length <= 50),
    comment: z.string().trim().max(COMMENT_MAX).default(""),
  }),
);
export type ScoreFormInput = z.output<typeof scoreFormSchema>;

export const recuseFormSchema = z.object({
  assignmentId: id,
  reason: z.string().trim().min(1, "judging.recuse.reasonRequired").max(RECUSE_REASON_MAX),
});
