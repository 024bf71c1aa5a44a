import { Link } from "@/components/ui/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Field, SelectField } from "@/components/ui/field";
import { Pagination } from "@/components/ui/pagination";
import { listPledgesForStaff, PLEDGES_PAGE_SIZE } from "@/lib/drives/queries";
import { pledgeFilterSchema } from "@/lib/drives/schemas";
import { staffDrive } from "../drive";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const statusStyle = { pledged: "bg-amber-50 text-ink", received: "bg-accent-soft text-accent-deep", cancelled: "bg-paper-deep text-ink-soft" } as const;

/** The intake desk: find a pledge by code, name or phone, then record what arrived. */
export default async function DrivePledgesPage({ params, searchParams }: Props) {
  const { drive: d } = await staffDrive(params, "/pledges");
  const sp = await searchParams;
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const filter = pledgeFilterSchema.parse({ q: one(sp.q) ?? "", status: one(sp.status) ?? "", page: one(sp.page) ?? 1 });
  const [t, format, { rows, total }] = await Promise.all([getTranslations("drivesAdmin"), getFormatter(), listPledgesForStaff(d.id, filter)]);
  const base = `/admin/drives/${d.id}/pledges`;
  const href = (page: number) => `${base}?${new URLSearchParams({ ...(filter.q ? { q: filter.q } : {}), ...(filter.status ? { status: filter.status } : {}), page: String(page) })}`;
  // A code typed in full that finds one pledge still waiting: its page is where the desk goes next.
  const single = rows.length === 1 && filter.q.toUpperCase() === rows[0]!.code ? rows[0]! : null;

  return (
    <>
      <form role="search" aria-label={t("searchLabel")} action={base} className="mb-6 flex flex-col gap-4 rounded-lg border border-line bg-white p-4 sm:flex-row sm:items-end">
        <Field name="q" type="search" label={t("search")} hint={t("searchHint")} defaultValue={filter.q} maxLength={60} autoComplete="off" className="grow" />
        <SelectField name="status" label={t("col.status")} defaultValue={filter.status}>
          <option value="">{t("allStatuses")}</option>
          {(["pledged", "received", "cancelled"] as const).map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
        </SelectField>
        <Button type="submit" className="self-start sm:self-end">
          {t("find")}
        </Button>
      </form>
      {single ? (
        <p role="status" className="mb-4 rounded-md bg-accent-soft px-3 py-2 text-accent-deep">
          <Link href={`${base}/${single.id}`}>{t("openFound", { code: single.code })}</Link>
        </p>
      ) : null}
      <p className="mb-3 text-sm text-ink-soft">{t("pledgeCount", { n: total })}</p>
      {rows.length === 0 ? (
        <EmptyState>{filter.q || filter.status ? t("noMatches") : t("noPledges")}</EmptyState>
      ) : (
        <ul className="flex flex-col gap-2">
          {rows.map((p) => (
            <li key={p.id} className="flex flex-col gap-1 rounded-md border border-line bg-white px-4 py-3 sm:flex-row sm:items-center sm:justify-between">
              <div className="flex min-w-0 flex-col">
                <Link href={`${base}/${p.id}`} className="font-bold">
                  <span className="font-mono">{p.code}</span> · {p.name || t("anonymous")}
                </Link>
                <span className="text-sm text-ink-soft">
                  {[p.school, p.phone, p.email, t(`handover.${p.handover}`), format.dateTime(p.createdAt, { dateStyle: "medium" })].filter(Boolean).join(" · ")}
                </span>
              </div>
              <div className="flex items-center gap-3">
                <span className="tabular-nums">{t("books", { n: p.books })}</span>
                <span className={`rounded-full px-3 py-0.5 text-sm font-medium ${statusStyle[p.status]}`}>{t(`status.${p.status}`)}</span>
              </div>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={filter.page} pages={Math.ceil(total / PLEDGES_PAGE_SIZE)} href={href} />
    </>
  );
}
