"use server";

import { revalidatePath } from "next/cache";
import { getLocale } from "next-intl/server";
import { defineAction } from "@/lib/actions";
import { AppError } from "@/lib/errors";
import { isLocale } from "@/lib/i18n";
import { hitRateLimit } from "@/lib/rate-limit";
import { inviteTeacher, resendInvitation, revokeInvitation } from "@/lib/schools/invitations";
import { siteOrigin } from "@/lib/schools/request";
import { invitationIdSchema, inviteTeacherSchema } from "@/lib/schools/schemas";

async function requestLocale() {
  const locale = await getLocale();
  return isLocale(locale) ? locale : "zh-CN";
}

export const inviteTeacherAction = defineAction(
  { schema: inviteTeacherSchema, permission: "school.invite_teachers" },
  async (input, { user }) => {
    await inviteTeacher(input, user, await siteOrigin(), await requestLocale());
    revalidatePath("/school/teachers");
    return { email: input.email };
  },
);

export const resendInvitationAction = defineAction(
  { schema: invitationIdSchema, permission: "school.invite_teachers", successMessage: "invite.resent" },
  async ({ invitationId }, { user }) => {
    // Each resend is a new email to someone outside the platform: keep it to a few an hour.
    if (!(await hitRateLimit(`invite-resend:${invitationId}`, 3, 60 * 60))) {
      throw new AppError("rate_limited", undefined, "invite.tooManyResends");
    }
    await resendInvitation(invitationId, user, await siteOrigin(), await requestLocale());
    revalidatePath("/school/teachers");
  },
);

export const revokeInvitationAction = defineAction(
  { schema: invitationIdSchema, permission: "school.invite_teachers" },
  async ({ invitationId }, { user }) => {
    await revokeInvitation(invitationId, user);
    revalidatePath("/school/teachers");
  },
);
