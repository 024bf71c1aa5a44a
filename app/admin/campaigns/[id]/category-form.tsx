"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field, SelectField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { idleState } from "@/lib/action-state";
import { saveCategoryAction } from "../actions";

export type CategoryValues = {
  id?: number;
  name: string;
  code: string;
  gradeMin: number;
  gradeMax: number;
  entryType: "essay" | "drawing";
  minChars: number | null;
  maxChars: number | null;
  maxFileMb: number;
};

const grades = Array.from({ length: 12 }, (_, i) => i + 1);

export function CategoryForm({ campaignId, category }: { campaignId: number; category?: CategoryValues }) {
  const t = useTranslations("campaigns");
  const tg = useTranslations("grades");
  const [state, action, pending] = useActionState(saveCategoryAction, idleState);
  const typed = state.status === "error" ? state.values : undefined;
  const [type, setType] = useState<string>(typed?.entryType ?? category?.entryType ?? "essay");
  const v = (name: keyof CategoryValues, fallback = "") => typed?.[name] ?? (category?.[name] == null ? fallback : String(category[name]));
  const prefix = `cat-${category?.id ?? "new"}`;
  return (
    <form action={action} className="grid gap-3 sm:grid-cols-6" noValidate key={typed ? JSON.stringify(typed) : "initial"}>
      <input type="hidden" name="campaignId" value={campaignId} />
      {category?.id ? <input type="hidden" name="categoryId" value={category.id} /> : null}
      <Field id={`${prefix}-name`} name="name" label={t("categoryName")} defaultValue={v("name")} error={state.fieldErrors?.name} className="sm:col-span-3" required />
      <Field id={`${prefix}-code`} name="code" label={t("categoryCode")} hint={t("codeHint")} defaultValue={v("code")} error={state.fieldErrors?.code} className="sm:col-span-3" required />
      <SelectField id={`${prefix}-gmin`} name="gradeMin" label={t("gradeMin")} defaultValue={v("gradeMin", "1")} error={state.fieldErrors?.gradeMin} className="sm:col-span-2">
        {grades.map((g) => (
          <option key={g} value={g}>
            {tg(`g${g}`)}
          </option>
        ))}
      </SelectField>
      <SelectField id={`${prefix}-gmax`} name="gradeMax" label={t("gradeMax")} defaultValue={v("gradeMax", "6")} error={state.fieldErrors?.gradeMax} className="sm:col-span-2">
        {grades.map((g) => (
          <option key={g} value={g}>
            {tg(`g${g}`)}
          </option>
        ))}
      </SelectField>
      <SelectField id={`${prefix}-type`} name="entryType" label={t("entryType")} value={type} onChange={(e) => setType(e.target.value)} className="sm:col-span-2">
        <option value="essay">{t("type.essay")}</option>
        <option value="drawing">{t("type.drawing")}</option>
      </SelectField>
      {type === "essay" ? (
        <>
          <Field id={`${prefix}-min`} name="minChars" type="number" inputMode="numeric" label={t("minChars")} defaultValue={v("minChars")} error={state.fieldErrors?.minChars} className="sm:col-span-3" />
          <Field id={`${prefix}-max`} name="maxChars" type="number" inputMode="numeric" label={t("maxChars")} defaultValue={v("maxChars")} error={state.fieldErrors?.maxChars} className="sm:col-span-3" />
        </>
      ) : (
        <Field id={`${prefix}-mb`} name="maxFileMb" type="number" inputMode="numeric" label={t("maxFileMb")} defaultValue={v("maxFileMb", "10")} error={state.fieldErrors?.maxFileMb} className="sm:col-span-3" />
      )}
      <div className="flex flex-col gap-2 sm:col-span-6">
        <FormMessage state={state} />
        <Button type="submit" variant={category ? "secondary" : "primary"} disabled={pending} className="self-start">
          {category ? t("saveCategory") : t("addCategory")}
        </Button>
      </div>
    </form>
  );
}
