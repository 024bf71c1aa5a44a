import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/ui/button";
import { isLocale } from "@/lib/i18n";
import { maskName } from "@/lib/judging/mask";
import { getCertificate } from "@/lib/judging/public";
import { getLibraryInfo } from "@/lib/library/queries";

type Props = { params: Promise<{ code: string }> };

// Pupils' names stay out of search engines even masked.
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("results.verify"))("title"), robots: { index: false } };
}

/** Anyone holding a certificate (or a photo of one) can check here that the library issued it. */
export default async function VerifyCertificatePage({ params }: Props) {
  await connection();
  const { code } = await params;
  const c = await getCertificate(code);
  if (!c) notFound();
  const locale = await getLocale();
  const [t, tt, format, library] = await Promise.all([getTranslations("results.verify"), getTranslations("resultsEmail.tier"), getFormatter(), getLibraryInfo(isLocale(locale) ? locale : "zh-CN")]);
  const rows: [string, string][] = [
    [t("name"), c.maskNames ? maskName(c.pupilName ?? "") : (c.pupilName ?? "")],
    [t("school"), c.schoolName],
    [t("campaign"), c.campaignTitle],
    [t("category"), c.categoryName],
    [t("entry"), `《${c.entryTitle}》`],
    [t("award"), tt(c.tier)],
    [t("date"), c.publishedAt ? format.dateTime(c.publishedAt, { dateStyle: "long" }) : ""],
    [t("issuer"), library.name],
    [t("code"), c.code ?? ""],
  ];
  return (
    <article className="mx-auto flex w-full max-w-2xl flex-col gap-6">
      <header className="flex flex-col gap-3">
        <h1 className="text-2xl sm:text-3xl">{t("title")}</h1>
        <p role="status" className="flex items-start gap-3 rounded-lg border border-accent/30 bg-accent-soft px-4 py-3 text-lg font-bold text-accent-deep">
          <span aria-hidden="true">✓</span>
          <span>{t("genuine", { library: library.name })}</span>
        </p>
        {c.corrected ? <p className="rounded-md border border-warm/30 bg-paper-deep px-4 py-2">{t("corrected")}</p> : null}
      </header>
      <dl className="divide-y divide-line rounded-lg border border-line bg-white">
        {rows.map(([label, value], i) => (
          <div key={label} className="grid px-4 py-2 sm:grid-cols-[9rem_1fr] sm:gap-4 sm:px-6">
            <dt className="text-sm text-ink-soft sm:text-base">{label}</dt>
            <dd className={`font-medium ${i === rows.length - 1 ? "font-mono tracking-wider" : ""}`}>{value}</dd>
          </div>
        ))}
      </dl>
      {c.maskNames ? <p className="text-sm text-ink-soft">{t("maskedNote")}</p> : null}
      <div className="flex flex-col gap-3 sm:flex-row sm:flex-wrap">
        <ButtonLink href={`/certificates/${c.code}/print`} variant="secondary">
          {t("print")}
        </ButtonLink>
        <Link href={`/campaigns/${c.campaignSlug}/results`} className="inline-flex min-h-11 items-center">
          {t("allResults")}
        </Link>
      </div>
      <p className="text-sm text-ink-soft">{t("printHint")}</p>
    </article>
  );
}
