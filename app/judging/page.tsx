import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/session";

export default async function JudgingPage() {
  await requirePagePermission("judging.view", "/judging");
  const t = await getTranslations("areas");
  return (
    <>
      <PageHeader title={t("judgingTitle")} />
      <EmptyState>{t("judgingEmpty")}</EmptyState>
    </>
  );
}
