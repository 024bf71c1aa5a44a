import "server-only";
import ExcelJS from "exceljs";
import Papa from "papaparse";

// Reads an uploaded pupil list into rows of strings. What the file is comes from its bytes,
// never from its name: XLSX is a zip; CSV must be text in UTF-8, GB18030 (what Chinese Excel
// writes) or UTF-16 (Excel's "Unicode text").

export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 5000;

export const fileErrors = ["empty", "tooLarge", "notSpreadsheet", "oldExcel", "noNameColumn", "noRows", "tooManyRows"] as const;
export type FileError = (typeof fileErrors)[number];

export type Sheet = { kind: "xlsx" | "csv"; rows: string[][] };
export type SheetResult = { ok: true; sheet: Sheet } | { ok: false; error: FileError };

const startsWith = (bytes: Uint8Array, ...sig: number[]) => sig.every((b, i) => bytes[i] === b);

function decodeText(bytes: Uint8Array): string | null {
  if (startsWith(bytes, 0xff, 0xfe)) return tryDecode("utf-16le", bytes);
  if (startsWith(bytes, 0xfe, 0xff)) return tryDecode("utf-16be", bytes);
  // Text files never hold NUL bytes; images, PDFs and executables almost always do.
  if (bytes.includes(0)) return null;
  return tryDecode("utf-8", bytes) ?? tryDecode("gb18030", bytes);
}

function tryDecode(encoding: string, bytes: Uint8Array): string | null {
  try {
    const text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
    // Control characters other than tab and line breaks mean this was not written as text.
    return /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text) ? null : text;
  } catch {
    return null;
  }
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "number") return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(6)));
  if (typeof value === "string" || typeof value === "boolean") return String(value);
  if ("richText" in value) return value.richText.map((r) => r.text).join("");
  if ("text" in value && typeof value.text === "string") return value.text;
  if ("result" in value) return value.result === undefined ? "" : cellText(value.result as ExcelJS.CellValue);
  if ("error" in value) return "";
  return "";
}

async function readXlsx(bytes: Uint8Array): Promise<string[][] | null> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  } catch {
    return null;
  }
  // The first sheet with anything on it: the template's instructions sit on a later sheet.
  const sheet = workbook.worksheets.find((s) => s.actualRowCount > 0);
  if (!sheet) return workbook.worksheets.length ? [] : null;
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellText(cell.value);
    });
    rows.push(Array.from(cells, (c) => c ?? ""));
  });
  return rows;
}

function readCsv(text: string): string[][] {
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: "greedy" });
  return parsed.data.map((row) => row.map((c) => c ?? ""));
}

export async function readSheet(bytes: Uint8Array): Promise<SheetResult> {
  if (bytes.byteLength === 0) return { ok: false, error: "empty" };
  if (bytes.byteLength > MAX_IMPORT_BYTES) return { ok: false, error: "tooLarge" };
  // Excel 97–2003 (.xls): a compound document, which we ask to be saved as .xlsx instead.
  if (startsWith(bytes, 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) return { ok: false, error: "oldExcel" };
  if (startsWith(bytes, 0x50, 0x4b, 0x03, 0x04)) {
    const rows = await readXlsx(bytes);
    return rows ? { ok: true, sheet: { kind: "xlsx", rows } } : { ok: false, error: "notSpreadsheet" };
  }
  const text = decodeText(bytes);
  if (text === null) return { ok: false, error: "notSpreadsheet" };
  return { ok: true, sheet: { kind: "csv", rows: readCsv(text) } };
}
