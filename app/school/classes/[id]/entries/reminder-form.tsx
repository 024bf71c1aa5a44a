"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/ui/form-message";
import { idleState, type ActionState } from "@/lib/action-state";
import type { ReminderResult } from "@/lib/entries/reminders";
import { ConfirmDetails } from "../../confirm-details";
import { sendRemindersAction } from "./actions";

type Props = { classId: number; campaignId: number; targets: number; closesAt: string };
// Counting the answers lets each one close the question again (a new key remounts it).
type State = { result: ActionState<ReminderResult>; answers: number };

/** Asks once, then emails the guardians; says how many were reached and how many have no email. */
export function ReminderForm({ classId, campaignId, targets, closesAt }: Props) {
  const t = useTranslations("entriesProgress.reminder");
  const [{ result, answers }, action, pending] = useActionState(
    async (prev: State, formData: FormData): Promise<State> => ({ result: await sendRemindersAction(prev.result, formData), answers: prev.answers + 1 }),
    { result: idleState, answers: 0 },
  );
  const r = result.status === "ok" ? result.data : undefined;
  return (
    <form action={action} className="flex flex-col gap-3" aria-busy={pending}>
      <input type="hidden" name="classId" value={classId} />
      <input type="hidden" name="campaignId" value={campaignId} />
      {result.status === "error" ? <FormMessage state={result} /> : null}
      {r ? (
        <p role="status" className="rounded-md border border-accent/30 bg-accent-soft px-3 py-2 text-accent-deep">
          {t("sent", { sent: r.sent })}
          {r.alreadySent ? ` ${t("already", { count: r.alreadySent })}` : ""}
          {r.withoutEmail ? ` ${t("sentNoEmail", { count: r.withoutEmail })}` : ""}
        </p>
      ) : null}
      <ConfirmDetails key={answers} label={t("button")} question={t("question", { count: targets, date: closesAt })} confirmLabel={t("confirm")} />
    </form>
  );
}
