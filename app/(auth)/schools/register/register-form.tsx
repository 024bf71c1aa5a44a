"use client";

import { Link } from "@/components/ui/link";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field, SelectField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { idleState } from "@/lib/action-state";
import { schoolLevels } from "@/lib/schools/schemas";
import { registerSchoolAction } from "./actions";

export type TownOption = { id: number; name: string };

export function RegisterForm({ towns }: { towns: TownOption[] }) {
  const t = useTranslations("schools");
  const tc = useTranslations("common");
  const [state, action, pending] = useActionState(registerSchoolAction, idleState);
  const v = state.values ?? {};
  const err = state.fieldErrors ?? {};

  if (state.status === "ok" && state.data) {
    return (
      <section role="status" aria-labelledby="registered-heading" className="max-w-2xl rounded-xl border border-accent/30 bg-accent-soft p-5">
        <h2 id="registered-heading" className="mb-2 text-xl text-accent-deep">
          {t("register.doneTitle")}
        </h2>
        <p>{t("register.doneBody", { school: state.data.schoolName, email: state.data.email })}</p>
        <p className="mt-2 text-ink-soft">{t("register.doneNext")}</p>
        <Link href="/" className="mt-4 inline-flex min-h-11 items-center">
          {t("register.backHome")}
        </Link>
      </section>
    );
  }

  return (
    <form action={action} className="flex max-w-2xl flex-col gap-6" noValidate>
      <fieldset className="flex flex-col gap-4 rounded-xl border border-line bg-white p-5">
        <legend className="px-1 text-lg font-bold">{t("register.schoolSection")}</legend>
        <Field
          key={`name:${v.name}`}
          name="name"
          label={t("register.name")}
          hint={t("register.nameHint")}
          required
          maxLength={60}
          defaultValue={v.name}
          error={err.name}
        />
        <SelectField key={`town:${v.townId}`} name="townId" label={t("register.town")} required defaultValue={v.townId ?? ""} error={err.townId}>
          <option value="" disabled>
            {t("register.townPlaceholder")}
          </option>
          {towns.map((town) => (
            <option key={town.id} value={town.id}>
              {town.name}
            </option>
          ))}
        </SelectField>
        <fieldset
          key={`level:${v.level}`}
          aria-invalid={err.level ? true : undefined}
          aria-describedby={err.level ? "field-level-error" : undefined}
          className="flex flex-col gap-1"
        >
          <legend className="font-medium">{t("register.level")}</legend>
          <div className="grid grid-cols-2 gap-2">
            {schoolLevels.map((level) => (
              <label
                key={level}
                className="flex min-h-11 cursor-pointer items-center gap-2 rounded-md border border-line bg-white px-3 has-checked:border-accent has-checked:bg-accent-soft"
              >
                <input type="radio" name="level" value={level} defaultChecked={v.level === level} className="h-5 w-5 accent-accent" />
                {t(`level.${level}`)}
              </label>
            ))}
          </div>
          {err.level ? (
            <p id="field-level-error" className="text-sm font-medium text-danger">
              {err.level}
            </p>
          ) : null}
        </fieldset>
        <Field
          key={`address:${v.address}`}
          name="address"
          label={t("register.address")}
          hint={t("register.addressHint")}
          required
          maxLength={200}
          autoComplete="street-address"
          defaultValue={v.address}
          error={err.address}
        />
      </fieldset>

      <fieldset className="flex flex-col gap-4 rounded-xl border border-line bg-white p-5">
        <legend className="px-1 text-lg font-bold">{t("register.coordinatorSection")}</legend>
        <p className="text-sm text-ink-soft">{t("register.coordinatorIntro")}</p>
        <Field
          key={`cn:${v.coordinatorName}`}
          name="coordinatorName"
          label={t("register.coordinatorName")}
          required
          maxLength={40}
          autoComplete="name"
          defaultValue={v.coordinatorName}
          error={err.coordinatorName}
        />
        <Field
          key={`ce:${v.coordinatorEmail}`}
          name="coordinatorEmail"
          type="email"
          inputMode="email"
          autoComplete="email"
          label={t("register.coordinatorEmail")}
          hint={t("register.coordinatorEmailHint")}
          required
          defaultValue={v.coordinatorEmail}
          error={err.coordinatorEmail}
        />
        <Field
          key={`cp:${v.coordinatorPhone}`}
          name="coordinatorPhone"
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          label={t("register.coordinatorPhone")}
          hint={t("register.coordinatorPhoneHint")}
          required
          defaultValue={v.coordinatorPhone}
          error={err.coordinatorPhone}
        />
      </fieldset>

      {/* The honeypot: hidden from people and screen readers, tempting to bots. */}
      <div aria-hidden="true" className="absolute -left-[9999px] h-px w-px overflow-hidden">
        <label htmlFor="field-website">{t("register.honeypot")}</label>
        <input id="field-website" name="website" type="text" tabIndex={-1} autoComplete="off" />
      </div>

      <FormMessage state={state} />
      <div className="flex flex-col gap-2 sm:flex-row sm:items-center sm:gap-4">
        <Button type="submit" variant="warm" disabled={pending} className="shrink-0 whitespace-nowrap">
          {pending ? tc("loading") : t("register.submit")}
        </Button>
        <p className="text-sm text-ink-soft">{t("register.privacy")}</p>
      </div>
    </form>
  );
}
