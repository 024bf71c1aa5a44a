"use client";

import { Link } from "@/components/ui/link";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { idleState } from "@/lib/action-state";
import { grades } from "@/lib/classes/schemas";
import { SelectField } from "@/app/school/classes/select-field";
import { joinClassAction } from "./actions";

export function JoinForm({ code }: { code?: string }) {
  const t = useTranslations("join");
  const tp = useTranslations("pupils");
  const tc = useTranslations("classes");
  const common = useTranslations("common");
  const [state, action, pending] = useActionState(joinClassAction, idleState);
  if (state.status === "ok" && state.data) {
    return (
      <div role="status" className="flex max-w-xl flex-col gap-3 rounded-xl border border-accent/30 bg-accent-soft p-5">
        <p className="text-xl font-bold">{t("doneTitle")}</p>
        <p>{t("doneUsername")}</p>
        <p className="font-mono text-3xl font-bold tracking-widest" data-testid="joined-username">
          {state.data.username}
        </p>
        <p>{t("doneNext")}</p>
        <Link href="/signin" className="self-start">
          {t("toSignIn")}
        </Link>
      </div>
    );
  }
  const v = state.values ?? {};
  const err = state.fieldErrors ?? {};
  const k = (name: string) => `${name}:${v[name] ?? ""}`;
  return (
    <form action={action} className="grid max-w-3xl gap-4 sm:grid-cols-2" noValidate>
      <Field key={k("code")} name="code" label={t("code")} hint={t("codeHint")} defaultValue={v.code ?? code} error={err.code} required autoCapitalize="none" autoComplete="off" spellCheck={false} className="sm:col-span-2" />
      <Field key={k("name")} name="name" label={tp("name")} defaultValue={v.name} error={err.name} required maxLength={40} autoComplete="name" />
      <SelectField
        key={k("grade")}
        name="grade"
        label={tc("grade")}
        defaultValue={v.grade ?? ""}
        error={err.grade}
        options={[{ value: "", label: tc("chooseGrade") }, ...grades.map((g) => ({ value: String(g), label: tc("gradeLabel", { grade: g }) }))]}
      />
      <SelectField
        key={k("gender")}
        name="gender"
        label={tp("gender")}
        optionalLabel={common("optional")}
        defaultValue={v.gender ?? ""}
        error={err.gender}
        options={[
          { value: "", label: tp("genderUnset") },
          { value: "female", label: tp("female") },
          { value: "male", label: tp("male") },
        ]}
      />
      <Field key={k("birthYear")} name="birthYear" label={tp("birthYear")} optionalLabel={common("optional")} inputMode="numeric" maxLength={4} defaultValue={v.birthYear} error={err.birthYear} />
      <Field key={k("guardianName")} name="guardianName" label={tp("guardianName")} defaultValue={v.guardianName} error={err.guardianName} required maxLength={40} />
      <Field key={k("guardianPhone")} name="guardianPhone" type="tel" label={tp("guardianPhone")} hint={tp("contactHint")} defaultValue={v.guardianPhone} error={err.guardianPhone} />
      <Field key={k("guardianEmail")} name="guardianEmail" type="email" label={tp("guardianEmail")} defaultValue={v.guardianEmail} error={err.guardianEmail} />
      <Field name="password" type="password" autoComplete="new-password" label={t("password")} hint={t("passwordHint")} error={err.password} required />
      <Field name="confirm" type="password" autoComplete="new-password" label={t("confirm")} error={err.confirm} required />
      <div className="flex flex-col gap-3 sm:col-span-2">
        <FormMessage state={state} />
        <Button type="submit" disabled={pending} className="self-start">
          {t("submit")}
        </Button>
      </div>
    </form>
  );
}
