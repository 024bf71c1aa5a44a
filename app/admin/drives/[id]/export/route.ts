import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { routeDenial } from "@/lib/auth/session";
import { driveExportRows, driveProgress, getDrive, schoolTotals } from "@/lib/drives/queries";
import { exportResponse, type Sheet } from "@/lib/export";
import { shanghaiDay } from "@/lib/time";

const query = z.object({ format: z.enum(["xlsx", "csv"]).default("xlsx") });

/**
 * A drive's figures by category and by school, with every pledge line, intake and delivery:
 * XLSX with one sheet each, or CSV of the figures by category.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const driveId = Number((await params).id);
  const denied = await routeDenial("drives.manage", `/admin/drives/${(await params).id}`);
  if (denied) return denied;
  const q = query.safeParse({ format: new URL(request.url).searchParams.get("format") ?? undefined });
  const drive = Number.isSafeInteger(driveId) && driveId > 0 ? await getDrive(driveId) : null;
  if (!q.success) return new Response("Bad request", { status: 400 });
  if (!drive) return new Response("Not found", { status: 404 });

  const [t, locale, progress, schools, rows] = await Promise.all([
    getTranslations("drivesAdmin"),
    getLocale(),
    driveProgress(driveId),
    schoolTotals(driveId),
    driveExportRows(driveId),
  ]);
  const when = (d: Date) => d.toLocaleString(locale, { timeZone: "Asia/Shanghai" });
  const c = progress.total;
  const sheets: Sheet[] = [
    {
      name: t("byCategory"),
      rows: [
        [t("fig.category"), t("fig.target"), t("fig.pledged"), t("fig.accepted"), t("fig.declined"), t("fig.delivered")],
        ...progress.categories.map((r) => [r.name, r.target, r.pledged, r.accepted, r.declined, r.delivered]),
        [t("fig.total"), c.target, c.pledged, c.accepted, c.declined, c.delivered],
      ],
    },
    {
      name: t("bySchool"),
      rows: [[t("fig.school"), t("fig.pledged"), t("fig.accepted"), t("fig.declined")], ...schools.map((s) => [s.name, s.pledged, s.accepted, s.declined])],
    },
    {
      name: t("tabs.pledges"),
      rows: [
        [t("col.code"), t("col.date"), t("col.donor"), t("col.email"), t("col.phone"), t("fig.school"), t("col.handover"), t("col.pickupAddress"), t("col.status"), t("fig.category"), t("col.count"), t("col.titles")],
        ...rows.pledges.map((p) => [p.code, when(p.createdAt), p.name || t("anonymous"), p.email, p.phone, p.school ?? "", t(`handover.${p.handover}`), p.pickupAddress, t(`status.${p.status}`), p.category, p.count, p.titles]),
      ],
    },
    {
      name: t("intakes"),
      rows: [
        [t("col.date"), t("col.code"), t("col.donor"), t("fig.category"), t("fig.accepted"), t("fig.declined"), t("col.reason")],
        ...rows.intakes.map((i) => [when(i.createdAt), i.code ?? t("walkIn"), i.donor || t("anonymous"), i.category, i.accepted, i.declined, i.reason]),
      ],
    },
    {
      name: t("tabs.deliveries"),
      rows: [[t("col.deliveredOn"), t("col.receivedBy"), t("fig.category"), t("col.count")], ...rows.deliveries.map((d) => [d.deliveredOn, d.receivedBy, d.category, d.count])],
    },
  ];
  return exportResponse(q.data.format, `drive-${drive.slug}-${shanghaiDay(new Date())}`, sheets);
}
