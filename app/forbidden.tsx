import { getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";

export default async function Forbidden() {
  const t = await getTranslations("forbidden");
  return (
    <>
      <PageHeader title={t("title")} intro={t("body")} />
      <ButtonLink href="/" variant="secondary">
        {t("home")}
      </ButtonLink>
    </>
  );
}
