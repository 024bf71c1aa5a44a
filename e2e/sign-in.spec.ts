// Signing in and out, as an adult with the emailed link and as a pupil with a password.
import {
  accounts,
  expect,
  newestMailTo,
  pupilForm,
  requestMagicLink,
  signedInLine,
  signedInText,
  signInAsPupil,
  signInWithMagicLink,
  test,
} from "./fixtures/auth";
import { zh } from "./fixtures/i18n";

const mainNav = (page: import("@playwright/test").Page) => page.getByRole("navigation", { name: zh.nav.main });

test("staff signs in with the link from the dev mailbox and sees the staff area", async ({ page }) => {
  const { email, name } = accounts.staff;
  await page.goto("/");
  await expect(page.getByRole("link", { name: zh.nav.signIn })).toBeVisible();
  await expect(mainNav(page).getByRole("link", { name: zh.nav.admin })).toHaveCount(0);

  const reply = await requestMagicLink(page, email);
  expect(reply).toBe(zh.auth.checkEmail);

  const mail = await newestMailTo(page, email);
  expect(mail).not.toBeNull();
  await page.goto(mail!.href);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(zh.emails.magicLink.subject);
  const link = page.getByTestId("mail-link").filter({ hasText: "/api/auth/callback/email" });
  await expect(link).toHaveCount(1);
  await link.click();

  await expect(page).toHaveURL("/");
  await expect(signedInLine(page, name)).toBeVisible();
  await expect(page.getByRole("link", { name: zh.nav.signIn })).toHaveCount(0);
  await mainNav(page).getByRole("link", { name: zh.nav.admin }).click();
  await expect(page).toHaveURL("/admin");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(zh.areas.adminTitle);
});

test("a sign-in link works only once", async ({ page, browser, baseURL }) => {
  const link = await signInWithMagicLink(page, accounts.judge.email);
  await expect(signedInLine(page, accounts.judge.name)).toBeVisible();

  // Someone else opens the same link again, e.g. from a forwarded email.
  const other = await browser.newContext({ baseURL });
  try {
    const again = await other.newPage();
    await again.goto(link);
    await expect(again).toHaveURL(/\/signin\?/);
    await expect(again.locator("main").getByRole("alert")).toHaveText(zh.auth.linkError);
    await expect(again.getByText(signedInText())).toHaveCount(0);
    await again.goto("/judging");
    await expect(again).toHaveURL(/\/signin\?callbackUrl=%2Fjudging$/);
  } finally {
    await other.close();
  }
});

test("an unknown email gets the same reply as a known one, and no mail", async ({ page }) => {
  const unknown = `nobody-${Date.now()}@shuxiang.test`;
  const known = accounts.teacher.email;

  const unknownReply = await requestMagicLink(page, unknown);
  const knownReply = await requestMagicLink(page, known);
  expect(unknownReply).toBe(zh.auth.checkEmail);
  expect(knownReply).toBe(unknownReply);

  // The control: mail for the known address is there, so its absence for the other is real.
  expect(await newestMailTo(page, known)).not.toBeNull();
  expect(await newestMailTo(page, unknown)).toBeNull();
  await expect(page.locator("main")).not.toContainText(unknown);
});

test("a pupil signs in with username and password and reaches /me", async ({ page }) => {
  const { username, password, name } = accounts.student;
  await signInAsPupil(page, username, password);
  await expect(page).toHaveURL("/me");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(zh.areas.meTitle);
  await expect(signedInLine(page, name)).toBeVisible();
  await expect(mainNav(page).getByRole("link", { name: zh.nav.me })).toBeVisible();
  await expect(mainNav(page).getByRole("link", { name: zh.nav.admin })).toHaveCount(0);
});

test("a wrong password is refused next to the field and the username is kept", async ({ page }) => {
  await page.goto("/signin");
  const form = pupilForm(page);
  const username = form.getByLabel(zh.auth.usernameLabel);
  const password = form.getByLabel(zh.auth.passwordLabel);
  await username.fill("xiaohong");
  await password.fill("not-the-password");
  await form.getByRole("button", { name: zh.auth.signInButton }).click();

  const error = form.locator("#field-password-error");
  await expect(error).toHaveText(zh.auth.badCredentials);
  await expect(password).toHaveAttribute("aria-invalid", "true");
  await expect(password).toHaveAttribute("aria-describedby", /field-password-error/);
  await expect(username).toHaveValue("xiaohong");
  await expect(page).toHaveURL(/\/signin/);
  await expect(page.getByText(signedInText())).toHaveCount(0);
});

test("signing out ends the session", async ({ page }) => {
  await signInAsPupil(page, accounts.student.username, accounts.student.password);
  await page.getByRole("button", { name: zh.nav.signOut }).click();
  await expect(page).toHaveURL("/");
  await expect(page.getByRole("link", { name: zh.nav.signIn })).toBeVisible();
  await expect(page.getByText(signedInText())).toHaveCount(0);
  await page.goto("/me");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fme$/);
});
