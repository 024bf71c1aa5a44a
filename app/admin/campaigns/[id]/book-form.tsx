"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { idleState } from "@/lib/action-state";
import { addBookAction } from "../actions";

export function BookForm({ campaignId }: { campaignId: number }) {
  const t = useTranslations("campaigns");
  const tc = useTranslations("common");
  const [state, action, pending] = useActionState(addBookAction, idleState);
  const typed = state.status === "error" ? state.values : undefined;
  return (
    // After a successful add the form remounts empty, ready for the next book.
    <form action={action} className="grid gap-3 rounded-lg border border-dashed border-line bg-white/60 p-4 sm:grid-cols-2" noValidate key={typed ? JSON.stringify(typed) : String(state.data ?? "initial")}>
      <input type="hidden" name="campaignId" value={campaignId} />
      <Field id="book-title" name="title" label={t("bookTitle")} defaultValue={typed?.title} error={state.fieldErrors?.title} required />
      <Field id="book-author" name="author" label={t("bookAuthor")} defaultValue={typed?.author} error={state.fieldErrors?.author} optionalLabel={tc("optional")} />
      <Field id="book-band" name="gradeBand" label={t("bookGradeBand")} defaultValue={typed?.gradeBand} error={state.fieldErrors?.gradeBand} optionalLabel={tc("optional")} />
      <Field id="book-note" name="note" label={t("bookNote")} defaultValue={typed?.note} error={state.fieldErrors?.note} optionalLabel={tc("optional")} />
      <div className="flex flex-col gap-2 sm:col-span-2">
        <FormMessage state={state} />
        <Button type="submit" disabled={pending} className="self-start">
          {t("addBook")}
        </Button>
      </div>
    </form>
  );
}
