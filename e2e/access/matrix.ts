// Who may open which area page. The roles' accounts are in fixtures/auth.ts; the expected
// answers follow DESIGN.md's audiences, written out here rather than read from the app's own map.
import { expect, storageStateFor, test, type Role } from "../fixtures/auth";
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
  { path: "/me/entries", allowed: ["student"], heading: zh.entries.title },
  { path: "/school", allowed: ["teacher", "coordinator"], heading: school },
  { path: "/school/teachers", allowed: ["coordinator"], heading: zh.invite.teachersTitle },
  { path: "/school/campaigns", allowed: ["coordinator"], heading: zh.enrolment.title },
  { path: "/school/certificates", allowed: ["teacher", "coordinator"], heading: zh.results.school.title },
  { path: "/judging", allowed: ["judge"], heading: zh.areas.judgingTitle },
  { path: "/admin", allowed: ["staff", "admin"], heading: zh.areas.adminTitle },
  { path: "/admin/outbox", allowed: ["staff", "admin"], heading: zh.outbox.title },
  { path: "/admin/campaigns", allowed: ["staff", "admin"], heading: zh.campaigns.adminTitle },
  { path: "/admin/events", allowed: ["staff", "admin"], heading: zh.eventsAdmin.title },
  { path: "/admin/drives", allowed: ["staff", "admin"], heading: zh.drivesAdmin.title },
  { path: "/admin/schools", allowed: ["staff", "admin"], heading: zh.schools.review.title },
  { path: "/admin/entries", allowed: ["staff", "admin"], heading: zh.entriesAdmin.title },
  { path: "/admin/entries/extensions", allowed: ["staff", "admin"], heading: zh.entriesAdmin.extensions.title },
  { path: "/admin/settings", allowed: ["admin"], heading: zh.admin.settings },
  { path: "/admin/users", allowed: ["admin"], heading: zh.users.title },
];

/** The text of the first server-rendered <h1> in a page's HTML. */
function h1(html: string): string | undefined {
  const m = /<h1\b[^>]*>([\s\S]*?)<\/h1>/i.exec(html);
  return m?.[1]
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/<[^>]+>/g, "")
    .trim();
}

/**
 * One test per area page for `who`: a redirect to sign in, the page itself, or a 403. These are
 * plain HTTP requests with the role's session cookies, so status and redirect are exact and the
 * matrix stays fast. Next sends a 403 as an HTML shell and draws the refusal from its RSC
 * payload, so one more test per role opens a refused page in the browser to see the 403 page.
 */
export function accessMatrix(who: Who) {
  test.describe(`access as ${who}`, () => {
    if (who !== "visitor") test.use({ role: who });

    for (const area of areas) {
      const visitor = who === "visitor";
      const allowed = !visitor && area.allowed.includes(who);
      const outcome = visitor ? "is sent to sign in" : allowed ? "opens" : "is refused";
      test(`${who} ${outcome}: ${area.path}`, async ({ playwright, browser, baseURL }) => {
        const storageState = visitor ? undefined : await storageStateFor(browser, baseURL, who);
        const api = await playwright.request.newContext({ baseURL, storageState });
        const response = await api.get(area.path, { maxRedirects: 0 });
        const html = await response.text();
        await api.dispose();
        if (visitor) {
          expect(response.status(), "a temporary redirect").toBe(307);
          const to = new URL(response.headers()["location"] ?? "", "http://x");
          expect(to.pathname).toBe("/signin");
          // The way back after signing in: the page itself, or at least its area (visitor.spec.ts
          // has the journey that checks the visitor really returns to the page asked for).
          const back = to.searchParams.get("callbackUrl") ?? "";
          expect(back === area.path || area.path.startsWith(`${back}/`), `callbackUrl ${back}`).toBe(true);
        } else if (allowed) {
          expect(response.status()).toBe(200);
          expect(h1(html)).toBe(area.heading);
        } else {
          expect(response.status(), "HTTP status of the refusal").toBe(403);
          expect(html).not.toContain(`>${area.heading}</h1>`);
        }
      });
    }

    const refused = areas.find((a) => who !== "visitor" && !a.allowed.includes(who));
    if (refused) {
      test(`${who} sees the 403 page in the browser: ${refused.path}`, async ({ page }) => {
        const response = await page.goto(refused.path);
        expect(response?.status()).toBe(403);
        await expect(page).toHaveURL(refused.path);
        await expect(page.getByRole("heading", { level: 1 })).toHaveText(zh.forbidden.title);
        await expect(page.getByText(zh.forbidden.body)).toBeVisible();
        await expect(page.getByRole("heading", { name: refused.heading, exact: true })).toHaveCount(0);
        await expect(page.getByRole("main").getByRole("link", { name: zh.forbidden.home })).toHaveAttribute("href", "/");
      });
    }
  });
}
