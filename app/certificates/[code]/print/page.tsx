import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { connection } from "next/server";
import { getLocale, getTranslations } from "next-intl/server";
import { PrintButton } from "@/app/school/classes/[id]/slips/print-button";
import { ButtonLink } from "@/components/ui/button";
import { getCurrentUser } from "@/lib/auth/session";
import { siteOrigin } from "@/lib/classes/site-url";
import { isLocale } from "@/lib/i18n";
import { mayPrintCertificate } from "@/lib/judging/certificates";
import { getCertificate } from "@/lib/judging/public";
import { getLibraryInfo } from "@/lib/library/queries";
import { CertificateSheet, certificateCss } from "../../certificate-sheet";

type Props = { params: Promise<{ code: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("results.certificate"))("printTitle"), robots: { index: false } };
}

/** The certificate with the pupil's full name, ready for A4 landscape paper. */
export default async function PrintCertificatePage({ params }: Props) {
  await connection();
  const { code } = await params;
  const user = await getCurrentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(`/certificates/${code}/print`)}`);
  // Someone else's certificate looks exactly like one that does not exist.
  const certificate = (await mayPrintCertificate(user, code)) ? await getCertificate(code) : null;
  if (!certificate) notFound();
  const locale = await getLocale();
  const [t, library, origin] = await Promise.all([getTranslations("results.certificate"), getLibraryInfo(isLocale(locale) ? locale : "zh-CN"), siteOrigin()]);
  return (
    <>
      <style>{certificateCss}</style>
      <div className="no-print mb-6 flex flex-col gap-3 border-b border-line pb-4">
        <h1 className="text-2xl sm:text-3xl">{t("printTitle")}</h1>
        <p className="max-w-prose text-ink-soft">{t("printIntro")}</p>
        <div className="flex flex-wrap gap-2">
          <PrintButton label={t("print")} />
          <ButtonLink href={`/certificates/${certificate.code}`} variant="ghost">
            {t("toVerify")}
          </ButtonLink>
        </div>
      </div>
      <div className="cert-scroll">
        <CertificateSheet certificate={certificate} libraryName={library.name} origin={origin} />
      </div>
    </>
  );
}
