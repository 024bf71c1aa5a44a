"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { idleState } from "@/lib/action-state";
import { saveLibrarySettings } from "./actions";

const fields = ["nameZh", "nameEn", "addressZh", "addressEn", "hoursZh", "hoursEn", "phone", "email"] as const;
type Values = Record<(typeof fields)[number], string>;

export function SettingsForm({ initial }: { initial: Values }) {
  const t = useTranslations("admin");
  const tc = useTranslations("common");
  const [state, action, pending] = useActionState(saveLibrarySettings, idleState);
  // After a failed save show what was typed; after a good one (or at first) what is stored.
  const values = state.status === "error" && state.values ? (state.values as Values) : initial;
  return (
    <form action={action} className="grid max-w-3xl gap-4 sm:grid-cols-2" noValidate>
      {fields.map((name) => (
        <Field
          key={`${name}:${values[name]}`}
          name={name}
          type={name === "email" ? "email" : name === "phone" ? "tel" : "text"}
          label={t(name)}
          optionalLabel={name === "phone" || name === "email" ? tc("optional") : undefined}
          defaultValue={values[name]}
          error={state.fieldErrors?.[name]}
          required={name !== "phone" && name !== "email"}
        />
      ))}
      <div className="flex flex-col gap-3 sm:col-span-2">
        <FormMessage state={state} />
        <Button type="submit" disabled={pending} className="self-start">
          {tc("save")}
        </Button>
      </div>
    </form>
  );
}
