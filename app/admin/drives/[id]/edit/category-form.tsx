"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { idleState } from "@/lib/action-state";
import { saveCategoryAction } from "../../actions";

type Line = { id: number; name: string; target: number; welcome: string; notWelcome: string };

/** One line of the need-list (or, without `line`, a new one): a category, its target and what is welcome. */
export function CategoryForm({ driveId, line }: { driveId: number; line?: Line }) {
  const t = useTranslations("drivesAdmin");
  const tc = useTranslations("common");
  const [state, action, pending] = useActionState(saveCategoryAction, idleState);
  const typed = state.status === "error" ? state.values : undefined;
  const v = (name: keyof Line) => typed?.[name] ?? (line ? String(line[name]) : "");
  const err = (name: string) => state.fieldErrors?.[name];
  const p = line ? `cat-${line.id}` : "cat-new";
  // A new line's form starts empty again after each save.
  const key = typed ? JSON.stringify(typed) : `saved-${line ? "" : (state.data ?? "")}`;
  return (
    <form action={action} className="flex flex-col gap-3" noValidate key={key}>
      <FormMessage state={state} />
      <input type="hidden" name="driveId" value={driveId} />
      <input type="hidden" name="categoryId" value={line?.id ?? ""} />
      <div className="grid gap-3 sm:grid-cols-[1fr_8rem]">
        <Field id={`${p}-name`} name="name" label={t("categoryName")} defaultValue={v("name")} error={err("name")} required maxLength={40} />
        <Field id={`${p}-target`} name="target" type="number" inputMode="numeric" min={1} label={t("fig.target")} defaultValue={v("target")} error={err("target")} required />
        <Field id={`${p}-welcome`} name="welcome" label={t("welcome")} defaultValue={v("welcome")} error={err("welcome")} optionalLabel={tc("optional")} className="sm:col-span-2" />
        <Field id={`${p}-not`} name="notWelcome" label={t("notWelcome")} defaultValue={v("notWelcome")} error={err("notWelcome")} optionalLabel={tc("optional")} className="sm:col-span-2" />
      </div>
      <Button type="submit" variant={line ? "secondary" : "primary"} disabled={pending} className="self-start">
        {line ? t("save") : t("addCategory")}
      </Button>
    </form>
  );
}
