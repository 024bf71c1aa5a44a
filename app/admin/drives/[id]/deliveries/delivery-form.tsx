"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { idleState, type ActionState } from "@/lib/action-state";
import { recordDeliveryAction } from "../../actions";

/** Books handed over at the destination: date, who received them, count per line, a photo. */
export function DeliveryForm({ driveId, lines, today }: { driveId: number; lines: { id: number; name: string; inStock: number }[]; today: string }) {
  const t = useTranslations("drivesAdmin");
  const tc = useTranslations("common");
  const [state, action, pending] = useActionState<ActionState<{ deliveryId: number; mailed: number }>, FormData>(recordDeliveryAction, idleState);
  const typed = state.status === "error" ? state.values : undefined;
  const v = (name: string, fallback = "") => typed?.[name] ?? fallback;
  const err = (name: string) => state.fieldErrors?.[name];

  return (
    <form action={action} className="flex flex-col gap-4" noValidate key={typed ? JSON.stringify(typed) : `saved-${state.data?.deliveryId ?? ""}`}>
      {state.status === "ok" ? (
        <p role="status" className="rounded-md bg-accent-soft px-3 py-2 text-accent-deep">
          {t("deliveryDone", { n: state.data?.mailed ?? 0 })}
        </p>
      ) : (
        <FormMessage state={state} />
      )}
      <input type="hidden" name="driveId" value={driveId} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field name="deliveredOn" type="date" label={t("col.deliveredOn")} defaultValue={v("deliveredOn", today)} error={err("deliveredOn")} required />
        <Field name="receivedBy" label={t("col.receivedBy")} hint={t("receivedByHint")} defaultValue={v("receivedBy")} error={err("receivedBy")} required />
      </div>
      {err("_form") ? <p className="font-medium text-danger">{err("_form")}</p> : null}
      <div className="grid gap-4 sm:grid-cols-3">
        {lines.map((l) => (
          <Field
            key={l.id}
            id={`deliver-${l.id}`}
            name={`count_${l.id}`}
            type="number"
            inputMode="numeric"
            min={1}
            max={Math.max(1, l.inStock)}
            label={l.name}
            hint={t("inStock", { n: l.inStock })}
            defaultValue={v(`count_${l.id}`)}
            error={err(`count_${l.id}`)}
          />
        ))}
      </div>
      <Field name="photo" type="file" accept="image/jpeg,image/png,image/webp" label={t("photo")} error={err("photo")} optionalLabel={tc("optional")} />
      <p className="text-sm text-ink-soft">{t("deliveryMailNote")}</p>
      <Button type="submit" disabled={pending} className="self-start">
        {t("recordDelivery")}
      </Button>
    </form>
  );
}
