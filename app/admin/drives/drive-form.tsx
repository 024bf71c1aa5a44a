"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field, TextareaField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { idleState } from "@/lib/action-state";
import { createDriveAction, updateDriveAction } from "./actions";

export type DriveFormValues = Record<"slug" | "title" | "story" | "town" | "village" | "readingRoom" | "startsOn" | "endsOn", string>;

export function DriveForm({ driveId, initial }: { driveId?: number; initial: DriveFormValues }) {
  const t = useTranslations("drivesAdmin");
  const tc = useTranslations("common");
  const save = (driveId ? updateDriveAction : createDriveAction) as typeof updateDriveAction;
  const [state, action, pending] = useActionState(save, idleState);
  const typed = state.status === "error" ? state.values : undefined;
  const v = (name: keyof DriveFormValues) => (typed ? (typed[name] ?? "") : initial[name]);
  const err = (name: string) => state.fieldErrors?.[name];

  return (
    <form action={action} className="flex max-w-3xl flex-col gap-5" noValidate key={typed ? JSON.stringify(typed) : "initial"}>
      <FormMessage state={state} />
      {driveId ? <input type="hidden" name="driveId" value={driveId} /> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field name="title" label={t("titleField")} defaultValue={v("title")} error={err("title")} required className="sm:col-span-2" />
        <Field name="slug" label={t("slug")} hint={t("slugHint")} defaultValue={v("slug")} error={err("slug")} required autoCapitalize="none" spellCheck={false} />
        <Field name="town" label={t("town")} defaultValue={v("town")} error={err("town")} optionalLabel={tc("optional")} />
        <Field name="village" label={t("village")} defaultValue={v("village")} error={err("village")} required />
        <Field name="readingRoom" label={t("readingRoom")} hint={t("readingRoomHint")} defaultValue={v("readingRoom")} error={err("readingRoom")} optionalLabel={tc("optional")} />
        <Field name="startsOn" type="date" label={t("startsOn")} defaultValue={v("startsOn")} error={err("startsOn")} required />
        <Field name="endsOn" type="date" label={t("endsOn")} hint={t("endsOnHint")} defaultValue={v("endsOn")} error={err("endsOn")} required />
      </div>
      <TextareaField name="story" label={t("story")} hint={t("storyHint")} defaultValue={v("story")} error={err("story")} rows={8} />
      <Field name="cover" type="file" accept="image/jpeg,image/png,image/webp" label={t("cover")} error={err("cover")} optionalLabel={tc("optional")} />
      <Button type="submit" disabled={pending} className="self-start">
        {t("save")}
      </Button>
    </form>
  );
}
