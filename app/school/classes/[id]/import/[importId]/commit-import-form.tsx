"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { idleState } from "@/lib/action-state";
import { commitImportAction } from "../../actions";

export function CommitImportForm({ classId, importId, count }: { classId: number; importId: number; count: number }) {
  const t = useTranslations("pupils.import");
  const [state, action, pending] = useActionState(commitImportAction, idleState);
  return (
    <form action={action} className="flex flex-col gap-3">
      <input type="hidden" name="classId" value={classId} />
      <input type="hidden" name="importId" value={importId} />
      <FormMessage state={state} />
      <Button type="submit" disabled={pending} className="self-start">
        {pending ? t("importing") : t("confirm", { count })}
      </Button>
    </form>
  );
}
