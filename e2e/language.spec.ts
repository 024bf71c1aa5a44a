// The language switch in the header: Chinese by default, English on request, remembered.
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures/auth";
import { en, zh } from "./fixtures/i18n";

const switchButton = (page: Page, to: "en" | "zh-CN") =>
  // The button reads "English" / "中文"; its accessible name says what it does.
  page.getByRole("button", { name: to === "en" ? zh.lang.switchToLabel : en.lang.switchToLabel });

const mainNav = (page: Page, m: typeof zh) => page.getByRole("navigation", { name: m.nav.main });

async function expectLanguage(page: Page, lang: "en" | "zh-CN") {
  const m = lang === "en" ? en : zh;
  const other = lang === "en" ? zh : en;
  await expect(page.locator("html")).toHaveAttribute("lang", lang);
  await expect(mainNav(page, m).getByRole("link", { name: m.nav.campaigns })).toBeVisible();
  await expect(mainNav(page, m).getByRole("link", { name: other.nav.campaigns })).toHaveCount(0);
  await expect(page.getByRole("link", { name: m.nav.signIn })).toBeVisible();
  await expect(switchButton(page, lang === "en" ? "zh-CN" : "en")).toHaveText(m.lang.switchTo);
}

test("Chinese by default, English from the home page, remembered across pages", async ({ page, context }) => {
  await page.goto("/");
  await expectLanguage(page, "zh-CN");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(zh.home.welcome.replace("{name}", "滦南县图书馆"));

  await switchButton(page, "en").click();
  await expectLanguage(page, "en");
  await expect(page).toHaveURL("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(en.home.welcome.replace("{name}", "Luannan County Library"));
  await expect(page.getByRole("heading", { name: en.home.campaigns })).toBeVisible();
  await expect(page.getByRole("heading", { name: en.home.events })).toBeVisible();
  const cookie = (await context.cookies()).find((c) => c.name === "NEXT_LOCALE");
  expect(cookie?.value).toBe("en");

  // Follow links and load pages afresh: still English.
  await mainNav(page, en).getByRole("link", { name: en.nav.campaigns }).click();
  await expect(page).toHaveURL("/campaigns");
  await expectLanguage(page, "en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(en.campaigns.title);
  await expect(page.getByText(en.campaigns.intro)).toBeVisible();

  await page.goto("/signin");
  await expectLanguage(page, "en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(en.auth.signInTitle);
  await expect(page.getByLabel(en.auth.usernameLabel)).toBeVisible();
  await expect(page.getByRole("button", { name: en.auth.sendLink })).toBeVisible();

  await page.reload();
  await expectLanguage(page, "en");
});

test("switching from another page stays on that page and back to Chinese", async ({ page }) => {
  await page.goto("/events");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(zh.events.title);

  await switchButton(page, "en").click();
  await expectLanguage(page, "en");
  await expect(page).toHaveURL("/events");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(en.events.title);

  await page.goto("/drives");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(en.drives.title);

  await switchButton(page, "zh-CN").click();
  await expectLanguage(page, "zh-CN");
  await expect(page).toHaveURL("/drives");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(zh.drives.title);

  await page.goto("/");
  await expectLanguage(page, "zh-CN");
});
