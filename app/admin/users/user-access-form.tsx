"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { idleState } from "@/lib/action-state";
import { roles } from "@/lib/auth/permissions";
import { saveUserAccess } from "./actions";

export function UserAccessForm({ userId, current, disabled }: { userId: string; current: string[]; disabled: boolean }) {
  const t = useTranslations("users");
  const [state, action, pending] = useActionState(saveUserAccess, idleState);
  return (
    <form action={action} className="flex flex-col gap-2">
      <input type="hidden" name="userId" value={userId} />
      <fieldset>
        <legend className="sr-only">{t("roles")}</legend>
        <div className="flex flex-wrap gap-x-4 gap-y-1">
          {roles.map((role) => (
            <label key={role} className="inline-flex min-h-11 items-center gap-2">
              <input type="checkbox" name="roles" value={role} defaultChecked={current.includes(role)} className="h-5 w-5 accent-accent" />
              {t(`role.${role}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <label className="inline-flex min-h-11 items-center gap-2 text-danger">
        <input type="checkbox" name="disabled" defaultChecked={disabled} className="h-5 w-5 accent-danger" />
        {t("disabled")}
      </label>
      <FormMessage state={state} />
      <Button type="submit" variant="secondary" disabled={pending} className="self-start">
        {t("save")}
      </Button>
    </form>
  );
}
