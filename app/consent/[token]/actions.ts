"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions";
import { confirmConsent } from "@/lib/consent/mutations";
import { consentTokenSchema } from "@/lib/consent/schemas";

export const confirmConsentAction = defineAction({ schema: consentTokenSchema, access: "public" }, async ({ token }) => {
  const result = await confirmConsent(token);
  revalidatePath(`/consent/${token}`);
  return result;
});
