import { getTranslations } from "next-intl/server";
import { IntlProvider } from "@/components/intl-provider";
import { ActionButton } from "@/components/ui/action-button";
import { driveProgress, schoolTotals } from "@/lib/drives/queries";
import { setDriveStateAction } from "../actions";
import { staffDrive } from "./drive";

type Props = { params: Promise<{ id: string }> };

/** A drive's figures: pledged, received, declined, delivered — overall, by category, by school. */
export default async function DriveOverviewPage({ params }: Props) {
  const { drive: d } = await staffDrive(params);
  const [t, progress, schools] = await Promise.all([getTranslations("drivesAdmin"), driveProgress(d.id), schoolTotals(d.id)]);
  const { total } = progress;
  const cells: [string, number][] = [
    [t("fig.target"), total.target],
    [t("fig.pledged"), total.pledged],
    [t("fig.accepted"), total.accepted],
    [t("fig.declined"), total.declined],
    [t("fig.delivered"), total.delivered],
  ];
  const closed = Boolean(d.closedAt);
  const state = (to: "published" | "draft" | "closed" | "reopened" | "archived", label: string, o: { confirm?: string; primary?: boolean } = {}) => (
    <ActionButton action={setDriveStateAction} fields={{ driveId: d.id, to }} label={label} confirmText={o.confirm} variant={o.primary ? "primary" : "secondary"} />
  );

  return (
    <IntlProvider namespaces={["common"]}>
      <div className="mb-8 flex flex-wrap gap-3">
        {d.status !== "published" ? state("published", t("publish"), { primary: true }) : null}
        {d.status === "published" ? state("draft", t("unpublish")) : null}
        {d.status === "published" && !closed ? state("closed", t("close"), { confirm: t("closeConfirm") }) : null}
        {closed ? state("reopened", t("reopen")) : null}
        {d.status !== "archived" ? state("archived", t("archive")) : null}
      </div>

      <section aria-labelledby="figures-heading" className="mb-10 flex flex-col gap-4">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="figures-heading" className="text-xl">
            {t("figures")}
          </h2>
          <p className="flex flex-wrap gap-x-4 gap-y-1">
            <a href={`/admin/drives/${d.id}/export?format=xlsx`}>{t("exportXlsx")}</a>
            <a href={`/admin/drives/${d.id}/export?format=csv`}>{t("exportCsv")}</a>
          </p>
        </div>
        <dl className="grid grid-cols-2 gap-2 sm:grid-cols-5">
          {cells.map(([k, n]) => (
            <div key={k} className="rounded-md border border-line bg-white p-3">
              <dt className="text-sm text-ink-soft">{k}</dt>
              <dd className="text-2xl font-bold tabular-nums">{n}</dd>
            </div>
          ))}
        </dl>

        <h3 className="font-bold">{t("byCategory")}</h3>
        {progress.categories.length === 0 ? (
          <p className="text-ink-soft">{t("noCategories")}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead>
                <tr className="border-b border-line">
                  <th className="py-1 pr-3">{t("fig.category")}</th>
                  {(["target", "pledged", "accepted", "declined", "delivered", "stillNeeded"] as const).map((k) => (
                    <th key={k} className="py-1 pr-3 text-right">
                      {t(`fig.${k}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="tabular-nums">
                {progress.categories.map((c) => (
                  <tr key={c.id} className="border-b border-line/60">
                    <td className="py-1 pr-3">{c.name}</td>
                    <td className="py-1 pr-3 text-right">{c.target}</td>
                    <td className="py-1 pr-3 text-right">{c.pledged}</td>
                    <td className="py-1 pr-3 text-right">{c.accepted}</td>
                    <td className="py-1 pr-3 text-right">{c.declined}</td>
                    <td className="py-1 pr-3 text-right">{c.delivered}</td>
                    <td className="py-1 pr-3 text-right">{Math.max(0, c.target - c.accepted)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}

        <h3 className="font-bold">{t("bySchool")}</h3>
        {schools.length === 0 ? (
          <p className="text-ink-soft">{t("noSchools")}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead>
                <tr className="border-b border-line">
                  <th className="py-1 pr-3">{t("fig.school")}</th>
                  <th className="py-1 pr-3 text-right">{t("fig.pledged")}</th>
                  <th className="py-1 pr-3 text-right">{t("fig.accepted")}</th>
                  <th className="py-1 pr-3 text-right">{t("fig.declined")}</th>
                </tr>
              </thead>
              <tbody className="tabular-nums">
                {schools.map((s) => (
                  <tr key={s.id} className="border-b border-line/60">
                    <td className="py-1 pr-3">{s.name}</td>
                    <td className="py-1 pr-3 text-right">{s.pledged}</td>
                    <td className="py-1 pr-3 text-right">{s.accepted}</td>
                    <td className="py-1 pr-3 text-right">{s.declined}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </IntlProvider>
  );
}
