"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field, TextareaField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { idleState } from "@/lib/action-state";
import { timelineFields } from "@/lib/campaigns/schemas";
import { createCampaignAction, updateCampaignAction } from "./actions";

export type CampaignFormValues = Record<
  "slug" | "title" | "theme" | "year" | "codePrefix" | "description" | "rules" | (typeof timelineFields)[number],
  string
> & { maskNames: boolean };

export function CampaignForm({ campaignId, initial }: { campaignId?: number; initial: CampaignFormValues }) {
  const t = useTranslations("campaigns");
  const tc = useTranslations("common");
  // Creating ends in a redirect, so both actions report the same way to the form.
  const save = (campaignId ? updateCampaignAction : createCampaignAction) as typeof updateCampaignAction;
  const [state, action, pending] = useActionState(save, idleState);
  const typed = state.status === "error" ? state.values : undefined;
  const v = (name: keyof CampaignFormValues) => (typed ? (typed[name] ?? "") : String(initial[name]));
  const err = (name: string) => state.fieldErrors?.[name];
  // Remount the inputs whenever the values to show change, so defaultValue applies.
  const k = typed ? JSON.stringify(typed) : "initial";

  return (
    <form action={action} className="flex max-w-3xl flex-col gap-5" noValidate key={k}>
      {campaignId ? <input type="hidden" name="campaignId" value={campaignId} /> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field name="title" label={t("fieldTitle")} defaultValue={v("title")} error={err("title")} required className="sm:col-span-2" />
        <Field name="theme" label={t("fieldTheme")} defaultValue={v("theme")} error={err("theme")} optionalLabel={tc("optional")} />
        <Field name="year" type="number" inputMode="numeric" label={t("fieldYear")} defaultValue={v("year")} error={err("year")} required />
        <Field
          name="codePrefix"
          label={t("fieldCodePrefix")}
          hint={t("codePrefixHint")}
          defaultValue={v("codePrefix")}
          error={err("codePrefix")}
          required
          maxLength={4}
          autoCapitalize="characters"
          spellCheck={false}
        />
        <Field
          name="slug"
          label={t("fieldSlug")}
          hint={t("slugHint")}
          defaultValue={v("slug")}
          error={err("slug")}
          required
          autoCapitalize="none"
          spellCheck={false}
          className="sm:col-span-2"
        />
      </div>

      <fieldset className="rounded-lg border border-line p-4">
        <legend className="px-1 font-bold">{t("timeline")}</legend>
        <p className="mb-3 text-sm text-ink-soft">{t("timelineHint")}</p>
        <div className="grid gap-4 sm:grid-cols-2">
          {timelineFields.map((name) => (
            <Field key={name} name={name} type="datetime-local" label={t(`phase.${name}`)} defaultValue={v(name)} error={err(name)} required />
          ))}
        </div>
      </fieldset>

      <TextareaField name="description" label={t("fieldDescription")} hint={t("markdownHint")} defaultValue={v("description")} error={err("description")} rows={8} />
      <TextareaField name="rules" label={t("fieldRules")} hint={t("markdownHint")} defaultValue={v("rules")} error={err("rules")} rows={8} />
      <Field name="cover" type="file" accept="image/jpeg,image/png,image/webp" label={t("fieldCover")} hint={t("coverHint")} error={err("cover")} optionalLabel={tc("optional")} />
      <label className="inline-flex min-h-11 items-center gap-2">
        <input type="checkbox" name="maskNames" defaultChecked={typed ? typed.maskNames === "on" : initial.maskNames} className="h-5 w-5 accent-accent" />
        {t("fieldMaskNames")}
      </label>

      <FormMessage state={state} />
      <Button type="submit" disabled={pending} className="self-start">
        {campaignId ? tc("save") : t("create")}
      </Button>
    </form>
  );
}
