"use client";

import Link from "next/link";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field, SelectField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { idleState, type ActionState } from "@/lib/action-state";
import { pledgeAction, type PledgeOutcome } from "./actions";

type Props = {
  driveId: number;
  /** A fresh random value per page view: the same form sent twice gives one pledge. */
  nonce: string;
  categories: { id: number; name: string }[];
  schools: { id: number; name: string }[];
  library: { address: string; hours: string };
};

export function PledgeForm({ driveId, nonce, categories, schools, library }: Props) {
  const t = useTranslations("drives.form");
  const tn = useTranslations("drives");
  const [state, action, pending] = useActionState<ActionState<PledgeOutcome>, FormData>(pledgeAction, idleState);
  const typed = state.status === "error" ? state.values : undefined;
  const v = (name: string, fallback = "") => typed?.[name] ?? fallback;
  const err = (name: string) => state.fieldErrors?.[name];
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
      {err("items") ? <p className="text-danger">{err("items")}</p> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        {categories.map((c) => (
          <div key={c.id} className="flex flex-col gap-2">
            <Field id={`count-${c.id}`} name={`count_${c.id}`} type="number" inputMode="numeric" min={1} max={10000} label={t("count", { category: c.name })} defaultValue={v(`count_${c.id}`)} error={err(`count_${c.id}`)} />
            <Field id={`titles-${c.id}`} name={`titles_${c.id}`} label={t("titles")} defaultValue={v(`titles_${c.id}`)} />
          </div>
        ))}
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="pledge-name" name="name" label={t("name")} autoComplete="name" defaultValue={v("name")} error={err("name")} />
        <div className="flex flex-col justify-end gap-2">
          <label className="flex items-center gap-2">
            <input type="checkbox" name="anonymous" defaultChecked={v("anonymous") === "on"} className="size-5" />
            {t("anonymous")}
          </label>
          <label className="flex items-center gap-2">
            <input type="checkbox" name="showName" defaultChecked={v("showName") === "on"} className="size-5" />
            {t("showName")}
          </label>
        </div>
        <Field id="pledge-email" name="email" type="email" label={t("email")} autoComplete="email" defaultValue={v("email")} error={err("email")} required />
        <Field id="pledge-phone" name="phone" type="tel" label={t("phone")} autoComplete="tel" inputMode="tel" defaultValue={v("phone")} error={err("phone")} />
        <SelectField id="pledge-kind" name="kind" label={t("kind")} defaultValue={v("kind", "person")}>
          <option value="person">{t("person")}</option>
          <option value="school">{t("school")}</option>
        </SelectField>
        <SelectField id="pledge-school" name="schoolId" label={t("schoolId")} defaultValue={v("schoolId")} error={err("schoolId")}>
          <option value="">—</option>
          {schools.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </SelectField>
      </div>
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 font-medium">{t("handover")}</legend>
        <label className="flex items-start gap-2">
          <input type="radio" name="handover" value="dropoff" defaultChecked={v("handover", "dropoff") === "dropoff"} className="mt-1 size-5" />
          {t("dropoff", { address: library.address || "—", hours: library.hours || "—" })}
        </label>
        <label className="flex items-start gap-2">
          <input type="radio" name="handover" value="pickup" defaultChecked={v("handover") === "pickup"} className="mt-1 size-5" />
          {t("pickup")}
        </label>
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="pledge-address" name="pickupAddress" label={t("pickupAddress")} defaultValue={v("pickupAddress")} error={err("pickupAddress")} />
        <Field id="pledge-days" name="pickupDays" label={t("pickupDays")} defaultValue={v("pickupDays")} />
      </div>
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
