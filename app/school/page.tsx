import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/session";
import { getSchoolSummary } from "@/lib/schools/queries";

export default async function SchoolPage() {
  const user = await requirePagePermission("school.view", "/school");
  const t = await getTranslations("areas");
  const school = user.schoolId ? await getSchoolSummary(user.schoolId) : null;
  return (
    <>
      <PageHeader title={school?.name ?? t("schoolTitle")} intro={t("schoolIntro")}>
        {school ? <p className="text-ink-soft">{school.townName}</p> : null}
      </PageHeader>
      {school ? null : <EmptyState>{t("schoolNone")}</EmptyState>}
    </>
  );
}
