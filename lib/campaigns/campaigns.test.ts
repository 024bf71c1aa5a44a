import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { createUser } from "@/db/factories";
import { createEnrolledPupil, createOpenCampaign } from "@/db/factories-entries";
import { saveEntry } from "@/lib/entries/mutations";
import { auditLog, campaignBooks, campaignCategories, campaigns } from "@/db/schema";
import { addBook, createCampaign, deleteBook, deleteCategory, saveCategory, setCampaignStatus, updateCampaign } from "./mutations";
import { campaignPhase, getPublicCampaign, listOpenCampaignsForGrade, listPublicCampaigns } from "./queries";
import { campaignSchema, categorySchema, type CategoryInput } from "./schemas";

// Rows are unique per call: on PostgreSQL every test file shares one database.
const DAY = 24 * 3600_000;
const slugOf = () => `t-${randomBytes(4).toString("hex")}`;
const typed = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 16);

/** A campaign as the staff form posts it (parsed by the real schema), timed around `now`. */
function campaignInput(over: Partial<Record<string, string>> = {}, now = new Date(), closesInDays = 30) {
  const at = (days: number) => typed(new Date(now.getTime() + days * DAY));
  return campaignSchema.parse({
    slug: slugOf(),
    title: "测试读书活动",
    theme: "经典浸润人生",
    year: String(now.getUTCFullYear()),
    description: "",
    rules: "",
    maskNames: "on",
    registrationOpensAt: at(-40),
    registrationClosesAt: at(closesInDays - 10),
    submissionOpensAt: at(-30),
    submissionClosesAt: at(closesInDays),
    judgingEndsAt: at(closesInDays + 30),
    resultsAt: at(closesInDays + 40),
    ...over,
  });
}

const categoryInput = (campaignId: number, over: Record<string, string> = {}): CategoryInput =>
  categorySchema.parse({ campaignId: String(campaignId), name: "小学高年级组", code: "B", gradeMin: "4", gradeMax: "6", entryType: "essay", minChars: "400", maxChars: "1200", maxFileMb: "10", ...over });

let staff: string;
beforeAll(async () => {
  staff = (await createUser(getDb(), { roles: ["staff"] })).id;
});

const campaignRow = async (id: number) => (await getDb().select().from(campaigns).where(eq(campaigns.id, id)))[0]!;
const categoriesOf = (id: number) => getDb().select().from(campaignCategories).where(eq(campaignCategories.campaignId, id));
const booksOf = (id: number) => getDb().select().from(campaignBooks).where(eq(campaignBooks.campaignId, id));
const auditOf = (id: number) =>
  getDb()
    .select({ action: auditLog.action, actorId: auditLog.actorId, data: auditLog.data })
    .from(auditLog)
    .where(and(eq(auditLog.entity, "campaign"), eq(auditLog.entityId, String(id))))
    .orderBy(auditLog.id);

async function campaignWith(status: "draft" | "published" | "archived", categories: Record<string, string>[] = [{}], input = campaignInput()) {
  const id = await createCampaign(input, staff);
  for (const c of categories) await saveCategory(categoryInput(id, c), staff);
  if (status !== "draft") await setCampaignStatus(id, status, staff);
  return id;
}

describe("createCampaign / updateCampaign", () => {
  it("stores a draft with its timeline and audits who created it", async () => {
    const input = campaignInput();
    const id = await createCampaign(input, staff);
    expect(await campaignRow(id)).toMatchObject({ slug: input.slug, status: "draft", createdBy: staff, submissionClosesAt: input.submissionClosesAt, maskNames: true });
    expect(await auditOf(id)).toEqual([{ action: "create", actorId: staff, data: null }]);
  });

  it("refuses a slug already in use, even typed in capitals, naming the slug field", async () => {
    const first = campaignInput();
    await createCampaign(first, staff);
    const again = campaignInput({ slug: first.slug.toUpperCase() });
    await expect(createCampaign(again, staff)).rejects.toMatchObject({ code: "invalid", fields: { slug: "campaigns.slugTaken" } });
    expect(await getDb().select().from(campaigns).where(eq(campaigns.slug, first.slug))).toHaveLength(1);
  });

  it("refuses renaming to another campaign's slug and leaves both as they were", async () => {
    const [a, b] = [campaignInput(), campaignInput()];
    const idA = await createCampaign(a, staff);
    const idB = await createCampaign(b, staff);
    await expect(updateCampaign(idB, { ...b, slug: a.slug }, staff)).rejects.toMatchObject({ code: "invalid", fields: { slug: "campaigns.slugTaken" } });
    expect((await campaignRow(idB)).slug).toBe(b.slug);
    expect((await campaignRow(idA)).slug).toBe(a.slug);
    expect((await auditOf(idB)).map((r) => r.action)).toEqual(["create"]);
  });

  it("updates a campaign and says not_found for one that does not exist", async () => {
    const input = campaignInput();
    const id = await createCampaign(input, staff);
    await updateCampaign(id, { ...input, title: "改过的名称", maskNames: false }, staff);
    expect(await campaignRow(id)).toMatchObject({ title: "改过的名称", maskNames: false });
    await expect(updateCampaign(2_000_000_000, campaignInput(), staff)).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("setCampaignStatus", () => {
  it("will not publish a campaign without a category, and changes nothing", async () => {
    const id = await createCampaign(campaignInput(), staff);
    await expect(setCampaignStatus(id, "published", staff)).rejects.toMatchObject({ code: "conflict", message: "campaigns.needsCategory" });
    expect((await campaignRow(id)).status).toBe("draft");
    expect((await auditOf(id)).map((r) => r.action)).toEqual(["create"]);
  });

  it("publishes once there is a category, archives and withdraws, auditing each step", async () => {
    const id = await campaignWith("draft");
    await setCampaignStatus(id, "published", staff);
    expect((await campaignRow(id)).status).toBe("published");
    await setCampaignStatus(id, "archived", staff);
    await setCampaignStatus(id, "draft", staff);
    expect((await campaignRow(id)).status).toBe("draft");
    const trail = await auditOf(id);
    expect(trail.map((r) => r.action)).toEqual(["create", "category:add", "status:published", "status:archived", "status:draft"]);
    expect(trail.every((r) => r.actorId === staff)).toBe(true);
  });

  it("says not_found for a campaign that does not exist", async () => {
    await expect(setCampaignStatus(2_000_000_000, "archived", staff)).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("categories and books stay inside their campaign", () => {
  it("adds, updates and normalises a category; a duplicate code is named", async () => {
    const id = await createCampaign(campaignInput(), staff);
    await saveCategory(categoryInput(id, { code: "a", entryType: "drawing", minChars: "100", maxChars: "200", maxFileMb: "5" }), staff);
    await saveCategory(categoryInput(id), staff);
    const [drawing, essay] = (await categoriesOf(id)).sort((x, y) => x.sortOrder - y.sortOrder);
    expect(drawing).toMatchObject({ code: "A", entryType: "drawing", minChars: null, maxChars: null, maxFileMb: 5, sortOrder: 1 });
    expect(essay).toMatchObject({ code: "B", entryType: "essay", minChars: 400, maxChars: 1200, sortOrder: 2 });

    await expect(saveCategory(categoryInput(id, { code: "A" }), staff)).rejects.toMatchObject({ code: "invalid", fields: { code: "campaigns.codeTaken" } });
    await expect(saveCategory(categoryInput(id, { categoryId: String(essay!.id), code: "A" }), staff)).rejects.toMatchObject({ fields: { code: "campaigns.codeTaken" } });

    await saveCategory(categoryInput(id, { categoryId: String(essay!.id), name: "高年级组（改）", gradeMax: "5" }), staff);
    expect((await categoriesOf(id)).find((c) => c.id === essay!.id)).toMatchObject({ name: "高年级组（改）", gradeMax: 5 });
    expect(await categoriesOf(id)).toHaveLength(2);
    expect((await auditOf(id)).map((r) => r.action)).toEqual(["create", "category:add", "category:add", "category:update"]);
  });

  it("refuses to update a category through another campaign", async () => {
    const mine = await campaignWith("draft");
    const other = await createCampaign(campaignInput(), staff);
    const [cat] = await categoriesOf(mine);
    await expect(saveCategory(categoryInput(other, { categoryId: String(cat!.id), name: "被改了" }), staff)).rejects.toMatchObject({ code: "not_found" });
    expect((await categoriesOf(mine))[0]).toEqual(cat);
    expect(await categoriesOf(other)).toEqual([]);
    expect((await auditOf(other)).map((r) => r.action)).toEqual(["create"]);
  });

  it("deletes a category only through its own campaign", async () => {
    const mine = await campaignWith("draft");
    const other = await createCampaign(campaignInput(), staff);
    const [cat] = await categoriesOf(mine);
    await expect(deleteCategory(other, cat!.id, staff)).rejects.toMatchObject({ code: "not_found" });
    await expect(deleteCategory(mine, 2_000_000_000, staff)).rejects.toMatchObject({ code: "not_found" });
    expect(await categoriesOf(mine)).toHaveLength(1);
    await deleteCategory(mine, cat!.id, staff);
    expect(await categoriesOf(mine)).toEqual([]);
    expect((await auditOf(mine)).at(-1)).toEqual({ action: "category:delete", actorId: staff, data: { code: "B" } });
  });

  it("keeps the last category of a published campaign and any category with entries", async () => {
    const published = await campaignWith("published");
    const [only] = await categoriesOf(published);
    await expect(deleteCategory(published, only!.id, staff)).rejects.toMatchObject({ code: "conflict", message: "campaigns.lastCategory" });
    const { campaign, essay } = await createOpenCampaign(getDb());
    const { pupil } = await createEnrolledPupil(getDb(), campaign.id);
    await saveEntry({ id: pupil.user.id, roles: ["student"], schoolId: null }, { pupilId: pupil.user.id, categoryId: essay.id, intent: "draft", title: "", bookTitle: "", bookAuthor: "", body: "草稿", statement: "", file: undefined });
    await expect(deleteCategory(campaign.id, essay.id, staff)).rejects.toMatchObject({ code: "conflict", message: "campaigns.categoryHasEntries" });
  });

  it("deletes a book only through its own campaign", async () => {
    const mine = await createCampaign(campaignInput(), staff);
    const other = await createCampaign(campaignInput(), staff);
    await addBook({ campaignId: mine, title: "草房子", author: "曹文轩", gradeBand: "小学", note: "" });
    const [book] = await booksOf(mine);
    await expect(deleteBook(other, book!.id)).rejects.toMatchObject({ code: "not_found" });
    expect(await booksOf(mine)).toHaveLength(1);
    await deleteBook(mine, book!.id);
    expect(await booksOf(mine)).toEqual([]);
    await expect(deleteBook(mine, book!.id)).rejects.toMatchObject({ code: "not_found" });
  });

  it("lists a book added through the form after the ones already there", async () => {
    const id = await campaignWith("published");
    // Numbered in order, as db/seed-campaigns.ts numbers the demo list.
    await getDb().insert(campaignBooks).values([
      { campaignId: id, title: "小王子", sortOrder: 1 },
      { campaignId: id, title: "草房子", sortOrder: 2 },
    ]);
    await addBook({ campaignId: id, title: "稻草人", author: "叶圣陶", gradeBand: "小学", note: "" });
    const shown = await getPublicCampaign((await campaignRow(id)).slug);
    expect(shown?.books.map((b) => b.title)).toEqual(["小王子", "草房子", "稻草人"]);
  });
});

describe("public reads", () => {
  it("never shows a draft, and shows published and archived campaigns with categories and books", async () => {
    const draft = await campaignWith("draft");
    const published = await campaignWith("published", [{ code: "B" }, { code: "A", gradeMin: "1", gradeMax: "3" }]);
    const archived = await campaignWith("archived");
    await addBook({ campaignId: published, title: "小王子", author: "圣埃克苏佩里", gradeBand: "小学", note: "" });

    expect(await getPublicCampaign((await campaignRow(draft)).slug)).toBeNull();
    const shown = await getPublicCampaign((await campaignRow(published)).slug);
    expect(shown?.campaign.id).toBe(published);
    expect(shown?.categories.map((c) => c.code)).toEqual(["B", "A"]); // in the order they were added
    expect(shown?.books.map((b) => b.title)).toEqual(["小王子"]);
    expect((await getPublicCampaign((await campaignRow(archived)).slug))?.campaign.status).toBe("archived");
    expect(await getPublicCampaign("no-such-campaign")).toBeNull();

    const listed = (await listPublicCampaigns()).map((c) => c.id);
    expect(listed).toEqual(expect.arrayContaining([published, archived]));
    expect(listed).not.toContain(draft);
  });

  it("withdrawing a campaign to draft hides it again", async () => {
    const id = await campaignWith("published");
    const { slug } = await campaignRow(id);
    expect(await getPublicCampaign(slug)).not.toBeNull();
    await setCampaignStatus(id, "draft", staff);
    expect(await getPublicCampaign(slug)).toBeNull();
  });
});

describe("listOpenCampaignsForGrade", () => {
  const now = new Date();
  const at = (days: number) => typed(new Date(now.getTime() + days * DAY));
  const ids = async (grade: number, when = now) => (await listOpenCampaignsForGrade(grade, when)).map((c) => c.id);

  it("lists published campaigns still taking entries that have a category for the grade", async () => {
    const open = await campaignWith("published", [{ code: "B", gradeMin: "4", gradeMax: "6" }, { code: "C", gradeMin: "5", gradeMax: "9" }]);
    const notYetOpen = await campaignWith("published", [{ gradeMin: "1", gradeMax: "12" }], campaignInput({ registrationOpensAt: at(1), submissionOpensAt: at(2) }, now, 40));
    const draft = await campaignWith("draft", [{ gradeMin: "1", gradeMax: "12" }]);
    const archived = await campaignWith("archived", [{ gradeMin: "1", gradeMax: "12" }]);
    const closed = await campaignWith("published", [{ gradeMin: "1", gradeMax: "12" }], campaignInput({}, now, -1));
    const mine = [open, notYetOpen, draft, archived, closed];
    const listed = async (grade: number) => (await ids(grade)).filter((id) => mine.includes(id));

    expect(await listed(5)).toEqual([open, notYetOpen]); // once each, however many categories match; soonest deadline first
    expect(await listed(4)).toEqual([open, notYetOpen]);
    expect(await listed(9)).toEqual([open, notYetOpen]);
    expect(await listed(3)).toEqual([notYetOpen]);
    expect(await listed(10)).toEqual([notYetOpen]);
  });

  it("drops a campaign at the moment its submission closes, as campaignPhase does", async () => {
    const id = await campaignWith("published", [{ gradeMin: "1", gradeMax: "12" }]);
    const row = await campaignRow(id);
    const { submissionClosesAt } = row;
    expect(campaignPhase(row, submissionClosesAt)).toBe("judging");
    expect(await ids(3, new Date(submissionClosesAt.getTime() - 1))).toContain(id);
    expect(await ids(3, submissionClosesAt)).not.toContain(id);
  });
});

describe("campaignPhase", () => {
  const t = (iso: string) => new Date(`${iso}:00+08:00`);
  const before = (d: Date) => new Date(d.getTime() - 1);
  // Submission opens while schools are still registering, as in the demo campaign.
  const overlapping = {
    registrationOpensAt: t("2031-03-01T08:00"),
    submissionOpensAt: t("2031-03-10T08:00"),
    registrationClosesAt: t("2031-04-01T18:00"),
    submissionClosesAt: t("2031-05-20T18:00"),
    judgingEndsAt: t("2031-06-20T18:00"),
    resultsAt: t("2031-07-01T09:00"),
  };

  it("moves on exactly at each boundary", () => {
    const c = overlapping;
    const cases: [Date, string][] = [
      [before(c.registrationOpensAt), "upcoming"],
      [c.registrationOpensAt, "registration"],
      [before(c.submissionOpensAt), "registration"],
      [c.submissionOpensAt, "submission"],
      [c.registrationClosesAt, "submission"],
      [before(c.submissionClosesAt), "submission"],
      [c.submissionClosesAt, "judging"],
      [c.judgingEndsAt, "judging"],
      [before(c.resultsAt), "judging"],
      [c.resultsAt, "results"],
      [new Date(c.resultsAt.getTime() + 365 * DAY), "results"],
    ];
    for (const [now, phase] of cases) expect(campaignPhase(c, now), now.toISOString()).toBe(phase);
  });

  it("is 'between' once registration has closed and before submission opens", () => {
    const c = { ...overlapping, registrationClosesAt: t("2031-03-05T18:00") };
    expect(campaignPhase(c, before(c.registrationClosesAt))).toBe("registration");
    expect(campaignPhase(c, c.registrationClosesAt)).toBe("between");
    expect(campaignPhase(c, before(c.submissionOpensAt))).toBe("between");
    expect(campaignPhase(c, c.submissionOpensAt)).toBe("submission");
  });
});
