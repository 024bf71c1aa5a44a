"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { idleState, type ActionState } from "@/lib/action-state";
import { addExhibitAction, generateSessionsAction, updateSessionAction } from "../actions";

export function SessionRunForm({ eventId, fromDay, toDay }: { eventId: number; fromDay: string; toDay: string }) {
  const t = useTranslations("eventsAdmin");
  const [state, action, pending] = useActionState<ActionState<number>, FormData>(generateSessionsAction, idleState);
  const typed = state.status === "error" ? state.values : undefined;
  const err = (name: string) => state.fieldErrors?.[name];
  return (
    <form action={action} className="flex flex-col gap-4" noValidate key={typed ? JSON.stringify(typed) : String(state.data ?? "")}>
      {state.status === "ok" ? (
        <p role="status" className="rounded-md bg-accent-soft px-3 py-2 text-accent-deep">
          {t("generated", { n: state.data ?? 0 })}
        </p>
      ) : (
        <FormMessage state={state} />
      )}
      <input type="hidden" name="eventId" value={eventId} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field name="fromDay" type="date" label={t("fromDay")} defaultValue={typed?.fromDay ?? fromDay} error={err("fromDay")} required />
        <Field name="toDay" type="date" label={t("toDay")} defaultValue={typed?.toDay ?? toDay} error={err("toDay")} required />
        <Field name="times" label={t("times")} hint={t("timesHint")} defaultValue={typed?.times ?? "09:00-11:00, 14:00-16:00"} error={err("times")} required />
        <Field name="capacity" type="number" inputMode="numeric" min={1} label={t("capacity")} defaultValue={typed?.capacity ?? "40"} error={err("capacity")} required />
      </div>
      <label className="flex items-center gap-2">
        <input type="checkbox" name="skipMondays" defaultChecked={typed ? typed.skipMondays === "on" : true} className="size-5" />
        {t("skipMondays")}
      </label>
      <Button type="submit" disabled={pending} className="self-start">
        {t("generate")}
      </Button>
    </form>
  );
}

export function SessionEditForm({ eventId, sessionId, startsAt, endsAt, capacity }: { eventId: number; sessionId: number; startsAt: string; endsAt: string; capacity: number }) {
  const t = useTranslations("eventsAdmin");
  const [state, action, pending] = useActionState(updateSessionAction, idleState);
  const typed = state.status === "error" ? state.values : undefined;
  const err = (name: string) => state.fieldErrors?.[name];
  return (
    <form action={action} className="flex flex-col gap-4" noValidate key={typed ? JSON.stringify(typed) : "initial"}>
      <FormMessage state={state} />
      <input type="hidden" name="eventId" value={eventId} />
      <input type="hidden" name="sessionId" value={sessionId} />
      <div className="grid gap-4 sm:grid-cols-3">
        <Field name="startsAt" type="datetime-local" label={t("startsAt")} defaultValue={typed?.startsAt ?? startsAt} error={err("startsAt")} required />
        <Field name="endsAt" type="datetime-local" label={t("endsAt")} defaultValue={typed?.endsAt ?? endsAt} error={err("endsAt")} required />
        <Field name="capacity" type="number" inputMode="numeric" min={1} label={t("capacity")} defaultValue={typed?.capacity ?? String(capacity)} error={err("capacity")} required />
      </div>
      <Button type="submit" variant="secondary" disabled={pending} className="self-start">
        {t("save")}
      </Button>
    </form>
  );
}

export function ExhibitForm({ eventId }: { eventId: number }) {
  const t = useTranslations("eventsAdmin");
  const [state, action, pending] = useActionState(addExhibitAction, idleState);
  const typed = state.status === "error" ? state.values : undefined;
  const err = (name: string) => state.fieldErrors?.[name];
  return (
    <form action={action} className="flex flex-col gap-4" noValidate key={typed ? JSON.stringify(typed) : state.status}>
      <FormMessage state={state} />
      <input type="hidden" name="eventId" value={eventId} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field name="image" type="file" accept="image/jpeg,image/png,image/webp" label={t("image")} error={err("image")} required />
        <Field name="title" label={t("exhibitTitle")} defaultValue={typed?.title ?? ""} error={err("title")} />
        <Field name="caption" label={t("caption")} defaultValue={typed?.caption ?? ""} error={err("caption")} className="sm:col-span-2" />
      </div>
      <Button type="submit" variant="secondary" disabled={pending} className="self-start">
        {t("addExhibit")}
      </Button>
    </form>
  );
}
