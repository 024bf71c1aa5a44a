import { Link } from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { judgingCampaign } from "./campaign";
import { Tabs } from "@/components/ui/tabs";

export default async function JudgingLayout({ children, params }: { children: React.ReactNode; params: Promise<{ id: string }> }) {
  const { campaign } = await judgingCampaign(params);
  const t = await getTranslations("judgingAdmin");
  const base = `/admin/campaigns/${campaign.id}/judging`;
  return (
    <>
      <PageHeader title={t("title", { title: campaign.title })}>
        <Link href={`/admin/campaigns/${campaign.id}`} className="inline-flex min-h-11 items-center self-start">
          ← {t("backToCampaign")}
        </Link>
      </PageHeader>
      <Tabs
        label={t("tabsLabel")}
        tabs={[
          { href: base, label: t("tabs.overview") },
          { href: `${base}/rubric`, label: t("tabs.rubric") },
          { href: `${base}/judges`, label: t("tabs.judges") },
          { href: `${base}/assign`, label: t("tabs.assign") },
          { href: `${base}/results`, label: t("tabs.results") },
        ]}
      />
      {children}
    </>
  );
}
