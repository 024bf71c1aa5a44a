import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { id } from "@/lib/form-fields";
import { getDb } from "@/db/client";
import { auditLog, campaignCategories, judgingSettings } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { getJudgingSettings } from "./assignments";
import type { TierRule } from "./results";

// How a campaign's results are made: normalisation on or off, and each category's tier rule.
// The form names its fields rules.<category id>.<part> (kind, first, second, third, meritMin),
// so an error and what was typed come back under the very name of the field.

/** A number typed in a form: empty is "required", not 0. */
const typed = z.string().trim().min(1).max(12).transform(Number).pipe(z.number().min(0));
/** The merit minimum: empty means no merit award at all. */
const optionalScore = z
  .string()
  .trim()
  .max(12)
  .transform((v) => (v === "" ? null : Number(v)))
  .pipe(z.number().min(0).max(100).nullable());

export const MAX_COUNT = 100_000;

const ruleSchema = z
  .object({ kind: z.enum(["percent", "count"]), first: typed, second: typed, third: typed, meritMin: optionalScore })
  .superRefine((r, ctx) => {
    const tiers = ["first", "second", "third"] as const;
    // Zod runs this even when a field failed; those fields already have their message.
    if (tiers.some((t) => typeof r[t] !== "number")) return;
    if (r.kind === "count") {
      for (const tier of tiers) if (!Number.isInteger(r[tier]) || r[tier] > MAX_COUNT) ctx.addIssue({ code: "custom", path: [tier], message: "results.settings.wholeNumber" });
      return;
    }
    for (const tier of tiers) if (r[tier] > 100) ctx.addIssue({ code: "custom", path: [tier], message: "results.settings.percentRange" });
    if (tiers.every((t) => r[t] <= 100) && r.first + r.second + r.third > 100) ctx.addIssue({ code: "custom", path: ["third"], message: "results.settings.percentSum" });
  });

/** Gathers the flat form fields rules.<id>.<part> into { rules: { <id>: { <part> } } }. */
function nestRules(raw: unknown): unknown {
  if (!raw || typeof raw !== "object") return raw;
  const out: Record<string, unknown> = { rules: {} };
  const rules = out.rules as Record<string, Record<string, unknown>>;
  for (const [key, value] of Object.entries(raw)) {
    const m = /^rules\.(\d{1,10})\.(kind|first|second|third|meritMin)$/.exec(key);
    if (m) (rules[m[1]!] ??= {})[m[2]!] = value;
    else if (!key.startsWith("rules.")) out[key] = value;
  }
  return out;
}

export const resultSettingsSchema = z.preprocess(
  nestRules,
  z.object({
    campaignId: id,
    normalise: z.preprocess((v) => v === "on" || v === "true", z.boolean()),
    rules: z.record(z.string(), ruleSchema).refine((r) => Object.keys(r).length <= 100, "errors.invalid"),
  }),
);
export type ResultSettingsInput = z.output<typeof resultSettingsSchema>;

/**
 * Saves normalisation and the tier rules of the campaign's categories (a category not in the
 * form keeps its rule). Nothing is recomputed here: staff compute, look, then publish.
 */
export async function saveResultSettings(actorId: string, input: ResultSettingsInput): Promise<void> {
  await getDb().transaction(async (tx) => {
    const settings = await getJudgingSettings(input.campaignId, tx);
    const categories = await tx.select({ id: campaignCategories.id }).from(campaignCategories).where(eq(campaignCategories.campaignId, input.campaignId));
    const known = new Set(categories.map((c) => String(c.id)));
    if (Object.keys(input.rules).some((k) => !known.has(k))) throw new AppError("not_found");
    // Typed as the rule lib/judging/compute.ts reads back (tierRuleFor).
    const rules: Record<string, TierRule> = input.rules;
    const tierRules = { ...settings.tierRules, ...rules };
    await tx.update(judgingSettings).set({ normalise: input.normalise, tierRules }).where(eq(judgingSettings.campaignId, input.campaignId));
    await tx.insert(auditLog).values({ actorId, action: "results:settings", entity: "campaign", entityId: String(input.campaignId), data: { normalise: input.normalise, rules: input.rules } });
  });
}

const tierSchema = z.enum(["first", "second", "third", "merit", "none"]);

/** Staff move one entry to another tier; the reason is required (it goes into the audit log). */
export const tierMoveSchema = z.object({ campaignId: id, entryId: id, tier: tierSchema, reason: z.string().trim().min(1).max(300) });
