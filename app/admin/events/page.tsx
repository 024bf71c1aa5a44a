import { Link } from "@/components/ui/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { StatusBadge } from "@/app/admin/campaigns/status-badge";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/session";
import { listEventsForStaff } from "@/lib/events/queries";

const statusKey = { draft: "statusDraft", published: "statusPublished", archived: "statusArchived" } as const;

export default async function AdminEventsPage() {
  await requirePagePermission("events.manage", "/admin/events");
  const [t, tAll, format, rows] = await Promise.all([getTranslations("eventsAdmin"), getTranslations(), getFormatter(), listEventsForStaff()]);
  return (
    <>
      <PageHeader title={t("title")}>
        <ButtonLink href="/admin/events/new" className="self-start">
          {t("new")}
        </ButtonLink>
      </PageHeader>
      {rows.length === 0 ? (
        <EmptyState>{t("empty")}</EmptyState>
      ) : (
        <ul className="flex flex-col gap-3">
          {rows.map((e) => (
            <li key={e.id} className="rounded-lg border border-line bg-white p-4">
              <div className="flex flex-wrap items-center gap-2">
                <Link href={`/admin/events/${e.id}`} className="text-lg font-bold">
                  {e.title}
                </Link>
                <StatusBadge status={e.status} label={t(statusKey[e.status])} />
                {e.cancelledAt ? <span className="rounded-full bg-red-50 px-3 py-0.5 text-sm text-danger">{tAll("events.cancelledBadge")}</span> : null}
              </div>
              <p className="text-sm text-ink-soft">
                {[tAll(`eventKind.${e.kind}`), format.dateTimeRange(e.startsAt, e.endsAt, { dateStyle: "medium" }), `${t("sessions")} ${e.sessions}`].join(" · ")}
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
