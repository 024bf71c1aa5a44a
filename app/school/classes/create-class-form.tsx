"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { idleState } from "@/lib/action-state";
import { grades } from "@/lib/classes/schemas";
import { createClassAction } from "./actions";
import { SelectField } from "./select-field";

export function CreateClassForm({ teachers, selfId }: { teachers: { id: string; name: string | null; email: string | null }[]; selfId: string }) {
  const t = useTranslations("classes");
  const [state, action, pending] = useActionState(createClassAction, idleState);
  const v = state.values ?? {};
  return (
    <form action={action} className="grid max-w-3xl gap-4 sm:grid-cols-2" noValidate>
      <SelectField
        key={`grade:${v.grade}`}
        name="grade"
        label={t("grade")}
        defaultValue={v.grade ?? ""}
        error={state.fieldErrors?.grade}
        options={[{ value: "", label: t("chooseGrade") }, ...grades.map((g) => ({ value: String(g), label: t("gradeLabel", { grade: g }) }))]}
        required
      />
      <Field key={`name:${v.name}`} name="name" label={t("name")} hint={t("nameHint")} defaultValue={v.name} error={state.fieldErrors?.name} required maxLength={30} />
      {teachers.length > 1 ? (
        <SelectField
          key={`teacher:${v.teacherId}`}
          name="teacherId"
          label={t("teacher")}
          defaultValue={v.teacherId ?? selfId}
          error={state.fieldErrors?.teacherId}
          options={teachers.map((u) => ({ value: u.id, label: u.id === selfId ? t("teacherSelf", { name: u.name ?? "" }) : (u.name ?? u.email ?? "") }))}
        />
      ) : null}
      <div className="flex flex-col gap-3 sm:col-span-2">
        <FormMessage state={state} />
        <Button type="submit" disabled={pending} className="self-start">
          {t("create")}
        </Button>
      </div>
    </form>
  );
}
