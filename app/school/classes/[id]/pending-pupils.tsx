import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { ConfirmDetails } from "../confirm-details";
import { confirmPupil, removePupil } from "./actions";

type Pending = { userId: string; name: string | null; username: string | null; grade: number; guardianName: string; guardianPhone: string | null; guardianEmail: string | null; joinedAt: Date };

/** Pupils who joined with the class code: the teacher confirms each, or removes a stranger. */
export async function PendingPupils({ classId, pupils }: { classId: number; pupils: Pending[] }) {
  const t = await getTranslations("pupils");
  return (
    <section aria-labelledby="pending-heading" className="mb-8 rounded-xl border border-warm/40 bg-white p-5">
      <h2 id="pending-heading" className="text-xl">
        {t("pendingTitle", { count: pupils.length })}
      </h2>
      <p className="mb-3 text-ink-soft">{t("pendingIntro")}</p>
      <ul className="flex flex-col divide-y divide-line">
        {pupils.map((p) => (
          <li key={p.userId} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-start sm:justify-between">
            <div>
              <p className="font-bold">
                {p.name} <span className="font-mono text-sm font-normal text-ink-soft">{p.username}</span>
              </p>
              <p className="text-sm text-ink-soft">
                {t("guardianLine", { name: p.guardianName, contact: [p.guardianPhone, p.guardianEmail].filter(Boolean).join(" · ") })}
              </p>
            </div>
            <div className="flex flex-wrap items-start gap-2">
              <form action={confirmPupil}>
                <input type="hidden" name="classId" value={classId} />
                <input type="hidden" name="pupilId" value={p.userId} />
                <Button type="submit">{t("confirmPending", { name: p.name ?? "" })}</Button>
              </form>
              <form action={removePupil}>
                <input type="hidden" name="classId" value={classId} />
                <input type="hidden" name="pupilId" value={p.userId} />
                <ConfirmDetails label={t("removePending")} question={t("removeQuestion", { name: p.name ?? "" })} confirmLabel={t("removeConfirm")} danger />
              </form>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
