import { Link } from "@/components/ui/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { EntryStatusBadge } from "@/components/entries/entry-status-badge";
import type { CategoryProgress, PupilProgress } from "@/lib/entries/progress";
import type { WindowState } from "@/lib/entries/window";

type Props = {
  classId: number;
  item: CategoryProgress;
  windowState: WindowState;
  /** Teachers write for their pupils; staff look at the entries in their own pages. */
  canWrite: boolean;
};

// Submitted pupils are counted in the summary line; the chips break down the rest.
const statusOrder = ["draft", "withdrawn", "none", "disqualified"] as const;

/** One category of one campaign: counts, then every pupil — a table on wide screens, a list on phones. */
export async function CategoryProgressBlock({ classId, item, windowState, canWrite }: Props) {
  const [t, te, ts, format] = await Promise.all([getTranslations("entriesProgress"), getTranslations("entries"), getTranslations("entries.status"), getFormatter()]);
  const { category, pupils, counts } = item;
  const headingId = `category-${classId}-${category.id}`;

  // Where a pupil's row leads: the teacher's writing page, or for staff the entry itself.
  const link = (p: PupilProgress) => {
    if (!canWrite) return p.entryId ? { href: `/admin/entries/${p.entryId}`, verb: te("view") } : null;
    const verb = windowState !== "open" || p.status === "disqualified" ? "view" : p.status === "none" ? "start" : "continue";
    if (verb === "view" && p.status === "none") return null;
    return { href: `/school/pupils/${encodeURIComponent(p.pupilId)}/entries/${category.id}`, verb: te(verb) };
  };
  const notes = (p: PupilProgress) => {
    const open = p.status !== "submitted" && p.status !== "disqualified";
    return [!p.consentOk && open ? t("needsConsent") : null, !p.guardianEmail && open ? t("phoneOnly") : null].filter((n): n is string => n !== null);
  };
  const updated = (p: PupilProgress) => (p.updatedAt ? format.dateTime(p.updatedAt, { dateStyle: "medium", timeStyle: "short" }) : t("noCode"));

  return (
    <div className="flex flex-col gap-3" data-testid={`category-${category.code}`}>
      <div className="flex flex-col gap-1 sm:flex-row sm:items-baseline sm:justify-between sm:gap-4">
        <h3 id={headingId} className="text-lg">
          {category.name}
        </h3>
        <p className="text-sm text-ink-soft">
          {te(`type.${category.entryType}`)} · {te("grades", { min: category.gradeMin, max: category.gradeMax })}
        </p>
      </div>
      <div className="flex flex-wrap items-center gap-x-4 gap-y-1">
        <p className="font-medium">{t("summary", { submitted: counts.submitted, total: pupils.length })}</p>
        <ul aria-label={t("countsLabel")} className="flex flex-wrap gap-2 text-sm">
          {statusOrder
            .filter((s) => counts[s] > 0)
            .map((s) => (
              <li key={s} className="rounded bg-paper-deep px-2 text-ink">
                {ts(s)} {counts[s]}
              </li>
            ))}
        </ul>
      </div>

      {pupils.length === 0 ? (
        <p className="text-ink-soft">{t("noPupils")}</p>
      ) : (
        <>
          <table aria-labelledby={headingId} className="hidden w-full border-collapse overflow-hidden rounded-lg border border-line bg-white text-left md:table">
            <thead className="bg-paper-deep text-sm">
              <tr>
                <th scope="col" className="px-3 py-2">{t("pupil")}</th>
                <th scope="col" className="px-3 py-2">{t("status")}</th>
                <th scope="col" className="px-3 py-2">{t("code")}</th>
                <th scope="col" className="px-3 py-2">{t("updated")}</th>
                <th scope="col" className="px-3 py-2">
                  <span className="sr-only">{t("action")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {pupils.map((p) => {
                const to = link(p);
                return (
                  <tr key={p.pupilId} className="border-t border-line align-baseline">
                    <th scope="row" className="px-3 py-2 font-medium">
                      {p.name}
                      {notes(p).map((n) => (
                        <span key={n} className="block text-sm font-normal text-ink-soft">
                          {n}
                        </span>
                      ))}
                    </th>
                    <td className="px-3 py-2">
                      <EntryStatusBadge status={p.status} />
                    </td>
                    <td className={`whitespace-nowrap px-3 py-2 text-sm ${p.code ? "font-mono" : "text-ink-soft"}`}>{p.code ?? t("noCode")}</td>
                    <td className="whitespace-nowrap px-3 py-2 text-sm text-ink-soft">{updated(p)}</td>
                    <td className="px-3 py-2 text-right">
                      {to ? (
                        <Link href={to.href}>
                          {to.verb}
                          <span className="sr-only"> {p.name}</span>
                        </Link>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>

          <ul aria-labelledby={headingId} className="flex flex-col divide-y divide-line rounded-lg border border-line bg-white md:hidden">
            {pupils.map((p) => {
              const to = link(p);
              return (
                <li key={p.pupilId} className="flex items-center justify-between gap-3 px-4 py-2">
                  <div className="flex min-w-0 flex-col">
                    <span className="flex flex-wrap items-center gap-x-2 gap-y-1">
                      <span className="font-bold">{p.name}</span>
                      <EntryStatusBadge status={p.status} />
                    </span>
                    {p.code ? <span className="font-mono text-sm">{p.code}</span> : null}
                    {notes(p).length ? <span className="text-sm text-ink-soft">{notes(p).join(" · ")}</span> : null}
                  </div>
                  {to ? (
                    <Link href={to.href} className="inline-flex min-h-11 shrink-0 items-center">
                      {to.verb}
                      <span className="sr-only"> {p.name}</span>
                    </Link>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </div>
  );
}
