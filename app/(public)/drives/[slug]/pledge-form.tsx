"use client";

import { Link } from "@/components/ui/link";
import { useActionState, useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { idleState, type ActionState } from "@/lib/action-state";
import { PledgeFields, type PledgeFieldsProps } from "../pledge-fields";
import { pledgeAction, type PledgeOutcome } from "./actions";

type Props = Pick<PledgeFieldsProps, "categories" | "schools" | "library"> & { driveId: number };

export function PledgeForm({ driveId, categories, schools, library }: Props) {
  const t = useTranslations("drives.form");
  const tn = useTranslations("drives");
  const [state, action, pending] = useActionState<ActionState<PledgeOutcome>, FormData>(pledgeAction, idleState);
  const typed = state.status === "error" ? state.values : undefined;
  const r = state.status === "ok" ? state.data : undefined;
  // A random value made in the browser for each filled-in form (the page itself may be served to
  // many from the page cache): the same form sent twice, or retried, gives one pledge.
  const nonce = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (nonce.current && !nonce.current.value) nonce.current.value = crypto.randomUUID();
  });

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
      <input ref={nonce} type="hidden" name="nonce" defaultValue={typed?.nonce ?? ""} />
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
