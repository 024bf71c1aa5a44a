import { getTranslations } from "next-intl/server";
import { IntlProvider } from "@/components/intl-provider";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/session";
import { CampaignForm } from "../campaign-form";

export default async function NewCampaignPage() {
  await requirePagePermission("campaigns.manage", "/admin/campaigns/new");
  const t = await getTranslations("campaigns");
  const year = new Date().getFullYear();
  const empty = { registrationOpensAt: "", registrationClosesAt: "", submissionOpensAt: "", submissionClosesAt: "", judgingEndsAt: "", resultsAt: "" };
  return (
    <IntlProvider namespaces={["campaigns", "common"]}>
      <PageHeader title={t("new")} />
      <CampaignForm initial={{ slug: "", title: "", theme: "", year: String(year), codePrefix: "SX", description: "", rules: "", maskNames: true, ...empty }} />
    </IntlProvider>
  );
}
