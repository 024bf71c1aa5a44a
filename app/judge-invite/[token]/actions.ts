"use server";

import { redirect } from "next/navigation";
import { getLocale } from "next-intl/server";
import { defineAction } from "@/lib/actions";
import { isLocale } from "@/lib/i18n";
import { acceptJudgeInvitation, judgeSignInPath } from "@/lib/judging/invitations";
import { acceptJudgeInvitationSchema } from "@/lib/judging/schemas";

// Public: the token in the emailed link is what allows this, as with a sign-in link.
export const acceptJudgeInvitationAction = defineAction({ schema: acceptJudgeInvitationSchema, access: "public" }, async (input, { user }) => {
  const locale = await getLocale();
  const { email } = await acceptJudgeInvitation(input, isLocale(locale) ? locale : "zh-CN");
  // Already signed in as the invitee: straight to the queue; anyone else signs in as the invitee.
  redirect(user?.email?.toLowerCase() === email ? "/judging" : judgeSignInPath(email));
});
