"use server";

import { getLocale } from "next-intl/server";
import { defineAction } from "@/lib/actions";
import { driveChanged } from "@/lib/drives/cache";
import { createPledge } from "@/lib/drives/mutations";
import { pledgeSchema } from "@/lib/drives/schemas";
import { AppError } from "@/lib/errors";
import { isLocale } from "@/lib/i18n";
import { hitRateLimit, limitFromEnv } from "@/lib/rate-limit";
import { clientIp, siteOrigin } from "@/lib/schools/request";

export type PledgeOutcome = { duplicate: boolean; code: string; manageHref: string | null; over: string[] };

export const pledgeAction = defineAction({ schema: pledgeSchema, access: "public" }, async (input): Promise<PledgeOutcome> => {
  // Bots: the hidden honeypot, and only so many pledges an hour from one address (DRIVES_PLEDGE_LIMIT_IP, default 30).
  if (input.website.trim()) throw new AppError("invalid");
  if (!(await hitRateLimit(`drives-pledge:ip:${await clientIp()}`, limitFromEnv("DRIVES_PLEDGE_LIMIT_IP", 30), 3600))) throw new AppError("rate_limited");
  const locale = await getLocale();
  const r = await createPledge(input, { origin: await siteOrigin(), locale: isLocale(locale) ? locale : "zh-CN" });
  if (r.outcome === "created") driveChanged(input.driveId);
  return { duplicate: r.outcome === "duplicate", code: r.code, manageHref: r.token ? `/pledges/${r.token}` : null, over: r.over };
});
