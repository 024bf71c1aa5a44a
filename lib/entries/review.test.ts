import { randomBytes } from "node:crypto";
import { and, eq, like } from "drizzle-orm";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { createSchool, createUser } from "@/db/factories";
import { createEnrolledPupil, createOpenCampaign } from "@/db/factories-entries";
import { auditLog, campaignEnrolments, classes, entries, files, outbox, pupils, submissionExtensions, users } from "@/db/schema";
import { isAppError } from "@/lib/errors";
import { csvStream, xlsxStream, type ExportFormat } from "./export";
import { ENTRIES_PAGE_SIZE } from "./review-filters";
import { disqualifyEntry, grantExtension, redactEntry, removeExtension, undoDisqualification } from "./review-mutations";
import { exportRows, getEntryForStaff, listEntries, listExtensions, type EntryRow } from "./review-queries";

const day = 86_400_000;
const unique = () => randomBytes(3).toString("hex");

async function rejection(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    if (isAppError(e)) return { code: e.code, message: e.message, fields: e.fields };
    throw e;
  }
  throw new Error("expected a rejection");
}

/** A published campaign with two enrolled schools in two towns, each with a teacher, a class and a pupil. */
async function scene() {
  const db = getDb();
  const { campaign, essay, drawing } = await createOpenCampaign(db);
  const a = await createEnrolledPupil(db, campaign.id, { name: `张小明${unique()}` });
  const b = await createEnrolledPupil(db, campaign.id, { name: `李大红${unique()}` });
  const staff = await createUser(db, { roles: ["staff"], name: "馆员甲" });
  return { db, campaign, essay, drawing, a, b, staff };
}
type Scene = Awaited<ReturnType<typeof scene>>;
type Side = Scene["a"];

let seq = 0;
async function addEntry(s: Scene, side: Side, over: Partial<typeof entries.$inferInsert> = {}) {
  seq++;
  const [row] = await s.db
    .insert(entries)
    .values({
      campaignId: s.campaign.id,
      categoryId: s.essay.id,
      pupilId: side.pupil.user.id,
      schoolId: side.school.id,
      classId: side.cls.id,
      status: "submitted",
      code: `2026-YZ-B-${String(seq).padStart(5, "0")}`,
      title: "读《草房子》有感",
      bookTitle: "草房子",
      bookAuthor: "曹文轩",
      body: "桑桑的故事让我明白了成长。",
      charCount: 13,
      submittedAt: new Date(Date.now() - seq * 60_000),
      ...over,
    })
    .returning();
  return row!;
}

/** `n` more pupils in one class, inserted in bulk, each with one submitted essay. */
async function bulkEntries(s: Scene, side: Side, n: number) {
  const made = await s.db
    .insert(users)
    .values(Array.from({ length: n }, (_, i) => ({ name: `批量${i}`, username: `bulk${unique()}${i}`, schoolId: side.school.id })))
    .returning({ id: users.id });
  await s.db.insert(pupils).values(made.map((u) => ({ userId: u.id, classId: side.cls.id, grade: 5, guardianName: "家长", guardianPhone: "13800138000" })));
  const base = Date.now() - 10 * day;
  await s.db.insert(entries).values(
    made.map((u, i) => ({
      campaignId: s.campaign.id,
      categoryId: s.essay.id,
      pupilId: u.id,
      schoolId: side.school.id,
      classId: side.cls.id,
      status: "submitted" as const,
      code: `2026-YZ-B-9${String(i).padStart(4, "0")}`,
      submittedAt: new Date(base + i * 1000),
    })),
  );
}

describe("listEntries", () => {
  it("pages 50 at a time, newest submission first, drafts last, with the total", async () => {
    const s = await scene();
    await bulkEntries(s, s.a, ENTRIES_PAGE_SIZE + 3);
    const newest = await addEntry(s, s.b, { submittedAt: new Date() });
    const draft = await addEntry(s, s.b, { categoryId: s.drawing.id, status: "draft", code: null, submittedAt: null });

    const first = await listEntries({ campaignId: s.campaign.id }, 1);
    expect(first.total).toBe(ENTRIES_PAGE_SIZE + 5);
    expect(first.rows).toHaveLength(ENTRIES_PAGE_SIZE);
    expect(first.rows[0]!.id).toBe(newest.id);
    const times = first.rows.map((r) => r.submittedAt!.getTime());
    expect(times).toEqual([...times].sort((x, y) => y - x));

    const second = await listEntries({ campaignId: s.campaign.id }, 2);
    expect(second.rows).toHaveLength(5);
    expect(second.rows.at(-1)!.id).toBe(draft.id);
    expect(new Set([...first.rows, ...second.rows].map((r) => r.id)).size).toBe(ENTRIES_PAGE_SIZE + 5);
    expect(first.rows[0]).toMatchObject({ pupilName: s.b.pupil.user.name, schoolName: s.b.school.name, categoryCode: "B", campaignTitle: s.campaign.title });
  });

  it("filters by category, school, town, status, flags and a code or name", async () => {
    const s = await scene();
    const plain = await addEntry(s, s.a);
    const flagged = await addEntry(s, s.a, { categoryId: s.drawing.id, flags: ["name"] });
    const redacted = await addEntry(s, s.b, { flags: ["phone"], redactedAt: new Date() });
    const out = await addEntry(s, s.b, { categoryId: s.drawing.id, disqualifiedAt: new Date(), disqualifiedReason: "抄袭" });
    const withdrawn = await addEntry(s, s.a, { pupilId: (await extraPupil(s, s.a)).id, status: "withdrawn" });
    const draft = await addEntry(s, s.b, { pupilId: (await extraPupil(s, s.b)).id, status: "draft", code: null, submittedAt: null });

    const ids = async (f: Parameters<typeof listEntries>[0]) =>
      (await listEntries({ campaignId: s.campaign.id, ...f }, 1)).rows.map((r) => r.id).sort((x, y) => x - y);
    const sorted = (...xs: { id: number }[]) => xs.map((x) => x.id).sort((x, y) => x - y);

    expect(await ids({})).toEqual(sorted(plain, flagged, redacted, out, withdrawn, draft));
    expect(await ids({ categoryId: s.drawing.id })).toEqual(sorted(flagged, out));
    expect(await ids({ schoolId: s.b.school.id })).toEqual(sorted(redacted, out, draft));
    expect(await ids({ townId: s.a.school.townId })).toEqual(sorted(plain, flagged, withdrawn));
    // A disqualified entry is "disqualified", not also "submitted".
    expect(await ids({ status: "submitted" })).toEqual(sorted(plain, flagged, redacted));
    expect(await ids({ status: "disqualified" })).toEqual(sorted(out));
    expect(await ids({ status: "withdrawn" })).toEqual(sorted(withdrawn));
    expect(await ids({ status: "draft" })).toEqual(sorted(draft));
    // Flagged means found and not yet redacted.
    expect(await ids({ flagged: true })).toEqual(sorted(flagged));
    expect(await ids({ q: plain.code!.slice(-5).toLowerCase() })).toEqual(sorted(plain));
    expect(await ids({ q: s.b.pupil.user.name!.slice(0, 3) })).toEqual(sorted(redacted, out));
    // LIKE's wildcards are searched for as themselves.
    expect(await ids({ q: "%" })).toEqual([]);
    expect((await listEntries({ campaignId: s.campaign.id, schoolId: s.a.school.id, status: "draft" }, 1)).total).toBe(0);
  });
});

async function extraPupil(s: Scene, side: Side) {
  const [u] = await s.db.insert(users).values({ name: `另一个${unique()}`, username: `x${unique()}`, schoolId: side.school.id }).returning();
  await s.db.insert(pupils).values({ userId: u!.id, classId: side.cls.id, grade: 5, guardianName: "家长", guardianPhone: "13800138000" });
  return u!;
}

describe("redactEntry", () => {
  it("keeps the pupil's own text for staff, the first time only, and finds flags again", async () => {
    const s = await scene();
    const name = s.a.pupil.user.name!;
    const original = `我叫${name}，电话13812345678。桑桑的故事让我明白了成长。`;
    const e = await addEntry(s, s.a, { body: original, flags: ["name", "phone"] });

    const first = await redactEntry(s.staff, e.id, `我叫××，电话13812345678。桑桑的故事让我明白了成长。`);
    expect(first.flags).toEqual(["phone"]);
    await redactEntry(s.staff, e.id, "我叫××，电话×××。桑桑的故事让我明白了成长。");

    const seen = await getEntryForStaff(e.id);
    expect(seen!.entry).toMatchObject({ body: "我叫××，电话×××。桑桑的故事让我明白了成长。", originalBody: original, flags: [], redactedBy: s.staff.id });
    expect(seen!.entry.charCount).toBe(24);
    expect(seen!.entry.redactedAt).toBeInstanceOf(Date);
    expect(seen!.redactedByName).toBe("馆员甲");
    expect(seen).toMatchObject({ pupilName: name, school: { name: s.a.school.name }, className: s.a.cls.name, grade: 5 });
    const audits = await s.db.select().from(auditLog).where(and(eq(auditLog.entity, "entry"), eq(auditLog.entityId, String(e.id))));
    expect(audits.map((a) => a.action)).toEqual(["redact", "redact"]);
    // The list no longer counts it as flagged.
    expect((await listEntries({ campaignId: s.campaign.id, flagged: true }, 1)).total).toBe(0);
  });

  it("refuses drafts, drawings and entries that do not exist", async () => {
    const s = await scene();
    const draft = await addEntry(s, s.a, { status: "draft", code: null, submittedAt: null });
    const drawing = await addEntry(s, s.b, { categoryId: s.drawing.id });
    expect(await rejection(redactEntry(s.staff, draft.id, "x"))).toMatchObject({ code: "conflict", message: "entriesAdmin.errors.draftNotRedactable" });
    expect(await rejection(redactEntry(s.staff, drawing.id, "x"))).toMatchObject({ code: "conflict", message: "entriesAdmin.errors.notEssay" });
    expect(await rejection(redactEntry(s.staff, 2_000_000_000, "x"))).toMatchObject({ code: "not_found" });
  });
});

async function mails(entryId: number, kind: string) {
  return getDb()
    .select()
    .from(outbox)
    .where(like(outbox.idempotencyKey, `${kind}/${entryId}-%`))
    .orderBy(outbox.id);
}

describe("disqualifyEntry and undoDisqualification", () => {
  it("emails the class teacher once per disqualification, in their language, and undoes it", async () => {
    const s = await scene();
    await s.db.update(users).set({ locale: "en" }).where(eq(users.id, s.a.teacher.id));
    const e = await addEntry(s, s.a);

    const twice = await Promise.all([disqualifyEntry(s.staff, e.id, "Copied from a published article."), disqualifyEntry(s.staff, e.id, "Copied from a published article.")]);
    expect(twice.map((r) => r.changed).sort()).toEqual([false, true]);
    let sent = await mails(e.id, "entry-disqualified");
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ idempotencyKey: `entry-disqualified/${e.id}-1`, toAddress: s.a.teacher.email, locale: "en" });
    expect(sent[0]!.subject).toBe(`Entry ${e.code} has been disqualified`);
    expect(sent[0]!.text).toContain("Copied from a published article.");
    const [row] = await s.db.select().from(entries).where(eq(entries.id, e.id));
    expect(row).toMatchObject({ disqualifiedReason: "Copied from a published article.", disqualifiedBy: s.staff.id });

    expect(await undoDisqualification(s.staff, e.id)).toEqual({ changed: true });
    expect(await undoDisqualification(s.staff, e.id)).toEqual({ changed: false });
    expect(await mails(e.id, "entry-reinstated")).toHaveLength(1);
    const [back] = await s.db.select().from(entries).where(eq(entries.id, e.id));
    expect(back).toMatchObject({ disqualifiedAt: null, disqualifiedReason: null, disqualifiedBy: null, status: "submitted" });

    // Disqualified again after the undo: a new decision, a new email.
    await disqualifyEntry(s.staff, e.id, "Second look: copied after all.");
    sent = await mails(e.id, "entry-disqualified");
    expect(sent.map((m) => m.idempotencyKey)).toEqual([`entry-disqualified/${e.id}-1`, `entry-disqualified/${e.id}-2`]);
    const actions = await s.db.select({ action: auditLog.action }).from(auditLog).where(and(eq(auditLog.entity, "entry"), eq(auditLog.entityId, String(e.id)))).orderBy(auditLog.id);
    expect(actions.map((a) => a.action)).toEqual(["disqualify", "undo_disqualify", "disqualify"]);
  });

  it("writes to the school's coordinator, in Chinese, when the class has no teacher", async () => {
    const s = await scene();
    await s.db.update(classes).set({ teacherId: null }).where(eq(classes.id, s.b.cls.id));
    const e = await addEntry(s, s.b);
    await disqualifyEntry(s.staff, e.id, "作品与已发表的文章大段相同。");
    const [mail] = await mails(e.id, "entry-disqualified");
    expect(mail).toMatchObject({ toAddress: s.b.school.coordinatorEmail, locale: "zh-CN", subject: `作品 ${e.code} 已被取消参赛资格` });
    expect(mail!.text).toContain("作品与已发表的文章大段相同。");
  });

  it("refuses entries that were not submitted", async () => {
    const s = await scene();
    const draft = await addEntry(s, s.a, { status: "draft", code: null, submittedAt: null });
    expect(await rejection(disqualifyEntry(s.staff, draft.id, "x"))).toMatchObject({ code: "conflict", message: "entriesAdmin.errors.notSubmitted" });
    expect(await mails(draft.id, "entry-disqualified")).toHaveLength(0);
    expect(await rejection(undoDisqualification(s.staff, 2_000_000_000))).toMatchObject({ code: "not_found" });
  });
});

describe("extensions", () => {
  it("upserts one extension per campaign and school, within the campaign's dates, and removes it", async () => {
    const s = await scene();
    const later = new Date(s.campaign.submissionClosesAt.getTime() + 2 * day);
    const first = await grantExtension(s.staff, { campaignId: s.campaign.id, schoolId: s.a.school.id, closesAt: later, reason: "停电" });
    const even = new Date(later.getTime() + day);
    const second = await grantExtension(s.staff, { campaignId: s.campaign.id, schoolId: s.a.school.id, closesAt: even, reason: "又停电" });
    expect(second.id).toBe(first.id);
    const rows = await s.db.select().from(submissionExtensions).where(eq(submissionExtensions.campaignId, s.campaign.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ closesAt: even, reason: "又停电", grantedBy: s.staff.id });
    expect(await listExtensions(s.campaign.id)).toMatchObject([{ id: first.id, schoolName: s.a.school.name, grantedByName: "馆员甲", closesAt: even }]);

    const at = (closesAt: Date, schoolId = s.b.school.id) => grantExtension(s.staff, { campaignId: s.campaign.id, schoolId, closesAt, reason: "" });
    expect((await rejection(at(s.campaign.submissionClosesAt))).fields).toEqual({ closesAt: "entriesAdmin.errors.extensionNotLater" });
    expect((await rejection(at(new Date(s.campaign.judgingEndsAt.getTime() + 1000)))).fields).toEqual({ closesAt: "entriesAdmin.errors.extensionAfterJudging" });
    const stranger = await createSchool(s.db);
    expect((await rejection(at(later, stranger.id))).fields).toEqual({ schoolId: "entriesAdmin.errors.schoolNotEnrolled" });

    await removeExtension(s.staff, first.id);
    expect(await listExtensions(s.campaign.id)).toEqual([]);
    expect(await rejection(removeExtension(s.staff, first.id))).toMatchObject({ code: "not_found" });
  });
});

const format: ExportFormat = {
  locale: "zh-CN",
  origin: "https://library.example",
  sheetName: "作品",
  headers: {
    code: "作品编号", campaign: "活动", category: "组别", status: "状态", disqualifiedReason: "取消资格原因", school: "学校", town: "乡镇", class: "班级",
    pupil: "学生姓名", grade: "年级", title: "作品题目", bookTitle: "书名", bookAuthor: "作者", charCount: "字数", flags: "个人信息", submittedAt: "提交时间", file: "文件链接",
  },
  status: { submitted: "已提交", draft: "草稿", withdrawn: "已撤回", disqualified: "已取消资格" },
  flags: { name: "学生姓名", school: "学校名称", phone: "电话号码" },
  redacted: "（已处理）",
  classLabel: (c) => `${c.grade}年级${c.name}`,
};

async function collect(batches: AsyncGenerator<EntryRow[]>) {
  const out: EntryRow[] = [];
  for await (const batch of batches) out.push(...batch);
  return out;
}

async function bytes(stream: ReadableStream<Uint8Array>) {
  return Buffer.from(await new Response(stream).arrayBuffer());
}

describe("export", () => {
  it("reads every matching entry once, in batches, by campaign and code with drafts last", async () => {
    const s = await scene();
    const other = await createOpenCampaign(s.db);
    await s.db.insert(campaignEnrolments).values({ campaignId: other.campaign.id, schoolId: s.a.school.id });
    // The same code in two campaigns: codes are unique only within a campaign.
    const a1 = await addEntry(s, s.a, { code: "2026-YZ-B-00002" });
    const a2 = await addEntry(s, s.b, { code: "2026-YZ-B-00001" });
    const d1 = await addEntry(s, s.a, { categoryId: s.drawing.id, status: "draft", code: null, submittedAt: null });
    const o1 = await addEntry(s, s.a, { campaignId: other.campaign.id, categoryId: other.essay.id, code: "2026-YZ-B-00001" });
    const o2 = await addEntry(s, s.a, { campaignId: other.campaign.id, categoryId: other.drawing.id, code: "2026-YZ-D-00001", fileId: null });
    const d2 = await addEntry(s, s.b, { campaignId: other.campaign.id, categoryId: other.essay.id, status: "draft", code: null, submittedAt: null });

    for (const size of [1, 2, 3, 100]) {
      const all = (await collect(exportRows({}, size))).filter((r) => [s.campaign.title, other.campaign.title].includes(r.campaignTitle));
      expect(all.map((r) => r.id)).toEqual([a2, a1, d1, o1, o2, d2].map((e) => e.id));
    }
    expect((await collect(exportRows({ campaignId: other.campaign.id, status: "draft" }, 1))).map((r) => r.id)).toEqual([d2.id]);
  });

  it("writes CSV with a BOM and safe cells, and XLSX with Beijing times and file links", async () => {
    const s = await scene();
    const submittedAt = new Date("2026-05-31T08:59:30Z"); // 16:59:30 in Beijing
    const e = await addEntry(s, s.a, { title: "=HYPERLINK(\"http://evil\")", flags: ["name"], submittedAt, disqualifiedAt: new Date(), disqualifiedReason: "抄袭" });
    const drawing = await addEntry(s, s.b, { categoryId: s.drawing.id, title: "我的家乡", submittedAt });
    // A file row so the drawing has a link; the export does not read the bytes.
    const [file] = await s.db.insert(files).values({ storageKey: `test/${unique()}.png`, mimeType: "image/png", size: 10, sha256: "x" }).returning();
    await s.db.update(entries).set({ fileId: file!.id }).where(eq(entries.id, drawing.id));

    const csv = (await bytes(csvStream(exportRows({ campaignId: s.campaign.id }), format))).toString("utf8");
    expect(csv.startsWith("\uFEFF作品编号,活动,组别,状态,")).toBe(true);
    const lines = csv.trim().split("\r\n");
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(`${e.code},${s.campaign.title},B 小学高年级组（征文）,已取消资格,抄袭,${s.a.school.name}`);
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(lines[1]).toContain("学生姓名");
    expect(lines[1]).toContain("2026-05-31 16:59:30");
    expect(lines[2]).toContain(`https://library.example/admin/entries/${drawing.id}/file`);

    const xlsx = await bytes(xlsxStream(exportRows({ campaignId: s.campaign.id }), format));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet("作品")!;
    expect(sheet.rowCount).toBe(3);
    expect(sheet.getRow(1).getCell(1).value).toBe("作品编号");
    expect(sheet.getRow(2).getCell(1).value).toBe(e.code);
    expect(sheet.getRow(2).getCell(11).value).toBe("=HYPERLINK(\"http://evil\")");
    // The cell shows Beijing wall-clock time.
    expect((sheet.getRow(2).getCell(16).value as Date).toISOString()).toBe("2026-05-31T16:59:30.000Z");
    expect(sheet.getRow(3).getCell(17).value).toMatchObject({ hyperlink: `https://library.example/admin/entries/${drawing.id}/file` });
  });
});
