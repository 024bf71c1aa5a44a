import { Link } from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { can, type Permission } from "@/lib/auth/permissions";
import { requestedPath, requirePagePermission } from "@/lib/auth/session";

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const user = await requirePagePermission("admin.view", await requestedPath("/admin"));
  const t = await getTranslations();
  const links: [string, string, Permission][] = [
    ["/admin", t("areas.adminTitle"), "admin.view"],
    ["/admin/campaigns", t("admin.campaigns"), "campaigns.manage"],
    ["/admin/events", t("eventsAdmin.nav"), "events.manage"],
    ["/admin/drives", t("drivesAdmin.nav"), "drives.manage"],
    ["/admin/schools", t("schools.review.title"), "schools.review"],
    ["/admin/entries", t("entriesAdmin.nav"), "entries.review"],
    ["/admin/outbox", t("admin.outbox"), "outbox.view"],
    ["/admin/settings", t("admin.settings"), "settings.update"],
    ["/admin/users", t("admin.users"), "users.manage"],
  ];
  return (
    <div className="flex flex-col gap-6">
      <nav aria-label={t("areas.adminTitle")} className="no-print -mx-1">
        {/* Wraps onto a second line on a phone, so every area shows. */}
        <ul className="flex flex-wrap gap-x-1">
          {links
            .filter(([, , permission]) => can(user, permission))
            .map(([href, label]) => (
              <li key={href}>
                <Link href={href} className="block whitespace-nowrap rounded-md px-3 py-2 no-underline hover:bg-paper-deep">
                  {label}
                </Link>
              </li>
            ))}
        </ul>
      </nav>
      <div>{children}</div>
    </div>
  );
}
