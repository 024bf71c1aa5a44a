"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { idleState } from "@/lib/action-state";
import { changePassword } from "./actions";

export function PasswordForm() {
  const t = useTranslations("auth");
  const [state, action, pending] = useActionState(changePassword, idleState);
  return (
    <form action={action} className="flex max-w-md flex-col gap-4" noValidate>
      <Field name="password" type="password" autoComplete="new-password" required label={t("newPassword")} hint={t("passwordRules")} error={state.fieldErrors?.password} />
      <Field name="confirm" type="password" autoComplete="new-password" required label={t("confirmPassword")} error={state.fieldErrors?.confirm} />
      <FormMessage state={state} />
      <Button type="submit" disabled={pending}>
        {t("changePasswordTitle")}
      </Button>
    </form>
  );
}
