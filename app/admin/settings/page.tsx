import { getTranslations } from "next-intl/server";
import { IntlProvider } from "@/components/intl-provider";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/session";
import { getLibrarySettings } from "@/lib/library/queries";
import { SettingsForm } from "./settings-form";

export default async function SettingsPage() {
  await requirePagePermission("settings.update", "/admin/settings");
  const [t, s] = await Promise.all([getTranslations("admin"), getLibrarySettings()]);
  const { nameZh, nameEn, addressZh, addressEn, hoursZh, hoursEn, phone, email } = s;
  return (
    <IntlProvider namespaces={["admin", "common"]}>
      <PageHeader title={t("settings")} intro={t("settingsIntro")} />
      <SettingsForm initial={{ nameZh, nameEn, addressZh, addressEn, hoursZh, hoursEn, phone, email }} />
    </IntlProvider>
  );
}
