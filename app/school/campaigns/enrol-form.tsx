"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { idleState } from "@/lib/action-state";
import { enrolAction } from "./actions";

export function EnrolForm({ campaignId, title }: { campaignId: number; title: string }) {
  const t = useTranslations("enrolment");
  const [state, action, pending] = useActionState(enrolAction, idleState);
  return (
    <form action={action} className="flex flex-col gap-2">
      <input type="hidden" name="campaignId" value={campaignId} />
      <FormMessage state={state} />
      <Button type="submit" variant="warm" disabled={pending} className="self-start">
        {t("enrol", { title })}
      </Button>
    </form>
  );
}
