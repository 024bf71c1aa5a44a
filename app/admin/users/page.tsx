import { getTranslations } from "next-intl/server";
import { IntlProvider } from "@/components/intl-provider";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination, pageParam } from "@/components/ui/pagination";
import { roles } from "@/lib/auth/permissions";
import { requirePagePermission } from "@/lib/auth/session";
import { listUsers } from "@/lib/users/queries";
import { UserAccessForm } from "./user-access-form";

const PAGE_SIZE = 20;
type RoleName = (typeof roles)[number];

export default async function UsersPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  await requirePagePermission("users.manage", "/admin/users");
  const params = await searchParams;
  const q = params.q?.trim().slice(0, 100) || undefined;
  const role = roles.includes(params.role as RoleName) ? (params.role as RoleName) : undefined;
  const page = pageParam(params.page);
  const [t, { rows, total }] = await Promise.all([getTranslations("users"), listUsers({ q, role, page, pageSize: PAGE_SIZE })]);
  const href = (p: number) => `/admin/users?${new URLSearchParams({ ...(q ? { q } : {}), ...(role ? { role } : {}), page: String(p) })}`;

  return (
    <IntlProvider namespaces={["users", "errors"]}>
      <PageHeader title={t("title")} intro={t("intro")} />
      <form role="search" className="mb-6 flex flex-col gap-3 sm:flex-row sm:items-end">
        <div className="flex flex-1 flex-col gap-1">
          <label htmlFor="users-q" className="font-medium">
            {t("search")}
          </label>
          <input id="users-q" name="q" defaultValue={q} className="min-h-11 rounded-md border border-line bg-white px-3" />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="users-role" className="font-medium">
            {t("roles")}
          </label>
          <select id="users-role" name="role" defaultValue={role ?? ""} className="min-h-11 rounded-md border border-line bg-white px-3">
            <option value="">{t("allRoles")}</option>
            {roles.map((r) => (
              <option key={r} value={r}>
                {t(`role.${r}`)}
              </option>
            ))}
          </select>
        </div>
        <Button type="submit">{t("filter")}</Button>
      </form>
      {rows.length === 0 ? (
        <EmptyState>{t("empty")}</EmptyState>
      ) : (
        <ul className="flex flex-col gap-3">
          {rows.map((u) => (
            <li key={u.id} className="rounded-lg border border-line bg-white p-4">
              <p className="font-bold">
                {u.name ?? "—"}
                {u.disabled ? <span className="ml-2 rounded bg-red-50 px-2 text-sm font-medium text-danger">{t("disabled")}</span> : null}
              </p>
              <p className="break-all text-sm text-ink-soft">
                {[u.email, u.username, u.schoolName].filter(Boolean).join(" · ")}
              </p>
              <div className="mt-2">
                <UserAccessForm userId={u.id} current={u.roles} disabled={u.disabled} />
              </div>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={page} pages={Math.ceil(total / PAGE_SIZE)} href={href} />
    </IntlProvider>
  );
}
