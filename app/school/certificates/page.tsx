import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { connection } from "next/server";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { CertificateSheet, certificateCss } from "@/app/certificates/certificate-sheet";
import { PrintButton } from "@/app/school/classes/[id]/slips/print-button";
import { EmptyState } from "@/components/ui/empty-state";
import { requirePagePermission } from "@/lib/auth/session";
import { siteOrigin } from "@/lib/classes/site-url";
import { isLocale } from "@/lib/i18n";
import { listCertificateCampaigns } from "@/lib/judging/certificates";
import { listSchoolCertificates } from "@/lib/judging/public";
import { getLibraryInfo } from "@/lib/library/queries";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("results.school"))("title") };
}

/** A school's certificates of one campaign, one A4 landscape sheet each, printed in one go. */
export default async function SchoolCertificatesPage({ searchParams }: Props) {
  await connection();
  const user = await requirePagePermission("school.view", "/school/certificates");
  const [t, format] = await Promise.all([getTranslations("results.school"), getFormatter()]);
  const campaigns = user.schoolId ? await listCertificateCampaigns(user.schoolId) : [];
  const raw = (await searchParams).campaign;
  const wanted = Number(Array.isArray(raw) ? raw[0] : raw);
  // Only a campaign in the school's own list can be opened; with one campaign there is nothing to choose.
  const chosen = campaigns.find((c) => c.id === wanted) ?? (campaigns.length === 1 ? campaigns[0] : undefined);
  const certificates = chosen && user.schoolId ? await listSchoolCertificates(user.schoolId, chosen.id) : [];
  const locale = await getLocale();
  const [library, origin] = certificates.length ? await Promise.all([getLibraryInfo(isLocale(locale) ? locale : "zh-CN"), siteOrigin()]) : [null, ""];

  return (
    <>
      <style>{certificateCss}</style>
      <div className="no-print mb-6 flex flex-col gap-4 border-b border-line pb-4">
        <h1 className="text-2xl sm:text-3xl">{t("title")}</h1>
        <p className="max-w-prose text-ink-soft">{t("intro")}</p>
        {campaigns.length === 0 ? (
          <EmptyState>{t("empty")}</EmptyState>
        ) : (
          <nav aria-label={t("chooseCampaign")} className="flex flex-col gap-2">
            <p className="font-medium">{t("chooseCampaign")}</p>
            <ul className="flex flex-wrap gap-2">
              {campaigns.map((c) => (
                <li key={c.id}>
                  <Link
                    href={`/school/certificates?campaign=${c.id}`}
                    aria-current={c.id === chosen?.id ? "page" : undefined}
                    className={`flex min-h-11 flex-col justify-center rounded-lg border px-4 py-1 no-underline ${c.id === chosen?.id ? "border-accent bg-accent-soft text-accent-deep" : "border-line bg-white text-ink hover:border-accent"}`}
                  >
                    <span className="font-medium">{c.title}</span>
                    {c.publishedAt ? <span className="text-sm text-ink-soft">{t("publishedOn", { date: format.dateTime(c.publishedAt, { dateStyle: "long" }) })}</span> : null}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        )}
        {chosen ? (
          <div className="flex flex-col gap-2 sm:flex-row sm:items-center sm:gap-4">
            <p>{t("count", { count: certificates.length, campaign: chosen.title })}</p>
            {certificates.length ? <PrintButton label={t("print", { count: certificates.length })} /> : null}
          </div>
        ) : null}
        {certificates.length ? <p className="text-sm text-ink-soft">{t("printHint")}</p> : null}
      </div>
      {library ? (
        <div className="cert-scroll">
          <div className="cert-stack">
            {certificates.map((c) => (
              <CertificateSheet key={c.code} certificate={c} libraryName={library.name} origin={origin} />
            ))}
          </div>
        </div>
      ) : null}
    </>
  );
}
