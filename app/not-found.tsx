import { getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";

export default async function NotFound() {
  const [t, tf] = await Promise.all([getTranslations("notFound"), getTranslations("forbidden")]);
  return (
    <>
      <PageHeader title={t("title")} intro={t("body")} />
      <ButtonLink href="/" variant="secondary">
        {tf("home")}
      </ButtonLink>
    </>
  );
}
