import { Link } from "@/components/ui/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/session";
import { destinationOf } from "@/lib/drives/emails";
import { listDrivesForStaff } from "@/lib/drives/queries";
import { DriveStateBadge } from "./drive-state";

export default async function AdminDrivesPage() {
  await requirePagePermission("drives.manage", "/admin/drives");
  const [t, format, rows] = await Promise.all([getTranslations("drivesAdmin"), getFormatter(), listDrivesForStaff()]);
  return (
    <>
      <PageHeader title={t("title")} intro={t("intro")}>
        <ButtonLink href="/admin/drives/new" className="self-start">
          {t("new")}
        </ButtonLink>
      </PageHeader>
      {rows.length === 0 ? (
        <EmptyState>{t("empty")}</EmptyState>
      ) : (
        <ul className="flex flex-col gap-3">
          {rows.map((d) => (
            <li key={d.id} className="flex flex-col gap-1 rounded-lg border border-line bg-white p-4">
              <div className="flex flex-wrap items-center gap-2">
                <Link href={`/admin/drives/${d.id}`} className="text-lg font-bold">
                  {d.title}
                </Link>
                <DriveStateBadge drive={d} />
              </div>
              <p className="text-sm text-ink-soft">
                {[destinationOf(d), format.dateTimeRange(d.startsAt, new Date(d.endsAt.getTime() - 1), { dateStyle: "medium" })].filter(Boolean).join(" · ")}
              </p>
              <p className="text-sm">{t("listTotals", { target: d.total.target, pledged: d.total.pledged, accepted: d.total.accepted, delivered: d.total.delivered })}</p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
