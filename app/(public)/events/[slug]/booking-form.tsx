"use client";

import { Link } from "@/components/ui/link";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field, SelectField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { idleState, type ActionState } from "@/lib/action-state";
import { bookClassAction, bookVisitorAction, type BookingOutcome } from "./actions";

export type SessionOption = { id: number; label: string; full: boolean };

type Props = {
  sessions: SessionOption[];
  /** For a teacher: the class form, with their school's name and their own contact filled in. */
  teacher?: { school: string; name: string; email: string };
};

export function BookingForm({ sessions, teacher }: Props) {
  const t = useTranslations("events");
  const ts = useTranslations("events.status");
  const [state, action, pending] = useActionState<ActionState<BookingOutcome>, FormData>(teacher ? bookClassAction : bookVisitorAction, idleState);
  const typed = state.status === "error" ? state.values : undefined;
  const v = (name: string, fallback = "") => typed?.[name] ?? fallback;
  const err = (name: string) => state.fieldErrors?.[name];
  const r = state.status === "ok" ? state.data : undefined;
  const prefix = teacher ? "class" : "visitor";

  return (
    <form action={action} className="flex flex-col gap-4" noValidate key={typed ? JSON.stringify(typed) : "initial"}>
      {r ? (
        <div role="status" className="rounded-md border border-accent/30 bg-accent-soft px-3 py-2 text-accent-deep">
          {r.outcome === "full"
            ? t("result.full", { left: r.placesLeft })
            : r.outcome === "duplicate"
              ? t("result.duplicate", { code: r.code, status: ts(r.status) })
              : t(`result.${r.outcome}`, { code: r.code })}
          {"manageHref" in r ? (
            <>
              {" "}
              <Link href={r.manageHref} className="font-medium underline">
                {t("result.manage")}
              </Link>
            </>
          ) : null}
        </div>
      ) : (
        <FormMessage state={state} />
      )}
      <SelectField id={`${prefix}-session`} name="sessionId" label={t("chooseSession")} defaultValue={v("sessionId")} error={err("sessionId")} required>
        {sessions.map((s) => (
          <option key={s.id} value={s.id}>
            {s.label}
          </option>
        ))}
      </SelectField>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id={`${prefix}-name`} name="name" label={t("name")} autoComplete="name" defaultValue={v("name", teacher?.name)} error={err("name")} required />
        <Field id={`${prefix}-phone`} name="phone" type="tel" label={t("phone")} autoComplete="tel" inputMode="tel" defaultValue={v("phone")} error={err("phone")} required />
        <Field id={`${prefix}-email`} name="email" type="email" label={t("emailLabel")} autoComplete="email" defaultValue={v("email", teacher?.email)} error={err("email")} required className="sm:col-span-2" />
        {teacher ? (
          <>
            <Field id="class-pupils" name="pupils" type="number" inputMode="numeric" min={1} max={200} label={t("pupils")} defaultValue={v("pupils")} error={err("pupils")} required />
            <Field id="class-adults" name="adults" type="number" inputMode="numeric" min={0} max={20} label={t("adults")} defaultValue={v("adults", "2")} error={err("adults")} required />
          </>
        ) : (
          <Field id="visitor-party" name="partySize" type="number" inputMode="numeric" min={1} max={6} label={t("partySize")} defaultValue={v("partySize", "1")} error={err("partySize")} required />
        )}
      </div>
      {/* Hidden from people (and screen readers); bots that fill every field give themselves away. */}
      <div aria-hidden="true" className="absolute -left-[9999px] h-px w-px overflow-hidden">
        <label htmlFor={`${prefix}-website`}>{t("honeypot")}</label>
        <input id={`${prefix}-website`} name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>
      <label className="flex items-start gap-2">
        <input type="checkbox" name="joinWaitlist" defaultChecked={typed ? typed.joinWaitlist === "on" : sessions.some((s) => s.full)} className="mt-1.5 size-5" />
        <span>
          {t("joinWaitlist")}
          <span className="block text-sm text-ink-soft">{t("joinWaitlistHint")}</span>
        </span>
      </label>
      <Button type="submit" variant="warm" disabled={pending} className="self-start">
        {teacher ? t("submitClass") : t("submitBook")}
      </Button>
    </form>
  );
}
