"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { idleState, type ActionState } from "@/lib/action-state";
import { moveAssignmentAction } from "./actions";

/** An action's answer, numbered so that each one remounts the form (see below). */
type Answer = ActionState<void> & { round: number };

export type MoveOption = { id: string; label: string; conflicted: boolean; onEntry: boolean };

/** Gives one judge's copy of an entry to another judge; the server says why a choice is refused. */
export function MoveForm({ campaignId, assignmentId, from, options }: { campaignId: number; assignmentId: number; from: string; options: MoveOption[] }) {
  const t = useTranslations("judgingAdmin.assign");
  // React resets a form after its action; a new key per answer remounts it instead, with a
  // refused choice still selected next to the reason (and an empty choice once moved).
  const [state, action, pending] = useActionState(
    async (prev: Answer, form: FormData): Promise<Answer> => ({ ...(await moveAssignmentAction(prev, form)), round: prev.round + 1 }),
    { ...idleState, round: 0 },
  );
  return (
    <form key={state.round} action={action} className="flex flex-col gap-2" noValidate>
      <input type="hidden" name="campaignId" value={campaignId} />
      <input type="hidden" name="assignmentId" value={assignmentId} />
      <div className="flex flex-col gap-2 sm:flex-row sm:items-start">
        <SelectField
          id={`move-${assignmentId}`}
          name="judgeId"
          label={t("moveTo", { name: from })}
          defaultValue={state.status === "error" ? (state.values?.judgeId ?? "") : ""}
          error={state.fieldErrors?.judgeId}
          className="min-w-0 flex-1"
          required
        >
          <option value="">{t("chooseJudge")}</option>
          {options.map((o) => (
            <option key={o.id} value={o.id}>
              {o.label}
              {o.conflicted ? ` ${t("conflictedMark")}` : o.onEntry ? ` ${t("onEntryMark")}` : ""}
            </option>
          ))}
        </SelectField>
        {/* Lined up with the select, below its label. */}
        <Button type="submit" variant="secondary" disabled={pending} className="self-start sm:mt-8">
          {t("move")}
        </Button>
      </div>
      {/* A refused judge is explained next to the field; other outcomes here. */}
      {state.status === "error" && state.fieldErrors?.judgeId ? null : <FormMessage state={state} />}
    </form>
  );
}
