import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { createUser } from "@/db/factories";
import { createOpenCampaign } from "@/db/factories-entries";
import { auditLog, judgingSettings } from "@/db/schema";
import { tierRuleFor } from "./compute";
import { resultSettingsSchema, saveResultSettings } from "./settings";

const form = (campaignId: number, rules: Record<number, Record<string, string>>, normalise = true) => ({
  campaignId: String(campaignId),
  ...(normalise ? { normalise: "on" } : {}),
  ...Object.fromEntries(Object.entries(rules).flatMap(([id, r]) => Object.entries(r).map(([k, v]) => [`rules.${id}.${k}`, v]))),
});

describe("result settings", () => {
  it("reads the form's rows into rules keyed by category; an empty merit minimum means no merit", () => {
    const parsed = resultSettingsSchema.parse(form(7, { 11: { kind: "percent", first: "5", second: "10", third: "15", meritMin: "60" }, 12: { kind: "count", first: "1", second: "2", third: "3", meritMin: "" } }));
    expect(parsed).toEqual({
      campaignId: 7,
      normalise: true,
      rules: {
        "11": { kind: "percent", first: 5, second: 10, third: 15, meritMin: 60 },
        "12": { kind: "count", first: 1, second: 2, third: 3, meritMin: null },
      },
    });
    expect(resultSettingsSchema.parse(form(7, {}, false))).toMatchObject({ normalise: false, rules: {} });
  });

  it("names the field that is wrong: shares over 100 %, fractions of a pupil, blanks", () => {
    const paths = (rules: Record<number, Record<string, string>>) => {
      const r = resultSettingsSchema.safeParse(form(7, rules));
      return r.success ? [] : r.error.issues.map((i) => [i.path.join("."), i.message]);
    };
    expect(paths({ 3: { kind: "percent", first: "50", second: "40", third: "20", meritMin: "" } })).toEqual([["rules.3.third", "results.settings.percentSum"]]);
    expect(paths({ 3: { kind: "percent", first: "150", second: "0", third: "0", meritMin: "" } })).toEqual([["rules.3.first", "results.settings.percentRange"]]);
    expect(paths({ 3: { kind: "count", first: "1.5", second: "2", third: "3", meritMin: "" } })).toEqual([["rules.3.first", "results.settings.wholeNumber"]]);
    expect(paths({ 3: { kind: "count", first: "", second: "2", third: "3", meritMin: "101" } }).map(([p]) => p)).toEqual(["rules.3.first", "rules.3.meritMin"]);
    expect(paths({ 3: { kind: "share", first: "1", second: "2", third: "3", meritMin: "" } }).map(([p]) => p)).toEqual(["rules.3.kind"]);
  });

  it("saves normalisation and the rules (compute reads them back), keeps other categories' rules, logs who did it", async () => {
    const db = getDb();
    const { campaign, essay, drawing } = await createOpenCampaign(db);
    const other = await createOpenCampaign(db);
    const staff = await createUser(db, { roles: ["staff"] });
    const keep = { kind: "count", first: 2, second: 2, third: 2, meritMin: null };
    await db.insert(judgingSettings).values({ campaignId: campaign.id, tierRules: { [drawing.id]: keep } });

    await saveResultSettings(staff.id, resultSettingsSchema.parse(form(campaign.id, { [essay.id]: { kind: "count", first: "1", second: "2", third: "3", meritMin: "" } })));
    const [row] = await db.select().from(judgingSettings).where(eq(judgingSettings.campaignId, campaign.id));
    expect(row!.normalise).toBe(true);
    expect(tierRuleFor(row!.tierRules, essay.id)).toEqual({ kind: "count", first: 1, second: 2, third: 3, meritMin: null });
    expect(row!.tierRules[String(drawing.id)]).toEqual(keep);
    const [log] = await db.select().from(auditLog).where(and(eq(auditLog.action, "results:settings"), eq(auditLog.entityId, String(campaign.id))));
    expect(log).toMatchObject({ actorId: staff.id, data: { normalise: true } });

    // Another campaign's category is not this campaign's to set.
    await expect(saveResultSettings(staff.id, resultSettingsSchema.parse(form(campaign.id, { [other.essay.id]: { kind: "percent", first: "5", second: "5", third: "5", meritMin: "" } })))).rejects.toMatchObject({ code: "not_found" });
  });
});
