import { Link } from "@/components/ui/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/session";
import { listAllCampaigns } from "@/lib/campaigns/queries";
import { StatusBadge } from "./status-badge";

export default async function AdminCampaignsPage() {
  await requirePagePermission("campaigns.manage", "/admin/campaigns");
  const [t, format, rows] = await Promise.all([getTranslations("campaigns"), getFormatter(), listAllCampaigns()]);
  return (
    <>
      <PageHeader title={t("adminTitle")} intro={t("adminIntro")}>
        <ButtonLink href="/admin/campaigns/new" className="self-start">
          {t("new")}
        </ButtonLink>
      </PageHeader>
      {rows.length === 0 ? (
        <EmptyState>{t("adminEmpty")}</EmptyState>
      ) : (
        <ul className="flex flex-col gap-3">
          {rows.map((c) => (
            <li key={c.id} className="rounded-lg border border-line bg-white p-4">
              <div className="flex flex-wrap items-center gap-2">
                <Link href={`/admin/campaigns/${c.id}`} className="text-lg font-bold">
                  {c.title}
                </Link>
                <StatusBadge status={c.status} label={t(`status.${c.status}`)} />
              </div>
              <p className="text-sm text-ink-soft">
                {[c.year, c.theme, t("submissionUntil", { date: format.dateTime(c.submissionClosesAt, { dateStyle: "medium" }) })].filter(Boolean).join(" · ")}
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
