"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { TextareaField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { idleState } from "@/lib/action-state";
import { RECUSE_REASON_MAX } from "@/lib/judging/judge-schemas";
import { recuseAction } from "../actions";

/**
 * Stepping back from an entry (the judge recognises the writer, or has another conflict). Asked
 * once, saying what happens: the entry goes to another judge and leaves this judge's queue.
 */
export function RecuseForm({ assignmentId }: { assignmentId: number }) {
  const t = useTranslations("judging.recuse");
  const [state, action, pending] = useActionState(recuseAction, idleState);
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState("");

  if (!asking) {
    return (
      <div className="flex flex-col items-start gap-1 px-1">
        <p className="text-ink-soft">{t("hint")}</p>
        <Button type="button" variant="ghost" className="-ml-4" onClick={() => setAsking(true)}>
          {t("open")}
        </Button>
      </div>
    );
  }
  return (
    <form action={action} noValidate className="flex flex-col gap-3 rounded-xl border border-danger/30 bg-red-50 p-4">
      <h2 className="text-lg">{t("title")}</h2>
      <p>{t("explain")}</p>
      <input type="hidden" name="assignmentId" value={assignmentId} />
      <TextareaField
        name="reason"
        label={t("reason")}
        hint={t("reasonHint")}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        error={state.fieldErrors?.reason}
        maxLength={RECUSE_REASON_MAX}
        rows={3}
        required
      />
      <FormMessage state={state} />
      <div className="flex flex-wrap gap-3">
        <Button type="submit" className="bg-danger hover:bg-red-800" disabled={pending}>
          {t("confirm")}
        </Button>
        <Button type="button" variant="secondary" onClick={() => setAsking(false)}>
          {t("cancel")}
        </Button>
      </div>
    </form>
  );
}
