// Phones first (DESIGN.md): at 360 px nothing scrolls sideways, the menu opens, text is ≥ 16 px.
// Runs in the "phone" project only (playwright.config.ts).
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures/auth";
import { zh } from "./fixtures/i18n";

const WIDTH = 360;
const pages = [
  { path: "/", heading: zh.home.welcome.replace("{name}", "滦南县图书馆") },
  { path: "/signin", heading: zh.auth.signInTitle },
  { path: "/campaigns", heading: zh.campaigns.title },
];

test.beforeEach(async ({ page }) => {
  expect(page.viewportSize()?.width).toBe(WIDTH);
});

/** Visible elements whose own text is smaller than 16 px, described for the failure message. */
async function smallText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const seen = new Set<Element>();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (!el || seen.has(el) || !node.textContent?.trim()) continue;
      seen.add(el);
      if (el.closest("script, style, noscript, template, [hidden], .sr-only")) continue;
      const box = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      if (box.width === 0 || box.height === 0 || style.visibility === "hidden") continue;
      const size = parseFloat(style.fontSize);
      if (size < 16) out.push(`${size}px <${el.tagName.toLowerCase()} class="${el.className}"> ${node.textContent.trim().slice(0, 30)}`);
    }
    for (const el of document.querySelectorAll("input, select, textarea")) {
      const size = parseFloat(getComputedStyle(el).fontSize);
      if (size < 16) out.push(`${size}px <${el.tagName.toLowerCase()} name="${el.getAttribute("name")}">`);
    }
    return out;
  });
}

for (const { path, heading } of pages) {
  test(`${path} fits 360 px without sideways scrolling`, async ({ page }) => {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
    const widths = await page.evaluate(() => ({
      doc: document.documentElement.scrollWidth,
      body: document.body.scrollWidth,
    }));
    expect(widths.doc, "document scroll width").toBeLessThanOrEqual(WIDTH);
    expect(widths.body, "body scroll width").toBeLessThanOrEqual(WIDTH);

    // The open menu must fit as well.
    await page.getByText(zh.nav.menu, { exact: true }).click();
    await expect(page.getByRole("navigation", { name: zh.nav.main }).getByRole("link", { name: zh.nav.campaigns })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth), "scroll width with the menu open").toBeLessThanOrEqual(WIDTH);
  });

  test(`${path} form fields and menu links are at least 16 px`, async ({ page }) => {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
    expect(await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize))).toBeGreaterThanOrEqual(16);
    await page.getByText(zh.nav.menu, { exact: true }).click();
    const sizes = await page
      .locator("main input, main button, main h1, main label, details nav a")
      .filter({ visible: true })
      .evaluateAll((els) => els.map((el) => [el.outerHTML.slice(0, 60), parseFloat(getComputedStyle(el).fontSize)] as const));
    expect(sizes.length).toBeGreaterThan(0);
    expect(sizes.filter(([, size]) => size < 16)).toEqual([]);
  });
}

test("all visible text is at least 16 px on a phone", async ({ page }) => {
  const offenders: string[] = [];
  for (const { path, heading } of pages) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
    offenders.push(...(await smallText(page)).map((o) => `${path}: ${o}`));
  }
  expect(offenders).toEqual([]);
});

test("the menu disclosure opens with a tap and shows the navigation", async ({ page }) => {
  await page.goto("/");
  const nav = page.getByRole("navigation", { name: zh.nav.main });
  // Closed: the links are not shown (the wide-screen bar is hidden below lg).
  await expect(nav.getByRole("link", { name: zh.nav.campaigns })).toBeHidden();

  const summary = page.locator("summary", { hasText: zh.nav.menu });
  const box = await summary.boundingBox();
  expect(box!.height, "touch target height").toBeGreaterThanOrEqual(44);
  await summary.tap();
  await expect(page.locator("details").first()).toHaveAttribute("open", "");

  for (const key of ["campaigns", "events", "drives"] as const) {
    const link = nav.getByRole("link", { name: zh.nav[key] });
    await expect(link).toBeVisible();
    const b = await link.boundingBox();
    expect(b!.x, `${key} link starts on screen`).toBeGreaterThanOrEqual(0);
    expect(b!.x + b!.width, `${key} link ends on screen`).toBeLessThanOrEqual(WIDTH);
  }
  await expect(page.getByRole("link", { name: zh.nav.signIn })).toBeVisible();
  await expect(page.getByRole("button", { name: zh.lang.switchToLabel })).toBeVisible();

  await nav.getByRole("link", { name: zh.nav.events }).tap();
  await expect(page).toHaveURL("/events");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(zh.events.title);
});
