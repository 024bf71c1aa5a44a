// Who may open which area page. The roles' accounts are in fixtures/auth.ts; the expected
// answers follow DESIGN.md's audiences, written out here rather than read from the app's own map.
import { expect, test, type Role } from "../fixtures/auth";
import { zh } from "../fixtures/i18n";

export type Who = Role | "visitor";

type Area = {
  path: string;
  allowed: readonly Role[];
  /** The page's h1 for those allowed in. */
  heading: string;
};

const school = "滦南县第一实验小学"; // the demo teacher's and coordinator's school (db/seed.ts)

export const areas: Area[] = [
  { path: "/me", allowed: ["student"], heading: zh.areas.meTitle },
  { path: "/school", allowed: ["teacher", "coordinator"], heading: school },
  { path: "/school/teachers", allowed: ["coordinator"], heading: zh.invite.teachersTitle },
  { path: "/school/campaigns", allowed: ["coordinator"], heading: zh.enrolment.title },
  { path: "/judging", allowed: ["judge"], heading: zh.areas.judgingTitle },
  { path: "/admin", allowed: ["staff", "admin"], heading: zh.areas.adminTitle },
  { path: "/admin/outbox", allowed: ["staff", "admin"], heading: zh.outbox.title },
  { path: "/admin/campaigns", allowed: ["staff", "admin"], heading: zh.campaigns.adminTitle },
  { path: "/admin/schools", allowed: ["staff", "admin"], heading: zh.schools.review.title },
  { path: "/admin/settings", allowed: ["admin"], heading: zh.admin.settings },
  { path: "/admin/users", allowed: ["admin"], heading: zh.users.title },
];

/**
 * One test per area page for `who`: a redirect to sign in, the page itself, or the 403 page.
 * Visitors are checked at the HTTP level (the exact redirect); signed-in users in the browser,
 * because Next renders the 403 page from its RSC payload (the HTML itself is only a shell).
 */
export function accessMatrix(who: Who) {
  test.describe(`access as ${who}`, () => {
    if (who !== "visitor") test.use({ role: who });

    for (const area of areas) {
      const visitor = who === "visitor";
      const allowed = !visitor && area.allowed.includes(who);
      const outcome = visitor ? "is sent to sign in" : allowed ? "opens" : "is refused";
      test(`${who} ${outcome}: ${area.path}`, async ({ page }) => {
        if (visitor) {
          const response = await page.request.get(area.path, { maxRedirects: 0 });
          expect(response.status(), "a temporary redirect").toBe(307);
          const to = new URL(response.headers()["location"] ?? "", "http://x");
          expect(to.pathname).toBe("/signin");
          // The way back after signing in: the page itself, or at least its area (visitor.spec.ts
          // has the journey that checks the visitor really returns to the page asked for).
          const back = to.searchParams.get("callbackUrl") ?? "";
          expect(back === area.path || area.path.startsWith(`${back}/`), `callbackUrl ${back}`).toBe(true);
          return;
        }
        const response = await page.goto(area.path);
        expect(new URL(page.url()).pathname).toBe(area.path);
        const h1 = page.getByRole("heading", { level: 1 });
        if (allowed) {
          expect(response?.status()).toBe(200);
          await expect(h1).toHaveText(area.heading);
        } else {
          expect(response?.status(), "HTTP status of the refusal").toBe(403);
          await expect(h1).toHaveText(zh.forbidden.title);
          await expect(page.getByText(zh.forbidden.body)).toBeVisible();
          await expect(page.getByRole("heading", { name: area.heading, exact: true })).toHaveCount(0);
        }
      });
    }
  });
}
