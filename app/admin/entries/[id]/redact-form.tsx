"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { TextareaField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { idleState } from "@/lib/action-state";
import { redactEntryAction } from "../actions";

/**
 * The essay as judges will read it, for staff to replace personal details in. Open from the start
 * when there is something to remove; then it stays as staff leave it, whatever the page reloads.
 */
export function RedactForm({ entryId, body, initiallyOpen }: { entryId: number; body: string; initiallyOpen: boolean }) {
  const t = useTranslations("entriesAdmin.redact");
  const [state, action, pending] = useActionState(redactEntryAction, idleState);
  const [open, setOpen] = useState(initiallyOpen);
  // After an error the text typed stays; after a save the stored text comes back from the server.
  const value = state.status === "error" ? (state.values?.body ?? body) : body;
  return (
    <details className="rounded-md border border-line bg-white" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="flex min-h-11 cursor-pointer items-center px-3 font-medium">{t("open")}</summary>
      <form action={action} className="flex flex-col gap-3 px-3 pb-3" noValidate>
        <input type="hidden" name="entryId" value={entryId} />
        <TextareaField
          key={`${state.status}-${value.length}-${body.length}`}
          id={`redact-${entryId}`}
          name="body"
          label={t("field")}
          hint={t("hint")}
          rows={14}
          defaultValue={value}
          error={state.fieldErrors?.body}
          required
          className="[&_textarea]:leading-loose"
        />
        <FormMessage state={state.fieldErrors?.body ? { status: "idle" } : state} />
        <Button type="submit" disabled={pending} className="self-start">
          {t("submit")}
        </Button>
      </form>
    </details>
  );
}
