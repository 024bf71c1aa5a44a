"use client";

import { useActionState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { idleState } from "@/lib/action-state";
import { publishResultsAction } from "./actions";

/** Publishes after asking once what it will do, then says what it did. Safe to press again. */
export function PublishForm({ campaignId, published, awards }: { campaignId: number; published: boolean; awards: number }) {
  const t = useTranslations("results.publish");
  const format = useFormatter();
  const [state, action, pending] = useActionState(publishResultsAction, idleState);
  const outcome = state.status === "ok" ? state.data : undefined;
  const shown = outcome
    ? {
        status: "ok" as const,
        message: t("done", {
          awards: outcome.awards,
          schools: outcome.schools,
          queued: outcome.queued,
          date: format.dateTime(new Date(outcome.publishedAt), { dateStyle: "long", timeStyle: "short" }),
        }),
      }
    : state;
  return (
    <form
      action={action}
      className="flex flex-col gap-2"
      onSubmit={(e) => {
        if (!window.confirm(published ? t("confirmAgain") : t("confirm", { awards }))) e.preventDefault();
      }}
    >
      <input type="hidden" name="campaignId" value={campaignId} />
      <FormMessage state={shown} />
      <Button type="submit" variant="warm" disabled={pending} className="self-start">
        {pending ? t("running") : published ? t("again") : t("button")}
      </Button>
    </form>
  );
}
