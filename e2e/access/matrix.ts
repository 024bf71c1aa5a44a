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

/** The text of the page's first h1, from the server's HTML. */
function h1(html: string): string | undefined {
  const m = /<h1\b[^>]*>([\s\S]*?)<\/h1>/i.exec(html);
  return m?.[1]
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/<[^>]+>/g, "")
    .replace(/&amp;/g, "&")
    .trim();
}

/**
 * One test per area page for `who`: a redirect to sign in, the page itself, or the 403 page.
 * The requests go through the signed-in browser context (its cookies) without rendering, so the
 * status and the redirect are checked exactly; journeys elsewhere click through the same pages.
 */
export function accessMatrix(who: Who) {
  test.describe(`access as ${who}`, () => {
    if (who !== "visitor") test.use({ role: who });

    for (const area of areas) {
      const visitor = who === "visitor";
      const allowed = !visitor && area.allowed.includes(who);
      const outcome = visitor ? "is sent to sign in" : allowed ? "opens" : "is refused";
      test(`${who} ${outcome}: ${area.path}`, async ({ page }) => {
        const response = await page.request.get(area.path, { maxRedirects: 0 });
        const html = await response.text();
        if (visitor) {
          expect(response.status(), "a temporary redirect").toBeGreaterThanOrEqual(300);
          expect(response.status()).toBeLessThan(400);
          const to = new URL(response.headers()["location"] ?? "", "http://x");
          expect(to.pathname).toBe("/signin");
          // The way back after signing in: the page itself, or at least its area (visitor.spec.ts
          // has the journey that checks the visitor really returns to the page asked for).
          const back = to.searchParams.get("callbackUrl") ?? "";
          expect(back === area.path || area.path.startsWith(`${back}/`), `callbackUrl ${back}`).toBe(true);
          expect(html).not.toContain(area.heading);
          return;
        }
        if (allowed) {
          expect(response.status()).toBe(200);
          expect(h1(html)).toBe(area.heading);
          expect(html).not.toContain(zh.forbidden.title);
        } else {
          expect(response.status(), "HTTP status of the refusal").toBe(403);
          expect(h1(html)).toBe(zh.forbidden.title);
          expect(html).toContain(zh.forbidden.body);
        }
      });
    }
  });
}
