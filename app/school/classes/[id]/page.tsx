import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { IntlProvider } from "@/components/intl-provider";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination, pageParam } from "@/components/ui/pagination";
import { requireClassPage } from "@/lib/classes/page-guard";
import { siteOrigin } from "@/lib/classes/site-url";
import { fileErrors } from "@/lib/pupils/import/read-sheet";
import { classConsentSummary, listPending, listRoster } from "@/lib/pupils/queries";
import { classLabel } from "@/lib/classes/label";
import { ConsentBadge } from "../consent-badge";
import { AddPupilForm } from "./add-pupil-form";
import { ConsentRequestsForm } from "./consent-requests-form";
import { ImportForm } from "./import-form";
import { ClassEntriesLink } from "./entries/entries-link";
import { PendingPupils } from "./pending-pupils";

const PAGE_SIZE = 50;
const importErrors = new Set<string>([...fileErrors, "unexpected"]);

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const { cls } = await requireClassPage(id, `/school/classes/${id}`);
  return { title: classLabel(await getTranslations("classes"), cls) };
}

export default async function ClassPage({ params, searchParams }: Props) {
  const { id } = await params;
  const query = await searchParams;
  const { cls } = await requireClassPage(id, `/school/classes/${id}`);
  const page = pageParam(query.page);
  const [t, tp, tc, roster, pending, consent, origin] = await Promise.all([
    getTranslations("classes"),
    getTranslations("pupils"),
    getTranslations("consent"),
    listRoster(cls, { page, pageSize: PAGE_SIZE }),
    cls.canManage ? listPending(cls) : Promise.resolve([]),
    classConsentSummary(cls),
    siteOrigin(),
  ]);
  const label = classLabel(t, cls);
  const imported = Number(query.imported);
  const importError = query.importError && importErrors.has(query.importError) ? query.importError : undefined;

  return (
    <IntlProvider namespaces={["classes", "pupils", "consent", "errors", "common"]}>
      <PageHeader title={label} intro={`${cls.schoolName} · ${cls.teacherName ? t("teacherIs", { name: cls.teacherName }) : t("noTeacher")}`}>
        {cls.canManage ? (
          <p>
            {t("joinCodeLine")} <strong className="font-mono text-lg tracking-widest" data-testid="join-code">{cls.joinCode}</strong>
            <span className="block text-sm text-ink-soft">{t("joinCodeHint", { url: `${origin}/join` })}</span>
          </p>
        ) : null}
        <div className="mt-2 flex flex-wrap gap-2">
          <ClassEntriesLink classId={cls.id} />
          {cls.canManage ? (
            <ButtonLink href={`/school/classes/${cls.id}/slips`} variant="secondary">
              {t("printSlips")}
            </ButtonLink>
          ) : null}
          <ButtonLink href={cls.canManage ? "/school" : "/admin"} variant="ghost">
            {t(cls.canManage ? "backToSchool" : "backToAdmin")}
          </ButtonLink>
        </div>
      </PageHeader>

      {Number.isInteger(imported) && imported > 0 ? (
        <p role="status" className="mb-6 rounded-md border border-accent/30 bg-accent-soft px-3 py-2 text-accent-deep">
          {tp("import.done", { count: imported })}
          {Number(query.skipped) > 0 ? ` ${tp("import.skippedLater", { count: Number(query.skipped) })}` : ""}
        </p>
      ) : null}

      {pending.length > 0 ? <PendingPupils classId={cls.id} pupils={pending} /> : null}

      <section aria-labelledby="roster-heading" className="mb-10">
        <h2 id="roster-heading" className="mb-3 text-xl">
          {tp("rosterTitle", { count: roster.total })}
        </h2>
        {roster.total === 0 ? (
          <EmptyState>{cls.canManage ? tp("rosterEmpty") : tp("rosterEmptyView")}</EmptyState>
        ) : (
          <ul className="flex flex-col divide-y divide-line rounded-lg border border-line bg-white" data-testid="roster">
            {roster.rows.map((p) => (
              <li key={p.userId} className="flex flex-col gap-1 px-4 py-3 sm:flex-row sm:items-center sm:gap-4">
                <span className="flex flex-wrap items-baseline gap-x-3 sm:w-64">
                  <Link href={`/school/classes/${cls.id}/pupils/${p.userId}`} className="min-h-11 py-2 font-bold sm:min-h-0 sm:py-0">
                    {p.name}
                  </Link>
                  <span className="font-mono text-sm text-ink-soft">{p.username}</span>
                </span>
                <span className="text-sm text-ink-soft sm:flex-1">
                  {tp("guardianLine", { name: p.guardianName, contact: [p.guardianPhone, p.guardianEmail].filter(Boolean).join(" · ") })}
                </span>
                <span className="flex flex-wrap gap-2">
                  <ConsentBadge state={p.consent} />
                  {p.mustChangePassword ? null : <span className="rounded bg-paper-deep px-2 text-sm text-ink-soft">{tp("passwordChanged")}</span>}
                </span>
              </li>
            ))}
          </ul>
        )}
        <Pagination page={page} pages={Math.ceil(roster.total / PAGE_SIZE)} href={(p) => `/school/classes/${cls.id}?page=${p}`} />
      </section>

      {cls.canManage ? (
        <>
          <section aria-labelledby="consent-heading" className="mb-10 rounded-xl border border-line bg-white p-5">
            <h2 id="consent-heading" className="mb-1 text-xl">
              {tc("classTitle")}
            </h2>
            <p className="mb-3 text-ink-soft">{tc("classIntro")}</p>
            <ConsentRequestsForm classId={cls.id} missing={consent.missing + consent.requested} />
          </section>

          <section aria-labelledby="add-heading" className="mb-10 rounded-xl border border-line bg-white p-5">
            <h2 id="add-heading" className="mb-4 text-xl">
              {tp("addTitle")}
            </h2>
            <AddPupilForm classId={cls.id} classGrade={cls.grade} />
          </section>

          <section id="import" aria-labelledby="import-heading" className="rounded-xl border border-line bg-white p-5">
            <h2 id="import-heading" className="mb-1 text-xl">
              {tp("import.title")}
            </h2>
            <p className="mb-3 text-ink-soft">{tp("import.intro")}</p>
            <p className="mb-1 font-medium">{tp("import.templates")}</p>
            <ul className="mb-4 flex flex-wrap gap-2">
              {(["zh-CN", "en"] as const).flatMap((lang) =>
                (["xlsx", "csv"] as const).map((format) => (
                  <li key={`${lang}-${format}`}>
                    <a href={`/school/classes/${cls.id}/template?format=${format}&lang=${lang}`} download className="inline-flex min-h-11 items-center rounded-md border border-line px-3 no-underline hover:bg-paper-deep">
                      {tp(`import.template.${lang === "en" ? "en" : "zh"}`, { format: format.toUpperCase() })}
                    </a>
                  </li>
                )),
              )}
            </ul>
            <ImportForm
              classId={cls.id}
              error={importError ? (importError === "unexpected" ? tp("import.error.unexpected", { ref: query.ref?.slice(0, 8) ?? "" }) : tp(`import.error.${importError as (typeof fileErrors)[number]}`)) : undefined}
            />
          </section>
        </>
      ) : null}
    </IntlProvider>
  );
}
