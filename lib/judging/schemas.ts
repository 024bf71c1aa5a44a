import { z } from "zod";
import { id } from "@/lib/form-fields";
import type { ScoreBand } from "@/db/schema/judging";

// Staff-side judging inputs, shared by the forms and the actions (no server imports here).

const userId = z.string().trim().min(1).max(100);
const email = z.string().trim().toLowerCase().min(1).max(200).pipe(z.email());
/** A number typed in a form: empty is "required", not 0. */
const typedNumber = (inner: z.ZodNumber) => z.string().trim().min(1).transform(Number).pipe(inner);

export const campaignRefSchema = z.object({ campaignId: id });

// Bands are typed one per line, "9-10 立意深刻，有独到见解": a score range and what it looks like.
export const MAX_BANDS = 10;
// Full-width digits and dashes are common in Chinese typing; the text itself is kept as typed.
const BAND_LINE = /^([0-9０-９]{1,3})\s*(?:[-–—~～－至到]\s*([0-9０-９]{1,3}))?\s*分?\s*[:：、.．,，]?\s*(.*)$/;
const digits = (s: string) => Number(s.normalize("NFKC"));

export type BandProblem = { key: string; values: Record<string, number> };

/**
 * Reads the band lines of a criterion. Each line is "from-to text" (or "n text" for one score);
 * ranges must lie within 0–maxPoints and not overlap. Blank lines are skipped. The bands come
 * back highest first, as judges read them.
 */
export function parseBands(text: string, maxPoints: number): { bands: ScoreBand[] } | { problem: BandProblem } {
  const lines = text
    .split(/\r?\n/)
    .map((l, i) => ({ line: i + 1, text: l.trim() }))
    .filter((l) => l.text !== "");
  if (lines.length === 0) return { problem: { key: "judgingAdmin.rubric.bandsRequired", values: {} } };
  if (lines.length > MAX_BANDS) return { problem: { key: "judgingAdmin.rubric.bandsTooMany", values: { max: MAX_BANDS } } };
  const bands: (ScoreBand & { line: number })[] = [];
  for (const { line, text: raw } of lines) {
    const m = BAND_LINE.exec(raw);
    if (!m || !m[3]) return { problem: { key: "judgingAdmin.rubric.bandFormat", values: { line } } };
    const a = digits(m[1]!);
    const b = m[2] === undefined ? a : digits(m[2]);
    const [from, to] = a <= b ? [a, b] : [b, a];
    if (to > maxPoints) return { problem: { key: "judgingAdmin.rubric.bandRange", values: { line, max: maxPoints } } };
    const body = m[3].trim();
    if (body.length > 300) return { problem: { key: "judgingAdmin.rubric.bandTooLong", values: { line, max: 300 } } };
    bands.push({ from, to, text: body, line });
  }
  bands.sort((x, y) => y.from - x.from);
  for (let i = 1; i < bands.length; i++) {
    const [higher, lower] = [bands[i - 1]!, bands[i]!];
    if (lower.to >= higher.from) return { problem: { key: "judgingAdmin.rubric.bandOverlap", values: { line: Math.max(higher.line, lower.line) } } };
  }
  return { bands: bands.map(({ from, to, text: t }) => ({ from, to, text: t })) };
}

/** The bands as the editor shows them again. */
export function formatBands(bands: readonly ScoreBand[]): string {
  return bands.map((b) => `${b.from === b.to ? b.from : `${b.from}-${b.to}`} ${b.text}`).join("\n");
}

export const criterionSchema = z.object({
  campaignId: id,
  categoryId: id,
  criterionId: id.optional(),
  name: z.string().trim().min(1).max(40),
  description: z.string().trim().max(500),
  maxPoints: typedNumber(z.number().int().min(1).max(100)),
  weight: typedNumber(z.number().gt(0, "judgingAdmin.rubric.weightRange").max(10, "judgingAdmin.rubric.weightRange")),
  sortOrder: typedNumber(z.number().int().min(0).max(99)),
  /** Parsed against maxPoints by the rubric functions, which can say which line is wrong. */
  bands: z.string().max(5000),
});
export type CriterionInput = z.output<typeof criterionSchema>;

export const criterionRefSchema = z.object({ campaignId: id, criterionId: id });

export const inviteJudgeSchema = z.object({ campaignId: id, name: z.string().trim().min(1).max(40), email });
export type InviteJudgeInput = z.output<typeof inviteJudgeSchema>;

export const judgeInvitationRefSchema = z.object({ campaignId: id, invitationId: id });

export const panelMemberSchema = z.object({ campaignId: id, judgeId: userId });

export const MAX_CONFLICTS = 20;
const many = (v: unknown) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/**
 * Accepting an invitation: the token, and the schools the judge is connected to, posted as
 * parallel `schoolId` / `note` fields (one pair per row of the form). Rows without a school are
 * left out; a school chosen twice counts once, with the first note.
 */
export const acceptJudgeInvitationSchema = z
  .object({
    token: z.string().min(10).max(100),
    schoolId: z.preprocess(many, z.array(z.string().max(12))),
    note: z.preprocess(many, z.array(z.string().trim().max(200))),
  })
  .transform(({ token, schoolId, note }, ctx) => {
    const conflicts = new Map<number, string>();
    schoolId.forEach((raw, i) => {
      if (raw === "") return;
      const n = Number(raw);
      if (!Number.isInteger(n) || n <= 0) ctx.addIssue({ code: "custom", path: ["schoolId"], message: "errors.invalid" });
      else if (!conflicts.has(n)) conflicts.set(n, note[i] ?? "");
    });
    if (conflicts.size > MAX_CONFLICTS) ctx.addIssue({ code: "custom", path: ["schoolId"], message: "judgingAdmin.accept.tooManyConflicts" });
    return { token, conflicts: [...conflicts].map(([id, n]) => ({ schoolId: id, note: n })) };
  });
export type AcceptJudgeInvitationInput = z.output<typeof acceptJudgeInvitationSchema>;

export const assignSchema = z.object({
  campaignId: id,
  judgesPerEntry: typedNumber(z.number().int().min(1).max(5)),
  /** Percent of the maximum, as staff think of it; stored as a share. */
  disagreementPercent: typedNumber(z.number().int().min(1).max(100)),
});

export const moveAssignmentSchema = z.object({ campaignId: id, assignmentId: id, judgeId: userId });
