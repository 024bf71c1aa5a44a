import { getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";

/** An unknown code: say plainly that no certificate carries it, and what to check. */
export default async function CertificateNotFound() {
  const t = await getTranslations("results.verify");
  return (
    <>
      <PageHeader title={t("notFoundTitle")} intro={t("notFoundBody")} />
      <ButtonLink href="/campaigns" variant="secondary">
        {t("toCampaigns")}
      </ButtonLink>
    </>
  );
}
