// Who may open which area page. The roles' accounts are in fixtures/auth.ts; the expected
// answers follow DESIGN.md's audiences, written out here rather than read from the app's own map.
import { expect, test, type Role } from "../fixtures/auth";
import { zh } from "../fixtures/i18n";
import type { Page } from "@playwright/test";

export type Who = Role | "visitor";

type Area = {
  path: string;
  allowed: readonly Role[];
  /** The page's h1 for those allowed in (undefined: only that it is not the 403 page). */
  heading?: string | RegExp;
};

const school = "滦南县第一实验小学"; // the demo teacher's and coordinator's school (db/seed.ts)

export const areas: Area[] = [
  { path: "/me", allowed: ["student"], heading: zh.areas.meTitle },
  { path: "/school", allowed: ["teacher", "coordinator"], heading: school },
  { path: "/judging", allowed: ["judge"], heading: zh.areas.judgingTitle },
  { path: "/admin", allowed: ["staff", "admin"], heading: zh.areas.adminTitle },
  { path: "/admin/outbox", allowed: ["staff", "admin"], heading: zh.outbox.title },
  { path: "/admin/settings", allowed: ["admin"], heading: zh.admin.settings },
  { path: "/admin/users", allowed: ["admin"] },
];

async function expectForbidden(page: Page, status: number | undefined, heading?: string | RegExp) {
  expect(status, "HTTP status of the refusal").toBe(403);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(zh.forbidden.title);
  await expect(page.getByText(zh.forbidden.body)).toBeVisible();
  if (heading) await expect(page.getByRole("heading", { name: heading })).toHaveCount(0);
}

/** One test per area page for `who`: sign-in redirect, the page itself, or the 403 page. */
export function accessMatrix(who: Who) {
  test.describe(`access as ${who}`, () => {
    if (who !== "visitor") test.use({ role: who });

    for (const area of areas) {
      const visitor = who === "visitor";
      const allowed = !visitor && area.allowed.includes(who);
      const outcome = visitor ? "is sent to sign in" : allowed ? "opens" : "is refused";
      test(`${who} ${outcome}: ${area.path}`, async ({ page }) => {
        const response = await page.goto(area.path);
        const url = new URL(page.url());
        if (visitor) {
          expect(url.pathname).toBe("/signin");
          // The way back after signing in: the page itself, or at least its area (see visitor.spec.ts
          // for the journey that checks the visitor really returns to the page asked for).
          const back = url.searchParams.get("callbackUrl") ?? "";
          expect(back.startsWith("/") && (back === area.path || area.path.startsWith(`${back}/`)), `callbackUrl ${back}`).toBe(true);
          await expect(page.getByRole("heading", { level: 1 })).toHaveText(zh.auth.signInTitle);
          return;
        }
        expect(url.pathname).toBe(area.path);
        if (allowed) {
          expect(response?.status()).toBe(200);
          await expect(page.getByRole("heading", { level: 1 })).toHaveText(area.heading ?? /\S/);
          await expect(page.getByRole("heading", { name: zh.forbidden.title })).toHaveCount(0);
        } else {
          await expectForbidden(page, response?.status(), area.heading);
        }
      });
    }
  });
}
