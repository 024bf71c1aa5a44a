"use server";

import { redirect } from "next/navigation";
import { getLocale } from "next-intl/server";
import { defineAction } from "@/lib/actions";
import { isLocale } from "@/lib/i18n";
import { acceptInvitation } from "@/lib/schools/invitations";
import { signInPath } from "@/lib/schools/links";
import { acceptInvitationSchema } from "@/lib/schools/schemas";

// Public: the token in the emailed link is what allows this, as with a sign-in link.
export const acceptInvitationAction = defineAction({ schema: acceptInvitationSchema, access: "public" }, async ({ token }) => {
  const locale = await getLocale();
  const { email } = await acceptInvitation(token, isLocale(locale) ? locale : "zh-CN");
  redirect(signInPath(email));
});
