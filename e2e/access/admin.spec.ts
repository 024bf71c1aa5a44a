import { expect, test } from "../fixtures/auth";
import { zh } from "../fixtures/i18n";
import { accessMatrix } from "./matrix";

accessMatrix("admin");

test("the staff desk menu offers each of admin and staff only what they may open", async ({ pageAs }) => {
  const adminOnly = [zh.admin.settings, zh.admin.users];
  const both = [zh.areas.adminTitle, zh.admin.campaigns, zh.admin.outbox];
  for (const role of ["admin", "staff"] as const) {
    const page = await pageAs(role);
    await page.goto("/admin");
    const menu = page.getByRole("navigation", { name: zh.areas.adminTitle });
    for (const name of both) await expect(menu.getByRole("link", { name, exact: true }), `${role}: ${name}`).toBeVisible();
    for (const name of adminOnly) {
      await expect(menu.getByRole("link", { name, exact: true }), `${role}: ${name}`).toHaveCount(role === "admin" ? 1 : 0);
    }
  }
});
