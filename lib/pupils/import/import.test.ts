import ExcelJS from "exceljs";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { createSchool, createUser } from "@/db/factories";
import { createClassRow, createPupilRow } from "@/db/factories-classes";
import { pupilImports, pupils, users } from "@/db/schema";
import { verifyPassword } from "@/lib/auth/password";
import { decryptField } from "@/lib/crypto";
import { commitImport, discardImport, getImport, previewImport } from ".";
import { MAX_IMPORT_BYTES } from "./read-sheet";
import { pupilTemplate } from "./template";

// The spreadsheet import on the real database: upload → stored preview → confirm.

async function setup(grade = 4) {
  const db = getDb();
  const school = await createSchool(db);
  const teacher = await createUser(db, { roles: ["teacher"], schoolId: school.id });
  const cls = await createClassRow(db, { schoolId: school.id, grade, teacherId: teacher.id });
  return { school, teacher, cls };
}

const csv = (text: string) => new TextEncoder().encode(text);
const header = "姓名,性别,年级,监护人,监护人电话,监护人邮箱,出生年份\n";
const year = new Date().getFullYear();

async function xlsx(rows: (string | number | null)[][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet("名单");
  for (const r of rows) sheet.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function preview(ctx: Awaited<ReturnType<typeof setup>>, bytes: Uint8Array, name = "list.csv") {
  const result = await previewImport(ctx.teacher, ctx.cls.id, { name, bytes });
  if (!result.ok) throw new Error(`preview refused: ${result.error}`);
  return (await getImport(ctx.teacher, ctx.cls.id, result.importId))!;
}

async function classPupils(classId: number) {
  return getDb()
    .select({ name: users.name, username: users.username, passwordHash: users.passwordHash, must: users.mustChangePassword, enc: pupils.initialPasswordEnc, grade: pupils.grade, phone: pupils.guardianPhone, email: pupils.guardianEmail, birthYear: pupils.birthYear, gender: pupils.gender })
    .from(pupils)
    .innerJoin(users, eq(users.id, pupils.userId))
    .where(eq(pupils.classId, classId));
}

describe("pupil import", () => {
  it("previews good rows without importing anything, then imports them on confirmation", async () => {
    const ctx = await setup();
    const p = await preview(ctx, csv(`${header}王小明,男,4,王建国,138 0000 1111,,2016\n李小红,女,四年级,李海燕,,LI@Example.test,\n赵一,,,赵志刚,0315-4112345,,\n`));
    expect(p.rows.map((r) => r.problems)).toEqual([[], [], []]);
    expect(p.clean).toBe(3);
    expect(await classPupils(ctx.cls.id)).toHaveLength(0);
    const [stored] = await getDb().select().from(pupilImports).where(eq(pupilImports.id, p.id));
    expect(stored!.committedAt).toBeNull();
    expect(stored!.fileSha256).toMatch(/^[0-9a-f]{64}$/);

    expect(await commitImport(ctx.teacher, ctx.cls.id, p.id)).toEqual({ imported: 3, skipped: 0 });
    const rows = await classPupils(ctx.cls.id);
    const byName = Object.fromEntries(rows.map((r) => [r.name, r]));
    expect(Object.keys(byName).sort()).toEqual(["李小红", "王小明", "赵一"].sort());
    expect(byName["王小明"]).toMatchObject({ gender: "male", grade: 4, phone: "13800001111", email: null, birthYear: 2016 });
    expect(byName["李小红"]).toMatchObject({ gender: "female", grade: 4, phone: null, email: "li@example.test", birthYear: null });
    // A blank grade takes the class's grade.
    expect(byName["赵一"]).toMatchObject({ grade: 4, phone: "0315-4112345", gender: null });
    for (const r of rows) {
      expect(r.username).toMatch(/^[a-hj-km-np-z]{3}[2-9]{3}$/);
      expect(r.must).toBe(true);
      const password = decryptField(r.enc!);
      expect(password).toMatch(/^[a-hj-km-np-z2-9]{8}$/);
      expect(r.passwordHash).toMatch(/^\$argon2id\$/);
      expect(await verifyPassword(r.passwordHash!, password!)).toBe(true);
    }
    expect(new Set(rows.map((r) => r.username)).size).toBe(3);
  });

  it("reports every kind of bad row and imports only the clean ones", async () => {
    const ctx = await setup();
    await createPupilRow(getDb(), { classId: ctx.cls.id, schoolId: ctx.school.id, name: "陈已在" });
    const p = await preview(
      ctx,
      csv(
        header +
          [
            "好学生,女,4,家长甲,13800000001,,", // 2: clean
            ",男,4,家长乙,13800000002,,", // 3: no name
            "年级错,男,13,家长丙,13800000003,,", // 4: grade out of range
            "年级字,男,大班,家长丁,13800000004,,", // 5: grade not a grade
            "陈已在,女,4,家长戊,13800000005,,", // 6: already in the class
            "好学生,女,4,家长己,13800000006,,", // 7: twice in the file
            "邮箱错,女,4,家长庚,,not-an-email,", // 8: bad email
            "电话错,男,4,家长辛,12345,,", // 9: bad phone
            "没联系,男,4,家长壬,,,", // 10: no guardian contact
            "无监护,男,4,,13800000010,,", // 11: no guardian name
            "性别错,x,4,家长癸,13800000011,,", // 12: gender neither male nor female
            `年份错,女,4,家长子,13800000012,,${year + 1}`, // 13: birth year in the future
          ].join("\n"),
      ),
    );
    const problems = Object.fromEntries(p.rows.map((r) => [r.line, r.problems.map((x) => x.code)]));
    expect(problems).toEqual({
      2: [],
      3: ["nameMissing"],
      4: ["gradeInvalid"],
      5: ["gradeInvalid"],
      6: ["duplicateInClass"],
      7: ["duplicateInFile"],
      8: ["emailInvalid"],
      9: ["phoneInvalid"],
      10: ["contactMissing"],
      11: ["guardianMissing"],
      12: ["genderInvalid"],
      13: ["birthYearInvalid"],
    });
    expect(p.clean).toBe(1);
    expect(await commitImport(ctx.teacher, ctx.cls.id, p.id)).toEqual({ imported: 1, skipped: 0 });
    expect((await classPupils(ctx.cls.id)).map((r) => r.name).sort()).toEqual(["好学生", "陈已在"].sort());
  });

  it("re-importing the same file creates no duplicates: every row is flagged", async () => {
    const ctx = await setup();
    const bytes = csv(`${header}甲同学,女,4,家长,13800000001,,\n乙同学,男,4,家长,13800000002,,\n`);
    const first = await preview(ctx, bytes);
    await commitImport(ctx.teacher, ctx.cls.id, first.id);
    const again = await preview(ctx, bytes);
    expect(again.clean).toBe(0);
    expect(again.rows.every((r) => r.problems.some((x) => x.code === "duplicateInClass"))).toBe(true);
    await expect(commitImport(ctx.teacher, ctx.cls.id, again.id)).rejects.toMatchObject({ code: "invalid", message: "pupils.import.nothingLeft" });
    expect(await classPupils(ctx.cls.id)).toHaveLength(2);
  });

  it("confirming twice imports once; a pupil added after the preview is skipped", async () => {
    const ctx = await setup();
    const p = await preview(ctx, csv(`${header}甲,女,4,家长,13800000001,,\n乙,男,4,家长,13800000002,,\n`));
    await createPupilRow(getDb(), { classId: ctx.cls.id, schoolId: ctx.school.id, name: "乙" });
    expect(await commitImport(ctx.teacher, ctx.cls.id, p.id)).toEqual({ imported: 1, skipped: 1 });
    await expect(commitImport(ctx.teacher, ctx.cls.id, p.id)).rejects.toMatchObject({ code: "conflict" });
    expect(await classPupils(ctx.cls.id)).toHaveLength(2);
  });

  it("two confirmations racing import the rows once", async () => {
    const ctx = await setup();
    const p = await preview(ctx, csv(`${header}甲,女,4,家长,13800000001,,\n乙,男,4,家长,13800000002,,\n`));
    const results = await Promise.allSettled([commitImport(ctx.teacher, ctx.cls.id, p.id), commitImport(ctx.teacher, ctx.cls.id, p.id)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await classPupils(ctx.cls.id)).toHaveLength(2);
  });

  it("two previews of the same file confirmed at once add each pupil once (the class row is locked)", async () => {
    const ctx = await setup();
    const bytes = csv(`${header}甲,女,4,家长,13800000001,,\n乙,男,4,家长,13800000002,,\n`);
    const [p1, p2] = [await preview(ctx, bytes), await preview(ctx, bytes)];
    const results = await Promise.allSettled([commitImport(ctx.teacher, ctx.cls.id, p1.id), commitImport(ctx.teacher, ctx.cls.id, p2.id)]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect((await classPupils(ctx.cls.id)).map((r) => r.name).sort()).toEqual(["乙", "甲"].sort());
  });

  it("reads a GBK (GB18030) CSV as Chinese Excel writes it", async () => {
    const ctx = await setup();
    // "姓名,性别,年级,监护人,监护人电话,监护人邮箱\r\n王小明,男,4,王建国,13800001111,\r\n李小红,女,四年级,李海燕,,li@example.test\r\n" in GB18030.
    const gbk = Buffer.from(
      "0NXD+yzQ1LHwLMTqvLYsvOC7pMjLLLzgu6TIy7Xnu7AsvOC7pMjL08rP5A0KzfXQocP3LMTQLDQszfW9qLn6LDEzODAwMDAxMTExLA0KwO7QobrsLMWuLMvExOq8tizA7rqj0eAsLGxpQGV4YW1wbGUudGVzdA0K",
      "base64",
    );
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(gbk)).toThrow();
    const p = await preview(ctx, new Uint8Array(gbk));
    expect(p.rows.map((r) => [r.input.name, r.input.guardianName, r.problems.length])).toEqual([
      ["王小明", "王建国", 0],
      ["李小红", "李海燕", 0],
    ]);
  });

  it("reads XLSX, with a title line above the header, English headers and number cells", async () => {
    const ctx = await setup(5);
    const bytes = await xlsx([
      ["五年级（1）班 学生名单"],
      ["Name", "Gender", "Grade", "Guardian", "Guardian Phone", "Guardian Email", "Birth year"],
      ["Li Lei", "male", 5, "Li Gang", 13800001111, null, 2015],
      ["Han Meimei", "F", null, "Han Jun", null, { text: "han@example.test", hyperlink: "mailto:han@example.test" } as never, null],
    ]);
    const p = await preview(ctx, bytes, "list.xlsx");
    expect(p.rows.map((r) => ({ line: r.line, name: r.input.name, phone: r.input.guardianPhone, email: r.input.guardianEmail, problems: r.problems }))).toEqual([
      { line: 3, name: "Li Lei", phone: "13800001111", email: "", problems: [] },
      { line: 4, name: "Han Meimei", phone: "", email: "han@example.test", problems: [] },
    ]);
  });

  it("refuses what is not a spreadsheet, by its content", async () => {
    const ctx = await setup();
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    const fakeZip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8]);
    const xls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    const binary = new Uint8Array([0x80, 0x81, 0xff, 0xfe, 0x90, 0x07, 0x01]);
    const call = (bytes: Uint8Array, name = "list.csv") => previewImport(ctx.teacher, ctx.cls.id, { name, bytes });
    expect(await call(png, "photo.csv")).toEqual({ ok: false, error: "notSpreadsheet" });
    expect(await call(fakeZip, "list.xlsx")).toEqual({ ok: false, error: "notSpreadsheet" });
    expect(await call(binary)).toEqual({ ok: false, error: "notSpreadsheet" });
    expect(await call(xls, "list.xls")).toEqual({ ok: false, error: "oldExcel" });
    expect(await call(new Uint8Array())).toEqual({ ok: false, error: "empty" });
    expect(await call(new Uint8Array(MAX_IMPORT_BYTES + 1).fill(0x41))).toEqual({ ok: false, error: "tooLarge" });
    expect(await call(csv("这是一段文字，不是名单。\n第二行。\n"))).toEqual({ ok: false, error: "noNameColumn" });
    expect(await call(csv(header))).toEqual({ ok: false, error: "noRows" });
    // Nothing was stored for any of them.
    expect(await getDb().select().from(pupilImports).where(eq(pupilImports.classId, ctx.cls.id))).toHaveLength(0);
  });

  it("a file whose rows all have problems gets a preview that says so, and cannot be confirmed", async () => {
    const ctx = await setup();
    const p = await preview(ctx, csv(`${header},男,4,家长,13800000001,,\n无联系,男,4,家长,,,\n`));
    expect(p.clean).toBe(0);
    expect(p.withProblems).toBe(2);
    await expect(commitImport(ctx.teacher, ctx.cls.id, p.id)).rejects.toMatchObject({ code: "invalid" });
  });

  it("reads a UTF-8 CSV with a byte-order mark, and UTF-16 text from Excel", async () => {
    const ctx = await setup();
    const bom = await preview(ctx, csv(`\ufeff${header}甲,女,4,家长,13800000001,,\n`));
    expect(bom.rows[0]!.problems).toEqual([]);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("姓名\t监护人\t监护人电话\n乙\t家长\t13800000002\n", "utf16le")]);
    const tsv = await preview(ctx, new Uint8Array(utf16));
    expect(tsv.rows.map((r) => [r.input.name, r.problems])).toEqual([["乙", []]]);
  });

  it("the templates read back as an empty list with every column recognised", async () => {
    const ctx = await setup();
    const text = { sheetName: "名单", helpSheetName: "说明", help: ["说明"], genders: ["女", "男"] as [string, string] };
    for (const format of ["csv", "xlsx"] as const) {
      for (const locale of ["zh-CN", "en"] as const) {
        const bytes = await pupilTemplate(format, locale, text);
        expect(await previewImport(ctx.teacher, ctx.cls.id, { name: `t.${format}`, bytes }), `${format} ${locale}`).toEqual({ ok: false, error: "noRows" });
      }
    }
  });

  it("only the class's managers can preview, see and confirm an import", async () => {
    const ctx = await setup();
    const other = await createUser(getDb(), { roles: ["teacher"], schoolId: ctx.school.id });
    const staff = await createUser(getDb(), { roles: ["staff"] });
    const bytes = csv(`${header}甲,女,4,家长,13800000001,,\n`);
    await expect(previewImport(other, ctx.cls.id, { name: "a.csv", bytes })).rejects.toMatchObject({ code: "not_found" });
    await expect(previewImport(staff, ctx.cls.id, { name: "a.csv", bytes })).rejects.toMatchObject({ code: "not_found" });
    const p = await preview(ctx, bytes);
    expect(await getImport(other, ctx.cls.id, p.id)).toBeNull();
    await expect(commitImport(other, ctx.cls.id, p.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(discardImport(staff, ctx.cls.id, p.id)).rejects.toMatchObject({ code: "not_found" });
    // The import belongs to its class: another class's id does not reach it.
    const otherClass = await createClassRow(getDb(), { schoolId: ctx.school.id, teacherId: ctx.teacher.id });
    expect(await getImport(ctx.teacher, otherClass.id, p.id)).toBeNull();
    await discardImport(ctx.teacher, ctx.cls.id, p.id);
    expect(await getImport(ctx.teacher, ctx.cls.id, p.id)).toBeNull();
  });
});
