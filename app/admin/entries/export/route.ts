import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { routeDenial } from "@/lib/auth/session";
import { csvStream, exportColumns, xlsxStream, type ExportFormat } from "@/lib/entries/export";
import type { EntryFlag } from "@/lib/entries/flags";
import { entryFilterParams, entryStatusFilters, parseEntryFilters } from "@/lib/entries/review-filters";
import { exportRows } from "@/lib/entries/review-queries";
import { isLocale } from "@/lib/i18n";
import { siteOrigin } from "@/lib/schools/request";
import { shanghaiDay } from "@/lib/time";
import { classLabel } from "@/lib/classes/label";

const formatParam = z.enum(["xlsx", "csv"]).default("xlsx");
const types = { csv: "text/csv; charset=utf-8", xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" } as const;
const flagKeys: EntryFlag[] = ["name", "school", "phone"];

/** Every entry the staff list's filters match, as XLSX or CSV, streamed while it is read. */
export async function GET(request: Request) {
  const url = new URL(request.url);
  const filters = parseEntryFilters(url.searchParams);
  const denied = await routeDenial("entries.review", `/admin/entries?${entryFilterParams(filters)}`);
  if (denied) return denied;
  const format = formatParam.safeParse(url.searchParams.get("format") ?? undefined);
  if (!format.success) return new Response("Unknown format", { status: 400 });

  const [t, tc, locale, origin] = await Promise.all([getTranslations("entriesAdmin"), getTranslations("classes"), getLocale(), siteOrigin()]);
  const f: ExportFormat = {
    locale: isLocale(locale) ? locale : "zh-CN",
    origin,
    sheetName: t("export.sheetName"),
    headers: Object.fromEntries(exportColumns.map(([key]) => [key, t(`export.headers.${key}`)])) as ExportFormat["headers"],
    status: Object.fromEntries(entryStatusFilters.map((s) => [s, t(`status.${s}`)])) as ExportFormat["status"],
    flags: Object.fromEntries(flagKeys.map((k) => [k, t(`flags.${k}`)])) as ExportFormat["flags"],
    redacted: t("export.redacted"),
    classLabel: (cls) => classLabel(tc, cls),
  };
  const body = format.data === "csv" ? csvStream(exportRows(filters), f) : xlsxStream(exportRows(filters), f);
  const name = `${t("export.fileName")}-${shanghaiDay(new Date())}.${format.data}`;
  return new Response(body, {
    headers: {
      "Content-Type": types[format.data],
      // The ASCII name for old clients, the real one (maybe Chinese) for the rest.
      "Content-Disposition": `attachment; filename="entries-${shanghaiDay(new Date())}.${format.data}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      "Cache-Control": "private, no-store",
    },
  });
}
