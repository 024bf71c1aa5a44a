"use client";

import Link from "next/link";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { idleState, type ActionState } from "@/lib/action-state";
import { PledgeFields, type PledgeFieldsProps } from "../pledge-fields";
import { pledgeAction, type PledgeOutcome } from "./actions";

type Props = Pick<PledgeFieldsProps, "categories" | "schools" | "library"> & {
  driveId: number;
  /** A fresh random value per page view: the same form sent twice gives one pledge. */
  nonce: string;
};

export function PledgeForm({ driveId, nonce, categories, schools, library }: Props) {
  const t = useTranslations("drives.form");
  const tn = useTranslations("drives");
  const [state, action, pending] = useActionState<ActionState<PledgeOutcome>, FormData>(pledgeAction, idleState);
  const typed = state.status === "error" ? state.values : undefined;
  const r = state.status === "ok" ? state.data : undefined;

  return (
    <form action={action} className="flex flex-col gap-4" noValidate key={typed ? JSON.stringify(typed) : "initial"}>
      {r ? (
        <div role="status" className="rounded-md border border-accent/30 bg-accent-soft px-3 py-2 text-accent-deep">
          {t(r.duplicate ? "duplicate" : "done", { code: r.code })}
          {r.over.length ? <span className="block">{tn("overNote", { categories: r.over.join("、") })}</span> : null}
          {r.manageHref ? (
            <Link href={r.manageHref} className="block font-medium underline">
              {t("manage")}
            </Link>
          ) : null}
        </div>
      ) : (
        <FormMessage state={state} />
      )}
      <input type="hidden" name="driveId" value={driveId} />
      <input type="hidden" name="nonce" value={nonce} />
      <p className="text-ink-soft">{t("intro")}</p>
      <PledgeFields categories={categories} schools={schools} library={library} values={typed} errors={state.fieldErrors} />
      {/* Hidden from people (and screen readers); bots that fill every field give themselves away. */}
      <div aria-hidden="true" className="absolute -left-[9999px] h-px w-px overflow-hidden">
        <label htmlFor="pledge-website">{t("honeypot")}</label>
        <input id="pledge-website" name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>
      <Button type="submit" disabled={pending} className="self-start">
        {t("submit")}
      </Button>
    </form>
  );
}
