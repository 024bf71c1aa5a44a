"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field, SelectField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { idleState, type ActionState } from "@/lib/action-state";
import { recordIntakeAction } from "../actions";

type Line = { id: number; name: string; /** What the pledge still brings in this category: the accepted count's first guess. */ expected?: number };

/**
 * What arrived, per need-list line: accepted, declined and why. Against a pledge (`pledgeId`)
 * or, without one, a walk-in whose donor may leave a name, an email (for the thank-you) and a school.
 */
export function IntakeForm({ driveId, pledgeId, lines, schools }: { driveId: number; pledgeId?: number; lines: Line[]; schools?: { id: number; name: string }[] }) {
  const t = useTranslations("drivesAdmin");
  const tc = useTranslations("common");
  const [state, action, pending] = useActionState<ActionState<{ id: number; accepted: number; declined: number }>, FormData>(recordIntakeAction, idleState);
  const typed = state.status === "error" ? state.values : undefined;
  const v = (name: string, fallback = "") => typed?.[name] ?? fallback;
  const err = (name: string) => state.fieldErrors?.[name];
  const done = state.status === "ok" ? state.data : undefined;

  return (
    <form action={action} className="flex flex-col gap-4" noValidate key={typed ? JSON.stringify(typed) : `saved-${done?.id ?? ""}`}>
      {done ? (
        <p role="status" className="rounded-md bg-accent-soft px-3 py-2 text-accent-deep">
          {t("intakeDone", { accepted: done.accepted, declined: done.declined })}
        </p>
      ) : (
        <FormMessage state={state} />
      )}
      <input type="hidden" name="driveId" value={driveId} />
      {pledgeId ? <input type="hidden" name="pledgeId" value={pledgeId} /> : null}
      {schools ? (
        <div className="grid gap-4 sm:grid-cols-3">
          <Field id="walkin-name" name="donorName" label={t("donorName")} defaultValue={v("donorName")} error={err("donorName")} optionalLabel={tc("optional")} />
          <Field id="walkin-email" name="donorEmail" type="email" label={t("donorEmail")} defaultValue={v("donorEmail")} error={err("donorEmail")} optionalLabel={tc("optional")} />
          <SelectField id="walkin-school" name="schoolId" label={t("fig.school")} defaultValue={v("schoolId")} error={err("schoolId")} optionalLabel={tc("optional")}>
            <option value="">—</option>
            {schools.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </SelectField>
        </div>
      ) : null}
      {err("_form") ? <p className="font-medium text-danger">{err("_form")}</p> : null}
      <div className="flex flex-col gap-3">
        {lines.map((l) => (
          <fieldset key={l.id} className="grid gap-3 rounded-md border border-line bg-white p-3 sm:grid-cols-[8rem_8rem_1fr]">
            <legend className="px-1 font-bold">
              {l.name}
              {l.expected ? <span className="ml-2 text-sm font-normal text-ink-soft">{t("expected", { n: l.expected })}</span> : null}
            </legend>
            <Field
              id={`accepted-${l.id}`}
              name={`accepted_${l.id}`}
              type="number"
              inputMode="numeric"
              min={0}
              max={10000}
              label={t("fig.accepted")}
              defaultValue={v(`accepted_${l.id}`, l.expected ? String(l.expected) : "")}
              error={err(`accepted_${l.id}`)}
            />
            <Field id={`declined-${l.id}`} name={`declined_${l.id}`} type="number" inputMode="numeric" min={0} max={10000} label={t("fig.declined")} defaultValue={v(`declined_${l.id}`)} error={err(`declined_${l.id}`)} />
            <Field id={`reason-${l.id}`} name={`reason_${l.id}`} label={t("col.reason")} placeholder={t("reasonHint")} defaultValue={v(`reason_${l.id}`)} maxLength={200} />
          </fieldset>
        ))}
      </div>
      <Button type="submit" disabled={pending} className="self-start">
        {t("recordIntake")}
      </Button>
    </form>
  );
}
