import { accounts, expect, signInAsPupil, test } from "../fixtures/auth";
import { zh } from "../fixtures/i18n";
import { accessMatrix } from "./matrix";

accessMatrix("student");

test("a pupil who types a staff address is refused and sees nothing of it", async ({ page }) => {
  await signInAsPupil(page, accounts.student.username, accounts.student.password);
  await expect(page.getByRole("link", { name: zh.nav.admin })).toHaveCount(0);

  for (const path of ["/admin", "/admin/outbox", "/admin/settings"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(zh.forbidden.title);
    // Nothing of the staff pages leaks into the refusal: no staff navigation, no mail addresses.
    await expect(page.getByRole("navigation", { name: zh.areas.adminTitle })).toHaveCount(0);
    await expect(page.locator("main")).not.toContainText("@shuxiang.test");
    await expect(page.getByRole("link", { name: zh.forbidden.home })).toHaveAttribute("href", "/");
  }
});
