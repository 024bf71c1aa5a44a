import { accounts, expect, signInWithMagicLink, test } from "../fixtures/auth";
import { zh } from "../fixtures/i18n";
import { accessMatrix } from "./matrix";

accessMatrix("visitor");

test("a visitor sent to sign in from /admin/settings returns there after signing in", async ({ page }) => {
  // BUG (known, reported): app/admin/layout.tsx calls requirePagePermission("admin.view", "/admin"),
  // so every page under /admin sends visitors to /signin?callbackUrl=%2Fadmin and they land on
  // /admin instead of the page they asked for. Remove this line once fixed.
  test.fail(true, "admin layout hard-codes callbackUrl=/admin");
  await page.goto("/admin/settings");
  await expect(page).toHaveURL(/\/signin\?/);
  expect(new URL(page.url()).searchParams.get("callbackUrl")).toBe("/admin/settings");
  // Sign in from this very page, so the link carries the way back.
  await signInWithMagicLink(page, accounts.admin.email, { signinUrl: page.url() });
  await expect(page).toHaveURL("/admin/settings");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(zh.admin.settings);
});
