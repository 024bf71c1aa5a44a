import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/session";

export default async function MePage() {
  const user = await requirePagePermission("me.view", "/me");
  if (user.mustChangePassword) redirect("/me/password");
  const t = await getTranslations("areas");
  return (
    <>
      <PageHeader title={t("meTitle")} intro={t("meIntro", { name: user.name ?? user.username ?? "" })} />
      <EmptyState>{t("meEmpty")}</EmptyState>
    </>
  );
}
