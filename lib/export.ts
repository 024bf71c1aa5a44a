import "server-only";
import ExcelJS from "exceljs";
import Papa from "papaparse";

// Small staff exports (an event's bookings, a drive's figures) built in memory. The entries
// export, which can hold 20,000 rows, streams instead (lib/entries/export.ts).

export type Sheet = { name: string; rows: (string | number)[][] };

/** CSV of one sheet, with a BOM so Excel opens Chinese text correctly. */
function toCsv(sheet: Sheet): string {
  return `\uFEFF${Papa.unparse(sheet.rows, { newline: "\r\n" })}\r\n`;
}

async function toXlsx(sheets: Sheet[]): Promise<ArrayBuffer> {
  const book = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = book.addWorksheet(s.name.slice(0, 31));
    ws.addRows(s.rows);
    ws.getRow(1).font = { bold: true };
    ws.columns.forEach((c) => (c.width = 16));
  }
  return (await book.xlsx.writeBuffer()) as ArrayBuffer;
}

/** The response of an export download: the file, never cached. */
export async function exportResponse(format: "csv" | "xlsx", fileName: string, sheets: Sheet[]): Promise<Response> {
  const body = format === "csv" ? toCsv(sheets[0]!) : await toXlsx(sheets);
  return new Response(body, {
    headers: {
      "Content-Type": format === "csv" ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="${fileName}.${format}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
