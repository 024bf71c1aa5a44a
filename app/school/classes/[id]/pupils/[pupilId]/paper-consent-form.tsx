"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { idleState } from "@/lib/action-state";
import { paperConsentAction } from "../../actions";

export function PaperConsentForm({ classId, pupilId, guardianName, today }: { classId: number; pupilId: string; guardianName: string; today: string }) {
  const t = useTranslations("consent");
  const [state, action, pending] = useActionState(paperConsentAction, idleState);
  const v = state.status === "error" ? (state.values ?? {}) : {};
  return (
    <form action={action} className="flex flex-col gap-3 border-t border-line pt-4" noValidate>
      <h3 className="font-bold">{t("paperTitle")}</h3>
      <p className="text-sm text-ink-soft">{t("paperIntro")}</p>
      <input type="hidden" name="classId" value={classId} />
      <input type="hidden" name="pupilId" value={pupilId} />
      <Field key={`g:${v.guardianName ?? guardianName}`} name="guardianName" label={t("paperGuardian")} defaultValue={v.guardianName ?? guardianName} error={state.fieldErrors?.guardianName} required maxLength={40} />
      <Field key={`d:${v.signedOn ?? today}`} name="signedOn" type="date" max={today} label={t("paperSignedOn")} defaultValue={v.signedOn ?? today} error={state.fieldErrors?.signedOn} required />
      <FormMessage state={state} />
      <Button type="submit" disabled={pending} className="self-start">
        {t("paperRecord")}
      </Button>
    </form>
  );
}
