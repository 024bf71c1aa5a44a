"use server";

import { revalidatePath } from "next/cache";
import { getLocale } from "next-intl/server";
import { defineAction } from "@/lib/actions";
import { AppError } from "@/lib/errors";
import { isLocale } from "@/lib/i18n";
import { inviteJudge, resendJudgeInvitation, withdrawJudgeInvitation } from "@/lib/judging/invitations";
import { addJudgeToPanel, removeJudgeFromPanel } from "@/lib/judging/panel";
import { remindJudgesBehind } from "@/lib/judging/reminders";
import { campaignRefSchema, inviteJudgeSchema, judgeInvitationRefSchema, panelMemberSchema } from "@/lib/judging/schemas";
import { hitRateLimit } from "@/lib/rate-limit";
import { siteOrigin } from "@/lib/schools/request";

const manage = { permission: "judging.manage" } as const;

const refresh = (campaignId: number) => revalidatePath(`/admin/campaigns/${campaignId}/judging`, "layout");

async function requestLocale() {
  const locale = await getLocale();
  return isLocale(locale) ? locale : "zh-CN";
}

export const inviteJudgeAction = defineAction({ schema: inviteJudgeSchema, ...manage }, async (input, { user }) => {
  await inviteJudge(user, input, await siteOrigin(), await requestLocale());
  refresh(input.campaignId);
  return { email: input.email };
});

export const resendJudgeInvitationAction = defineAction({ schema: judgeInvitationRefSchema, ...manage, successMessage: "judgingAdmin.judges.resent" }, async (input, { user }) => {
  // Each resend is a new email to someone outside the library: keep it to a few an hour.
  if (!(await hitRateLimit(`judge-invite-resend:${input.invitationId}`, 3, 60 * 60))) {
    throw new AppError("rate_limited", undefined, "judgingAdmin.judges.tooManyResends");
  }
  await resendJudgeInvitation(user, input, await siteOrigin(), await requestLocale());
  refresh(input.campaignId);
});

export const withdrawJudgeInvitationAction = defineAction({ schema: judgeInvitationRefSchema, ...manage }, async (input) => {
  await withdrawJudgeInvitation(input);
  refresh(input.campaignId);
});

export const addJudgeAction = defineAction({ schema: panelMemberSchema, ...manage, successMessage: "judgingAdmin.judges.added" }, async (input, { user }) => {
  await addJudgeToPanel(user.id, input);
  refresh(input.campaignId);
  return { at: Date.now() };
});

export const removeJudgeAction = defineAction({ schema: panelMemberSchema, ...manage }, async (input, { user }) => {
  const result = await removeJudgeFromPanel(user.id, input);
  refresh(input.campaignId);
  return result;
});

export const remindJudgesAction = defineAction({ schema: campaignRefSchema, ...manage }, async ({ campaignId }) => {
  return remindJudgesBehind(campaignId, { origin: await siteOrigin() });
});
