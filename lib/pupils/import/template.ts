import "server-only";
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { columns, templateHeaders, type Column } from "./rows";

export type TemplateFormat = "csv" | "xlsx";
export type TemplateLocale = keyof typeof templateHeaders;

const widths: Record<Column, number> = { name: 14, gender: 8, grade: 8, guardianName: 14, guardianPhone: 18, guardianEmail: 28, birthYear: 12 };

/**
 * An empty pupil list with the header row in one language. No sample row: a forgotten example
 * pupil would be imported. The XLSX explains itself on a second sheet and keeps phone numbers as
 * text, so Excel does not turn them into 1.38E+10.
 */
export async function pupilTemplate(
  format: TemplateFormat,
  locale: TemplateLocale,
  text: { sheetName: string; helpSheetName: string; help: string[]; genders: [string, string] },
): Promise<Uint8Array> {
  const headers = columns.map((c) => templateHeaders[locale][c]);
  if (format === "csv") {
    // The byte-order mark makes Excel read the file as UTF-8 rather than the system code page.
    return new TextEncoder().encode(`\ufeff${Papa.unparse([headers])}\r\n`);
  }
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(text.sheetName, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = columns.map((c, i) => ({ header: headers[i], key: c, width: widths[c], style: c === "guardianPhone" ? { numFmt: "@" } : {} }));
  sheet.getRow(1).font = { bold: true };
  const gender = columns.indexOf("gender") + 1;
  const grade = columns.indexOf("grade") + 1;
  for (let r = 2; r <= 1000; r++) {
    sheet.getCell(r, gender).dataValidation = { type: "list", allowBlank: true, formulae: [`"${text.genders.join(",")}"`] };
    sheet.getCell(r, grade).dataValidation = { type: "whole", allowBlank: true, operator: "between", formulae: [1, 12] };
  }
  const help = workbook.addWorksheet(text.helpSheetName);
  help.getColumn(1).width = 90;
  text.help.forEach((line, i) => {
    help.getCell(i + 1, 1).value = line;
    help.getCell(i + 1, 1).alignment = { wrapText: true, vertical: "top" };
  });
  help.getRow(1).font = { bold: true };
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
