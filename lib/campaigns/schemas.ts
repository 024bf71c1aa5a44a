import { z } from "zod";
import { checkbox, id, slug } from "@/lib/form-fields";
import { parseShanghaiDateTime } from "@/lib/time";

const dateTime = z
  .string()
  .min(1)
  .transform((v, ctx) => {
    const d = parseShanghaiDateTime(v);
    if (!d) ctx.addIssue({ code: "custom", message: "errors.invalidDate" });
    return d ?? new Date(NaN);
  });

// The category form posts only the limits of the chosen entry type, so a limit may be absent.
const optionalInt = (min: number, max: number) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => (v === undefined || v === "" ? null : Number(v)))
    .pipe(z.number().int().min(min).max(max).nullable());

export const timelineFields = [
  "registrationOpensAt",
  "registrationClosesAt",
  "submissionOpensAt",
  "submissionClosesAt",
  "judgingEndsAt",
  "resultsAt",
] as const;

export const campaignSchema = z
  .object({
    slug,
    title: z.string().trim().min(1).max(120),
    theme: z.string().trim().max(120),
    year: z.coerce.number().int().min(2000).max(2100),
    codePrefix: z.string().trim().toUpperCase().regex(/^[A-Z]{1,4}$/, "campaigns.codePrefixFormat").default("SX"),
    description: z.string().max(20_000),
    rules: z.string().max(20_000),
    maskNames: checkbox,
    registrationOpensAt: dateTime,
    registrationClosesAt: dateTime,
    submissionOpensAt: dateTime,
    submissionClosesAt: dateTime,
    judgingEndsAt: dateTime,
    resultsAt: dateTime,
    cover: z.instanceof(File).optional(),
  })
  .superRefine((v, ctx) => {
    const order: [keyof typeof v, keyof typeof v][] = [
      ["registrationOpensAt", "registrationClosesAt"],
      ["submissionOpensAt", "submissionClosesAt"],
      ["submissionClosesAt", "judgingEndsAt"],
      ["judgingEndsAt", "resultsAt"],
    ];
    for (const [before, after] of order) {
      const a = v[before];
      const b = v[after];
      // An empty or bad date already has its own message.
      if (!(a instanceof Date) || !(b instanceof Date) || Number.isNaN(a.getTime()) || Number.isNaN(b.getTime())) continue;
      if (a > b) {
        ctx.addIssue({ code: "custom", path: [after], message: "campaigns.timelineOrder" });
      }
    }
  });
export type CampaignInput = Omit<z.output<typeof campaignSchema>, "cover">;

export const campaignIdSchema = z.object({ campaignId: id });
export const campaignUpdateSchema = z.intersection(campaignIdSchema, campaignSchema);

export const campaignStatusSchema = campaignIdSchema.extend({ status: z.enum(["draft", "published", "archived"]) });

export const categorySchema = z
  .object({
    campaignId: id,
    categoryId: id.optional(),
    name: z.string().trim().min(1).max(60),
    code: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{1,3}$/, "campaigns.codeFormat"),
    gradeMin: z.coerce.number().int().min(1).max(12),
    gradeMax: z.coerce.number().int().min(1).max(12),
    entryType: z.enum(["essay", "drawing"]),
    minChars: optionalInt(0, 20_000),
    maxChars: optionalInt(1, 20_000),
    maxFileMb: optionalInt(1, 50),
  })
  .superRefine((v, ctx) => {
    if (v.gradeMin > v.gradeMax) ctx.addIssue({ code: "custom", path: ["gradeMax"], message: "campaigns.gradeOrder" });
    if (v.minChars !== null && v.maxChars !== null && v.minChars > v.maxChars) {
      ctx.addIssue({ code: "custom", path: ["maxChars"], message: "campaigns.charsOrder" });
    }
  });
export type CategoryInput = z.output<typeof categorySchema>;

export const categoryRefSchema = campaignIdSchema.extend({ categoryId: id });

export const bookSchema = z.object({
  campaignId: id,
  title: z.string().trim().min(1).max(120),
  author: z.string().trim().max(80),
  gradeBand: z.string().trim().max(40),
  note: z.string().trim().max(300),
});
export type BookInput = z.output<typeof bookSchema>;

export const bookRefSchema = campaignIdSchema.extend({ bookId: id });
