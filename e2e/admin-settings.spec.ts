// An admin edits the library's details on /admin/settings; the home page follows.
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures/auth";
import { zh } from "./fixtures/i18n";

test.use({ role: "admin" });

const field = (page: Page, key: "nameEn" | "hoursZh" | "addressZh" | "phone") => page.getByLabel(zh.admin[key]);
const visitHours = (page: Page) =>
  page.getByRole("region", { name: zh.home.visit }).locator("dt", { hasText: zh.footer.hours }).locator("+ dd");

test("an admin changes the opening hours and the home page shows them", async ({ page }) => {
  const hours = `周二至周日 9:00–18:00（周一闭馆）#${Date.now() % 100000}`;
  await page.goto("/admin/settings");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(zh.admin.settings);
  await expect(field(page, "hoursZh")).not.toHaveValue("");

  await field(page, "hoursZh").fill(hours);
  await page.getByRole("button", { name: zh.common.save }).click();
  await expect(page.locator("main").getByRole("status")).toHaveText(zh.admin.settingsSaved);
  await expect(field(page, "hoursZh")).toHaveValue(hours);

  await page.goto("/");
  await expect(visitHours(page)).toHaveText(hours);
  await expect(page.getByRole("contentinfo")).toContainText(hours);

  // Stored, not just echoed: a fresh load of the form shows it too.
  await page.goto("/admin/settings");
  await expect(field(page, "hoursZh")).toHaveValue(hours);
});

test("an empty required field is flagged beside it and the other typed values stay", async ({ page }) => {
  await page.goto("/");
  const storedHours = (await visitHours(page).textContent())!.trim();
  expect(storedHours).not.toBe("");

  await page.goto("/admin/settings");
  const typedHours = `每天 8:00–20:00 #${Date.now() % 100000}`;
  const typedAddress = "河北省唐山市滦南县倴城镇友谊路 88 号";
  await field(page, "nameEn").fill("");
  await field(page, "hoursZh").fill(typedHours);
  await field(page, "addressZh").fill(typedAddress);
  await field(page, "phone").fill("0315-0000000");
  await page.getByRole("button", { name: zh.common.save }).click();

  const nameEn = field(page, "nameEn");
  await expect(page.locator("#field-nameEn-error")).toHaveText(zh.errors.required);
  await expect(nameEn).toHaveAttribute("aria-invalid", "true");
  await expect(nameEn).toHaveAttribute("aria-describedby", /field-nameEn-error/);
  await expect(page.locator("main").getByRole("alert")).toHaveText(zh.errors.formHasErrors);
  await expect(page.locator("main").getByRole("status")).toHaveCount(0);

  await expect(nameEn).toHaveValue("");
  await expect(field(page, "hoursZh")).toHaveValue(typedHours);
  await expect(field(page, "addressZh")).toHaveValue(typedAddress);
  await expect(field(page, "phone")).toHaveValue("0315-0000000");
  // Only the empty field is flagged.
  await expect(page.locator('input[aria-invalid="true"]')).toHaveCount(1);

  // Nothing was saved.
  await page.goto("/");
  await expect(visitHours(page)).toHaveText(storedHours);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("滦南县图书馆");
});
