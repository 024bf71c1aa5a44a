"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { TextareaField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { idleState } from "@/lib/action-state";
import { approveSchoolAction, rejectSchoolAction } from "./actions";

/** Approve, or reject with a reason, one pending school. Rejecting asks once, in its own panel. */
export function ReviewForms({ schoolId, schoolName, coordinatorEmail }: { schoolId: number; schoolName: string; coordinatorEmail: string }) {
  const t = useTranslations("schools.review");
  const [approveState, approve, approving] = useActionState(approveSchoolAction, idleState);
  const [rejectState, reject, rejecting] = useActionState(rejectSchoolAction, idleState);
  const busy = approving || rejecting;
  const reasonId = `reason-${schoolId}`;
  const reasonError = rejectState.fieldErrors?.reason;

  return (
    <div className="flex flex-col gap-3 border-t border-line pt-3">
      <form action={approve} className="flex flex-col gap-2">
        <input type="hidden" name="schoolId" value={schoolId} />
        <p className="text-sm text-ink-soft">{t("approveExplain", { email: coordinatorEmail })}</p>
        <FormMessage state={approveState} />
        <Button type="submit" disabled={busy} className="self-start" aria-label={t("approveLabel", { school: schoolName })}>
          {t("approve")}
        </Button>
      </form>
      <details className="group rounded-md border border-line" open={rejectState.status === "error" ? true : undefined}>
        <summary className="flex min-h-11 cursor-pointer items-center px-3 text-danger">{t("rejectOpen")}</summary>
        <form action={reject} className="flex flex-col gap-2 px-3 pb-3" noValidate>
          <input type="hidden" name="schoolId" value={schoolId} />
          <TextareaField
            key={rejectState.values?.reason}
            id={reasonId}
            name="reason"
            label={t("reason")}
            hint={t("reasonHint")}
            rows={3}
            maxLength={500}
            required
            defaultValue={rejectState.values?.reason}
            error={reasonError}
          />
          <FormMessage state={reasonError ? { status: "idle" } : rejectState} />
          <Button type="submit" variant="secondary" disabled={busy} className="self-start border-danger/40 text-danger">
            {t("rejectConfirm")}
          </Button>
        </form>
      </details>
    </div>
  );
}
