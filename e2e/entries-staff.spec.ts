// Staff find entries with the filters and export what they found. The demo data holds a few
// dozen submitted entries and some drafts across the demo campaign's categories.
import { readFile } from "node:fs/promises";
import { expect, test } from "./fixtures/auth";
import { zh } from "./fixtures/i18n";

test.use({ role: "staff" });

const t = zh.entriesAdmin;
const rows = (page: import("@playwright/test").Page) => page.locator("main ol > li");

test("staff filter entries by status, category and code, and export what the filter finds", async ({ page }) => {
  await page.goto("/admin/entries");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(t.title);
  await expect(rows(page).first()).toBeVisible();

  const form = page.getByRole("search", { name: t.filters.label });
  await form.getByLabel(t.filters.status).selectOption({ label: t.status.submitted });
  await form.getByRole("button", { name: t.filters.apply }).click();
  await expect(page).toHaveURL(/status=submitted/);
  const submitted = rows(page);
  await expect(submitted.first()).toBeVisible();
  for (const badge of await submitted.getByText(t.status.draft, { exact: true }).all()) await expect(badge).toBeHidden();
  await expect(submitted.getByText(t.status.submitted, { exact: true }).first()).toBeVisible();

  // One category (the essays of grades 4–6, code B) narrows the list to that category only.
  await form.getByLabel(t.filters.category).selectOption({ index: 2 });
  const category = (await form.getByLabel(t.filters.category).locator("option:checked").textContent())!.trim();
  await form.getByRole("button", { name: t.filters.apply }).click();
  await expect(page).toHaveURL(/category=\d+/);
  const inCategory = await rows(page).count();
  expect(inCategory).toBeGreaterThan(0);
  for (let i = 0; i < inCategory; i++) await expect(rows(page).nth(i)).toContainText(category);

  // The first entry's code finds exactly that entry.
  const code = (await rows(page).first().locator("p.font-mono").textContent())!.trim();
  expect(code).toMatch(/^\d{4}-[A-Z]+-[A-Z]-\d{5}$/);
  await form.getByLabel(t.filters.q).fill(code);
  await form.getByRole("button", { name: t.filters.apply }).click();
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toContainText(code);

  // CSV of the filtered list: a header and that one entry.
  const [csv] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: t.exportCsv }).click()]);
  const text = (await readFile((await csv.path())!, "utf8")).replace(/^\uFEFF/, "");
  const lines = text.trim().split(/\r?\n/);
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain(code);

  // XLSX of everything submitted: a real workbook (a zip), larger than the one-row CSV.
  await page.goto("/admin/entries?status=submitted");
  const [xlsx] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: t.exportXlsx }).click()]);
  expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
  const bytes = await readFile((await xlsx.path())!);
  expect(bytes.subarray(0, 2).toString("latin1")).toBe("PK");
});

test("flagged entries: the list marks them and the entry page names what was found", async ({ page }) => {
  await page.goto("/admin/entries?flagged=1");
  const flagged = rows(page);
  await expect(flagged.first()).toBeVisible();
  await expect(flagged.first().getByText(t.flaggedMarker)).toBeVisible();
  await flagged.first().getByRole("link").click();
  await expect(page.getByRole("heading", { name: t.detail.flagsHeading, exact: true })).toBeVisible();
  await expect(page.getByText(t.flags.phone).or(page.getByText(t.flags.name)).or(page.getByText(t.flags.school)).first()).toBeVisible();
});
