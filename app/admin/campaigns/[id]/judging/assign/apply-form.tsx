"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { idleState } from "@/lib/action-state";
import { applyAssignmentsAction } from "./actions";

/** Applies the previewed plan (and saves the settings) after asking once what it will do. */
export function ApplyForm({ campaignId, k, percent, toAdd, judges }: { campaignId: number; k: number; percent: number; toAdd: number; judges: number }) {
  const t = useTranslations("judgingAdmin.assign");
  const [state, action, pending] = useActionState(applyAssignmentsAction, idleState);
  const shown = state.status === "ok" && state.data ? { status: "ok" as const, message: t("applied", { added: state.data.added, short: state.data.short }) } : state;
  return (
    <form
      action={action}
      className="flex flex-col gap-2"
      onSubmit={(e) => {
        if (!window.confirm(toAdd > 0 ? t("confirmApply", { count: toAdd, judges, k }) : t("confirmSave", { percent }))) e.preventDefault();
      }}
    >
      <input type="hidden" name="campaignId" value={campaignId} />
      <input type="hidden" name="judgesPerEntry" value={k} />
      <input type="hidden" name="disagreementPercent" value={percent} />
      <FormMessage state={shown} />
      <Button type="submit" variant={toAdd > 0 ? "warm" : "secondary"} disabled={pending} className="self-start">
        {toAdd > 0 ? t("apply", { count: toAdd }) : t("saveOnly")}
      </Button>
    </form>
  );
}
