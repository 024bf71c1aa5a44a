import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { connection } from "next/server";
import { getTranslations } from "next-intl/server";
import { IntlProvider } from "@/components/intl-provider";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Field, SelectField } from "@/components/ui/field";
import { getJudgingSettings, previewAssignments } from "@/lib/judging/assignments";
import { categoryProgress } from "@/lib/judging/staff-assign";
import { judgingCampaign } from "../campaign";
import { ApplyForm } from "./apply-form";
import { EntrySearch } from "./entry-search";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("judgingAdmin"))("tabs.assign") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** A whole number from the address within bounds, else the fallback. */
function intParam(value: string | string[] | undefined, min: number, max: number, fallback: number) {
  const n = Number(Array.isArray(value) ? value[0] : value);
  return Number.isInteger(n) && n >= min && n <= max ? n : fallback;
}

const th = "whitespace-nowrap px-3 py-2 font-medium";
const td = "px-3 py-2 text-right tabular-nums";

export default async function AssignPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: SearchParams }) {
  await connection();
  const { campaign } = await judgingCampaign(params, "/assign");
  const sp = await searchParams;
  const settings = await getJudgingSettings(campaign.id);
  const k = intParam(sp.k, 1, 5, settings.judgesPerEntry);
  const percent = intParam(sp.share, 1, 100, Math.round(settings.disagreementShare * 100));
  const code = (Array.isArray(sp.code) ? sp.code[0] : sp.code)?.slice(0, 40) ?? "";
  const [t, preview, progress] = await Promise.all([getTranslations("judgingAdmin.assign"), previewAssignments(campaign.id, k), categoryProgress(campaign.id)]);
  const changed = k !== settings.judgesPerEntry || percent !== Math.round(settings.disagreementShare * 100);
  const base = `/admin/campaigns/${campaign.id}/judging`;

  return (
    <IntlProvider namespaces={["judgingAdmin"]}>
      <div className="flex flex-col gap-10">
        <section aria-labelledby="progress-heading" className="flex flex-col gap-3">
          <h2 id="progress-heading" className="text-xl">
            {t("progressHeading")}
          </h2>
          {progress.categories.length === 0 ? (
            <EmptyState>{t("noCategories")}</EmptyState>
          ) : (
            <div className="overflow-x-auto rounded-lg border border-line bg-white">
              <table className="w-full min-w-max border-collapse text-left">
                <thead className="bg-paper-deep">
                  <tr>
                    <th scope="col" className={th}>
                      {t("col.category")}
                    </th>
                    {(["entries", "held", "short", "assignments", "submitted", "scored"] as const).map((c) => (
                      <th key={c} scope="col" className={`${th} text-right`}>
                        {t(`col.${c}`, { k: progress.judgesPerEntry })}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {progress.categories.map((c) => (
                    <tr key={c.id} className="border-t border-line">
                      <th scope="row" className="px-3 py-2 font-medium">
                        {c.code} · {c.name}
                      </th>
                      <td className={td}>{c.entries}</td>
                      <td className={td}>
                        {c.held > 0 ? (
                          <Link href={`/admin/entries?${new URLSearchParams({ campaign: String(campaign.id), category: String(c.id), flagged: "1" })}`}>{c.held}</Link>
                        ) : (
                          0
                        )}
                      </td>
                      <td className={`${td} ${c.short > 0 ? "font-bold text-danger" : ""}`}>{c.short}</td>
                      <td className={td}>{c.assignments}</td>
                      <td className={td}>{c.submitted}</td>
                      <td className={td}>{c.scored}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {progress.categories.some((c) => c.held > 0) ? <p className="text-sm text-ink-soft">{t("heldHint")}</p> : null}
        </section>

        <section aria-labelledby="auto-heading" className="flex flex-col gap-4">
          <div className="flex flex-col gap-1">
            <h2 id="auto-heading" className="text-xl">
              {t("autoHeading")}
            </h2>
            <p className="max-w-prose text-ink-soft">{t("autoIntro")}</p>
          </div>
          {/* A plain GET form: the preview is a page of its own, so it works without script and can be shared. */}
          <form method="get" className="flex flex-col gap-3 rounded-xl border border-line bg-white p-5">
            <div className="grid gap-4 sm:grid-cols-[1fr_1fr_auto] sm:items-end">
              <SelectField id="assign-k" name="k" label={t("k")} defaultValue={String(k)}>
                {[1, 2, 3, 4, 5].map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </SelectField>
              <Field id="assign-share" name="share" type="number" inputMode="numeric" min={1} max={100} label={t("share")} defaultValue={String(percent)} required />
              <Button type="submit" variant="secondary" className="justify-self-start sm:self-end">
                {t("previewButton")}
              </Button>
            </div>
            <ul className="list-disc pl-5 text-sm text-ink-soft">
              <li>{t("kHint")}</li>
              <li>{t("shareHint")}</li>
            </ul>
          </form>

          {preview.judges.length === 0 ? (
            <EmptyState action={<Link href={`${base}/judges`}>{t("toJudges")}</Link>}>{t("noJudges")}</EmptyState>
          ) : (
            <div className="flex flex-col gap-3">
              <h3 className="text-lg">{t("previewHeading", { k })}</h3>
              <p>{t("previewSummary", { entries: preview.entries, toAdd: preview.toAdd, judges: preview.judges.length })}</p>
              {preview.short > 0 ? (
                <p role="alert" className="rounded-md border border-danger/30 bg-red-50 px-3 py-2 text-danger">
                  {t("previewShort", { count: preview.short, k })}
                </p>
              ) : null}
              {changed ? <p className="text-sm text-ink-soft">{t("notSavedYet")}</p> : null}
              <div className="overflow-x-auto rounded-lg border border-line bg-white">
                <table className="w-full min-w-max border-collapse text-left">
                  <caption className="sr-only">{t("previewHeading", { k })}</caption>
                  <thead className="bg-paper-deep">
                    <tr>
                      <th scope="col" className={th}>
                        {t("col.judge")}
                      </th>
                      <th scope="col" className={`${th} text-right`}>
                        {t("col.before")}
                      </th>
                      <th scope="col" className={`${th} text-right`}>
                        {t("col.added")}
                      </th>
                      <th scope="col" className={`${th} text-right`}>
                        {t("col.after")}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {preview.judges.map((j) => (
                      <tr key={j.id} className="border-t border-line">
                        <th scope="row" className="px-3 py-2 font-medium">
                          {j.name ?? j.email}
                          {j.name ? <span className="block text-sm font-normal text-ink-soft">{j.email}</span> : null}
                        </th>
                        <td className={td}>{j.current}</td>
                        <td className={td}>{j.added > 0 ? `+${j.added}` : 0}</td>
                        <td className={`${td} font-bold`}>{j.current + j.added}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <ApplyForm key={`${k}-${percent}`} campaignId={campaign.id} k={k} percent={percent} toAdd={preview.toAdd} judges={preview.judges.filter((j) => j.added > 0).length} />
            </div>
          )}
        </section>

        <section aria-labelledby="move-heading" className="flex flex-col gap-4">
          <div className="flex flex-col gap-1">
            <h2 id="move-heading" className="text-xl">
              {t("moveHeading")}
            </h2>
            <p className="max-w-prose text-ink-soft">{t("moveIntro")}</p>
            <p className="max-w-prose text-sm text-ink-soft">{t("codeHint")}</p>
          </div>
          <form method="get" className="flex flex-col gap-2 sm:flex-row sm:items-end">
            <input type="hidden" name="k" value={k} />
            <input type="hidden" name="share" value={percent} />
            <Field id="entry-code" name="code" label={t("code")} defaultValue={code} maxLength={40} autoComplete="off" className="min-w-0 flex-1" />
            <Button type="submit" variant="secondary" className="self-start sm:self-end">
              {t("find")}
            </Button>
          </form>
          {code ? <EntrySearch campaignId={campaign.id} code={code} /> : null}
        </section>
      </div>
    </IntlProvider>
  );
}
