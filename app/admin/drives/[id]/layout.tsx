import { Link } from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { Tabs } from "@/components/ui/tabs";
import { destinationOf } from "@/lib/drives/emails";
import { DriveStateBadge } from "../drive-state";
import { staffDrive } from "./drive";

export default async function DriveAdminLayout({ children, params }: { children: React.ReactNode; params: Promise<{ id: string }> }) {
  const { drive: d } = await staffDrive(params);
  const t = await getTranslations("drivesAdmin");
  const base = `/admin/drives/${d.id}`;
  return (
    <>
      <PageHeader title={d.title} intro={destinationOf(d)}>
        <div className="flex flex-wrap items-center gap-3">
          <DriveStateBadge drive={d} />
          {d.status !== "draft" ? <Link href={`/drives/${d.slug}`}>{t("publicPage")}</Link> : null}
        </div>
      </PageHeader>
      <Tabs
        label={t("tabsLabel")}
        tabs={[
          { href: base, label: t("tabs.overview") },
          { href: `${base}/pledges`, label: t("tabs.pledges") },
          { href: `${base}/walk-in`, label: t("tabs.walkIn") },
          { href: `${base}/deliveries`, label: t("tabs.deliveries") },
          { href: `${base}/edit`, label: t("tabs.edit") },
        ]}
      />
      {children}
    </>
  );
}
