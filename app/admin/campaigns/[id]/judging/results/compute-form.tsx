"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { idleState } from "@/lib/action-state";
import { computeResultsAction } from "./actions";

/** Ranks and tiers every category again from the submitted scores; nothing becomes public. */
export function ComputeForm({ campaignId, published }: { campaignId: number; published: boolean }) {
  const t = useTranslations("results.compute");
  const [state, action, pending] = useActionState(computeResultsAction, idleState);
  const shown = state.status === "ok" && state.data ? { status: "ok" as const, message: t("done", { categories: state.data.categories, ranked: state.data.ranked }) } : state;
  return (
    <form
      action={action}
      className="flex flex-col gap-2"
      onSubmit={(e) => {
        // After publication a recomputation can change public awards (they are then marked corrected).
        if (published && !window.confirm(t("confirmPublished"))) e.preventDefault();
      }}
    >
      <input type="hidden" name="campaignId" value={campaignId} />
      <FormMessage state={shown} />
      <Button type="submit" disabled={pending} className="self-start">
        {pending ? t("running") : t("button")}
      </Button>
    </form>
  );
}
