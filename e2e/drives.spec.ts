// A book drive as people use it: a visitor pledges 20 picture books for drop-off and gets the
// confirmation; staff find the pledge by its code at the desk and record 18 accepted and 2
// declined; the public page shows the new totals and the donor's thank-you lists 18.
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures/auth";
import { fill, pattern, zh } from "./fixtures/i18n";

const dr = zh.drives;
const da = zh.drivesAdmin;
const TITLE = "为方各庄镇东万坨村农家书屋募书";
const DRIVE = `/drives/dongwantuo-${new Date().getFullYear()}`;

/** The received and pledged counts the public page shows for one need-list line. */
async function categoryFigures(page: Page, category: string) {
  await page.goto(DRIVE);
  const line = page.locator("#progress-heading ~ ul > li").filter({ has: page.getByText(category, { exact: true }) });
  const text = (await line.textContent()) ?? "";
  const received = new RegExp(fill(dr.receivedOf, { received: "(\\d+)", target: "\\d+" })).exec(text);
  const pledged = new RegExp(fill(dr.pledgedOf, { pledged: "(\\d+)", target: "\\d+" })).exec(text);
  return { received: Number(received![1]), pledged: Number(pledged![1]) };
}

async function openMail(page: Page, to: string, subject: string) {
  await page.goto("/dev/mailbox");
  await page.locator("main li a").filter({ hasText: `${to} ·` }).filter({ hasText: subject }).click();
  await expect(page.getByTestId("mail-to")).toHaveText(to);
  return page.frameLocator("iframe");
}

test.describe("a book drive", () => {
  test.use({ role: "staff" });

  test("a visitor pledges 20 picture books; staff accept 18 and decline 2; totals and the thank-you follow", async ({ page, browser, baseURL }) => {
    const visitor = await browser.newPage({ baseURL, storageState: { cookies: [], origins: [] } });
    const before = await categoryFigures(visitor, "绘本");
    const email = `donor-${Date.now().toString(36)}@example.test`;

    // The pledge, without an account.
    const form = visitor.locator("section", { has: visitor.getByRole("heading", { name: dr.form.heading }) });
    await form.getByLabel(fill(dr.form.count, { category: "绘本" })).fill("20");
    await form.getByLabel(dr.form.name, { exact: true }).fill("赵春梅");
    await form.getByLabel(dr.form.email).fill(email);
    await form.getByRole("button", { name: dr.form.submit }).click();
    const status = form.getByRole("status");
    await expect(status).toContainText(pattern(dr.form.done));
    const code = /\b([A-Z0-9]{8})\b/.exec((await status.textContent()) ?? "")![1]!;
    expect((await categoryFigures(visitor, "绘本")).pledged).toBe(before.pledged + 20);

    // The confirmation carries the code and the library's address for drop-off.
    const confirmation = await openMail(visitor, email, fill(dr.email.pledged.subject, { drive: TITLE }));
    await expect(confirmation.getByText(fill(dr.email.code, { code }))).toBeVisible();
    await expect(confirmation.getByText(fill(dr.email.line, { category: "绘本", count: 20 }))).toBeVisible();

    // Staff find the pledge by its code and record what arrived.
    await page.goto("/admin/drives");
    await page.getByRole("link", { name: TITLE }).click();
    await page.getByRole("link", { name: da.tabs.pledges }).click();
    await page.getByLabel(da.search).fill(code);
    await page.getByRole("button", { name: da.find }).click();
    await page.getByRole("link", { name: fill(da.openFound, { code }) }).click();
    await expect(page.getByRole("heading", { name: code })).toBeVisible();
    const picture = page.getByRole("group", { name: /^绘本/ });
    await expect(picture.getByLabel(da.fig.accepted)).toHaveValue("20");
    await picture.getByLabel(da.fig.accepted).fill("18");
    await picture.getByLabel(da.fig.declined, { exact: true }).fill("2");
    await picture.getByLabel(da.col.reason).fill("破损");
    await page.getByRole("button", { name: da.recordIntake }).click();
    await expect(page.getByRole("status")).toHaveText(fill(da.intakeDone, { accepted: 18, declined: 2 }));
    await expect(page.getByText(da.status.received, { exact: true })).toBeVisible();

    // The public page counts them, and the donor is thanked for 18 — and only 18.
    const after = await categoryFigures(visitor, "绘本");
    expect(after.received).toBe(before.received + 18);
    expect(after.pledged).toBe(before.pledged + 20);
    const thanks = await openMail(visitor, email, fill(dr.email.thanks.subject, { drive: TITLE }));
    await expect(thanks.getByText(fill(dr.email.line, { category: "绘本", count: 18 }))).toBeVisible();
    await expect(thanks.getByText(fill(dr.email.line, { category: "绘本", count: 20 }))).toHaveCount(0);
    await visitor.close();
  });

  test("staff record a walk-in donation and a delivery; the donor is thanked and the public timeline shows it", async ({ page }) => {
    const dutu = "为宋道口镇杜土村农家书屋募书";
    const email = `walkin-${Date.now().toString(36)}@example.test`;
    const keeper = `杜土村书屋管理员 ${Date.now().toString(36)}`;
    await page.goto("/admin/drives");
    await page.getByRole("link", { name: dutu }).click();
    await page.getByRole("link", { name: da.tabs.walkIn }).click();
    await page.getByLabel(da.donorName).fill("刘桂芝");
    await page.getByLabel(da.donorEmail).fill(email);
    await page.getByRole("group", { name: "绘本" }).getByLabel(da.fig.accepted).fill("5");
    await page.getByRole("button", { name: da.recordIntake }).click();
    await expect(page.getByRole("status")).toHaveText(fill(da.intakeDone, { accepted: 5, declined: 0 }));

    await page.getByRole("link", { name: da.tabs.deliveries }).click();
    await page.getByLabel(da.col.receivedBy).fill(keeper);
    await page.getByLabel("绘本").fill("3");
    await page.getByRole("button", { name: da.recordDelivery }).click();
    await expect(page.getByRole("status")).toHaveText(pattern(da.deliveryDone));
    await expect(page.getByText(fill(da.receivedByLine, { name: keeper }))).toBeVisible();

    // The public timeline, and one delivery note to the walk-in donor after the thank-you.
    await page.goto((await page.getByRole("link", { name: da.publicPage }).getAttribute("href"))!);
    await expect(page.locator("#deliveries-heading ~ ol li").filter({ hasText: keeper })).toContainText("3");
    const thanks = await openMail(page, email, fill(dr.email.thanks.subject, { drive: dutu }));
    await expect(thanks.getByText(fill(dr.email.line, { category: "绘本", count: 5 }))).toBeVisible();
    await openMail(page, email, fill(dr.email.delivered.subject, { drive: dutu }));
  });

  test("staff see the figures by category and school, and export them", async ({ page }) => {
    await page.goto("/admin/drives");
    await page.getByRole("link", { name: TITLE }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(TITLE);
    await expect(page.getByRole("heading", { name: da.byCategory })).toBeVisible();
    await expect(page.getByRole("cell", { name: "滦南县第一实验小学" })).toBeVisible();
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: da.exportCsv }).click();
    const csv = await (await download).path().then((p) => import("node:fs").then((fs) => fs.readFileSync(p!, "utf8")));
    expect(csv).toContain(da.fig.category);
    expect(csv).toContain("绘本");
  });

  test("a drive needs a need-list before it is published, and the new line shows on the public page", async ({ page }) => {
    const slug = `e2e-${Date.now().toString(36)}`;
    await page.goto("/admin/drives/new");
    await page.getByLabel(da.titleField).fill("为杜土村小学阅览室募书");
    await page.getByLabel(da.slug).fill(slug);
    await page.getByLabel(da.village).fill("杜土村");
    await page.getByLabel(da.startsOn).fill("2026-11-01");
    await page.getByLabel(da.endsOn).fill("2030-12-31");
    await page.getByRole("button", { name: da.save }).click();
    await expect(page.getByRole("heading", { name: da.needList })).toBeVisible();

    await page.getByRole("link", { name: da.tabs.overview }).click();
    await page.getByRole("button", { name: da.publish }).click();
    await expect(page.getByText(da.needListFirst)).toBeVisible();

    await page.getByRole("link", { name: da.tabs.edit }).click();
    await page.getByLabel(da.categoryName).fill("科普读物");
    await page.getByLabel(da.fig.target).fill("60");
    await page.getByLabel(da.notWelcome).fill("教材教辅");
    await page.getByRole("button", { name: da.addCategory }).click();
    await expect(page.getByText(fill(da.needListTotal, { n: 60 }))).toBeVisible();

    await page.getByRole("link", { name: da.tabs.overview }).click();
    await page.getByRole("button", { name: da.publish }).click();
    await expect(page.getByText(da.stateOpen)).toBeVisible();
    await page.goto(`/drives/${slug}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("为杜土村小学阅览室募书");
    await expect(page.getByText(fill(dr.notWelcome, { text: "教材教辅" }))).toBeVisible();
  });
});
