// Staff set up a reading campaign from nothing and publish it; the public then finds it.
// Drafts stay invisible; a bad form is explained beside its fields; teachers cannot get in.
import type { Browser, Dialog, Locator, Page } from "@playwright/test";
import { expect, test } from "./fixtures/auth";
import { fill, zh } from "./fixtures/i18n";

test.use({ role: "staff" });

const c = zh.campaigns;
const DAY = 24 * 3600_000;
/** A datetime-local value `days` from now, in Beijing time (how staff type the timeline). */
const beijing = (days: number) => new Date(Date.now() + days * DAY + 8 * 3600_000).toISOString().slice(0, 16);
const uniqueSlug = () => `e2e-${Date.now().toString(36)}`;
const main = (page: Page) => page.locator("main");
const label = (page: Page, text: string) => page.getByLabel(text, { exact: true });
/** A signed-out visitor's page (an explicit empty state: new contexts would otherwise inherit the role's). */
const visitorPage = (browser: Browser, baseURL: string | undefined) => browser.newPage({ baseURL, storageState: { cookies: [], origins: [] } });

/** Accepts the next confirm dialog, after checking it says what will happen. */
function acceptConfirm(page: Page, message: string) {
  const seen = new Promise<string>((resolve) => {
    page.once("dialog", async (d: Dialog) => {
      resolve(d.message());
      await d.accept();
    });
  });
  return expect(seen).resolves.toBe(message);
}

/** Fills the campaign form; `timeline` values are datetime-local strings. */
async function fillCampaign(page: Page, v: { title: string; theme?: string; slug: string; description?: string; timeline: Record<keyof typeof c.phase, string> }) {
  await label(page, c.fieldTitle).fill(v.title);
  if (v.theme !== undefined) await page.locator("#field-theme").fill(v.theme);
  await label(page, c.fieldSlug).fill(v.slug);
  for (const [name, value] of Object.entries(v.timeline)) await label(page, c.phase[name as keyof typeof c.phase]).fill(value);
  if (v.description !== undefined) await label(page, c.fieldDescription).fill(v.description);
}

const openTimeline = {
  registrationOpensAt: beijing(-10),
  registrationClosesAt: beijing(20),
  submissionOpensAt: beijing(-5),
  submissionClosesAt: beijing(40),
  judgingEndsAt: beijing(60),
  resultsAt: beijing(70),
};

async function expectNotFound(page: Page, path: string) {
  const response = await page.goto(path);
  expect(response?.status(), `status of ${path}`).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(zh.notFound.title);
}

const categoryCard = (page: Page, name: string): Locator => main(page).getByRole("listitem").filter({ has: page.getByText(name, { exact: true }) });

test("staff create, fill and publish a campaign; the public sees it, then not once withdrawn", async ({ page, browser, baseURL }) => {
  test.slow(); // a long journey with two browsers; the shared test machine can be busy
  const title = `书香伴我成长征文 ${Date.now() % 100000}`;
  const slug = uniqueSlug();
  await page.goto("/admin/campaigns");
  await main(page).getByRole("link", { name: c.new }).click();
  await expect(page).toHaveURL("/admin/campaigns/new");

  await fillCampaign(page, { title, theme: "读好书 写心得", slug, description: "欢迎**全县**小学生参加。", timeline: openTimeline });
  await page.getByRole("button", { name: c.create }).click();

  await expect(page).toHaveURL(/\/admin\/campaigns\/\d+\?created=1$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(main(page).getByRole("status")).toHaveText(c.createdNext);
  await expect(main(page).getByText(c.status.draft, { exact: true })).toBeVisible();
  await expect(main(page).getByText(c.categoriesEmpty)).toBeVisible();
  // The form shows what was saved, in Beijing time.
  await expect(label(page, c.phase.submissionClosesAt)).toHaveValue(openTimeline.submissionClosesAt);

  const visitor = await visitorPage(browser, baseURL);
  await expectNotFound(visitor, `/campaigns/${slug}`);

  // Publishing without a category is refused, and says why.
  const publish = page.getByRole("button", { name: c.to.published, exact: true });
  const asked = acceptConfirm(page, fill(c.confirm.published, { title }));
  await publish.click();
  await asked;
  await expect(main(page).getByRole("alert")).toHaveText(c.needsCategory);
  await expectNotFound(visitor, `/campaigns/${slug}`);

  // A category: grades 3–4, essays of 300 to 800 characters.
  const addCategory = page.locator("form").filter({ has: page.locator("#cat-new-name") });
  await addCategory.getByLabel(c.categoryName).fill("小学中年级组（征文）");
  await addCategory.getByLabel(c.categoryCode).fill("b");
  await addCategory.getByLabel(c.gradeMin).selectOption({ label: zh.grades.g3 });
  await addCategory.getByLabel(c.gradeMax).selectOption({ label: zh.grades.g4 });
  await addCategory.getByLabel(c.minChars).fill("300");
  await addCategory.getByLabel(c.maxChars).fill("800");
  await addCategory.getByRole("button", { name: c.addCategory }).click();
  await expect(addCategory.getByRole("status")).toHaveText(c.categorySaved);
  await expect(main(page).getByText(`B · 小学中年级组（征文） · ${zh.grades.g3}–${zh.grades.g4}`)).toBeVisible();
  await expect(main(page).getByText(c.categoriesEmpty)).toHaveCount(0);

  // A recommended book.
  await label(page, c.bookTitle).fill("草房子");
  await page.locator("#book-author").fill("曹文轩");
  await page.locator("#book-band").fill("三、四年级");
  await page.locator("#book-note").fill("油麻地小学的童年故事");
  await page.getByRole("button", { name: c.addBook }).click();
  await expect(main(page).getByText(c.bookAdded)).toBeVisible();
  await expect(main(page).getByRole("listitem").filter({ hasText: "《草房子》" })).toContainText("曹文轩");
  await expect(label(page, c.bookTitle)).toHaveValue(""); // ready for the next book

  const publishing = acceptConfirm(page, fill(c.confirm.published, { title }));
  await publish.click();
  await publishing;
  await expect(main(page).getByText(c.status.published, { exact: true })).toBeVisible();
  await expect(main(page).getByRole("link", { name: c.viewPublic })).toHaveAttribute("href", `/campaigns/${slug}`);

  // Anyone, signed out, finds it in the list and opens it.
  await visitor.goto("/campaigns");
  const card = main(visitor).getByRole("link", { name: new RegExp(title) });
  await expect(card).toContainText(c.phaseNow.submission);
  await card.click();
  await expect(visitor).toHaveURL(`/campaigns/${slug}`);
  await expect(visitor.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(main(visitor).getByText("读好书 写心得")).toBeVisible();
  await expect(main(visitor).locator("strong", { hasText: "全县" })).toBeVisible();
  await expect(main(visitor).locator('[aria-current="step"]')).toContainText(c.step.submission);
  const category = categoryCard(visitor, "小学中年级组（征文）");
  await expect(category).toContainText(`${zh.grades.g3}–${zh.grades.g4} · ${c.type.essay}`);
  await expect(category).toContainText("300 至 800 字");
  const books = main(visitor).getByRole("region", { name: c.books });
  await expect(books.getByRole("heading", { name: "三、四年级" })).toBeVisible();
  await expect(books).toContainText("《草房子》曹文轩");

  // Back to draft: the public address is gone again.
  const withdrawing = acceptConfirm(page, fill(c.confirm.draft, { title }));
  await page.getByRole("button", { name: c.to.draft }).click();
  await withdrawing;
  await expect(main(page).getByText(c.status.draft, { exact: true })).toBeVisible();
  await expectNotFound(visitor, `/campaigns/${slug}`);
  await visitor.goto("/campaigns");
  await expect(main(visitor).getByText(title)).toHaveCount(0);
  await visitor.close();
});

test("a bad campaign form is explained beside each field and keeps what was typed", async ({ page }) => {
  await page.goto("/admin/campaigns/new");
  const timeline = { ...openTimeline, submissionClosesAt: beijing(-6) }; // before submissions open
  const slug = uniqueSlug();
  const description = "## 参加办法\n\n1. 先报名";
  await fillCampaign(page, { title: "", theme: "经典浸润人生", slug, description, timeline });
  await page.getByRole("button", { name: c.create }).click();

  const title = label(page, c.fieldTitle);
  await expect(page.locator("#field-title-error")).toHaveText(zh.errors.required);
  await expect(title).toHaveAttribute("aria-invalid", "true");
  await expect(title).toHaveAttribute("aria-describedby", /field-title-error/);
  await expect(page.locator("#field-submissionClosesAt-error")).toHaveText(c.timelineOrder);
  await expect(label(page, c.phase.submissionClosesAt)).toHaveAttribute("aria-invalid", "true");
  await expect(main(page).getByRole("alert")).toHaveText(zh.errors.formHasErrors);
  await expect(page.locator('[aria-invalid="true"]')).toHaveCount(2);
  await expect(page).toHaveURL("/admin/campaigns/new");

  await expect(page.locator("#field-theme")).toHaveValue("经典浸润人生");
  await expect(label(page, c.fieldSlug)).toHaveValue(slug);
  await expect(label(page, c.fieldDescription)).toHaveValue(description);
  for (const [name, value] of Object.entries(timeline)) await expect(label(page, c.phase[name as keyof typeof c.phase])).toHaveValue(value);

  // Correcting both saves the campaign.
  await title.fill("改正后的活动");
  await label(page, c.phase.submissionClosesAt).fill(openTimeline.submissionClosesAt);
  await page.getByRole("button", { name: c.create }).click();
  await expect(page).toHaveURL(/\/admin\/campaigns\/\d+\?created=1$/);
});

test("an empty date or a bad address name is flagged beside the field, not as an unexpected error", async ({ page }) => {
  await page.goto("/admin/campaigns/new");
  await fillCampaign(page, { title: "日期没填的活动", slug: "Yan Zhao", timeline: { ...openTimeline, judgingEndsAt: "" } });
  await page.getByRole("button", { name: c.create }).click();
  await expect(main(page).getByRole("alert")).toHaveText(zh.errors.formHasErrors);
  await expect(page.locator("#field-judgingEndsAt-error")).toHaveText(zh.errors.required);
  await expect(page.locator("#field-slug-error")).toHaveText(c.slugFormat);
  await expect(label(page, c.fieldTitle)).toHaveValue("日期没填的活动");
});

test.describe("as a teacher", () => {
  test.use({ role: "teacher" });
  // The teacher may sign in for the first time here (email, mailbox, link) within this test's time.
  test.describe.configure({ timeout: 120_000 });

  test("a teacher opening the campaign admin gets the 403 page; a visitor is sent to sign in", async ({ page, browser, baseURL }) => {
    for (const path of ["/admin/campaigns", "/admin/campaigns/new", "/admin/campaigns/1"]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(403);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(zh.forbidden.title);
      await expect(page.getByText(zh.forbidden.body)).toBeVisible();
      await expect(main(page).getByRole("button", { name: c.to.published })).toHaveCount(0);
    }
    const visitor = await visitorPage(browser, baseURL);
    await visitor.goto("/admin/campaigns/new");
    // The staff area's own guard answers first, so the way back is the area (as in e2e/access).
    await expect(visitor).toHaveURL(/\/signin\?callbackUrl=%2Fadmin(%2Fcampaigns%2Fnew)?$/);
    await expect(visitor.getByRole("heading", { level: 1 })).toHaveText(zh.auth.signInTitle);
    await visitor.close();
  });
});
