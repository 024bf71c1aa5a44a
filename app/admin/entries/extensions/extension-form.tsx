"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field, SelectField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { idleState } from "@/lib/action-state";
import { grantExtensionAction } from "../actions";

type Props = {
  campaignId: number;
  schools: { id: number; label: string }[];
  /** "2026-06-07T17:00": the campaign's own deadline in Beijing time, a starting point for the field. */
  suggested: string;
  judgingEnds: string;
};

/** Grant (or change) one school's later deadline, typed in Beijing time. */
export function ExtensionForm({ campaignId, schools, suggested, judgingEnds }: Props) {
  const t = useTranslations("entriesAdmin.extensions");
  const tc = useTranslations("common");
  const [state, action, pending] = useActionState(grantExtensionAction, idleState);
  const typed = state.status === "error" ? state.values : undefined;
  const err = (name: string) => state.fieldErrors?.[name];
  return (
    <form action={action} className="flex flex-col gap-4" noValidate key={typed ? JSON.stringify(typed) : `ok-${state.status}`}>
      <input type="hidden" name="campaignId" value={campaignId} />
      <div className="flex flex-col gap-4">
        <SelectField name="schoolId" id="extension-school" label={t("school")} defaultValue={typed?.schoolId ?? ""} error={err("schoolId")} required>
          <option value="">{t("chooseSchool")}</option>
          {schools.map((s) => (
            <option key={s.id} value={s.id}>
              {s.label}
            </option>
          ))}
        </SelectField>
        <Field
          name="closesAt"
          id="extension-closes"
          type="datetime-local"
          label={t("closesAt")}
          hint={t("closesAtHint", { date: judgingEnds })}
          defaultValue={typed?.closesAt ?? suggested}
          error={err("closesAt")}
          required
        />
        <Field
          name="reason"
          id="extension-reason"
          label={t("reason")}
          optionalLabel={tc("optional")}
          defaultValue={typed?.reason ?? ""}
          error={err("reason")}
          maxLength={300}
        />
      </div>
      <FormMessage state={state} />
      <Button type="submit" disabled={pending} className="self-start">
        {t("submit")}
      </Button>
    </form>
  );
}
