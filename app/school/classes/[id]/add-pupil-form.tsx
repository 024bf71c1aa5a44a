"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { idleState } from "@/lib/action-state";
import { grades } from "@/lib/classes/schemas";
import { SelectField } from "../select-field";
import { addPupilAction } from "./actions";
import { Credentials } from "./credentials";

export function AddPupilForm({ classId, classGrade }: { classId: number; classGrade: number }) {
  const t = useTranslations("pupils");
  const tc = useTranslations("classes");
  const common = useTranslations("common");
  const [state, action, pending] = useActionState(addPupilAction, idleState);
  // After a success the form starts empty again; after an error it shows what was typed.
  const v = state.status === "error" ? (state.values ?? {}) : {};
  const k = (name: string) => `${name}:${state.status}:${v[name] ?? ""}:${state.data?.userId ?? ""}`;
  const err = state.fieldErrors ?? {};
  return (
    <form action={action} className="grid gap-4 sm:grid-cols-2" noValidate>
      <input type="hidden" name="classId" value={classId} />
      <Field key={k("name")} name="name" label={t("name")} defaultValue={v.name} error={err.name} required maxLength={40} autoComplete="off" />
      <SelectField
        key={k("grade")}
        name="grade"
        label={tc("grade")}
        defaultValue={v.grade ?? String(classGrade)}
        error={err.grade}
        options={grades.map((g) => ({ value: String(g), label: tc("gradeLabel", { grade: g }) }))}
      />
      <SelectField
        key={k("gender")}
        name="gender"
        label={t("gender")}
        optionalLabel={common("optional")}
        defaultValue={v.gender ?? ""}
        error={err.gender}
        options={[
          { value: "", label: t("genderUnset") },
          { value: "female", label: t("female") },
          { value: "male", label: t("male") },
        ]}
      />
      <Field key={k("birthYear")} name="birthYear" label={t("birthYear")} optionalLabel={common("optional")} hint={t("birthYearHint")} inputMode="numeric" defaultValue={v.birthYear} error={err.birthYear} maxLength={4} />
      <Field key={k("guardianName")} name="guardianName" label={t("guardianName")} defaultValue={v.guardianName} error={err.guardianName} required maxLength={40} autoComplete="off" />
      <Field key={k("guardianPhone")} name="guardianPhone" type="tel" label={t("guardianPhone")} hint={t("contactHint")} defaultValue={v.guardianPhone} error={err.guardianPhone} autoComplete="off" />
      <Field key={k("guardianEmail")} name="guardianEmail" type="email" label={t("guardianEmail")} defaultValue={v.guardianEmail} error={err.guardianEmail} autoComplete="off" />
      <div className="flex flex-col gap-3 sm:col-span-2">
        <FormMessage state={state} />
        {state.status === "ok" && state.data ? <Credentials title={t("added", { name: state.data.name })} username={state.data.username} password={state.data.password} /> : null}
        <Button type="submit" disabled={pending} className="self-start">
          {t("add")}
        </Button>
      </div>
    </form>
  );
}
