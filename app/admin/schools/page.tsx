import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { IntlProvider } from "@/components/intl-provider";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination, pageParam } from "@/components/ui/pagination";
import { requirePagePermission } from "@/lib/auth/session";
import { listTowns } from "@/lib/library/queries";
import { countPendingSchools, listSchoolsForReview } from "@/lib/schools/queries";
import { schoolStatuses, type SchoolStatus } from "@/lib/schools/schemas";
import { SchoolCard } from "./school-card";

const PAGE_SIZE = 20;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("schools"))("review.title") };
}

export default async function AdminSchoolsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  await requirePagePermission("schools.review", "/admin/schools");
  const params = await searchParams;
  const status = schoolStatuses.includes(params.status as SchoolStatus) ? (params.status as SchoolStatus) : undefined;
  const towns = await listTowns();
  const townId = towns.find((town) => String(town.id) === params.town)?.id;
  const page = pageParam(params.page);
  const [t, format, locale, pending, { rows, total }] = await Promise.all([
    getTranslations("schools"),
    getFormatter(),
    getLocale(),
    countPendingSchools(),
    listSchoolsForReview({ status, townId, page, pageSize: PAGE_SIZE }),
  ]);
  const en = locale === "en";
  const href = (p: number) =>
    `/admin/schools?${new URLSearchParams({ ...(status ? { status } : {}), ...(townId ? { town: String(townId) } : {}), page: String(p) })}`;
  const filtered = Boolean(status || townId);

  return (
    <IntlProvider namespaces={["schools", "errors"]}>
      <PageHeader title={t("review.title")} intro={t("review.intro")}>
        <p className={pending > 0 ? "font-medium text-warm-deep" : "text-ink-soft"}>{t("review.pendingCount", { count: pending })}</p>
      </PageHeader>
      <form role="search" aria-label={t("review.filters")} className="mb-6 flex flex-col gap-3 sm:flex-row sm:items-end">
        <div className="flex flex-col gap-1">
          <label htmlFor="schools-status" className="font-medium">
            {t("review.statusFilter")}
          </label>
          <select id="schools-status" name="status" defaultValue={status ?? ""} className="min-h-11 rounded-md border border-line bg-white px-3">
            <option value="">{t("review.allStatuses")}</option>
            {schoolStatuses.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="schools-town" className="font-medium">
            {t("review.townFilter")}
          </label>
          <select id="schools-town" name="town" defaultValue={townId ?? ""} className="min-h-11 rounded-md border border-line bg-white px-3">
            <option value="">{t("review.allTowns")}</option>
            {towns.map((town) => (
              <option key={town.id} value={town.id}>
                {en ? town.nameEn : town.nameZh}
              </option>
            ))}
          </select>
        </div>
        <Button type="submit" variant="secondary">
          {t("review.filter")}
        </Button>
      </form>
      {rows.length === 0 ? (
        <EmptyState>{filtered ? t("review.emptyFiltered") : t("review.empty")}</EmptyState>
      ) : (
        <ul className="flex flex-col gap-3">
          {rows.map((school) => (
            <li key={school.id}>
              <SchoolCard
                school={school}
                townName={en ? school.townEn : school.townZh}
                registeredAt={format.dateTime(school.createdAt, { dateStyle: "medium", timeStyle: "short" })}
                reviewedAt={school.reviewedAt ? format.dateTime(school.reviewedAt, { dateStyle: "medium", timeStyle: "short" }) : null}
              />
            </li>
          ))}
        </ul>
      )}
      <Pagination page={page} pages={Math.ceil(total / PAGE_SIZE)} href={href} />
    </IntlProvider>
  );
}
