// Results as staff, the public and a school meet them, on last year's demo campaign (db/seed-judging.ts:
// judged, computed and published on the results day, with no email sent). Staff compute again,
// move one entry up to merit with a reason and publish; the public list shows masked names and
// marks the correction; the entry's certificate code verifies; the coordinator's email lists the
// school's awards, and the school prints the same certificates.
import AxeBuilder from "@axe-core/playwright";
import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./fixtures/auth";
import { fill, pattern, zh } from "./fixtures/i18n";
import { maskName } from "../lib/judging/mask";

const year = new Date().getFullYear() - 1;
const slug = `yanzhao-${year}`;
const title = `${year} 燕赵少年读书活动`;
const t = zh.results;
const tier = zh.resultsEmail.tier;
const coordinatorSchool = "滦南县第一实验小学";

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"]).analyze();
  return results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(" ")).slice(0, 5) }));
}

/** The staff results page of last year's campaign, found from the campaign list as staff find it. */
async function openResults(page: Page): Promise<string> {
  await page.goto("/admin/campaigns");
  const href = (await page.getByRole("link", { name: title, exact: true }).getAttribute("href"))!;
  await page.goto(`${href}/judging/results`);
  await expect(page.getByRole("heading", { level: 2, name: t.admin.heading })).toBeVisible();
  return `${href}/judging/results`;
}

/** A category's entry rows (each is followed by a row with why it ranks there and the move form). */
const mainRows = (section: Locator) => section.locator("tbody tr:has(> td:nth-child(8))");

function entryRows(section: Locator, code: string) {
  const main = mainRows(section).filter({ hasText: code });
  return { main, why: main.locator("xpath=following-sibling::tr[1]") };
}

test("staff compute, move an entry with a reason and publish; the public list is masked; a certificate verifies; the school is told and prints", async ({ pageAs, page: visitor }) => {
  const staff = await pageAs("staff");
  staff.on("dialog", (d) => d.accept());
  const resultsUrl = await openResults(staff);
  await expect(staff.getByText(pattern(t.admin.publishedAt))).toBeVisible();

  // Computing again after publication asks first (accepted above) and changes nothing here.
  await staff.getByRole("button", { name: t.compute.button }).click();
  await expect(staff.getByRole("status").filter({ hasText: pattern(t.compute.done) })).toBeVisible();

  // The first entry of the drawings without an award, moved up to merit.
  const section = staff.getByRole("region", { name: /^A · / });
  const none = mainRows(section)
    .filter({ has: staff.locator("td:nth-child(8)", { hasText: tier.none }) })
    .first();
  const code = (await none.locator("td:nth-child(2) span.font-mono").textContent())!.trim();
  const fullName = (await none.locator("td:nth-child(3) span").first().textContent())!.trim();
  const { main, why } = entryRows(section, code);
  await why.getByText(t.admin.why).click();
  await expect(why.getByText(pattern(t.admin.judgeTotals))).toBeVisible();
  // The reason is required: an empty one is refused next to the field.
  await why.getByLabel(t.move.tier).selectOption({ label: tier.merit });
  await why.getByRole("button", { name: t.move.button }).click();
  await expect(why.getByText(zh.errors.required)).toBeVisible();
  await why.getByLabel(t.move.reason).fill("评委复议：构图新颖，补评优秀奖");
  await why.getByRole("button", { name: t.move.button }).click();
  await expect(why.getByRole("status")).toHaveText(t.move.saved);
  await staff.reload();
  await expect(main.getByText(t.admin.moved, { exact: true })).toBeVisible();
  await expect(main.getByText(t.admin.corrected, { exact: true })).toBeVisible();
  await expect(main.locator("td:nth-child(8)")).toContainText(tier.merit);

  // Publishing again sends what was never sent (the seed sent nothing); a second time, nothing.
  await staff.getByRole("button", { name: t.publish.again }).click();
  const done = staff.getByRole("status").filter({ hasText: pattern(t.publish.done) });
  await expect(done).toBeVisible();
  expect(Number(/(\d+) 封邮件/.exec((await done.textContent())!)![1])).toBeGreaterThan(0);
  await staff.reload();
  await staff.getByRole("button", { name: t.publish.again }).click();
  await expect(staff.getByRole("status").filter({ hasText: pattern(t.publish.done) })).toContainText("，0 封邮件");

  // The moved entry now has a certificate; its code is on the staff page.
  await staff.goto(resultsUrl);
  await entryRows(section, code).why.getByText(t.admin.why).click();
  const certificate = (await entryRows(section, code).why.locator('a[href^="/certificates/"]').textContent())!.trim();
  expect(certificate).toMatch(/^[A-Z0-9]{10}$/);
  expect(await seriousViolations(staff)).toEqual([]);

  // The campaign page links to the awards; names are masked, the full name is nowhere.
  await visitor.goto(`/campaigns/${slug}`);
  await visitor.getByRole("link", { name: t.public.campaignLink }).click();
  await expect(visitor).toHaveURL(`/campaigns/${slug}/results`);
  const list = visitor.locator("main");
  const masked = maskName(fullName);
  await expect(list.locator("li").filter({ hasText: masked }).filter({ hasText: t.public.corrected }).first()).toBeVisible();
  expect(await list.textContent()).not.toContain(fullName);
  const names = await list.locator("li span.font-medium").allTextContents();
  expect(names.length).toBeGreaterThan(5);
  for (const n of names) expect(n.replace(t.public.corrected, "").trim()).toMatch(/^\p{Script=Han}\*+\p{Script=Han}?$/u);
  const schoolTitles = (await list.locator("li").filter({ hasText: coordinatorSchool }).locator(":scope > span:nth-child(3)").allTextContents()).map((s) => s.replace(/[《》]/g, ""));
  expect(schoolTitles.length).toBeGreaterThan(0);
  expect(await seriousViolations(visitor)).toEqual([]);

  // Anyone can check the certificate; an unknown code is a clear 404.
  await visitor.goto(`/certificates/${certificate}`);
  await expect(visitor.getByRole("status")).toContainText(fill(t.verify.genuine, { library: "滦南县图书馆" }));
  await expect(visitor.locator("main")).toContainText(masked);
  await expect(visitor.locator("main")).toContainText(tier.merit);
  expect(await visitor.locator("main").textContent()).not.toContain(fullName);
  expect(await seriousViolations(visitor)).toEqual([]);
  const missing = await visitor.goto("/certificates/ZZZZZZZZZZ");
  expect(missing!.status()).toBe(404);
  await expect(visitor.getByRole("heading", { level: 1 })).toHaveText(t.verify.notFoundTitle);
  // The print view with the full name needs a signed-in pupil, teacher or staff member.
  await visitor.goto(`/certificates/${certificate}/print`);
  await expect(visitor).toHaveURL(/\/signin\?callbackUrl=/);
  await staff.goto(`/certificates/${certificate}/print`);
  await expect(staff.locator(".cert")).toContainText(fullName);
  await expect(staff.locator(".cert img")).toHaveAttribute("src", /^data:image\/svg\+xml;base64,/);

  // The coordinator's email lists the school's awards, with a link to print them all.
  const coordinator = await pageAs("coordinator");
  await coordinator.goto("/dev/mailbox");
  await coordinator
    .locator('main li a[href^="/dev/mailbox/"]')
    .filter({ hasText: fill(zh.resultsEmail.school.subject, { campaign: title }) })
    .filter({ hasText: "coordinator@shuxiang.test ·" })
    .first()
    .click();
  const mail = coordinator.frameLocator("main iframe").locator("body");
  await expect(mail).toContainText(fill(zh.resultsEmail.school.body, { school: coordinatorSchool, campaign: title, count: schoolTitles.length }));
  for (const entryTitle of schoolTitles) await expect(mail).toContainText(entryTitle);
  await expect(coordinator.getByTestId("mail-link").filter({ hasText: "/school/certificates?campaign=" })).toBeVisible();

  // The school prints the same awards, one certificate per sheet.
  await coordinator.goto("/school/certificates");
  await coordinator.getByRole("link", { name: new RegExp(title) }).click();
  await expect(coordinator.getByText(fill(t.school.count, { count: schoolTitles.length, campaign: title }))).toBeVisible();
  await expect(coordinator.locator(".cert")).toHaveCount(schoolTitles.length);
  await expect(coordinator.getByRole("button", { name: fill(t.school.print, { count: schoolTitles.length }) })).toBeVisible();
});

test("this year's results are not published: the public page says when they will be", async ({ page }) => {
  const current = new Date().getFullYear();
  await page.goto(`/campaigns/yanzhao-${current}`);
  await expect(page.getByRole("link", { name: t.public.campaignLink })).toHaveCount(0);
  await page.goto(`/campaigns/yanzhao-${current}/results`);
  await expect(page.locator("main")).toContainText(pattern(t.public.notYet));
});
