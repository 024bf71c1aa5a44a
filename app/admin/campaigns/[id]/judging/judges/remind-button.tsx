"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { idleState } from "@/lib/action-state";
import { remindJudgesAction } from "./actions";

/** Emails the judges who still have entries to score; says how many were sent and skipped. */
export function RemindButton({ campaignId, behind }: { campaignId: number; behind: number }) {
  const t = useTranslations("judgingAdmin.judges");
  const [state, action, pending] = useActionState(remindJudgesAction, idleState);
  const shown = state.status === "ok" && state.data ? { status: "ok" as const, message: t("reminded", { sent: state.data.sent, already: state.data.alreadySent }) } : state;
  return (
    <form
      action={action}
      className="flex flex-col gap-2"
      onSubmit={(e) => {
        if (!window.confirm(t("remindConfirm", { count: behind }))) e.preventDefault();
      }}
    >
      <input type="hidden" name="campaignId" value={campaignId} />
      <Button type="submit" variant="warm" disabled={pending || behind === 0} className="self-start">
        {t("remind", { count: behind })}
      </Button>
      <FormMessage state={shown} />
    </form>
  );
}
