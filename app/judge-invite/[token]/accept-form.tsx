"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field, SelectField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { idleState, type ActionState } from "@/lib/action-state";
import { acceptJudgeInvitationAction } from "./actions";

type Row = { key: number; schoolId: string; note: string };

/** An action's answer, numbered so that each one remounts the form (see below). */
type Answer = ActionState<never> & { round: number };

export type SchoolGroup = { town: string; schools: { id: number; name: string }[] };

/**
 * The invitee names the schools they are connected to (a row each: the school and why), then
 * accepts. Rows can be added and removed; one empty row is there to start, so the form also
 * works before the script loads.
 */
export function AcceptJudgeForm({ token, groups, maxRows }: { token: string; groups: SchoolGroup[]; maxRows: number }) {
  const t = useTranslations("judgingAdmin.accept");
  // React resets a form after its action; a new key per answer remounts it instead, and the
  // rows (kept here, outside the form) come back as they were chosen.
  const [state, action, pending] = useActionState(
    async (prev: Answer, form: FormData): Promise<Answer> => ({ ...(await acceptJudgeInvitationAction(prev, form)), round: prev.round + 1 }),
    { ...idleState, round: 0 },
  );
  const [rows, setRows] = useState<Row[]>([{ key: 0, schoolId: "", note: "" }]);
  const [next, setNext] = useState(1);
  const change = (key: number, patch: Partial<Row>) => setRows(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  return (
    <form key={state.round} action={action} className="flex flex-col gap-4" noValidate>
      <input type="hidden" name="token" value={token} />
      <fieldset className="flex flex-col gap-3" aria-describedby="conflicts-hint">
        <legend className="text-lg font-bold">{t("conflictsHeading")}</legend>
        <p id="conflicts-hint" className="text-ink-soft">
          {t("conflictsHint")}
        </p>
        {rows.map((row, i) => (
          <div key={row.key} className="flex flex-col gap-3 rounded-lg border border-line bg-paper p-3 sm:grid sm:grid-cols-[minmax(0,3fr)_minmax(0,2fr)_auto] sm:items-end">
            <SelectField
              id={`conflict-school-${row.key}`}
              name="schoolId"
              label={t("school", { n: i + 1 })}
              value={row.schoolId}
              onChange={(e) => change(row.key, { schoolId: e.target.value })}
            >
              <option value="">{t("noSchool")}</option>
              {groups.map((g) => (
                <optgroup key={g.town} label={g.town}>
                  {g.schools.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.name}
                    </option>
                  ))}
                </optgroup>
              ))}
            </SelectField>
            <Field
              id={`conflict-note-${row.key}`}
              name="note"
              label={t("note")}
              placeholder={t("notePlaceholder")}
              maxLength={200}
              autoComplete="off"
              value={row.note}
              onChange={(e) => change(row.key, { note: e.target.value })}
            />
            <Button
              type="button"
              variant="ghost"
              className="self-start sm:self-end"
              onClick={() => setRows(rows.filter((r) => r.key !== row.key))}
              aria-label={t("removeRowLabel", { n: i + 1 })}
            >
              {t("removeRow")}
            </Button>
          </div>
        ))}
        {state.fieldErrors?.schoolId ? (
          <p role="alert" className="text-sm font-medium text-danger">
            {state.fieldErrors.schoolId}
          </p>
        ) : null}
        {rows.length < maxRows ? (
          <Button
            type="button"
            variant="secondary"
            className="self-start"
            onClick={() => {
              setRows([...rows, { key: next, schoolId: "", note: "" }]);
              setNext(next + 1);
            }}
          >
            {t("addRow")}
          </Button>
        ) : null}
      </fieldset>
      <p className="text-ink-soft">{t("ownSchoolNote")}</p>
      <FormMessage state={state} />
      <Button type="submit" variant="warm" disabled={pending} className="self-start">
        {t("accept")}
      </Button>
    </form>
  );
}
