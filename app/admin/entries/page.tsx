import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination, pageParam } from "@/components/ui/pagination";
import { requirePagePermission } from "@/lib/auth/session";
import { listAllCampaigns, listCategories } from "@/lib/campaigns/queries";
import { ENTRIES_PAGE_SIZE, entryDisplayStatus, entryFilterParams, hasEntryFilters, isFlagged, parseEntryFilters } from "@/lib/entries/review-filters";
import { listEntries, listSchoolsForFilter, type EntryRow } from "@/lib/entries/review-queries";
import { listTowns } from "@/lib/library/queries";
import { classLabel } from "@/lib/classes/label";
import { EntryStatusBadge, FlagMarker } from "./entry-badges";
import { FilterForm } from "./filter-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("entriesAdmin"))("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function AdminEntriesPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const filters = parseEntryFilters(params);
  const page = pageParam(params.page);
  await requirePagePermission("entries.review", `/admin/entries?${entryFilterParams(filters, page > 1 ? { page: String(page) } : {})}`);
  const [t, tc, format, locale, campaigns, towns, schools, { rows, total }] = await Promise.all([
    getTranslations("entriesAdmin"),
    getTranslations("classes"),
    getFormatter(),
    getLocale(),
    listAllCampaigns(),
    listTowns(),
    listSchoolsForFilter(),
    listEntries(filters, page),
  ]);
  const categories = await listCategories(campaigns.map((c) => c.id));
  const en = locale === "en";
  const href = (p: number) => `/admin/entries?${entryFilterParams(filters, { page: String(p) })}`;
  const exportHref = (fmt: "xlsx" | "csv") => `/admin/entries/export?${entryFilterParams(filters, { format: fmt })}`;

  const row = (r: EntryRow) => {
    const status = entryDisplayStatus(r);
    const cls = r.className !== null && r.classGrade !== null ? classLabel(tc, { grade: r.classGrade, name: r.className }) : null;
    return (
      <li key={r.id} className="flex flex-col gap-1 px-4 py-3 lg:grid lg:grid-cols-[minmax(0,5fr)_minmax(0,4fr)_minmax(0,4fr)_15rem] lg:items-start lg:gap-4">
        <div className="min-w-0">
          <p className="font-mono text-sm text-ink-soft">{r.code ?? t("noCode")}</p>
          <Link href={`/admin/entries/${r.id}`} className="break-words font-bold">
            {r.title || t("untitled")}
          </Link>
        </div>
        <p className="min-w-0 text-sm">
          <span className="font-medium">{r.pupilName}</span>
          {cls ? ` · ${cls}` : null}
          <span className="block text-ink-soft">
            {r.schoolName} · {en ? r.townEn : r.townZh}
          </span>
        </p>
        <p className="min-w-0 text-sm text-ink-soft">
          {r.categoryCode} · {r.categoryName}
          <span className="block">{r.campaignTitle}</span>
        </p>
        <div className="flex flex-wrap items-center gap-2 lg:flex-col lg:items-end">
          <EntryStatusBadge status={status} label={t(`status.${status}`)} />
          {isFlagged(r) ? <FlagMarker label={t("flaggedMarker")} /> : null}
          <span className="text-sm text-ink-soft lg:whitespace-nowrap lg:text-right">
            {r.submittedAt ? t("submittedAt", { date: format.dateTime(r.submittedAt, { dateStyle: "medium", timeStyle: "short" }) }) : t("notSubmitted")}
          </span>
        </div>
      </li>
    );
  };

  return (
    <>
      <PageHeader title={t("title")} intro={t("intro")}>
        <Link href="/admin/entries/extensions" className="self-start">
          {t("extensionsLink")}
        </Link>
      </PageHeader>
      <FilterForm
        filters={filters}
        options={{
          campaigns,
          categories,
          schools,
          towns: towns.map((town) => ({ id: town.id, name: en ? town.nameEn : town.nameZh })),
        }}
      />
      <div className="mb-3 flex flex-col gap-2 sm:flex-row sm:items-center sm:justify-between">
        <p className="font-medium">{t("total", { count: total })}</p>
        {total > 0 ? (
          <div className="flex flex-col gap-1 sm:items-end">
            <div className="flex flex-wrap gap-2">
              {/* Plain links: a prefetching <Link> could start a whole export on hover. */}
              <a href={exportHref("xlsx")} download className={buttonClass("secondary")}>
                {t("exportXlsx")}
              </a>
              <a href={exportHref("csv")} download className={buttonClass("secondary")}>
                {t("exportCsv")}
              </a>
            </div>
            <p className="text-sm text-ink-soft">{t("exportHint")}</p>
          </div>
        ) : null}
      </div>
      {rows.length === 0 ? (
        <EmptyState>{hasEntryFilters(filters) ? t("emptyFiltered") : t("empty")}</EmptyState>
      ) : (
        <ol className="divide-y divide-line rounded-lg border border-line bg-white">{rows.map(row)}</ol>
      )}
      <Pagination page={page} pages={Math.ceil(total / ENTRIES_PAGE_SIZE)} href={href} />
    </>
  );
}
