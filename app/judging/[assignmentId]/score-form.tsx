"use client";

import { useActionState, useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { Button, ButtonLink } from "@/components/ui/button";
import { Field, TextareaField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { idleState } from "@/lib/action-state";
import { COMMENT_MAX, pointsField } from "@/lib/judging/judge-schemas";
import { weightedTotal } from "@/lib/judging/results";
import type { JudgeCriterion as Criterion } from "@/lib/judging/scoring";
import { saveScoreAction } from "../actions";


type Props = {
  assignmentId: number;
  /** False once judging has closed: the scores are shown, not edited. */
  open: boolean;
  submitted: boolean;
  nextId: number | null;
  criteria: Criterion[];
  points: Record<string, number>;
  comment: string;
};

/** Points as typed, when they are a whole number within the criterion's range. */
function parsed(criteria: Criterion[], typed: Record<string, string>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const c of criteria) {
    const s = (typed[c.id] ?? "").trim();
    const n = Number(s);
    if (s !== "" && Number.isInteger(n) && n >= 0 && n <= c.maxPoints) out[c.id] = n;
  }
  return out;
}

/**
 * One score per criterion with its guide at hand, the weighted total as it will be saved, a
 * comment, and draft / submit. A submitted score stays changeable until judging closes.
 */
export function ScoreForm({ assignmentId, open, submitted, nextId, criteria, points, comment }: Props) {
  const t = useTranslations("judging.score");
  const format = useFormatter();
  const router = useRouter();
  const [typed, setTyped] = useState<Record<string, string>>(() => Object.fromEntries(criteria.map((c) => [c.id, points[c.id] === undefined ? "" : String(points[c.id])])));
  const [note, setNote] = useState(comment);
  const [state, action, pending] = useActionState(saveScoreAction, idleState);
  const errors = state.fieldErrors ?? {};
  const saved = state.status === "ok" ? state.data : undefined;
  const isSubmitted = submitted || saved?.intent === "submit";

  // The badge and the queue's figures live in the server-rendered page around this form.
  useEffect(() => {
    if (state.status === "ok") router.refresh();
  }, [state, router]);

  const valid = parsed(criteria, typed);
  const total = weightedTotal(criteria, valid);
  const scored = Object.keys(valid).length;
  const showWeights = criteria.some((c) => c.weight !== 1);
  const next = nextId ? (
    <ButtonLink href={`/judging/${nextId}`} variant="warm">
      {t("nextEntry")} →
    </ButtonLink>
  ) : (
    <ButtonLink href="/judging" variant="secondary">
      {t("backToQueue")}
    </ButtonLink>
  );

  if (criteria.length === 0) {
    return <p className="rounded-md border border-warm/40 bg-amber-50 px-3 py-2">{t("noRubric")}</p>;
  }

  return (
    <form action={action} noValidate className="flex flex-col gap-4 rounded-xl border border-line bg-white p-4 sm:p-5">
      <h2 className="text-xl">{t("formLabel")}</h2>
      {!open ? <p className="rounded-md border border-line bg-paper-deep px-3 py-2">{t("readOnly")}</p> : null}
      <input type="hidden" name="assignmentId" value={assignmentId} />
      <fieldset disabled={!open || pending} className="flex flex-col gap-4">
        <legend className="sr-only">{t("criteria")}</legend>
        {criteria.map((c) => {
          const name = pointsField(c.id);
          const current = valid[c.id];
          return (
            <div key={c.id} className="flex flex-col gap-2 border-b border-line pb-4">
              <Field
                name={name}
                id={`points-${c.id}`}
                type="number"
                inputMode="numeric"
                min={0}
                max={c.maxPoints}
                step={1}
                label={c.name}
                hint={
                  <>
                    {c.description ? <span className="block">{c.description}</span> : null}
                    <span className="block">{showWeights ? t("rangeWeighted", { max: c.maxPoints, weight: c.weight }) : t("range", { max: c.maxPoints })}</span>
                  </>
                }
                value={typed[c.id] ?? ""}
                onChange={(e) => setTyped({ ...typed, [c.id]: e.target.value })}
                error={errors[name]}
                className="[&_input]:max-w-32"
              />
              {c.bands.length ? (
                <details className="rounded-md border border-line bg-paper px-3 py-1">
                  <summary className="flex min-h-11 cursor-pointer items-center font-medium text-accent">{t("bands")}</summary>
                  <table className="mb-2 w-full text-sm">
                    <thead className="sr-only">
                      <tr>
                        <th scope="col">{t("bandPoints")}</th>
                        <th scope="col">{t("bandText")}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {c.bands.map((b) => {
                        const here = current !== undefined && current >= b.from && current <= b.to;
                        return (
                          <tr key={`${b.from}-${b.to}`} className={`align-top ${here ? "bg-accent-soft font-medium" : ""}`}>
                            <th scope="row" className="whitespace-nowrap py-1 pr-3 text-left font-mono font-normal">
                              {b.from === b.to ? b.from : `${b.from}–${b.to}`}
                            </th>
                            <td className="py-1">{b.text}</td>
                          </tr>
                        );
                      })}
                    </tbody>
                  </table>
                </details>
              ) : null}
            </div>
          );
        })}
        <TextareaField
          name="comment"
          label={t("comment")}
          optionalLabel={t("optional")}
          hint={t("commentHint")}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          error={errors.comment}
          maxLength={COMMENT_MAX}
          rows={4}
        />
      </fieldset>
      {/* The total and the buttons stay in view while the judge works down the criteria. */}
      <div className="sticky bottom-0 -mx-4 -mb-4 flex flex-col gap-3 rounded-b-xl border-t border-line bg-white p-4 shadow-[0_-6px_12px_-10px_rgba(0,0,0,0.35)] sm:-mx-5 sm:-mb-5 sm:px-5">
        <p aria-live="polite" className="flex flex-wrap items-baseline gap-x-3">
          <span className="font-medium">{t("total")}</span>
          <span className="text-2xl font-bold text-accent-deep">{format.number(total, { maximumFractionDigits: 2 })}</span>
          <span className="text-sm text-ink-soft">{t("totalOf", { scored, count: criteria.length })}</span>
        </p>
        {state.status === "error" ? <FormMessage state={state} /> : null}
        {state.signedOut ? (
          <a href={`/signin?callbackUrl=${encodeURIComponent(`/judging/${assignmentId}`)}`} className="inline-flex min-h-11 items-center font-medium">
            {t("signInAgain")}
          </a>
        ) : null}
        {saved ? (
          <p role="status" className="rounded-md border border-accent/30 bg-accent-soft px-3 py-2 text-accent-deep">
            {saved.intent === "submit" ? t("submitted", { total: format.number(saved.total, { maximumFractionDigits: 2 }) }) : t("draftSaved")}
          </p>
        ) : null}
        {open ? (
          <div className="grid grid-cols-2 gap-3 [&>:only-child]:col-span-2">
            <Button type="submit" name="intent" value="submit" disabled={pending}>
              {isSubmitted ? t("saveChanges") : t("submit")}
            </Button>
            {isSubmitted ? null : (
              <Button type="submit" name="intent" value="draft" variant="secondary" disabled={pending}>
                {t("saveDraft")}
              </Button>
            )}
          </div>
        ) : null}
        {isSubmitted ? next : null}
      </div>
    </form>
  );
}
