"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { PledgeFields, type PledgeFieldsProps } from "@/app/(public)/drives/pledge-fields";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { idleState, type ActionState } from "@/lib/action-state";
import { changePledgeAction, type ChangeOutcome } from "./actions";

type Props = Pick<PledgeFieldsProps, "categories" | "schools" | "library"> & {
  token: string;
  /** The pledge as it stands, in the fields' own names (checkboxes "on"). */
  current: Record<string, string>;
};

/** The donor changes their pledge through their link: the pledge form's fields, filled in. */
export function ChangeForm({ token, current, categories, schools, library }: Props) {
  const t = useTranslations("drives.manage");
  const tn = useTranslations("drives");
  const [state, action, pending] = useActionState<ActionState<ChangeOutcome>, FormData>(changePledgeAction, idleState);
  const typed = state.status === "error" ? state.values : undefined;
  const r = state.status === "ok" ? state.data : undefined;

  return (
    // After an error the fields show what was typed; after a save, the pledge as now stored.
    <form action={action} className="flex flex-col gap-4" noValidate key={typed ? `typed:${JSON.stringify(typed)}` : `current:${JSON.stringify(current)}`}>
      {r ? (
        <div role="status" className="rounded-md border border-accent/30 bg-accent-soft px-3 py-2 text-accent-deep">
          {state.message}
          {r.over.length ? <span className="block">{tn("overNote", { categories: r.over.join("、") })}</span> : null}
        </div>
      ) : (
        <FormMessage state={state} />
      )}
      <input type="hidden" name="token" value={token} />
      <p className="text-ink-soft">{t("changeIntro")}</p>
      <PledgeFields categories={categories} schools={schools} library={library} values={typed ?? current} errors={state.fieldErrors} />
      <Button type="submit" disabled={pending} className="self-start">
        {t("save")}
      </Button>
    </form>
  );
}
