"use server";

import { getLocale } from "next-intl/server";
import { defineAction } from "@/lib/actions";
import { AppError } from "@/lib/errors";
import { isLocale } from "@/lib/i18n";
import { hitRateLimit } from "@/lib/rate-limit";
import { registerSchool } from "@/lib/schools/register";
import { clientIp } from "@/lib/schools/request";
import { registerSchoolSchema } from "@/lib/schools/schemas";

// Generous enough for a county training day where many schools register from one network.
const PER_IP_PER_HOUR = 20;

export const registerSchoolAction = defineAction({ schema: registerSchoolSchema, access: "public" }, async (input) => {
  const done = { schoolName: input.name, email: input.coordinatorEmail };
  // A bot filled the hidden field: it is shown the same reply and nothing is stored or sent.
  if (input.website) return done;
  if (!(await hitRateLimit(`school-register:${await clientIp()}`, PER_IP_PER_HOUR, 60 * 60))) {
    throw new AppError("rate_limited", undefined, "schools.register.tooMany");
  }
  const locale = await getLocale();
  await registerSchool(input, isLocale(locale) ? locale : "zh-CN");
  return done;
});
