"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/ui/form-message";
import { idleState } from "@/lib/action-state";
import { ConfirmDetails } from "../../../confirm-details";
import { resetPasswordAction } from "../../actions";
import { Credentials } from "../../credentials";

export function ResetPasswordForm({ classId, pupilId, name }: { classId: number; pupilId: string; name: string }) {
  const t = useTranslations("pupils");
  const [state, action] = useActionState(resetPasswordAction, idleState);
  return (
    <form action={action} className="mt-4 flex flex-col gap-3">
      <input type="hidden" name="classId" value={classId} />
      <input type="hidden" name="pupilId" value={pupilId} />
      <FormMessage state={state} />
      {state.status === "ok" && state.data ? <Credentials title={t("resetDone", { name })} username={state.data.username} password={state.data.password} /> : null}
      <ConfirmDetails key={state.data?.password ?? "idle"} label={t("reset")} question={t("resetQuestion", { name })} confirmLabel={t("resetConfirm")} />
    </form>
  );
}
