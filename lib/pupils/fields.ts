import { z } from "zod";

// One set of rules for a pupil's details, whether typed by a teacher, read from a spreadsheet
// or entered by the pupil with a class code. Pure functions: no database, no server-only.

export type Gender = "female" | "male";

export type PupilFields = {
  name: string;
  gender: Gender | null;
  grade: number;
  guardianName: string;
  guardianPhone: string | null;
  guardianEmail: string | null;
  birthYear: number | null;
};

/** As typed: every value a string (blank when absent). */
export type RawPupil = { [K in keyof PupilFields]?: string | null };

export const problemCodes = [
  "nameMissing",
  "nameTooLong",
  "gradeInvalid",
  "genderInvalid",
  "guardianMissing",
  "guardianTooLong",
  "phoneInvalid",
  "emailInvalid",
  "contactMissing",
  "birthYearInvalid",
  "duplicateInClass",
  "duplicateInFile",
] as const;
export type ProblemCode = (typeof problemCodes)[number];
export type Problem = { field: keyof PupilFields; code: ProblemCode };

export const MAX_NAME_LENGTH = 40;

/** Trimmed, inner spaces collapsed, full-width letters and digits made half-width. */
export function cleanText(value: string | null | undefined): string {
  return (value ?? "").normalize("NFKC").replace(/\s+/g, " ").trim();
}

/** The key two names are compared by: "张 三" and "张三", "Li Lei" and "li lei" are the same pupil. */
export function nameKey(name: string): string {
  return cleanText(name).replace(/\s/g, "").toLowerCase();
}

const chineseDigits: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10, 十一: 11, 十二: 12 };
// Chinese schools also name junior and senior grades 初一…初三, 高一…高三.
const stagePrefix: Record<string, number> = { 初: 6, 高: 9 };

/** "4", "四年级", "4年级", "初一", "高三", "Grade 4" → the grade number, or null. */
export function parseGrade(value: string): number | null {
  const v = cleanText(value).toLowerCase().replace(/^grade\s*/, "").replace(/^g(?=\d)/, "").replace(/年级$/, "");
  if (/^\d{1,2}$/.test(v)) return Number(v);
  const stage = stagePrefix[v[0] ?? ""];
  if (stage !== undefined && v.length === 2 && chineseDigits[v[1]!] && chineseDigits[v[1]!]! <= 3) return stage + chineseDigits[v[1]!]!;
  return chineseDigits[v] ?? null;
}

const genders: Record<string, Gender> = {
  男: "male", 男生: "male", 男孩: "male", male: "male", m: "male", boy: "male",
  女: "female", 女生: "female", 女孩: "female", female: "female", f: "female", girl: "female",
};

export function parseGender(value: string): Gender | null | undefined {
  const v = cleanText(value).toLowerCase();
  if (!v) return null;
  return genders[v];
}

/**
 * Mainland mobile numbers (11 digits from 13…19), with or without +86, and landlines with
 * their area code (0315-4112345). Stored as digits, the landline with its dash.
 */
export function parsePhone(value: string): string | null {
  const v = cleanText(value).replace(/[\s().·]/g, "");
  const mobile = v.replace(/-/g, "").replace(/^(\+86|0086|86)(?=1\d{10}$)/, "");
  if (/^1[3-9]\d{9}$/.test(mobile)) return mobile;
  const landline = /^(0\d{2,3})-?(\d{7,8})$/.exec(v);
  return landline ? `${landline[1]}-${landline[2]}` : null;
}

const emailSchema = z.email();

export function parseEmail(value: string): string | null {
  const v = cleanText(value).toLowerCase();
  return emailSchema.safeParse(v).success ? v : null;
}

/** "2016", "2016年", "2016-05-03" or "2016/5/3" → 2016, if plausible for a pupil this year. */
export function parseBirthYear(value: string, currentYear: number): number | null {
  const m = /^(\d{4})(?:年|[-/.年]\d{1,2}月?(?:[-/.]?\d{1,2}日?)?(?:[T ].*)?)?$/.exec(cleanText(value));
  if (!m) return null;
  const year = Number(m[1]);
  return year >= currentYear - 25 && year <= currentYear - 3 ? year : null;
}

/**
 * Checks one pupil's details. A blank grade takes the class's grade (most lists leave it out);
 * a blank gender or birth year is fine; the guardian needs a name and a phone or an email.
 */
export function checkPupil(raw: RawPupil, opts: { defaultGrade?: number; currentYear: number }): { value: PupilFields | null; problems: Problem[] } {
  const problems: Problem[] = [];
  const add = (field: keyof PupilFields, code: ProblemCode) => problems.push({ field, code });

  const name = cleanText(raw.name);
  if (!name) add("name", "nameMissing");
  else if (name.length > MAX_NAME_LENGTH) add("name", "nameTooLong");

  const gradeText = cleanText(raw.grade);
  const grade = gradeText ? parseGrade(gradeText) : (opts.defaultGrade ?? null);
  if (grade === null || grade < 1 || grade > 12) add("grade", "gradeInvalid");

  const gender = parseGender(raw.gender ?? "");
  if (gender === undefined) add("gender", "genderInvalid");

  const guardianName = cleanText(raw.guardianName);
  if (!guardianName) add("guardianName", "guardianMissing");
  else if (guardianName.length > MAX_NAME_LENGTH) add("guardianName", "guardianTooLong");

  const phoneText = cleanText(raw.guardianPhone);
  const emailText = cleanText(raw.guardianEmail);
  const guardianPhone = phoneText ? parsePhone(phoneText) : null;
  const guardianEmail = emailText ? parseEmail(emailText) : null;
  if (phoneText && !guardianPhone) add("guardianPhone", "phoneInvalid");
  if (emailText && !guardianEmail) add("guardianEmail", "emailInvalid");
  if (!phoneText && !emailText) add("guardianPhone", "contactMissing");

  const birthText = cleanText(raw.birthYear);
  const birthYear = birthText ? parseBirthYear(birthText, opts.currentYear) : null;
  if (birthText && birthYear === null) add("birthYear", "birthYearInvalid");

  if (problems.length) return { value: null, problems };
  return { value: { name, gender: gender ?? null, grade: grade!, guardianName, guardianPhone, guardianEmail, birthYear }, problems };
}
