import { eq } from "drizzle-orm";
import { PDFDocument } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { createUser } from "@/db/factories";
import { createEnrolledPupil, createOpenCampaign } from "@/db/factories-entries";
import { entries, outbox, submissionExtensions, type Role } from "@/db/schema";
import { isAppError } from "@/lib/errors";
import { getEntryFileForViewer } from "./files";
import { getPupilForWriter, listEntrySlots } from "./queries";
import { saveEntry, withdrawEntry } from "./mutations";
import type { EntryFormInput } from "./schemas";

const essayText = "我读了《城南旧事》，英子的童年让我想起了自己的小时候。";

function essay(pupilId: string, categoryId: number, over: Partial<EntryFormInput> = {}): EntryFormInput {
  return { pupilId, categoryId, intent: "submit", title: "我读《城南旧事》", bookTitle: "城南旧事", bookAuthor: "林海音", body: essayText, statement: "", file: undefined, ...over };
}

const asUser = (id: string, roles: Role[], schoolId: number | null = null) => ({ id, roles, schoolId });

async function rejection(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    if (isAppError(e)) return { code: e.code, message: e.message, fields: e.fields };
    throw e;
  }
  throw new Error("expected a rejection");
}

const png = () => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);
const pdf = async () => new Uint8Array(await (await PDFDocument.create()).save());

describe("submitting an essay", () => {
  it("gives the entry a code and one receipt, however often submit is pressed", async () => {
    const db = getDb();
    const { campaign, essay: cat } = await createOpenCampaign(db);
    const { pupil } = await createEnrolledPupil(db, campaign.id, { guardianEmail: "parent@example.test" });
    const me = asUser(pupil.user.id, ["student"]);

    const results = await Promise.all([saveEntry(me, essay(me.id, cat.id)), saveEntry(me, essay(me.id, cat.id))]);
    const again = await saveEntry(me, essay(me.id, cat.id));
    expect(new Set([...results, again].map((r) => r.entryId)).size).toBe(1);
    expect(new Set([...results, again].map((r) => r.code)).size).toBe(1);
    expect(again.code).toMatch(/^2026-YZ-B-\d{5}$/);

    const rows = await db.select().from(entries).where(eq(entries.pupilId, me.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: "submitted", charCount: 27, schoolId: expect.any(Number) });
    const mail = await db.select().from(outbox).where(eq(outbox.idempotencyKey, `entry-receipt/${rows[0]!.id}`));
    expect(mail).toHaveLength(1);
    expect(mail[0]!.toAddress).toBe("parent@example.test");
    expect(mail[0]!.text).toContain(again.code!);
  });

  it("saves a draft without the rules, then refuses to submit it too short, keeping it as a draft", async () => {
    const db = getDb();
    const { campaign, essay: cat } = await createOpenCampaign(db, { minChars: 100 });
    const { pupil, teacher } = await createEnrolledPupil(db, campaign.id);
    const me = asUser(pupil.user.id, ["student"]);
    const draft = await saveEntry(me, essay(me.id, cat.id, { intent: "draft", title: "", body: "开头" }));
    expect(draft).toMatchObject({ status: "draft", code: null, mailed: false });

    const e = await rejection(saveEntry(me, essay(me.id, cat.id, { body: "太短了。" })));
    expect(e.code).toBe("invalid");
    expect(e.fields?.body).toEqual(["entries.errors.bodyTooShort", { min: 100, count: 4 }]);
    const [row] = await db.select().from(entries).where(eq(entries.id, draft.entryId));
    expect(row).toMatchObject({ status: "draft", body: "开头", code: null });

    // Without a guardian's email the receipt goes to the class teacher.
    await saveEntry(me, essay(me.id, cat.id, { body: "好".repeat(100) }));
    const [mail] = await db.select().from(outbox).where(eq(outbox.idempotencyKey, `entry-receipt/${draft.entryId}`));
    expect(mail!.toAddress).toBe(teacher.email);
  });

  it("fills the receipt with the entry's own words, escaped in the HTML and as typed in the text", async () => {
    const db = getDb();
    const { campaign, essay: cat } = await createOpenCampaign(db);
    const { pupil } = await createEnrolledPupil(db, campaign.id, { guardianEmail: `p-${campaign.id}@example.test` });
    const me = asUser(pupil.user.id, ["student"]);
    const r = await saveEntry(me, essay(me.id, cat.id, { title: "<我&书> [[code]]" }));
    const [mail] = await db.select().from(outbox).where(eq(outbox.idempotencyKey, `entry-receipt/${r.entryId}`));
    expect(mail!.html).toContain("&lt;我&amp;书&gt; [[code]]");
    expect(mail!.html).not.toContain("<我&书>");
    expect(mail!.text).toContain("<我&书> [[code]]");
    expect(mail!.text).toContain(r.code!);
    expect(mail!.text).toContain(cat.name);
  });

  it("refuses an essay over the limit and a missing title and book", async () => {
    const db = getDb();
    const { campaign, essay: cat } = await createOpenCampaign(db, { maxChars: 20 });
    const { pupil } = await createEnrolledPupil(db, campaign.id);
    const me = asUser(pupil.user.id, ["student"]);
    const e = await rejection(saveEntry(me, essay(me.id, cat.id, { title: "", bookTitle: "", body: "字".repeat(21) })));
    expect(e.fields).toEqual({ title: "errors.required", bookTitle: "errors.required", body: ["entries.errors.bodyTooLong", { max: 20, count: 21 }] });
  });

  it("flags the pupil's name, school and a phone number for staff", async () => {
    const db = getDb();
    const { campaign, essay: cat } = await createOpenCampaign(db);
    const { pupil, school } = await createEnrolledPupil(db, campaign.id, { name: "王小明" });
    const me = asUser(pupil.user.id, ["student"]);
    const r = await saveEntry(me, essay(me.id, cat.id, { body: `我叫王 小明，在${school.name}上学，电话13812345678。${essayText}` }));
    const [row] = await db.select().from(entries).where(eq(entries.id, r.entryId));
    expect(row!.flags).toEqual(["name", "school", "phone"]);
    const clean = await createEnrolledPupil(db, campaign.id);
    const other = await saveEntry(asUser(clean.pupil.user.id, ["student"]), essay(clean.pupil.user.id, cat.id));
    const [plain] = await db.select().from(entries).where(eq(entries.id, other.entryId));
    expect(plain!.flags).toEqual([]);
  });
});

describe("the deadline, in Asia/Shanghai", () => {
  // 2026-05-31 17:00 in Beijing is 09:00 UTC.
  const closesAt = new Date("2026-05-31T09:00:00Z");
  const opensAt = new Date("2026-04-01T00:00:00Z");

  it("accepts one second before and refuses one second after, and at the deadline itself", async () => {
    const db = getDb();
    const { campaign, essay: cat } = await createOpenCampaign(db, { opensAt, closesAt });
    const { pupil } = await createEnrolledPupil(db, campaign.id);
    const me = asUser(pupil.user.id, ["student"]);
    const before = await saveEntry(me, essay(me.id, cat.id), new Date("2026-05-31T08:59:59Z"));
    expect(before.status).toBe("submitted");
    for (const at of ["2026-05-31T09:00:00Z", "2026-05-31T09:00:01Z"]) {
      const e = await rejection(saveEntry(me, essay(me.id, cat.id, { title: "改了" }), new Date(at)));
      expect(e.message).toBe("entries.errors.closed");
    }
    expect((await rejection(withdrawEntry(me, { entryId: before.entryId, pupilId: me.id }, new Date("2026-05-31T09:00:01Z")))).message).toBe("entries.errors.closed");
    const early = await rejection(saveEntry(me, essay(me.id, cat.id), new Date("2026-03-31T23:59:59Z")));
    expect(early.message).toBe("entries.errors.notOpen");
  });

  it("an extension lets one school submit later, and no other", async () => {
    const db = getDb();
    const { campaign, essay: cat } = await createOpenCampaign(db, { opensAt, closesAt });
    const extended = await createEnrolledPupil(db, campaign.id);
    const other = await createEnrolledPupil(db, campaign.id);
    await db.insert(submissionExtensions).values({ campaignId: campaign.id, schoolId: extended.school.id, closesAt: new Date("2026-06-07T09:00:00Z") });
    const later = new Date("2026-06-03T02:00:00Z");
    const a = asUser(extended.pupil.user.id, ["student"]);
    expect((await saveEntry(a, essay(a.id, cat.id), later)).status).toBe("submitted");
    const b = asUser(other.pupil.user.id, ["student"]);
    expect((await rejection(saveEntry(b, essay(b.id, cat.id), later))).message).toBe("entries.errors.closed");
    expect((await rejection(saveEntry(a, essay(a.id, cat.id), new Date("2026-06-07T09:00:01Z")))).message).toBe("entries.errors.closed");
  });
});

describe("who may enter", () => {
  it("needs an enrolled school, the category's grades and, under 14, a guardian's consent", async () => {
    const db = getDb();
    const { campaign, essay: cat } = await createOpenCampaign(db);
    const young = await createEnrolledPupil(db, campaign.id, { birthYear: new Date().getFullYear() - 10 });
    const y = asUser(young.pupil.user.id, ["student"]);
    expect((await rejection(saveEntry(y, essay(y.id, cat.id)))).message).toBe("entries.errors.consentMissing");
    const grade2 = await createEnrolledPupil(db, campaign.id, { grade: 2 });
    const g = asUser(grade2.pupil.user.id, ["student"]);
    expect((await rejection(saveEntry(g, essay(g.id, cat.id, { intent: "draft" })))).message).toBe("entries.errors.ineligible");
    const elsewhere = await createEnrolledPupil(db, (await createOpenCampaign(db)).campaign.id);
    const o = asUser(elsewhere.pupil.user.id, ["student"]);
    expect((await rejection(saveEntry(o, essay(o.id, cat.id)))).message).toBe("entries.errors.notEnrolled");
  });

  it("lets the class teacher and the coordinator write for a pupil, and nobody else", async () => {
    const db = getDb();
    const { campaign, essay: cat } = await createOpenCampaign(db);
    const { pupil, teacher, school } = await createEnrolledPupil(db, campaign.id);
    const coordinator = await createUser(db, { roles: ["coordinator"], schoolId: school.id });
    const otherTeacher = await createUser(db, { roles: ["teacher"], schoolId: school.id });
    const stranger = await createEnrolledPupil(db, campaign.id);
    const staff = await createUser(db, { roles: ["staff"] });
    const judge = await createUser(db, { roles: ["judge"] });

    expect((await saveEntry(asUser(teacher.id, ["teacher"], school.id), essay(pupil.user.id, cat.id, { intent: "draft" }))).status).toBe("draft");
    expect((await saveEntry(asUser(coordinator.id, ["coordinator"], school.id), essay(pupil.user.id, cat.id))).status).toBe("submitted");
    for (const who of [
      asUser(otherTeacher.id, ["teacher"], school.id),
      asUser(stranger.teacher.id, ["teacher"], stranger.school.id),
      asUser(stranger.pupil.user.id, ["student"]),
      asUser(staff.id, ["staff"]),
      asUser(judge.id, ["judge"]),
    ]) {
      expect((await rejection(saveEntry(who, essay(pupil.user.id, cat.id)))).code).toBe("not_found");
    }
  });

  it("a withdrawn entry keeps its code and can be submitted again without a second receipt", async () => {
    const db = getDb();
    const { campaign, essay: cat } = await createOpenCampaign(db);
    const { pupil } = await createEnrolledPupil(db, campaign.id);
    const me = asUser(pupil.user.id, ["student"]);
    const first = await saveEntry(me, essay(me.id, cat.id));
    await withdrawEntry(me, { entryId: first.entryId, pupilId: me.id });
    expect((await db.select().from(entries).where(eq(entries.id, first.entryId)))[0]!.status).toBe("withdrawn");
    const again = await saveEntry(me, essay(me.id, cat.id));
    expect(again).toMatchObject({ entryId: first.entryId, code: first.code, status: "submitted" });
    expect(await db.select().from(outbox).where(eq(outbox.idempotencyKey, `entry-receipt/${first.entryId}`))).toHaveLength(1);
  });
});

describe("a pupil's list of entries", () => {
  it("lists the categories of their grade open now, with the entry they have", async () => {
    const db = getDb();
    const { campaign, essay: cat, drawing } = await createOpenCampaign(db);
    const { pupil } = await createEnrolledPupil(db, campaign.id, { grade: 5 });
    const me = asUser(pupil.user.id, ["student"]);
    const { entryId } = await saveEntry(me, essay(me.id, cat.id, { intent: "draft" }));
    const slots = (await listEntrySlots((await getPupilForWriter(me, me.id))!)).filter((s) => s.campaign.id === campaign.id);
    expect(slots.map((s) => [s.category.id, s.entry?.id ?? null, s.windowState])).toEqual([
      [cat.id, entryId, "open"],
      [drawing.id, null, "open"],
    ]);
  });
});

describe("drawings", () => {
  it("checks the file by its content, not its name, and within the category's size", async () => {
    const db = getDb();
    const { campaign, drawing } = await createOpenCampaign(db);
    const { pupil } = await createEnrolledPupil(db, campaign.id);
    const me = asUser(pupil.user.id, ["student"]);
    const drawingInput = (file: File | undefined) => ({ ...essay(me.id, drawing.id), body: "", file, statement: "画的是书里的四合院。" });

    const textAsPng = new File(["just some text"], "drawing.png", { type: "image/png" });
    expect((await rejection(saveEntry(me, drawingInput(textAsPng)))).fields).toEqual({ file: "errors.fileType" });
    const big = new File([new Uint8Array(1024 * 1024 + 1)], "big.png", { type: "image/png" });
    expect((await rejection(saveEntry(me, drawingInput(big)))).fields).toEqual({ file: ["entries.errors.fileTooLarge", { max: 1 }] });
    expect((await rejection(saveEntry(me, drawingInput(undefined)))).fields).toEqual({ file: "entries.errors.fileRequired" });

    // A real PNG with a .pdf name is still a PNG, and accepted as one.
    const r = await saveEntry(me, drawingInput(new File([png()], "drawing.pdf", { type: "application/pdf" })));
    expect(r.status).toBe("submitted");
    // The refused files used up no entry number.
    expect(r.code).toMatch(/-D-00001$/);
    // Later changes keep the file unless a new one comes.
    await saveEntry(me, drawingInput(undefined));
    const file = await getEntryFileForViewer(me, r.entryId);
    expect(file?.mimeType).toBe("image/png");
    // A PDF that cannot be opened (to be cleaned of its author's name) is refused, and the file kept.
    const broken = new File(["%PDF-1.4\nnot really a PDF\n%%EOF\n"], "scan.pdf");
    expect((await rejection(saveEntry(me, drawingInput(broken)))).fields).toEqual({ file: "errors.pdfUnreadable" });
    expect((await getEntryFileForViewer(me, r.entryId))?.mimeType).toBe("image/png");
    await saveEntry(me, drawingInput(new File([await pdf()], "scan.pdf")));
    expect((await getEntryFileForViewer(me, r.entryId))?.mimeType).toBe("application/pdf");
  });

  it("serves the file to the pupil, their teachers and staff only", async () => {
    const db = getDb();
    const { campaign, drawing } = await createOpenCampaign(db);
    const { pupil, teacher, school } = await createEnrolledPupil(db, campaign.id);
    const me = asUser(pupil.user.id, ["student"]);
    const r = await saveEntry(me, { ...essay(me.id, drawing.id), body: "", file: new File([png()], "a.png") });
    const coordinator = await createUser(db, { roles: ["coordinator"], schoolId: school.id });
    const staff = await createUser(db, { roles: ["staff"] });
    const other = await createEnrolledPupil(db, campaign.id);
    const judge = await createUser(db, { roles: ["judge"] });
    const allowed = [me, asUser(teacher.id, ["teacher"], school.id), asUser(coordinator.id, ["coordinator"], school.id), asUser(staff.id, ["staff"])];
    for (const who of allowed) expect(await getEntryFileForViewer(who, r.entryId)).not.toBeNull();
    const refused = [asUser(other.pupil.user.id, ["student"]), asUser(other.teacher.id, ["teacher"], other.school.id), asUser(judge.id, ["judge"])];
    for (const who of refused) expect(await getEntryFileForViewer(who, r.entryId)).toBeNull();
  });
});
