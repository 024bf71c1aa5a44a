"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { idleState } from "@/lib/action-state";
import { pupilSignIn, requestMagicLink } from "./actions";

export function MagicLinkForm({ callbackUrl, email }: { callbackUrl?: string; email?: string }) {
  const t = useTranslations("auth");
  const [state, action, pending] = useActionState(requestMagicLink, idleState);
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl ?? ""} />
      <Field
        key={state.values?.email ?? email}
        name="email"
        type="email"
        autoComplete="email"
        inputMode="email"
        required
        label={t("emailLabel")}
        hint={t("emailHint")}
        defaultValue={state.values?.email ?? email}
        error={state.fieldErrors?.email}
      />
      <FormMessage state={state} />
      <Button type="submit" disabled={pending}>
        {t("sendLink")}
      </Button>
    </form>
  );
}

export function PupilForm({ callbackUrl }: { callbackUrl?: string }) {
  const t = useTranslations("auth");
  const [state, action, pending] = useActionState(pupilSignIn, idleState);
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl ?? ""} />
      <p className="text-sm text-ink-soft">{t("pupilHint")}</p>
      <Field
        key={state.values?.username}
        name="username"
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        required
        label={t("usernameLabel")}
        defaultValue={state.values?.username}
        error={state.fieldErrors?.username}
      />
      <Field
        name="password"
        type="password"
        autoComplete="current-password"
        required
        label={t("passwordLabel")}
        error={state.fieldErrors?.password}
      />
      <FormMessage state={state.fieldErrors?.password ? { status: "idle" } : state} />
      <Button type="submit" disabled={pending}>
        {t("signInButton")}
      </Button>
    </form>
  );
}
