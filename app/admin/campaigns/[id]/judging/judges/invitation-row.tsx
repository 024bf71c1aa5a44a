"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { idleState } from "@/lib/action-state";
import { resendJudgeInvitationAction, withdrawJudgeInvitationAction } from "./actions";

export type JudgeInvitationItem = { id: number; name: string; email: string; expired: boolean; expiresLabel: string };

/** One open invitation: send it again (a new link and period) or withdraw it after asking once. */
export function JudgeInvitationRow({ campaignId, invitation }: { campaignId: number; invitation: JudgeInvitationItem }) {
  const t = useTranslations("judgingAdmin.judges");
  const [resendState, resend, resending] = useActionState(resendJudgeInvitationAction, idleState);
  const [withdrawState, withdraw, withdrawing] = useActionState(withdrawJudgeInvitationAction, idleState);
  const [confirming, setConfirming] = useState(false);
  const label = invitation.name || invitation.email;
  const hidden = (
    <>
      <input type="hidden" name="campaignId" value={campaignId} />
      <input type="hidden" name="invitationId" value={invitation.id} />
    </>
  );
  return (
    <li className="flex flex-col gap-2 rounded-lg border border-line bg-white p-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <p className="flex min-w-0 flex-col">
          <span className="font-medium">{invitation.name}</span>
          <span className="break-all text-ink-soft">{invitation.email}</span>
        </p>
        <span className={`text-sm ${invitation.expired ? "font-medium text-danger" : "text-ink-soft"}`}>
          {invitation.expired ? t("expired") : t("validUntil", { date: invitation.expiresLabel })}
        </span>
      </div>
      <FormMessage state={resendState} />
      <FormMessage state={withdrawState} />
      {confirming ? (
        <form action={withdraw} className="flex flex-col gap-2 rounded-md bg-red-50 p-3">
          {hidden}
          <p className="text-danger">{t("withdrawQuestion", { name: label })}</p>
          <div className="flex flex-wrap gap-2">
            <Button type="submit" variant="secondary" disabled={withdrawing} className="border-danger/40 text-danger">
              {t("withdrawConfirm")}
            </Button>
            <Button type="button" variant="ghost" onClick={() => setConfirming(false)}>
              {t("keep")}
            </Button>
          </div>
        </form>
      ) : (
        <div className="flex flex-wrap gap-2">
          <form action={resend}>
            {hidden}
            <Button type="submit" variant="secondary" disabled={resending} aria-label={t("resendLabel", { name: label })}>
              {t("resend")}
            </Button>
          </form>
          <Button type="button" variant="ghost" className="text-danger" onClick={() => setConfirming(true)} aria-label={t("withdrawLabel", { name: label })}>
            {t("withdraw")}
          </Button>
        </div>
      )}
    </li>
  );
}
