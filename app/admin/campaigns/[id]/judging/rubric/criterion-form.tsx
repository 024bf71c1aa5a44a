"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field, TextareaField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { idleState } from "@/lib/action-state";
import { saveCriterionAction } from "./actions";

export type CriterionValues = {
  id?: number;
  name: string;
  description: string;
  maxPoints: string;
  weight: string;
  sortOrder: string;
  /** One band per line, "9-10 立意深刻". */
  bands: string;
};

/** Adds a criterion to a category or edits one; bands are typed one per line. */
export function CriterionForm({ campaignId, categoryId, initial }: { campaignId: number; categoryId: number; initial: CriterionValues }) {
  const t = useTranslations("judgingAdmin.rubric");
  const tc = useTranslations("common");
  const [state, action, pending] = useActionState(saveCriterionAction, idleState);
  const typed = state.status === "error" ? state.values : undefined;
  // After an error the form keeps what was typed; after a save it shows the saved values (a new
  // criterion's form starts empty again: the key below remounts it with the page's fresh defaults).
  const v = (name: keyof CriterionValues) => typed?.[name] ?? String(initial[name] ?? "");
  const err = (name: string) => state.fieldErrors?.[name];
  const prefix = `crit-${categoryId}-${initial.id ?? "new"}`;
  return (
    <form action={action} className="grid gap-3 sm:grid-cols-6" noValidate key={typed ? JSON.stringify(typed) : `${state.status}-${state.data?.at ?? 0}`}>
      <input type="hidden" name="campaignId" value={campaignId} />
      <input type="hidden" name="categoryId" value={categoryId} />
      {initial.id ? <input type="hidden" name="criterionId" value={initial.id} /> : null}
      <Field id={`${prefix}-name`} name="name" label={t("name")} defaultValue={v("name")} error={err("name")} maxLength={40} required className="sm:col-span-3" />
      <Field
        id={`${prefix}-max`}
        name="maxPoints"
        type="number"
        inputMode="numeric"
        min={1}
        max={100}
        label={t("maxPoints")}
        defaultValue={v("maxPoints")}
        error={err("maxPoints")}
        required
        className="sm:col-span-1"
      />
      <Field
        id={`${prefix}-weight`}
        name="weight"
        type="number"
        inputMode="decimal"
        min={0.1}
        max={10}
        step="any"
        label={t("weight")}
        defaultValue={v("weight")}
        error={err("weight")}
        required
        className="sm:col-span-1"
      />
      <Field
        id={`${prefix}-order`}
        name="sortOrder"
        type="number"
        inputMode="numeric"
        min={0}
        max={99}
        label={t("sortOrder")}
        defaultValue={v("sortOrder")}
        error={err("sortOrder")}
        required
        className="sm:col-span-1"
      />
      <TextareaField
        id={`${prefix}-description`}
        name="description"
        label={t("description")}
        optionalLabel={tc("optional")}
        defaultValue={v("description")}
        error={err("description")}
        maxLength={500}
        rows={2}
        className="sm:col-span-6 [&_textarea]:min-h-20"
      />
      <TextareaField
        id={`${prefix}-bands`}
        name="bands"
        label={t("bands")}
        hint={t("bandsHint")}
        placeholder={t("bandsPlaceholder")}
        defaultValue={v("bands")}
        error={err("bands")}
        rows={5}
        className="sm:col-span-6"
      />
      <div className="flex flex-col gap-2 sm:col-span-6">
        <FormMessage state={state} />
        <Button type="submit" variant={initial.id ? "secondary" : "primary"} disabled={pending} className="self-start">
          {initial.id ? t("save") : t("add")}
        </Button>
      </div>
    </form>
  );
}
