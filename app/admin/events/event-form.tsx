"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field, SelectField, TextareaField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { idleState } from "@/lib/action-state";
import { createEventAction, updateEventAction } from "./actions";

export type EventFormValues = Record<"slug" | "kind" | "title" | "description" | "venue" | "village" | "startsAt" | "endsAt", string>;

const kinds = ["exhibition", "activity", "lecture", "outreach"] as const;

export function EventForm({ eventId, initial }: { eventId?: number; initial: EventFormValues }) {
  const t = useTranslations("eventsAdmin");
  const tk = useTranslations("eventKind");
  const tc = useTranslations("common");
  const save = (eventId ? updateEventAction : createEventAction) as typeof updateEventAction;
  const [state, action, pending] = useActionState(save, idleState);
  const typed = state.status === "error" ? state.values : undefined;
  const v = (name: keyof EventFormValues) => (typed ? (typed[name] ?? "") : initial[name]);
  const err = (name: string) => state.fieldErrors?.[name];

  return (
    <form action={action} className="flex max-w-3xl flex-col gap-5" noValidate key={typed ? JSON.stringify(typed) : "initial"}>
      <FormMessage state={state} />
      {eventId ? <input type="hidden" name="eventId" value={eventId} /> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field name="title" label={t("titleField")} defaultValue={v("title")} error={err("title")} required className="sm:col-span-2" />
        <SelectField name="kind" label={t("kind")} defaultValue={v("kind")} error={err("kind")}>
          {kinds.map((k) => (
            <option key={k} value={k}>
              {tk(k)}
            </option>
          ))}
        </SelectField>
        <Field name="slug" label={t("slug")} hint={t("slugHint")} defaultValue={v("slug")} error={err("slug")} required autoCapitalize="none" spellCheck={false} />
        <Field name="venue" label={t("venue")} defaultValue={v("venue")} error={err("venue")} />
        <Field name="village" label={t("village")} defaultValue={v("village")} error={err("village")} optionalLabel={tc("optional")} />
        <Field name="startsAt" type="datetime-local" label={t("startsAt")} defaultValue={v("startsAt")} error={err("startsAt")} required />
        <Field name="endsAt" type="datetime-local" label={t("endsAt")} defaultValue={v("endsAt")} error={err("endsAt")} required />
      </div>
      <TextareaField name="description" label={t("description")} defaultValue={v("description")} error={err("description")} rows={8} />
      <Field name="cover" type="file" accept="image/jpeg,image/png,image/webp" label={t("cover")} error={err("cover")} optionalLabel={tc("optional")} />
      <Button type="submit" disabled={pending} className="self-start">
        {t("save")}
      </Button>
    </form>
  );
}
