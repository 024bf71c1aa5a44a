// The home page, the page security headers, and the axe check of the public page kinds.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures/auth";
import { en, fill, zh } from "./fixtures/i18n";

test("the home page shows the library from the database and its three sections", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveTitle(zh.meta.title);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(fill(zh.home.welcome, { name: "滦南县图书馆" }));
  await expect(page.getByRole("banner").getByText("滦南县图书馆", { exact: true })).toBeVisible();

  // The demo data has one open reading campaign (db/seed-campaigns.ts) and upcoming events (db/seed-events.ts).
  const campaigns = page.getByRole("region", { name: zh.home.campaigns });
  await expect(campaigns.getByRole("heading", { level: 2 })).toHaveText(zh.home.campaigns);
  const year = new Date().getFullYear();
  await expect(campaigns.getByRole("link", { name: new RegExp(`${year} 燕赵少年读书活动`) })).toHaveAttribute("href", `/campaigns/yanzhao-${year}`);
  await expect(campaigns.getByText(zh.home.campaignsEmpty)).toHaveCount(0);
  await expect(campaigns.getByRole("link", { name: zh.common.viewAll })).toHaveAttribute("href", "/campaigns");

  const events = page.getByRole("region", { name: zh.home.events });
  await expect(events.getByRole("heading", { level: 2 })).toHaveText(zh.home.events);
  await expect(events.getByRole("listitem").first()).toBeVisible();
  await expect(events.getByRole("listitem").first().getByRole("link")).toHaveAttribute("href", /^\/events\/[a-z0-9-]+$/);
  await expect(events.getByText(zh.home.eventsEmpty)).toHaveCount(0);
  await expect(events.getByRole("link", { name: zh.common.viewAll })).toHaveAttribute("href", "/events");

  // Drives: either listed or the friendly empty state, never both.
  const drives = page.getByRole("region", { name: zh.home.drives });
  await expect(drives.getByRole("heading", { level: 2 })).toHaveText(zh.home.drives);
  const listed = await drives.getByRole("listitem").count();
  await expect(drives.getByText(zh.home.drivesEmpty)).toHaveCount(listed ? 0 : 1);
  await expect(drives.getByRole("link", { name: zh.common.viewAll })).toHaveAttribute("href", "/drives");

  const visit = page.getByRole("region", { name: zh.home.visit });
  await expect(visit).toContainText("河北省唐山市滦南县倴城镇友谊路");
  await expect(visit).toContainText("0315-4112345");
});

test("pages carry a nonce-based CSP that every inline script obeys", async ({ page }) => {
  const cspErrors: string[] = [];
  page.on("console", (msg) => {
    if (/Content Security Policy/i.test(msg.text())) cspErrors.push(msg.text());
  });

  const response = await page.goto("/");
  expect(response?.status()).toBe(200);
  const headers = response!.headers();
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");

  const csp = headers["content-security-policy"];
  expect(csp, "Content-Security-Policy header").toBeTruthy();
  const scriptSrc = csp.split(";").map((d) => d.trim()).find((d) => d.startsWith("script-src "));
  expect(scriptSrc).toBeTruthy();
  expect(scriptSrc).not.toContain("'unsafe-inline'");
  expect(scriptSrc).not.toContain("'unsafe-eval'");
  const nonce = /'nonce-([A-Za-z0-9+/=_-]+)'/.exec(scriptSrc!)?.[1];
  expect(nonce, "a nonce in script-src").toBeTruthy();
  expect(nonce!.length).toBeGreaterThanOrEqual(16);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");

  const html = await response!.text();
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
  const inline = scripts.filter(([, attrs]) => !/\ssrc=/i.test(attrs));
  expect(inline.length, "the page has inline scripts to check").toBeGreaterThan(0);
  for (const [tag, attrs] of scripts) {
    const got = /\snonce="([^"]*)"/i.exec(attrs)?.[1];
    expect(got, `nonce on ${tag.slice(0, 120)}`).toBe(nonce);
  }

  // A fresh nonce for every response.
  const again = await page.request.get("/");
  const nonce2 = /'nonce-([^']+)'/.exec(again.headers()["content-security-policy"] ?? "")?.[1];
  expect(nonce2).toBeTruthy();
  expect(nonce2).not.toBe(nonce);

  // The page hydrates (client navigation works) without the browser blocking anything.
  await page.getByRole("link", { name: zh.common.viewAll }).first().click();
  await expect(page).toHaveURL("/campaigns");
  expect(cspErrors).toEqual([]);
});

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"]).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(" ")).slice(0, 5) }));
}

for (const lang of ["zh-CN", "en"] as const) {
  test(`axe: home and sign-in pages in ${lang} have no serious violations`, async ({ page, context, baseURL }) => {
    await context.addCookies([{ name: "NEXT_LOCALE", value: lang, url: baseURL! }]);
    const m = lang === "en" ? en : zh;
    for (const [path, heading] of [
      ["/", fill(m.home.welcome, { name: lang === "en" ? "Luannan County Library" : "滦南县图书馆" })],
      ["/signin", m.auth.signInTitle],
    ] as const) {
      await page.goto(path);
      await expect(page.locator("html")).toHaveAttribute("lang", lang);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
      expect(await seriousViolations(page), `${path} in ${lang}`).toEqual([]);
    }
    // The sign-in form with an error shown next to its field.
    await page.getByLabel(m.auth.emailLabel).fill("not-an-email");
    await page.getByRole("button", { name: m.auth.sendLink }).click();
    await expect(page.locator("#field-email-error")).toHaveText(m.errors.invalidEmail);
    expect(await seriousViolations(page), `/signin with an error in ${lang}`).toEqual([]);
  });
}
