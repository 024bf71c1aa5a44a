"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { idleState } from "@/lib/action-state";
import { resendInvitationAction, revokeInvitationAction } from "./actions";

export type InvitationItem = { id: number; name: string; email: string; expired: boolean; expiresLabel: string };

/** One open invitation: send it again (a new link, a new week) or withdraw it after asking once. */
export function InvitationRow({ invitation }: { invitation: InvitationItem }) {
  const t = useTranslations("invite");
  const [resendState, resend, resending] = useActionState(resendInvitationAction, idleState);
  const [revokeState, revoke, revoking] = useActionState(revokeInvitationAction, idleState);
  const [confirming, setConfirming] = useState(false);
  const label = invitation.name || invitation.email;
  return (
    <li className="flex flex-col gap-2 rounded-lg border border-line bg-white p-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <p className="flex flex-col">
          <span className="font-medium">{invitation.name}</span>
          <span className="break-all text-ink-soft">{invitation.email}</span>
        </p>
        <span className={`text-sm ${invitation.expired ? "font-medium text-danger" : "text-ink-soft"}`}>
          {invitation.expired ? t("expiredBadge") : t("validUntil", { date: invitation.expiresLabel })}
        </span>
      </div>
      <FormMessage state={resendState} />
      <FormMessage state={revokeState} />
      {confirming ? (
        <form action={revoke} className="flex flex-col gap-2 rounded-md bg-red-50 p-3">
          <input type="hidden" name="invitationId" value={invitation.id} />
          <p className="text-danger">{t("revokeQuestion", { name: label })}</p>
          <div className="flex flex-wrap gap-2">
            <Button type="submit" variant="secondary" disabled={revoking} className="border-danger/40 text-danger">
              {t("revokeConfirm")}
            </Button>
            <Button type="button" variant="ghost" onClick={() => setConfirming(false)}>
              {t("keep")}
            </Button>
          </div>
        </form>
      ) : (
        <div className="flex flex-wrap gap-2">
          <form action={resend}>
            <input type="hidden" name="invitationId" value={invitation.id} />
            <Button type="submit" variant="secondary" disabled={resending} aria-label={t("resendLabel", { name: label })}>
              {t("resend")}
            </Button>
          </form>
          <Button type="button" variant="ghost" className="text-danger" onClick={() => setConfirming(true)} aria-label={t("revokeLabel", { name: label })}>
            {t("revoke")}
          </Button>
        </div>
      )}
    </li>
  );
}
