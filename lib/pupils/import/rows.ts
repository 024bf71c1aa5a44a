import { checkPupil, cleanText, nameKey, type Problem, type PupilFields, type RawPupil } from "../fields";

// From a sheet's rows of strings to checked pupil rows, each with every problem it has.
// Pure: the caller passes the names already in the class.

export type Column = keyof PupilFields;

/** Header words teachers use, in Chinese and English (compared without spaces, case or punctuation). */
const headerWords: Record<Column, string[]> = {
  name: ["姓名", "学生姓名", "学生", "名字", "name", "studentname", "pupilname", "fullname"],
  gender: ["性别", "gender", "sex"],
  grade: ["年级", "grade"],
  guardianName: ["监护人", "监护人姓名", "家长", "家长姓名", "guardian", "guardianname", "parent", "parentname"],
  guardianPhone: ["监护人电话", "监护人手机", "家长电话", "家长手机", "联系电话", "电话", "手机", "手机号", "guardianphone", "parentphone", "phone", "mobile", "tel"],
  guardianEmail: ["监护人邮箱", "家长邮箱", "邮箱", "电子邮箱", "电子邮件", "guardianemail", "parentemail", "email", "e-mail"],
  birthYear: ["出生年份", "出生年", "出生年月", "出生日期", "birthyear", "yearofbirth", "birthdate", "dateofbirth"],
};

export const templateHeaders: Record<"zh-CN" | "en", Record<Column, string>> = {
  "zh-CN": { name: "姓名", gender: "性别", grade: "年级", guardianName: "监护人", guardianPhone: "监护人电话", guardianEmail: "监护人邮箱", birthYear: "出生年份" },
  en: { name: "name", gender: "gender", grade: "grade", guardianName: "guardian", guardianPhone: "guardian phone", guardianEmail: "guardian email", birthYear: "birth year" },
};
export const columns = Object.keys(templateHeaders.en) as Column[];

function headerKey(cell: string): string {
  return cleanText(cell)
    .toLowerCase()
    .replace(/[（(][^）)]*[）)]/g, "") // "出生年份（选填）", "email (optional)"
    .replace(/[\s*_:：\-]/g, "")
    .replace(/^e-?mail/, "email");
}

const wordToColumn = new Map<string, Column>();
for (const [column, words] of Object.entries(headerWords) as [Column, string[]][]) {
  for (const w of words) wordToColumn.set(headerKey(w), column);
}

/** Which column of the header row holds each field; null when there is no name column. */
export function mapHeader(cells: string[]): Partial<Record<Column, number>> | null {
  const map: Partial<Record<Column, number>> = {};
  cells.forEach((cell, i) => {
    const column = wordToColumn.get(headerKey(cell));
    if (column && map[column] === undefined) map[column] = i;
  });
  return map.name === undefined ? null : map;
}

export type ImportRow = {
  /** The row number the teacher sees in their spreadsheet program. */
  line: number;
  input: Record<Column, string>;
  problems: Problem[];
};

export type ParsedRows = { ok: true; rows: ImportRow[] } | { ok: false; error: "noNameColumn" | "noRows" };

/** Finds the header (a title line above it is allowed) and splits the rows below it into fields. */
export function splitRows(sheet: string[][]): ParsedRows {
  const headerIndex = sheet.slice(0, 5).findIndex((row) => mapHeader(row) !== null);
  if (headerIndex < 0) return { ok: false, error: "noNameColumn" };
  const map = mapHeader(sheet[headerIndex]!)!;
  const rows: ImportRow[] = [];
  sheet.slice(headerIndex + 1).forEach((cells, i) => {
    if (cells.every((c) => !cleanText(c))) return;
    const input = Object.fromEntries(columns.map((c) => [c, map[c] === undefined ? "" : cleanText(cells[map[c]!])])) as Record<Column, string>;
    rows.push({ line: headerIndex + i + 2, input, problems: [] });
  });
  return rows.length ? { ok: true, rows } : { ok: false, error: "noRows" };
}

/**
 * Every problem of every row: the field rules, plus a pupil already in the class or listed
 * earlier in the same file (the first of two same-named rows stays importable).
 */
export function checkRows(
  rows: { line: number; input: RawPupil }[],
  opts: { classGrade: number; currentYear: number; namesInClass: Set<string> },
): { line: number; input: Record<Column, string>; problems: Problem[]; value: PupilFields | null }[] {
  const seen = new Set<string>();
  return rows.map(({ line, input }) => {
    const { value, problems } = checkPupil(input, { defaultGrade: opts.classGrade, currentYear: opts.currentYear });
    const key = nameKey(input.name ?? "");
    if (key) {
      if (opts.namesInClass.has(key)) problems.push({ field: "name", code: "duplicateInClass" });
      else if (seen.has(key)) problems.push({ field: "name", code: "duplicateInFile" });
      seen.add(key);
    }
    const full = Object.fromEntries(columns.map((c) => [c, input[c] ?? ""])) as Record<Column, string>;
    return { line, input: full, problems, value: problems.length ? null : value };
  });
}
