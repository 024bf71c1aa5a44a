import { accounts, expect, signInWithMagicLink, test } from "../fixtures/auth";
import { zh } from "../fixtures/i18n";
import { accessMatrix } from "./matrix";

accessMatrix("visitor");

test("a visitor sent to sign in from /admin/settings returns there after signing in", async ({ page }) => {
  await page.goto("/admin/settings");
  await expect(page).toHaveURL(/\/signin\?/);
  expect(new URL(page.url()).searchParams.get("callbackUrl")).toBe("/admin/settings");
  // Sign in from this very page, so the link carries the way back.
  await signInWithMagicLink(page, accounts.admin.email, { signinUrl: page.url() });
  await expect(page).toHaveURL("/admin/settings");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(zh.admin.settings);
});
