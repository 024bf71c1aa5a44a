"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { idleState } from "@/lib/action-state";
import { inviteJudgeAction } from "./actions";

export function InviteJudgeForm({ campaignId }: { campaignId: number }) {
  const t = useTranslations("judgingAdmin.judges");
  const [state, action, pending] = useActionState(inviteJudgeAction, idleState);
  // After a sent invitation the fields start empty for the next judge; after an error they keep what was typed.
  const v = state.status === "error" ? (state.values ?? {}) : {};
  const shown = state.status === "ok" && state.data ? { status: "ok" as const, message: t("sent", { email: state.data.email }) } : state;
  const round = state.status === "ok" ? `ok:${state.data?.email}` : "form";
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <input type="hidden" name="campaignId" value={campaignId} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          key={`${round}:name:${v.name}`}
          id="judge-name"
          name="name"
          label={t("name")}
          required
          maxLength={40}
          autoComplete="off"
          defaultValue={v.name}
          error={state.fieldErrors?.name}
        />
        <Field
          key={`${round}:email:${v.email}`}
          id="judge-email"
          name="email"
          type="email"
          inputMode="email"
          autoComplete="off"
          label={t("email")}
          required
          defaultValue={v.email}
          error={state.fieldErrors?.email}
        />
      </div>
      <FormMessage state={shown} />
      <Button type="submit" disabled={pending} className="self-start">
        {t("send")}
      </Button>
    </form>
  );
}
