// A donor pledges books on a drive page, opens the link from the confirmation, and changes the
// pledge there: the form opens filled in, an error keeps what was typed, a saved change shows the
// new books (with the over-pledge note), sends a new confirmation and moves the drive's totals.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures/auth";
import { fill, pattern, zh } from "./fixtures/i18n";

const d = zh.drives;
const f = d.form;
const DRIVE = "为宋道口镇杜土村农家书屋募书";

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"]).analyze();
  return results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(" ")).slice(0, 5) }));
}

/** The drive page's overall "pledged" total (its first progress bar, which also says what was received). */
async function pledgedTotal(page: Page): Promise<number> {
  const text = await page.getByText(pattern(d.pledgedOf)).first().textContent();
  const [before] = d.pledgedOf.split("{pledged}");
  return Number(new RegExp(`${before}(\\d+)`).exec(text ?? "")![1]);
}

test("a donor changes a pledge through its link, and the drive page counts the change", async ({ page }) => {
  const email = `changer-${Date.now().toString(36)}@example.test`;
  await page.goto("/drives");
  await page.getByRole("link", { name: DRIVE }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(DRIVE);
  const before = await pledgedTotal(page);

  // Pledge three picture books.
  const pledge = page.locator("section", { has: page.getByRole("heading", { name: f.heading }) });
  await pledge.getByLabel(fill(f.count, { category: "绘本" })).fill("3");
  await pledge.getByLabel(f.name, { exact: true }).fill("周晓梅");
  await pledge.getByLabel(f.email).fill(email);
  await pledge.getByRole("button", { name: f.submit }).click();
  await expect(pledge.getByRole("status")).toContainText(pattern(f.done));
  await pledge.getByRole("link", { name: f.manage }).click();

  // The change form opens with the pledge filled in.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(d.manage.title);
  const change = page.locator("section", { has: page.getByRole("heading", { name: d.manage.change }) });
  const picture = change.getByLabel(fill(f.count, { category: "绘本" }));
  const children = change.getByLabel(fill(f.count, { category: "儿童文学" }));
  await expect(picture).toHaveValue("3");
  await expect(children).toHaveValue("");
  await expect(change.getByLabel(f.name, { exact: true })).toHaveValue("周晓梅");
  await expect(change.getByLabel(f.email)).toHaveValue(email);
  await expect(change.getByLabel(pattern(f.dropoff))).toBeChecked();

  // An error (no name, not anonymous) keeps everything typed.
  await picture.fill("150");
  await children.fill("2");
  await change.getByLabel(f.name, { exact: true }).fill("");
  await change.getByRole("button", { name: d.manage.save }).click();
  await expect(change.getByText(d.nameOrAnonymous)).toBeVisible();
  await expect(picture).toHaveValue("150");
  await expect(children).toHaveValue("2");
  await expect(change.getByLabel(f.email)).toHaveValue(email);
  expect(await seriousViolations(page)).toEqual([]);

  // Saved: the new books are listed; 150 picture books go past what is still needed (noted, accepted).
  await change.getByLabel(f.name, { exact: true }).fill("周晓梅");
  await change.getByRole("button", { name: d.manage.save }).click();
  const status = change.getByRole("status");
  await expect(status).toContainText(d.manage.changed);
  await expect(status).toContainText(fill(d.overNote, { categories: "绘本" }));
  await expect(page.getByText(fill(d.manage.line, { category: "绘本", count: 150 }))).toBeVisible();
  await expect(page.getByText(fill(d.manage.line, { category: "儿童文学", count: 2 }))).toBeVisible();
  await expect(picture).toHaveValue("150");

  // A new confirmation went out.
  const manageUrl = page.url();
  await page.goto("/dev/mailbox");
  await expect(page.locator("main li a").filter({ hasText: `${email} ·` }).filter({ hasText: fill(d.email.changed.subject, { drive: DRIVE }) })).toHaveCount(1);

  // The drive page counts the changed pledge at once: 150 + 2 books instead of 3.
  await page.goto("/drives");
  await page.getByRole("link", { name: DRIVE }).click();
  expect(await pledgedTotal(page)).toBe(before + 152);

  // Once cancelled, the pledge can no longer be changed.
  await page.goto(manageUrl);
  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("button", { name: d.manage.cancel }).click();
  await expect(page.getByText(fill(d.manage.status, { status: d.manage.statuses.cancelled }))).toBeVisible();
  await expect(page.getByRole("heading", { name: d.manage.change })).toHaveCount(0);
  await page.goto("/drives");
  await page.getByRole("link", { name: DRIVE }).click();
  expect(await pledgedTotal(page)).toBe(before);
});
