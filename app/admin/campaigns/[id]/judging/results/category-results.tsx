import { Link } from "@/components/ui/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { tieBreak, type CategoryStanding, type ResultRow } from "@/lib/judging/results-admin";
import type { Tier } from "@/lib/judging/results";
import { MoveTierForm } from "./move-tier-form";

export const tierOrder: Tier[] = ["first", "second", "third", "merit", "none"];

const badge = "ml-1 inline-block whitespace-nowrap rounded px-1.5 text-sm";

type Props = {
  campaignId: number;
  category: CategoryStanding;
  rows: ResultRow[];
  /** The row just above the first one shown (from the previous page), to explain a tie across pages. */
  above?: ResultRow;
  normalise: boolean;
  /** Shown under the table: a link to the whole category when only its top is listed. */
  footer?: React.ReactNode;
};

/** One category: its rule, tier counts and ranked entries, each with why it ranks there and a form to move it. */
export async function CategoryResults({ campaignId, category: c, rows, above, normalise, footer }: Props) {
  const [t, tt, format] = await Promise.all([getTranslations("results.admin"), getTranslations("resultsEmail.tier"), getFormatter()]);
  const n = (x: number | null) => (x === null ? "—" : format.number(x, { maximumFractionDigits: 2 }));
  const tiers = tierOrder.map((value) => ({ value, label: tt(value) }));
  const r = c.rule;
  const rule =
    r.kind === "percent"
      ? t("rulePercent", { first: r.first, second: r.second, third: r.third })
      : t("ruleCount", { first: r.first, second: r.second, third: r.third });
  return (
    <section aria-labelledby={`cat-${c.id}`} className="flex flex-col gap-3">
      <h3 id={`cat-${c.id}`} className="text-lg">
        {c.code} · {c.name}
      </h3>
      <p className="text-ink-soft">
        {rule} {r.meritMin === null ? t("noMerit") : t("merit", { min: r.meritMin })}
      </p>
      {c.ranked > 0 ? (
        <p>
          {t("counts", { ranked: c.ranked })}{" "}
          {tierOrder
            .filter((x) => x !== "none")
            .map((x) => `${tt(x)} ${c.tiers[x]}`)
            .join(" · ")}
          {c.moved > 0 ? <span className="text-ink-soft"> · {t("movedCount", { count: c.moved })}</span> : null}
          {c.corrected > 0 ? <span className="text-warm-deep"> · {t("correctedCount", { count: c.corrected })}</span> : null}
        </p>
      ) : null}
      {rows.length === 0 ? (
        <EmptyState>{t("categoryEmpty")}</EmptyState>
      ) : (
        <>
          <p className="text-sm text-ink-soft">{t(normalise ? "orderNormalised" : "orderRaw")}</p>
          <div className="overflow-x-auto rounded-lg border border-line bg-white">
            <table className="w-full min-w-[48rem] border-collapse text-left">
              <caption className="sr-only">{t("tableCaption", { name: c.name })}</caption>
              <thead className="bg-paper-deep text-sm">
                <tr>
                  <th scope="col" className="px-3 py-2">{t("col.rank")}</th>
                  <th scope="col" className="px-3 py-2">{t("col.entry")}</th>
                  <th scope="col" className="px-3 py-2">{t("col.pupil")}</th>
                  <th scope="col" className="px-3 py-2 text-right">{t("col.raw")}</th>
                  <th scope="col" className="px-3 py-2 text-right">{t("col.norm")}</th>
                  <th scope="col" className="px-3 py-2 text-right">{t("col.judges")}</th>
                  <th scope="col" className="px-3 py-2">{t("col.computed")}</th>
                  <th scope="col" className="px-3 py-2">{t("col.tier")}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row, i) => {
                  const prev = i > 0 ? rows[i - 1] : above;
                  const tie = prev ? tieBreak(prev, row) : null;
                  const best = Math.max(0, ...row.totals.map((x) => x.total));
                  return [
                    <tr key={`${row.entryId}-main`} className="border-t border-line align-top">
                      <td className="px-3 py-2 font-bold tabular-nums">{row.rank}</td>
                      <td className="px-3 py-2">
                        <span className="block whitespace-nowrap font-mono text-sm">{row.code}</span>
                        <span className="block text-sm text-ink-soft">{row.title}</span>
                      </td>
                      <td className="px-3 py-2">
                        <span className="block">{row.pupilName}</span>
                        <span className="block text-sm text-ink-soft">{row.schoolName}</span>
                      </td>
                      <td className="px-3 py-2 text-right tabular-nums">{n(row.rawScore)}</td>
                      <td className="px-3 py-2 text-right tabular-nums">{n(row.normScore)}</td>
                      <td className="px-3 py-2 text-right tabular-nums">{row.totals.length}</td>
                      <td className="px-3 py-2 text-ink-soft">{tt(row.computedTier)}</td>
                      <td className="px-3 py-2">
                        <span className={row.tier === "none" ? "text-ink-soft" : "font-bold"}>{tt(row.tier)}</span>
                        {row.overrideReason ? <span className={`${badge} bg-accent-soft text-accent-deep`}>{t("moved")}</span> : null}
                        {row.corrected ? <span className={`${badge} bg-paper-deep text-warm-deep`}>{t("corrected")}</span> : null}
                      </td>
                    </tr>,
                    <tr key={`${row.entryId}-why`}>
                      <td colSpan={8} className="px-3 pb-1">
                        <details className="group">
                          <summary className="inline-flex min-h-11 cursor-pointer items-center gap-1 text-sm text-accent">
                            <span aria-hidden="true" className="transition-transform group-open:rotate-90">▸</span>
                            <span className="sr-only">{row.code}</span>
                            {t("why")}
                          </summary>
                          <div className="flex flex-col gap-3 rounded-md bg-paper px-3 py-2">
                            <ul className="flex flex-col gap-1">
                              <li>
                                {t("judgeTotals")}{" "}
                                {row.totals.map((x) => t("judgeTotal", { judge: x.judge, total: n(x.total) })).join(t("listSeparator"))}
                              </li>
                              <li>{t("scoreUsed", { score: n(row.normScore ?? row.rawScore), kind: row.normScore === null ? "raw" : "norm", best: n(best) })}</li>
                              {tie && prev ? <li>{t(`tie.${tie}`, { rank: prev.rank })}</li> : null}
                              {row.submittedAt ? <li>{t("submittedAt", { date: format.dateTime(row.submittedAt, { dateStyle: "medium", timeStyle: "short" }) })}</li> : null}
                              {row.certificateCode ? (
                                <li>
                                  {t("certificate")} <Link href={`/certificates/${row.certificateCode}`} className="font-mono underline">
                                    {row.certificateCode}
                                  </Link>
                                </li>
                              ) : null}
                              <li>{row.overrideReason ? t("movedFrom", { computed: tt(row.computedTier), tier: tt(row.tier), reason: row.overrideReason }) : t("byRule", { tier: tt(row.computedTier) })}</li>
                            </ul>
                            <MoveTierForm campaignId={campaignId} entryId={row.entryId} tier={row.tier} tiers={tiers} />
                          </div>
                        </details>
                      </td>
                    </tr>,
                  ];
                })}
              </tbody>
            </table>
          </div>
          <p className="text-sm text-ink-soft">{t("tieRule")}</p>
        </>
      )}
      {footer}
    </section>
  );
}
