"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { idleState } from "@/lib/action-state";
import { consentRequestsAction } from "./actions";

export function ConsentRequestsForm({ classId, missing }: { classId: number; missing: number }) {
  const t = useTranslations("consent");
  const [state, action, pending] = useActionState(consentRequestsAction, idleState);
  const r = state.status === "ok" ? state.data : undefined;
  return (
    <form action={action} className="flex flex-col gap-2">
      <input type="hidden" name="classId" value={classId} />
      <p className="text-ink-soft">{missing > 0 ? t("classMissing", { count: missing }) : t("classComplete")}</p>
      <FormMessage state={state} />
      {r ? (
        <p role="status" className="rounded-md border border-accent/30 bg-accent-soft px-3 py-2 text-accent-deep">
          {t("requestsSent", { count: r.sent })}
          {r.alreadyRequested ? ` ${t("requestsWaiting", { count: r.alreadyRequested })}` : ""}
          {r.withoutEmail ? ` ${t("requestsNoEmail", { count: r.withoutEmail })}` : ""}
        </p>
      ) : null}
      <Button type="submit" variant="secondary" disabled={pending} className="self-start">
        {t("sendRequests")}
      </Button>
    </form>
  );
}
