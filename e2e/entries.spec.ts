// Entries as pupils and teachers make them: a pupil writes an essay from draft to the emailed
// code, an expired session costs no text, and a teacher uploads a drawing for a pupil.
// The suite shares one database across specs and retries, so each test copes with an entry that
// an earlier run left behind, and the teacher's test makes a pupil of its own.
import type { Page } from "@playwright/test";
import { accounts, expect, newestMailTo, pupilForm, signInWithMagicLink, test } from "./fixtures/auth";
import { fill, zh } from "./fixtures/i18n";
import { tinyPng } from "./fixtures/png";

/** The demo campaign's categories (db/seed-campaigns.ts). */
const essayCategory = "小学高年级组（征文）"; // B: grades 4–6, 400–1200 characters
const drawingCategory = "小学低年级组（绘画）"; // A: grades 1–3
/** xiaoming's guardian (db/seed-classes.ts), who gets his receipts. */
const xiaomingGuardian = "zhang.jianguo@example.test";
/** The second demo school's coordinator (db/seed-classes.ts). */
const otherSchoolCoordinator = "school2@shuxiang.test";

const f = zh.entries.form;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** 13 characters as Chinese teachers count them: 9 characters and 4 punctuation marks. */
const sentence = "我读了《草房子》，很感动。";
const shortEssay = sentence.repeat(2); // 26
// 35 sentences in 5 paragraphs: 455 characters (blank lines count nothing).
const essay = Array.from({ length: 5 }, () => sentence.repeat(7)).join("\n\n");

const heading = (page: Page) => page.getByRole("heading", { level: 1 });

/** Opens a category from a list of entry slots (/me/entries or a teacher's pupil page). */
async function openCategory(page: Page, name: string) {
  const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name, exact: true }) });
  await card.getByRole("link", { name: new RegExp(`: ${escape(name)}$`) }).click();
  await expect(heading(page)).toHaveText(name);
}

/** An earlier run may have submitted the entry already: take it back so the journey starts from a draft. */
async function withdrawIfSubmitted(page: Page) {
  const withdraw = page.getByRole("button", { name: f.withdraw, exact: true });
  if ((await withdraw.count()) === 0) return;
  await withdraw.click();
  await page.getByRole("button", { name: f.withdrawYes }).click();
  await expect(page.locator("main header").getByText(zh.entries.status.withdrawn, { exact: true })).toBeVisible();
  await expect(page.getByText(f.withdrawnNote)).toBeVisible();
  await expect(page.getByRole("button", { name: f.saveDraft })).toBeVisible();
}

/** The form's outcome line after a save ("草稿已保存。", "作品已提交，编号 …"). */
const saved = (page: Page, text: string | RegExp) => page.getByRole("status").filter({ hasText: text });

test.describe("a pupil's essay", () => {
  test.use({ role: "student" });

  test("write, save a draft, reload, submit; the code is on the page and in the guardian's email", async ({ page }) => {
    await page.goto("/me");
    await page.getByRole("main").getByRole("link", { name: zh.entries.title }).click();
    await expect(page).toHaveURL("/me/entries");
    await expect(heading(page)).toHaveText(zh.entries.title);
    await openCategory(page, essayCategory);
    await withdrawIfSubmitted(page);

    const title = page.getByLabel(f.title, { exact: true });
    const book = page.getByLabel(f.bookTitle, { exact: true });
    const author = page.getByLabel(new RegExp(`^${escape(f.bookAuthor)}`));
    const body = page.getByLabel(f.body, { exact: true });
    const count = (n: number) => page.getByText(fill(f.count, { count: n }), { exact: true });

    await title.fill("读《草房子》有感");
    await book.fill("草房子");
    await author.fill("曹文轩");

    // The count follows the typing, and says how far the essay is from the limit.
    await body.fill(shortEssay);
    await expect(count(26)).toBeVisible();
    await expect(page.getByText(fill(f.shortBy, { n: 400 - 26 }))).toBeVisible();

    // Submitting it too short: the message sits with the text field, and nothing typed is lost.
    await page.getByRole("button", { name: f.submit }).click();
    const tooShort = fill(zh.entries.errors.bodyTooShort, { min: 400, count: 26 });
    await expect(page.getByText(tooShort)).toBeVisible();
    await expect(body).toHaveAccessibleDescription(new RegExp(escape(tooShort)));
    await expect(body).toHaveValue(shortEssay);
    await expect(title).toHaveValue("读《草房子》有感");
    await expect(book).toHaveValue("草房子");

    await body.fill(essay);
    await expect(count(455)).toBeVisible();
    await expect(page.getByText(fill(f.shortBy, { n: 400 - 26 }))).toHaveCount(0);

    await page.getByRole("button", { name: f.saveDraft }).click();
    await expect(saved(page, f.draftSaved)).toBeVisible();
    await page.reload();
    await expect(body).toHaveValue(essay);
    await expect(title).toHaveValue("读《草房子》有感");
    await expect(author).toHaveValue("曹文轩");
    await expect(count(455)).toBeVisible();
    await expect(page.locator("main header").getByText(zh.entries.status.draft, { exact: true })).toBeVisible();

    await page.getByRole("button", { name: f.submit }).click();
    const done = saved(page, /\d{4}-YZ-B-\d{5}/);
    await expect(done).toBeVisible();
    const code = /\d{4}-YZ-B-\d{5}/.exec((await done.textContent()) ?? "")![0];
    expect(code).toMatch(/^2026-YZ-B-\d{5}$/);

    // After a reload the entry shows as submitted with its code, here and in the list.
    await page.reload();
    await expect(page.locator("main header").getByText(zh.entries.status.submitted, { exact: true })).toBeVisible();
    await expect(page.locator("main header").getByText(code)).toBeVisible();
    await expect(page.getByRole("button", { name: f.saveChanges })).toBeVisible();
    await page.goto("/me/entries");
    const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: essayCategory, exact: true }) });
    await expect(card.getByText(code)).toBeVisible();
    await expect(card.getByText(zh.entries.status.submitted, { exact: true })).toBeVisible();

    // The receipt went to the guardian, with the code. (A resubmission after a withdrawal keeps
    // the code and sends no second receipt, so look for the message by its code.)
    await page.goto("/dev/mailbox");
    const receipt = page.locator('main li a[href^="/dev/mailbox/"]').filter({ hasText: code }).filter({ hasText: `${xiaomingGuardian} ·` });
    await expect(receipt).toHaveCount(1);
    await receipt.click();
    await expect(page.getByTestId("mail-to")).toHaveText(xiaomingGuardian);
    await expect(heading(page)).toHaveText(fill(zh.entries.email.subject, { code }));
    await expect(page.frameLocator("iframe").getByText(code, { exact: true })).toBeVisible();
  });

  test("an expired session loses nothing: the form keeps the text, and it comes back after signing in", async ({ page, context }) => {
    await page.goto("/me/entries");
    await openCategory(page, essayCategory);
    const entryPath = new URL(page.url()).pathname;
    const body = page.getByLabel(f.body, { exact: true });
    const title = page.getByLabel(f.title, { exact: true });
    const marker = `没来得及保存的一句话${Date.now()}。`;
    const typed = [await body.inputValue(), marker].filter(Boolean).join("\n");
    await title.fill(`新的题目${Date.now() % 1000}`);
    const typedTitle = await title.inputValue();
    await body.fill(typed);

    // The session ends (cookies gone, as after a long break or on another day), then the pupil saves.
    await context.clearCookies();
    await page.getByRole("button", { name: new RegExp(`^(${escape(f.saveDraft)}|${escape(f.saveChanges)})$`) }).click();
    const signedOut = page.getByRole("alert").filter({ hasText: f.signedOut });
    await expect(signedOut).toBeVisible();
    await expect(body).toHaveValue(typed);
    await expect(title).toHaveValue(typedTitle);

    // Signing in again leads back to the form, and the unsaved text is there.
    await signedOut.getByRole("link", { name: f.signInAgain }).click();
    await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
    const form = pupilForm(page);
    await form.getByLabel(zh.auth.usernameLabel).fill(accounts.student.username);
    await form.getByLabel(zh.auth.passwordLabel).fill(accounts.student.password);
    await form.getByRole("button", { name: zh.auth.signInButton }).click();
    await expect(page).toHaveURL(entryPath);
    await expect(page.getByRole("status").filter({ hasText: f.restored })).toBeVisible();
    await expect(body).toHaveValue(typed);
    await expect(title).toHaveValue(typedTitle);

    // It is kept on the device, not only in the open page: a fresh visit brings it back too.
    await page.goto("/me/entries");
    await openCategory(page, essayCategory);
    await expect(page.getByRole("status").filter({ hasText: f.restored })).toBeVisible();
    await expect(body).toHaveValue(typed);
  });
});

test.describe("a teacher's drawing for a pupil", () => {
  test.use({ role: "teacher" });

  test("upload for a grade-2 pupil: a text file named .png is refused, a PNG is submitted and opens", async ({ page, playwright, baseURL, browser, pageAs }) => {
    test.setTimeout(120_000);
    const n = Date.now() % 100_000;
    const pupilName = `林画画${n}`;
    const guardian = `drawing-${n}@example.test`;

    // A class and pupil of the teacher's own, so no earlier run's entry is in the way.
    await page.goto("/school");
    await page.getByLabel(zh.classes.grade).selectOption("2");
    await page.getByLabel(zh.classes.name, { exact: true }).fill(`美术${n}班`);
    await page.getByRole("button", { name: zh.classes.create }).click();
    await expect(page).toHaveURL(/\/school\/classes\/\d+$/);
    const add = page.getByRole("region", { name: zh.pupils.addTitle });
    await add.getByLabel(zh.pupils.name, { exact: true }).fill(pupilName);
    await add.getByLabel(zh.pupils.guardianName, { exact: true }).fill("林家长");
    await add.getByLabel(zh.pupils.guardianEmail, { exact: true }).fill(guardian);
    await add.getByRole("button", { name: zh.pupils.add }).click();
    await expect(add.getByText(fill(zh.pupils.added, { name: pupilName }))).toBeVisible();

    // Under 14: the guardian's paper form is recorded first, then the entries button is there.
    await page.getByTestId("roster").getByRole("link", { name: pupilName }).click();
    await expect(heading(page)).toHaveText(pupilName);
    await page.getByRole("button", { name: zh.consent.paperRecord }).click();
    await expect(page.getByText(zh.consent.state.given, { exact: true })).toBeVisible();
    await page.getByRole("link", { name: zh.entries.forPupil }).click();
    await expect(page).toHaveURL(/\/school\/pupils\/[^/]+\/entries$/);
    const pupilEntries = new URL(page.url()).pathname;
    await expect(heading(page)).toHaveText(fill(zh.entries.pupilTitle, { name: pupilName }));
    await openCategory(page, drawingCategory);

    const title = page.getByLabel(f.title, { exact: true });
    const statement = page.getByLabel(f.statement, { exact: true });
    const file = page.getByLabel(f.file, { exact: true });
    await title.fill("我心中的图书馆");
    await statement.fill("我画了村里的小图书馆，大家都在里面看书。");

    // A text file with a picture's name: refused by its content, next to the file field.
    await file.setInputFiles({ name: "我的画.png", mimeType: "image/png", buffer: Buffer.from("这不是图片，只是一段文字。\n") });
    await page.getByRole("button", { name: f.submit }).click();
    await expect(page.getByText(zh.errors.fileType)).toBeVisible();
    await expect(file).toHaveAccessibleDescription(new RegExp(escape(zh.errors.fileType)));
    await expect(title).toHaveValue("我心中的图书馆");
    await expect(statement).toHaveValue("我画了村里的小图书馆，大家都在里面看书。");
    await expect(page.locator("main header").getByText(zh.entries.status.none, { exact: true })).toBeVisible();

    const png = tinyPng();
    await file.setInputFiles({ name: "我的画.png", mimeType: "image/png", buffer: png });
    await page.getByRole("button", { name: f.submit }).click();
    const done = saved(page, /\d{4}-YZ-A-\d{5}/);
    await expect(done).toBeVisible();
    const code = /\d{4}-YZ-A-\d{5}/.exec((await done.textContent()) ?? "")![0];

    // The file opens through its link for the teacher, as the PNG that was sent.
    await page.reload();
    await expect(page.locator("main header").getByText(code)).toBeVisible();
    const href = await page.getByRole("link", { name: f.openFile }).getAttribute("href");
    expect(href).toMatch(/^\/entries\/\d+\/file$/);
    const response = await page.request.get(href!);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("image/png");
    expect(Buffer.compare(await response.body(), png)).toBe(0);

    // Nobody signed out can fetch it.
    // (An explicit empty state: otherwise the new context would take this test's signed-in one.)
    const anonymous = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
    expect((await anonymous.get(href!, { maxRedirects: 0 })).status()).toBe(404);
    await anonymous.dispose();

    // Another pupil finds neither the file nor the teacher's pages; another school's
    // coordinator finds nothing at all (not found, as for what does not exist).
    const pupil = await pageAs("student");
    expect((await pupil.request.get(href!, { maxRedirects: 0 })).status()).toBe(404);
    expect((await pupil.goto(pupilEntries))?.status()).toBe(403);
    const otherContext = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
    try {
      const other = await otherContext.newPage();
      await signInWithMagicLink(other, otherSchoolCoordinator);
      expect((await other.request.get(href!, { maxRedirects: 0 })).status()).toBe(404);
      for (const path of [pupilEntries, new URL(page.url()).pathname]) {
        expect((await other.goto(path))?.status(), path).toBe(404);
        await expect(heading(other)).toHaveText(zh.notFound.title);
        await expect(other.locator("main")).not.toContainText(pupilName);
      }
    } finally {
      await otherContext.close();
    }

    // The guardian's receipt carries the code.
    const mail = await newestMailTo(page, guardian);
    expect(mail, `a receipt to ${guardian}`).not.toBeNull();
    await page.goto(mail!.href);
    await expect(heading(page)).toHaveText(fill(zh.entries.email.subject, { code }));
  });
});
