"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { SelectField, TextareaField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { idleState } from "@/lib/action-state";
import type { Tier } from "@/lib/judging/results";
import { moveTierAction } from "./actions";

/** Moves one entry to another tier; the reason is required and kept with the result. */
export function MoveTierForm({ campaignId, entryId, tier, tiers }: { campaignId: number; entryId: number; tier: Tier; tiers: { value: Tier; label: string }[] }) {
  const t = useTranslations("results.move");
  const [state, action, pending] = useActionState(moveTierAction, idleState);
  const typed = state.status === "error" ? state.values : undefined;
  const err = (name: string) => state.fieldErrors?.[name];
  return (
    <form action={action} className="grid gap-3 sm:grid-cols-[12rem_1fr]" noValidate key={typed ? JSON.stringify(typed) : `${state.status}-${state.data?.at ?? 0}`}>
      <input type="hidden" name="campaignId" value={campaignId} />
      <input type="hidden" name="entryId" value={entryId} />
      <SelectField id={`move-${entryId}-tier`} name="tier" label={t("tier")} defaultValue={typed?.tier ?? tier} error={err("tier")}>
        {tiers.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </SelectField>
      <TextareaField id={`move-${entryId}-reason`} name="reason" label={t("reason")} hint={t("reasonHint")} defaultValue={typed?.reason ?? ""} error={err("reason")} maxLength={300} rows={2} required className="[&_textarea]:min-h-20" />
      <div className="flex flex-col gap-2 sm:col-span-2">
        <FormMessage state={state} />
        <Button type="submit" variant="secondary" disabled={pending} className="self-start">
          {t("button")}
        </Button>
      </div>
    </form>
  );
}
