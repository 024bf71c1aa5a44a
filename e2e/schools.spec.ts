// A school registers on the public form, staff review it, the coordinator signs in and invites
// a teacher, who accepts and signs in too. Every step is confirmed by an email in the dev mailbox.
import type { BrowserContext, Page } from "@playwright/test";
import { accounts, adultForm, expect, magicLinkIn, newestMailTo, signedInLine, signInWithMagicLink, test as base } from "./fixtures/auth";
import { fill, zh } from "./fixtures/i18n";

// Staff and the coordinator sign in afresh in each test rather than through the shared saved
// sessions: those files are shared by every run on this machine, whatever its port and database.
const test = base.extend<{ signedIn: (email: string) => Promise<Page> }>({
  signedIn: async ({ browser, baseURL, locale, timezoneId }, use) => {
    const contexts: BrowserContext[] = [];
    await use(async (email) => {
      const context = await browser.newContext({ baseURL, locale, timezoneId });
      contexts.push(context);
      const page = await context.newPage();
      await signInWithMagicLink(page, email);
      return page;
    });
    for (const c of contexts) await c.close();
  },
});

const DEMO_SCHOOL = "滦南县第一实验小学"; // the demo coordinator's school (db/seed.ts)
const run = () => `${Date.now() % 1_000_000}${Math.floor(Math.random() * 100)}`;

type School = { name: string; email: string; coordinator: string };

function newSchool(): School {
  const id = run();
  return { name: `滦南县测试小学${id}`, email: `coordinator-${id}@school.test`, coordinator: `赵老师${id.slice(-3)}` };
}

async function fillRegistration(page: Page, s: School, phone = "13803151234") {
  await page.getByLabel(zh.schools.register.name).fill(s.name);
  await page.getByLabel(zh.schools.register.town).selectOption({ label: "宋道口镇" });
  await page.getByRole("radio", { name: zh.schools.level.primary, exact: true }).check();
  await page.getByLabel(zh.schools.register.address).fill("滦南县宋道口镇学府路 8 号");
  await page.getByLabel(zh.schools.register.coordinatorName).fill(s.coordinator);
  await page.getByLabel(zh.schools.register.coordinatorEmail).fill(s.email);
  await page.getByLabel(zh.schools.register.coordinatorPhone).fill(phone);
}

async function register(page: Page, s: School) {
  await page.goto("/schools/register");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(zh.schools.register.title);
  await fillRegistration(page, s);
  await page.getByRole("button", { name: zh.schools.register.submit }).click();
  await expect(page.getByRole("status")).toContainText(zh.schools.register.doneTitle);
  await expect(page.getByRole("status")).toContainText(s.email);
}

/** Opens the newest message to `email` and checks its subject. */
async function openNewestMail(page: Page, email: string, subject: string) {
  const mail = await newestMailTo(page, email);
  expect(mail, `a message to ${email}`).not.toBeNull();
  await page.goto(mail!.href);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(subject);
}

/** On /signin (reached from an emailed link): ask for the magic link and follow it. */
async function finishSignIn(page: Page, email: string) {
  await expect(page).toHaveURL(/\/signin\?/);
  expect(new URL(page.url()).searchParams.get("email")).toBe(email);
  const field = adultForm(page).getByLabel(zh.auth.emailLabel);
  // Filled in from ?email= once the sign-in page reads it; typing it is what a user does otherwise.
  if ((await field.inputValue()) !== email) await field.fill(email);
  await adultForm(page).getByRole("button", { name: zh.auth.sendLink }).click();
  await expect(adultForm(page).getByRole("status")).toHaveText(zh.auth.checkEmail);
  const mail = await newestMailTo(page, email);
  await magicLinkIn(page, mail!.href, email);
  await page.getByTestId("mail-link").filter({ hasText: "/api/auth/callback/email" }).first().click();
}

test("a school registers, staff approve it and the coordinator signs in to their school", async ({ page, signedIn }) => {
  // Two people sign in by email along the way: give the journey room on a busy machine.
  test.slow();
  const school = newSchool();
  await register(page, school);

  await openNewestMail(page, school.email, fill(zh.schools.email.received.subject, { school: school.name }));
  await expect(page.locator("iframe")).toBeVisible();

  const staff = await signedIn(accounts.staff.email);
  await staff.goto("/admin/schools");
  await expect(staff.getByRole("heading", { level: 1 })).toHaveText(zh.schools.review.title);
  const card = staff.getByRole("article", { name: school.name });
  await expect(card).toContainText(zh.schools.status.pending);
  await expect(card).toContainText(school.email);
  // Pending schools come first: this one is waiting, so it is on the first page.
  await card.getByRole("button", { name: fill(zh.schools.review.approveLabel, { school: school.name }) }).click();
  await expect(card).toContainText(zh.schools.status.approved);
  await expect(card.getByRole("button")).toHaveCount(0);

  await openNewestMail(page, school.email, fill(zh.schools.email.approved.subject, { school: school.name }));
  await page.getByTestId("mail-link").filter({ hasText: "/signin?email=" }).first().click();
  await finishSignIn(page, school.email);

  await expect(page).toHaveURL("/school");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(school.name);
  await expect(signedInLine(page, school.coordinator)).toBeVisible();
  await page.goto("/school/teachers");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(zh.invite.teachersTitle);
  await expect(page.getByRole("region", { name: fill(zh.invite.teachersHeading, { count: 1 }) })).toContainText(school.email);
});

test("staff must give a reason to reject, and the coordinator reads it", async ({ page, signedIn }) => {
  test.slow();
  const school = newSchool();
  await register(page, school);

  const staff = await signedIn(accounts.staff.email);
  await staff.goto("/admin/schools?status=pending");
  const card = staff.getByRole("article", { name: school.name });
  await card.getByText(zh.schools.review.rejectOpen).click();
  await card.getByRole("button", { name: zh.schools.review.rejectConfirm }).click();
  await expect(card.getByText(zh.schools.review.reasonRequired)).toBeVisible();
  await expect(card).toContainText(zh.schools.status.pending);

  const reason = "学校名称与教育局名录不一致，请核对后重新登记。";
  await card.getByLabel(zh.schools.review.reason).fill(reason);
  await card.getByRole("button", { name: zh.schools.review.rejectConfirm }).click();
  // Filtered to pending, the reviewed school leaves the list.
  await expect(card).toHaveCount(0);
  await staff.goto("/admin/schools?status=rejected");
  await expect(staff.getByRole("article", { name: school.name })).toContainText(reason);

  await openNewestMail(page, school.email, fill(zh.schools.email.rejected.subject, { school: school.name }));
  await expect(page.frameLocator("iframe").getByText(reason)).toBeVisible();
});

test("the form says what is wrong next to each field, keeps what was typed, and spots a school registered twice", async ({ page }) => {
  const school = newSchool();
  await page.goto("/schools/register");
  await fillRegistration(page, school, "12345");
  await page.getByLabel(zh.schools.register.coordinatorEmail).fill("not-an-email");
  await page.getByRole("button", { name: zh.schools.register.submit }).click();
  await expect(page.locator("#field-coordinatorPhone-error")).toHaveText(zh.schools.register.phoneInvalid);
  await expect(page.locator("#field-coordinatorEmail-error")).toHaveText(zh.errors.invalidEmail);
  await expect(page.getByLabel(zh.schools.register.name)).toHaveValue(school.name);
  await expect(page.getByLabel(zh.schools.register.town)).toHaveValue(/\d+/);
  await expect(page.getByRole("radio", { name: zh.schools.level.primary, exact: true })).toBeChecked();

  await page.getByLabel(zh.schools.register.coordinatorEmail).fill(school.email);
  await page.getByLabel(zh.schools.register.coordinatorPhone).fill("0315-4112345");
  await page.getByRole("button", { name: zh.schools.register.submit }).click();
  await expect(page.getByRole("status")).toContainText(zh.schools.register.doneTitle);

  // The same school again, typed with a space: pointed out, not stored twice.
  const again = { ...newSchool(), name: school.name.replace("测试", "测试 ") };
  await page.goto("/schools/register");
  await fillRegistration(page, again);
  await page.getByRole("button", { name: zh.schools.register.submit }).click();
  await expect(page.locator("#field-name-error")).toHaveText(zh.schools.register.duplicate.pending);
  await expect(page.getByRole("alert").filter({ hasText: zh.schools.register.duplicateTitle })).toBeVisible();
  await expect(page.getByLabel(zh.schools.register.name)).toHaveValue(again.name);
  expect(await newestMailTo(page, again.email)).toBeNull();
});

test("a coordinator invites a teacher, who accepts and signs in; a withdrawn link stops working", async ({ page, signedIn }) => {
  test.slow();
  const coordinator = await signedIn(accounts.coordinator.email);
  const id = run();
  const teacher = { name: `周老师${id.slice(-3)}`, email: `teacher-${id}@school.test` };
  const withdrawn = { name: `吴老师${id.slice(-3)}`, email: `withdrawn-${id}@school.test` };

  await coordinator.goto("/school/teachers");
  for (const t of [teacher, withdrawn]) {
    await coordinator.getByLabel(zh.invite.name).fill(t.name);
    await coordinator.getByLabel(zh.invite.emailLabel).fill(t.email);
    await coordinator.getByRole("button", { name: zh.invite.send }).click();
    await expect(coordinator.getByRole("status")).toHaveText(fill(zh.invite.sent, { email: t.email }));
  }
  await coordinator.getByLabel(zh.invite.name).fill(teacher.name);
  await coordinator.getByLabel(zh.invite.emailLabel).fill(teacher.email);
  await coordinator.getByRole("button", { name: zh.invite.send }).click();
  await expect(coordinator.locator("#field-email-error")).toHaveText(zh.invite.alreadyInvited);

  await coordinator.getByRole("button", { name: fill(zh.invite.revokeLabel, { name: withdrawn.name }) }).click();
  await coordinator.getByRole("button", { name: zh.invite.revokeConfirm }).click();
  await expect(coordinator.getByText(withdrawn.email)).toHaveCount(0);

  await openNewestMail(page, withdrawn.email, fill(zh.invite.email.subject, { school: DEMO_SCHOOL }));
  await page.getByTestId("mail-link").filter({ hasText: "/invite/" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(zh.invite.invalidTitle);

  await openNewestMail(page, teacher.email, fill(zh.invite.email.subject, { school: DEMO_SCHOOL }));
  await page.getByTestId("mail-link").filter({ hasText: "/invite/" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(fill(zh.invite.joinTitle, { school: DEMO_SCHOOL }));
  await page.getByRole("button", { name: zh.invite.accept }).click();
  await finishSignIn(page, teacher.email);

  await expect(page).toHaveURL("/school");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(DEMO_SCHOOL);
  await expect(signedInLine(page, teacher.name)).toBeVisible();

  await coordinator.reload();
  await expect(coordinator.getByRole("region", { name: new RegExp(zh.invite.teachersHeading.split("（")[0]!) })).toContainText(teacher.email);
});
