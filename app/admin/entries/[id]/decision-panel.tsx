"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { TextareaField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { idleState } from "@/lib/action-state";
import { disqualifyEntryAction, undoDisqualificationAction } from "../actions";

type Props = {
  entryId: number;
  code: string;
  /** Set while the entry is disqualified: who and when (already worded), and the reason. */
  disqualified: { info: string; reason: string } | null;
  /** Only submitted entries can be disqualified. */
  canDisqualify: boolean;
};

/**
 * Disqualify with a reason the teacher will read, or undo that. One component for both, so the
 * outcome of the last decision stays on screen when the page refreshes into the other state.
 */
export function DecisionPanel({ entryId, code, disqualified, canDisqualify }: Props) {
  const t = useTranslations("entriesAdmin.disqualify");
  const [state, disqualify, disqualifying] = useActionState(disqualifyEntryAction, idleState);
  const [undoState, undo, undoing] = useActionState(undoDisqualificationAction, idleState);
  const reasonError = state.fieldErrors?.reason;

  if (disqualified) {
    return (
      <div className="flex flex-col gap-3">
        {state.status === "ok" ? <FormMessage state={state} /> : null}
        <div className="rounded-md border border-danger/30 bg-red-50 p-3">
          <p>{disqualified.info}</p>
          <p className="mt-1 text-sm font-medium">{t("reasonLabel")}</p>
          <p className="whitespace-pre-line">{disqualified.reason}</p>
        </div>
        <form action={undo}>
          <input type="hidden" name="entryId" value={entryId} />
          <Button
            type="submit"
            variant="secondary"
            disabled={undoing}
            onClick={(e) => {
              if (!window.confirm(t("undoConfirm", { code }))) e.preventDefault();
            }}
          >
            {t("undo")}
          </Button>
        </form>
        {undoState.status === "error" ? <FormMessage state={undoState} /> : null}
      </div>
    );
  }

  return (
    <div className="flex flex-col gap-3">
      {undoState.status === "ok" ? <FormMessage state={undoState} /> : null}
      {canDisqualify ? (
        <details className="rounded-md border border-line bg-white" open={state.status === "error" ? true : undefined}>
          <summary className="flex min-h-11 cursor-pointer items-center px-3 font-medium text-danger">{t("open")}</summary>
          <form action={disqualify} className="flex flex-col gap-3 px-3 pb-3" noValidate>
            <input type="hidden" name="entryId" value={entryId} />
            <TextareaField
              key={state.values?.reason}
              id={`disqualify-${entryId}`}
              name="reason"
              label={t("reason")}
              hint={t("hint")}
              rows={4}
              maxLength={500}
              required
              defaultValue={state.values?.reason}
              error={reasonError}
            />
            {/* Success shows above, in the disqualified state the page turns into. */}
            <FormMessage state={reasonError || state.status !== "error" ? { status: "idle" } : state} />
            <Button type="submit" variant="secondary" disabled={disqualifying} className="self-start border-danger/40 text-danger">
              {t("submit")}
            </Button>
          </form>
        </details>
      ) : (
        <p className="text-ink-soft">{t("onlySubmitted")}</p>
      )}
    </div>
  );
}
