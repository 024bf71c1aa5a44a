import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { ENTRY_SEARCH_LIMIT, findEntryAssignments } from "@/lib/judging/staff-assign";
import { MoveForm } from "./move-form";

/** Entries whose code matches, each with its judges; an open copy can be moved to another judge. */
export async function EntrySearch({ campaignId, code }: { campaignId: number; code: string }) {
  const [t, found] = await Promise.all([getTranslations("judgingAdmin.assign"), findEntryAssignments(campaignId, code)]);
  if (!found) return <p className="text-danger">{t("codeTooShort")}</p>;
  if (found.entries.length === 0) return <EmptyState>{t("noEntry", { code })}</EmptyState>;
  // Two judges of the same name are told apart by their email.
  const names = found.judges.map((j) => j.name);
  const label = (j: (typeof found.judges)[number]) => (j.name && names.indexOf(j.name) === names.lastIndexOf(j.name) ? j.name : [j.name, j.email].filter(Boolean).join(" · "));
  return (
    <div className="flex flex-col gap-4">
      {found.entries.length === ENTRY_SEARCH_LIMIT ? <p className="text-sm text-ink-soft">{t("moreEntries", { count: ENTRY_SEARCH_LIMIT })}</p> : null}
      {found.entries.map((e) => {
        const onEntry = new Set(e.assignments.map((a) => a.judgeId));
        return (
          <article key={e.id} aria-labelledby={`entry-${e.id}`} className="flex flex-col gap-3 rounded-lg border border-line bg-white p-4">
            <header className="flex flex-col">
              <h3 id={`entry-${e.id}`} className="font-mono text-base">
                {e.code}
              </h3>
              <p className="break-words font-medium">{e.title || t("untitled")}</p>
              <p className="text-sm text-ink-soft">
                {e.categoryName} · {e.schoolName}
                {e.disqualified ? <span className="ml-2 font-medium text-danger">{t("disqualified")}</span> : null}
                {e.held ? <span className="ml-2 font-medium text-danger">{t("held")}</span> : null}
              </p>
            </header>
            {e.assignments.length === 0 ? (
              <p className="text-ink-soft">{t("noAssignments")}</p>
            ) : (
              <ul className="flex flex-col divide-y divide-line border-t border-line">
                {e.assignments.map((a) => {
                  const judge = a.judgeName ?? a.judgeEmail ?? "—";
                  const state = a.status === "recused" ? "recused" : a.scoreStatus === "submitted" ? "submitted" : "open";
                  return (
                    <li key={a.id} className="flex flex-col gap-2 pt-3">
                      <p>
                        <span className="font-medium">{judge}</span>
                        <span className="ml-2 text-sm text-ink-soft">
                          {t(`state.${state}`)}
                          {a.round > 1 ? ` · ${t("extraJudge")}` : ""}
                        </span>
                      </p>
                      {a.status === "recused" && a.recuseReason ? <p className="text-sm text-ink-soft">{t("recuseReason", { reason: a.recuseReason })}</p> : null}
                      {state === "open" ? (
                        <MoveForm
                          campaignId={campaignId}
                          assignmentId={a.id}
                          from={judge}
                          options={found.judges
                            .filter((j) => j.id !== a.judgeId)
                            .map((j) => ({ id: j.id, label: label(j), conflicted: j.conflicts.includes(e.schoolId), onEntry: onEntry.has(j.id) }))}
                        />
                      ) : null}
                    </li>
                  );
                })}
              </ul>
            )}
          </article>
        );
      })}
    </div>
  );
}
