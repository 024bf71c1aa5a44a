"use client";

import { useActionState, useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button, ButtonLink } from "@/components/ui/button";
import { Field, TextareaField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { idleState } from "@/lib/action-state";
import { saveEntryAction, withdrawEntryAction } from "@/app/me/entries/actions";
import { countChars } from "@/lib/entries/count";
import { STATEMENT_MAX, TITLE_MAX } from "@/lib/entries/schemas";

type Text = { title: string; bookTitle: string; bookAuthor: string; body: string; statement: string };

export type EntryFormProps = {
  pupilId: string;
  categoryId: number;
  entryType: "essay" | "drawing";
  minChars: number | null;
  maxChars: number | null;
  maxFileMb: number;
  entry: (Text & { id: number; status: "draft" | "submitted" | "withdrawn"; code: string | null; updatedAt: string; fileUrl: string | null }) | null;
  /** Where to sign in again and come back to this form. */
  signinUrl: string;
};

const empty: Text = { title: "", bookTitle: "", bookAuthor: "", body: "", statement: "" };
const fields = Object.keys(empty) as (keyof Text)[];

/**
 * The essay or drawing form. What is typed is also kept in this browser's storage until the
 * server has it, so an expired session or a lost connection costs nothing: after signing in
 * again the text comes back.
 */
export function EntryForm({ pupilId, categoryId, entryType, minChars, maxChars, maxFileMb, entry, signinUrl }: EntryFormProps) {
  const t = useTranslations("entries.form");
  const storageKey = `shuxiang:entry:${pupilId}:${categoryId}`;
  const server: Text = entry ? { title: entry.title, bookTitle: entry.bookTitle, bookAuthor: entry.bookAuthor, body: entry.body, statement: entry.statement } : empty;
  const [text, setText] = useState<Text>(server);
  const [restored, setRestored] = useState(false);
  const [state, action, pending] = useActionState(saveEntryAction, idleState);
  const router = useRouter();
  const entryStatus = entry?.status;
  const submitted = entry?.status === "submitted";
  // Whether the last save changed an entry already submitted (no new receipt is sent for that).
  const [changing, setChanging] = useState(false);

  // Unsaved text typed over the version the server still has comes back once. The copy names
  // the version it was typed over (no clocks compared): once the server has a newer one, the
  // copy is stale and dropped.
  // The server's version this form is editing: the page's, then each successful save's.
  const [base, setBase] = useState(entry?.updatedAt ?? null);
  useEffect(() => {
    try {
      const kept = JSON.parse(localStorage.getItem(storageKey) ?? "null") as (Text & { base: string | null }) | null;
      if (kept && kept.base !== base) localStorage.removeItem(storageKey);
      else if (kept) {
        const typed = Object.fromEntries(fields.map((f) => [f, String(kept[f] ?? "")])) as Text;
        if (fields.some((f) => typed[f] !== server[f])) {
          // Storage exists only in the browser, so this cannot be the first render's state
          // without a mismatch against the server's HTML: it is set once, after mounting.
          // eslint-disable-next-line react-hooks/set-state-in-effect
          setText(typed);
          setRestored(true);
        }
      }
    } catch {
      // Storage may be unavailable (private mode): the form still works, without the safety net.
    }
    // Only on arrival: later changes are the pupil's own.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [storageKey]);

  useEffect(() => {
    if (state.status === "ok") {
      try {
        localStorage.removeItem(storageKey);
      } catch {}
      // eslint-disable-next-line react-hooks/set-state-in-effect
      if (state.data) setBase(state.data.updatedAt);
      // The action does not re-render the page; when the status changes (a first draft, a
      // submission) refresh it so the badge, the code and the buttons follow.
      if (state.data?.status !== entryStatus) router.refresh();
    }
  }, [state, storageKey, entryStatus, router]);

  const update = (field: keyof Text) => (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    const next = { ...text, [field]: e.target.value };
    setText(next);
    setRestored(false);
    try {
      localStorage.setItem(storageKey, JSON.stringify({ ...next, base }));
    } catch {}
  };

  const count = countChars(text.body);
  const short = minChars !== null && count > 0 && count < minChars ? minChars - count : 0;
  const over = maxChars !== null && count > maxChars ? count - maxChars : 0;
  const errors = state.fieldErrors ?? {};
  const result = state.status === "ok" ? state.data : undefined;

  return (
    <div className="flex flex-col gap-4">
      {restored ? (
        <p role="status" className="rounded-md border border-warm/40 bg-amber-50 px-3 py-2">
          {t("restored")}
        </p>
      ) : null}
      {/* Said here, not only by the withdraw form: that form is gone once the entry is withdrawn. */}
      {entry?.status === "withdrawn" ? <p className="rounded-md border border-line bg-paper-deep px-3 py-2">{t("withdrawnNote")}</p> : null}
      <form action={action} onSubmit={() => setChanging(submitted)} className="flex flex-col gap-4" noValidate>
        <input type="hidden" name="pupilId" value={pupilId} />
        <input type="hidden" name="categoryId" value={categoryId} />
        <Field name="title" label={t("title")} value={text.title} onChange={update("title")} error={errors.title} maxLength={TITLE_MAX} required />
        {entryType === "essay" ? (
          <>
            {/* min-w-0: a long label must wrap, not push the fields past a phone's edge. */}
            <div className="grid gap-4 sm:grid-cols-2 [&>*]:min-w-0">
              <Field name="bookTitle" label={t("bookTitle")} value={text.bookTitle} onChange={update("bookTitle")} error={errors.bookTitle} maxLength={100} required />
              <Field name="bookAuthor" label={t("bookAuthor")} optionalLabel={t("optional")} value={text.bookAuthor} onChange={update("bookAuthor")} error={errors.bookAuthor} maxLength={60} />
            </div>
            <TextareaField
              name="body"
              label={t("body")}
              hint={t("countRules")}
              value={text.body}
              onChange={update("body")}
              error={errors.body}
              rows={16}
              className="[&_textarea]:leading-8"
            />
            <p aria-live="polite" className="-mt-2 flex flex-wrap items-baseline gap-x-3 gap-y-1">
              <span className={`font-bold ${short || over ? "text-danger" : count > 0 ? "text-accent-deep" : "text-ink-soft"}`}>{t("count", { count })}</span>
              {minChars !== null || maxChars !== null ? (
                <span className="text-ink-soft">{maxChars !== null ? t("limits", { min: minChars ?? 1, max: maxChars }) : t("limitsMin", { min: minChars ?? 1 })}</span>
              ) : null}
              {short ? <span className="text-danger">{t("shortBy", { n: short })}</span> : null}
              {over ? <span className="text-danger">{t("overBy", { n: over })}</span> : null}
            </p>
          </>
        ) : (
          <>
            {entry?.fileUrl ? (
              <p className="flex flex-wrap items-center gap-x-3 gap-y-1 rounded-md border border-line bg-white px-3 py-2">
                <span>{t("currentFile")}</span>
                <a href={entry.fileUrl} target="_blank" rel="noopener" className="inline-flex min-h-11 items-center font-medium">
                  {t("openFile")}
                </a>
              </p>
            ) : null}
            <Field
              type="file"
              name="file"
              label={entry?.fileUrl ? t("replaceFile") : t("file")}
              hint={t("fileHint", { max: maxFileMb })}
              accept=".jpg,.jpeg,.png,.pdf,image/jpeg,image/png,application/pdf"
              error={errors.file}
              className="[&_input]:py-2 [&_input]:file:mr-3 [&_input]:file:min-h-9 [&_input]:file:rounded-md [&_input]:file:border-0 [&_input]:file:bg-accent-soft [&_input]:file:px-3 [&_input]:file:font-medium [&_input]:file:text-accent-deep"
            />
            <TextareaField name="statement" label={t("statement")} hint={t("statementHint", { max: STATEMENT_MAX })} value={text.statement} onChange={update("statement")} error={errors.statement} maxLength={STATEMENT_MAX} rows={4} />
          </>
        )}
        {state.signedOut ? (
          <div role="alert" className="flex flex-col items-start gap-3 rounded-md border border-danger/30 bg-red-50 px-3 py-3">
            <p className="text-danger">{t("signedOut")}</p>
            <ButtonLink href={signinUrl} variant="secondary">
              {t("signInAgain")}
            </ButtonLink>
          </div>
        ) : state.status === "error" ? (
          <FormMessage state={state} />
        ) : null}
        {result ? (
          <p role="status" className="rounded-md border border-accent/30 bg-accent-soft px-3 py-2 text-accent-deep">
            {result.status === "draft"
              ? t("draftSaved")
              : result.mailed
                ? t("submittedWithCode", { code: result.code ?? "" })
                : t(changing ? "changesSaved" : "submittedNoMail", { code: result.code ?? "" })}
          </p>
        ) : null}
        {/* On a phone the two buttons share the row, each an easy thumb target. */}
        <div className="grid grid-cols-2 gap-3 sm:flex sm:flex-wrap [&>:only-child]:col-span-2">
          <Button type="submit" name="intent" value="submit" disabled={pending}>
            {submitted ? t("saveChanges") : t("submit")}
          </Button>
          {submitted ? null : (
            <Button type="submit" name="intent" value="draft" variant="secondary" disabled={pending}>
              {t("saveDraft")}
            </Button>
          )}
        </div>
      </form>
      {submitted && entry ? <WithdrawForm entryId={entry.id} pupilId={pupilId} /> : null}
    </div>
  );
}

function WithdrawForm({ entryId, pupilId }: { entryId: number; pupilId: string }) {
  const t = useTranslations("entries.form");
  const [state, action, pending] = useActionState(withdrawEntryAction, idleState);
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <div className="flex flex-col items-start gap-1 border-t border-line pt-4">
        <p className="text-ink-soft">{t("withdrawHint")}</p>
        <Button type="button" variant="ghost" className="-ml-4" onClick={() => setAsking(true)}>
          {t("withdraw")}
        </Button>
      </div>
    );
  }
  return (
    <form action={action} className="flex flex-col gap-3 rounded-lg border border-danger/30 bg-red-50 p-4">
      <input type="hidden" name="entryId" value={entryId} />
      <input type="hidden" name="pupilId" value={pupilId} />
      <p>{t("withdrawConfirm")}</p>
      <FormMessage state={state} />
      <div className="flex flex-wrap gap-3">
        <Button type="submit" className="bg-danger hover:bg-red-800" disabled={pending}>
          {t("withdrawYes")}
        </Button>
        <Button type="button" variant="secondary" onClick={() => setAsking(false)}>
          {t("cancel")}
        </Button>
      </div>
    </form>
  );
}
