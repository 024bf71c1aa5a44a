"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { idleState } from "@/lib/action-state";
import { confirmConsentAction } from "./actions";

export function ConfirmConsentForm({ token }: { token: string }) {
  const t = useTranslations("consent.page");
  const [state, action, pending] = useActionState(confirmConsentAction, idleState);
  return (
    <form action={action} className="flex flex-col gap-3">
      <input type="hidden" name="token" value={token} />
      <FormMessage state={state} />
      {state.status === "ok" && state.data === "expired" ? (
        <p role="alert" className="text-danger">
          {t("expired")}
        </p>
      ) : null}
      <Button type="submit" disabled={pending} className="self-start">
        {t("confirm")}
      </Button>
    </form>
  );
}
