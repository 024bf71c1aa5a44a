"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { idleState } from "@/lib/action-state";
import { addJudgeAction } from "./actions";

/** Puts a judge of an earlier campaign on this panel without a new invitation. */
export function AddJudgeForm({ campaignId, candidates }: { campaignId: number; candidates: { id: string; label: string }[] }) {
  const t = useTranslations("judgingAdmin.judges");
  const [state, action, pending] = useActionState(addJudgeAction, idleState);
  // Kept mounted when the last candidate was just added, so the confirmation stays in view.
  if (candidates.length === 0) {
    return (
      <div className="flex flex-col gap-3">
        <FormMessage state={state} />
        <p className="text-ink-soft">{t("noCandidates")}</p>
      </div>
    );
  }
  return (
    <form action={action} className="flex flex-col gap-3" noValidate key={`${state.status}-${state.data?.at ?? 0}`}>
      <input type="hidden" name="campaignId" value={campaignId} />
      <SelectField id="add-judge" name="judgeId" label={t("existingJudge")} defaultValue={state.values?.judgeId ?? ""} error={state.fieldErrors?.judgeId} required>
        <option value="">{t("chooseJudge")}</option>
        {candidates.map((c) => (
          <option key={c.id} value={c.id}>
            {c.label}
          </option>
        ))}
      </SelectField>
      <FormMessage state={state} />
      <Button type="submit" variant="secondary" disabled={pending} className="self-start">
        {t("add")}
      </Button>
    </form>
  );
}
