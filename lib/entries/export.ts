import "server-only";
import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { TIME_ZONE, type Locale } from "@/lib/i18n";
import type { EntryFlag } from "./flags";
import { entryDisplayStatus, type EntryStatusFilter } from "./review-filters";
import type { EntryRow } from "./review-queries";

// The staff export of entries as CSV or XLSX, written while the rows are read, batch by batch
// (lib/entries/review-queries.ts exportRows), so 20,000 entries never sit in memory twice.

export const exportColumns = [
  ["code", 18],
  ["campaign", 24],
  ["category", 20],
  ["status", 10],
  ["disqualifiedReason", 28],
  ["school", 26],
  ["town", 12],
  ["class", 14],
  ["pupil", 10],
  ["grade", 6],
  ["title", 28],
  ["bookTitle", 20],
  ["bookAuthor", 12],
  ["charCount", 8],
  ["flags", 14],
  ["submittedAt", 20],
  ["file", 40],
] as const;
export type ExportColumn = (typeof exportColumns)[number][0];

/** The words of the export, in the staff member's language. */
export type ExportFormat = {
  locale: Locale;
  /** Absolute origin for the file links. */
  origin: string;
  sheetName: string;
  headers: Record<ExportColumn, string>;
  status: Record<EntryStatusFilter, string>;
  flags: Record<EntryFlag, string>;
  /** Appended to the flags of a redacted entry. */
  redacted: string;
  classLabel: (cls: { grade: number; name: string }) => string;
};

type Cell = string | number | Date | null | { text: string; hyperlink: string };

// Beijing wall-clock time as text ("2026-05-31 16:59:59"): the Swedish format is ISO-like.
const stamp = new Intl.DateTimeFormat("sv-SE", { timeZone: TIME_ZONE, dateStyle: "short", timeStyle: "medium" });
const OFFSET_MS = 8 * 60 * 60 * 1000;

function cells(r: EntryRow, f: ExportFormat, kind: "csv" | "xlsx"): Cell[] {
  const flags = r.flags.map((x) => f.flags[x as EntryFlag] ?? x).join(f.locale === "en" ? ", " : "、");
  const link = r.fileId ? `${f.origin}/admin/entries/${r.id}/file` : "";
  const submitted = r.submittedAt
    ? kind === "csv"
      ? stamp.format(r.submittedAt)
      : // Excel dates carry no zone: shift to Beijing so the cell shows (and sorts by) local time.
        new Date(r.submittedAt.getTime() + OFFSET_MS)
    : null;
  const byColumn: Record<ExportColumn, Cell> = {
    code: r.code ?? "",
    campaign: r.campaignTitle,
    category: `${r.categoryCode} ${r.categoryName}`,
    status: f.status[entryDisplayStatus(r)],
    disqualifiedReason: r.disqualifiedReason ?? "",
    school: r.schoolName,
    town: f.locale === "en" ? r.townEn : r.townZh,
    class: r.className !== null && r.classGrade !== null ? f.classLabel({ grade: r.classGrade, name: r.className }) : "",
    pupil: r.pupilName ?? "",
    grade: r.grade,
    title: r.title,
    bookTitle: r.bookTitle,
    bookAuthor: r.bookAuthor,
    charCount: r.charCount,
    flags: r.redactedAt && flags ? `${flags} ${f.redacted}` : r.redactedAt ? f.redacted : flags,
    submittedAt: submitted,
    file: link && kind === "xlsx" ? { text: link, hyperlink: link } : link,
  };
  return exportColumns.map(([key]) => byColumn[key]);
}

// Pupils type the titles: a cell starting with = + - @ must not become a formula in Excel.
const csvOptions = { newline: "\r\n", escapeFormulae: true } as const;

/** CSV in UTF-8 with a byte-order mark, so Excel opens the Chinese text correctly. */
export function csvStream(batches: AsyncGenerator<EntryRow[]>, f: ExportFormat): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let headerSent = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(`\uFEFF${Papa.unparse([exportColumns.map(([key]) => f.headers[key])], csvOptions)}\r\n`));
        return;
      }
      const { value, done } = await batches.next();
      if (done) return controller.close();
      if (value.length > 0) controller.enqueue(encoder.encode(`${Papa.unparse(value.map((r) => cells(r, f, "csv")), csvOptions)}\r\n`));
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
}

/** XLSX through exceljs's streaming writer: a frozen, bold header row and one row per entry. */
export function xlsxStream(batches: AsyncGenerator<EntryRow[]>, f: ExportFormat): ReadableStream<Uint8Array> {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(f.sheetName, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = exportColumns.map(([key, width]) => ({ header: f.headers[key], key, width }));
  sheet.getRow(1).font = { bold: true };
  sheet.getColumn("submittedAt").numFmt = "yyyy-mm-dd hh:mm:ss";
  (async () => {
    for await (const batch of batches) {
      // The download was cancelled: stop reading the database.
      if (out.destroyed) return;
      for (const r of batch) sheet.addRow(cells(r, f, "xlsx")).commit();
    }
    sheet.commit();
    await workbook.commit();
  })().catch((e: unknown) => {
    console.error("[entries export] failed", e);
    out.destroy(e instanceof Error ? e : new Error(String(e)));
  });
  return Readable.toWeb(out) as ReadableStream<Uint8Array>;
}
