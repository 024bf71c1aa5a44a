import { getTranslations } from "next-intl/server";
import { IntlProvider } from "@/components/intl-provider";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/session";
import { DriveForm } from "../drive-form";

export default async function NewDrivePage() {
  await requirePagePermission("drives.manage", "/admin/drives/new");
  const t = await getTranslations("drivesAdmin");
  return (
    <IntlProvider namespaces={["drivesAdmin", "common"]}>
      <PageHeader title={t("new")} intro={t("newIntro")} />
      <DriveForm initial={{ slug: "", title: "", story: "", town: "", village: "", readingRoom: "农家书屋", startsOn: "", endsOn: "" }} />
    </IntlProvider>
  );
}
