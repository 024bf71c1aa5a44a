"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field, SelectField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { idleState } from "@/lib/action-state";
import type { TierRule } from "@/lib/judging/results";
import { saveResultSettingsAction } from "./actions";

type Category = { id: number; code: string; name: string; rule: TierRule };

/** Normalisation and, per category, how many entries each prize goes to. */
export function SettingsForm({ campaignId, normalise, categories }: { campaignId: number; normalise: boolean; categories: Category[] }) {
  const t = useTranslations("results.settings");
  const tc = useTranslations("common");
  const [state, action, pending] = useActionState(saveResultSettingsAction, idleState);
  const typed = state.status === "error" ? state.values : undefined;
  const v = (name: string, initial: string) => typed?.[name] ?? initial;
  const err = (name: string) => state.fieldErrors?.[name];
  return (
    <form action={action} className="flex flex-col gap-5" noValidate key={typed ? JSON.stringify(typed) : `${state.status}-${state.data?.at ?? 0}`}>
      <input type="hidden" name="campaignId" value={campaignId} />
      <label className="flex min-h-11 items-start gap-3">
        <input type="checkbox" name="normalise" defaultChecked={typed ? typed.normalise === "on" : normalise} className="mt-1 h-5 w-5 shrink-0 accent-accent" aria-describedby="normalise-hint" />
        <span className="flex flex-col">
          <span className="font-medium">{t("normalise")}</span>
          <span id="normalise-hint" className="text-sm text-ink-soft">
            {t("normaliseHint")}
          </span>
        </span>
      </label>
      <p className="max-w-prose text-sm text-ink-soft">{t("ruleHint")}</p>
      {categories.map((c) => {
        const name = (part: string) => `rules.${c.id}.${part}`;
        const id = (part: string) => `rule-${c.id}-${part}`;
        return (
          <fieldset key={c.id} className="grid grid-cols-3 items-end gap-3 rounded-lg border border-line bg-white p-4 sm:grid-cols-5">
            <legend className="px-1 font-bold">
              {c.code} · {c.name}
            </legend>
            <SelectField id={id("kind")} name={name("kind")} label={t("kind")} defaultValue={v(name("kind"), c.rule.kind)} error={err(name("kind"))} className="col-span-3 sm:col-span-5 sm:max-w-xs">
              <option value="percent">{t("kindPercent")}</option>
              <option value="count">{t("kindCount")}</option>
            </SelectField>
            {(["first", "second", "third"] as const).map((tier) => (
              <Field
                key={tier}
                id={id(tier)}
                name={name(tier)}
                type="number"
                inputMode="decimal"
                min={0}
                step="any"
                label={t(tier)}
                defaultValue={v(name(tier), String(c.rule[tier]))}
                error={err(name(tier))}
                required
              />
            ))}
            <Field
              id={id("meritMin")}
              name={name("meritMin")}
              type="number"
              inputMode="decimal"
              min={0}
              max={100}
              step="any"
              label={t("meritMin")}
              optionalLabel={tc("optional")}
              defaultValue={v(name("meritMin"), c.rule.meritMin === null ? "" : String(c.rule.meritMin))}
              error={err(name("meritMin"))}
              className="col-span-3 sm:col-span-2"
            />
          </fieldset>
        );
      })}
      <div className="flex flex-col gap-2">
        <FormMessage state={state} />
        <Button type="submit" variant="secondary" disabled={pending} className="self-start">
          {t("save")}
        </Button>
      </div>
    </form>
  );
}
