// A coordinator creates a class, imports a 30-pupil spreadsheet with two bad rows, prints the 28
// login slips; a pupil signs in with a slip and must choose a password; a teacher of another
// school cannot see the class.
import ExcelJS from "exceljs";
import type { Page } from "@playwright/test";
import { expect, signInWithMagicLink, test } from "./fixtures/auth";
import { fill, pattern, zh } from "./fixtures/i18n";

/** The second demo school's coordinator (db/seed-classes.ts). */
const otherSchoolCoordinator = "school2@shuxiang.test";

const signedOut = { cookies: [], origins: [] };

const surnames = "赵钱孙李周吴郑王冯陈".split("");
const given = ["子涵", "浩然", "欣怡", "宇航", "雨桐", "俊杰"];

async function classList(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet("学生名单");
  sheet.addRow(["姓名", "性别", "年级", "监护人", "监护人电话", "监护人邮箱", "出生年份"]);
  for (let i = 0; i < 30; i++) {
    const name = `${surnames[i % 10]}${given[Math.floor(i / 10) * 2 + (i % 2)]}${i + 1}`;
    if (i === 7) sheet.addRow(["", "男", 3, "无名家长", "13800000008", null, 2018]); // no name
    else if (i === 19) sheet.addRow([name, "女", 3, "电话家长", "12345", null, 2018]); // bad phone
    else sheet.addRow([name, i % 2 ? "男" : "女", 3, `${surnames[i % 10]}家长`, `1380000${String(1000 + i)}`, i % 3 ? null : `p${i}@example.test`, 2018]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function createClass(page: Page, name: string): Promise<string> {
  await page.goto("/school");
  await page.getByLabel(zh.classes.grade).selectOption("3");
  await page.getByLabel(zh.classes.name, { exact: true }).fill(name);
  await page.getByRole("button", { name: zh.classes.create }).click();
  await expect(page).toHaveURL(/\/school\/classes\/\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(name);
  return new URL(page.url()).pathname;
}

test.describe("classes and pupils", () => {
  test.use({ role: "coordinator" });

  test("import a class list, print login slips, first sign-in, and nobody else sees the class", async ({ page, browser, baseURL }) => {
    test.setTimeout(300_000);
    const name = `三年级（${Date.now() % 10000}）班`;
    const classPath = await createClass(page, name);

    // The same grade and name again is refused, with the typed name kept.
    await page.goto("/school");
    await page.getByLabel(zh.classes.grade).selectOption("3");
    await page.getByLabel(zh.classes.name, { exact: true }).fill(name);
    await page.getByRole("button", { name: zh.classes.create }).click();
    await expect(page.getByText(zh.classes.duplicate).first()).toBeVisible();
    await expect(page.getByLabel(zh.classes.name, { exact: true })).toHaveValue(name);

    // Upload: a preview with the two bad rows, and nothing imported yet.
    await page.goto(classPath);
    await page.getByLabel(zh.pupils.import.fileLabel).setInputFiles({ name: "三年级名单.xlsx", mimeType: "application/octet-stream", buffer: await classList() });
    await page.getByRole("button", { name: zh.pupils.import.upload }).click();
    await expect(page).toHaveURL(/\/import\/\d+$/);
    await expect(page.getByTestId("import-summary")).toHaveText(fill(zh.pupils.import.summary, { rows: 30, clean: 28, problems: 2 }));
    const problems = page.getByTestId("problem-rows");
    await expect(problems.locator(":scope > li")).toHaveCount(2);
    await expect(problems).toContainText(zh.pupils.problem.nameMissing);
    await expect(problems).toContainText(zh.pupils.problem.phoneInvalid);
    await expect(problems).toContainText(fill(zh.pupils.import.line, { line: 9 }));

    await page.getByRole("button", { name: fill(zh.pupils.import.confirm, { count: 28 }) }).click();
    await expect(page).toHaveURL(new RegExp(`${classPath}\\?imported=28`));
    await expect(page.getByRole("status").filter({ hasText: pattern(zh.pupils.import.done) })).toBeVisible();
    await expect(page.getByRole("heading", { name: fill(zh.pupils.rosterTitle, { count: 28 }) })).toBeVisible();

    // The slips: 28, each with a username and a first password.
    await page.getByRole("link", { name: zh.classes.printSlips }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(zh.pupils.slips.title);
    await expect(page.getByTestId("slip")).toHaveCount(28);
    await expect(page.getByTestId("slip-password")).toHaveCount(28);
    const slip = page.getByTestId("slip").first();
    const username = (await slip.getByTestId("slip-username").textContent())!.trim();
    const password = (await slip.getByTestId("slip-password").textContent())!.trim();
    await expect(slip).toContainText(`${new URL(baseURL!).origin}/signin`);

    // The pupil signs in with the slip and must choose a password first.
    // A context of its own: without an explicit empty state it would inherit the coordinator's cookies.
    const pupilContext = await browser.newContext({ baseURL, storageState: signedOut });
    try {
      const pupil = await pupilContext.newPage();
      await pupil.goto("/signin");
      const form = pupil.getByRole("region", { name: zh.auth.pupilTab });
      await form.getByLabel(zh.auth.usernameLabel).fill(username);
      await form.getByLabel(zh.auth.passwordLabel).fill(password);
      await form.getByRole("button", { name: zh.auth.signInButton }).click();
      await expect(pupil).toHaveURL(/\/me\/password$/);
      await pupil.goto("/me");
      await expect(pupil).toHaveURL(/\/me\/password$/);
      await pupil.getByLabel(zh.auth.newPassword).fill("my-own-secret-1");
      await pupil.getByLabel(zh.auth.confirmPassword).fill("my-own-secret-1");
      await pupil.getByRole("button", { name: zh.auth.changePasswordTitle }).click();
      await expect(pupil).toHaveURL(/\/me$/);
      await expect(pupil.getByText(name).first()).toBeVisible();
    } finally {
      await pupilContext.close();
    }

    // Their slip no longer shows a password.
    await page.reload();
    await expect(page.getByTestId("slip-password")).toHaveCount(27);
    await expect(page.getByText(zh.pupils.slips.passwordChanged)).toHaveCount(1);

    // A coordinator of another school: the class looks like it does not exist.
    const otherContext = await browser.newContext({ baseURL, storageState: signedOut });
    try {
      const other = await otherContext.newPage();
      await signInWithMagicLink(other, otherSchoolCoordinator);
      for (const path of [classPath, `${classPath}/slips`]) {
        const response = await other.goto(path);
        expect(response?.status(), path).toBe(404);
        await expect(other.getByRole("heading", { level: 1 })).toHaveText(zh.notFound.title);
        await expect(other.locator("main")).not.toContainText(username);
      }
      await other.goto("/school");
      await expect(other.getByRole("link", { name })).toHaveCount(0);
      const template = await other.request.get(`${classPath}/template?format=csv`);
      expect(template.status()).toBe(404);
    } finally {
      await otherContext.close();
    }
  });

  test("a file that is not a spreadsheet gets a clear message on the class page", async ({ page }) => {
    const classPath = await createClass(page, `${Date.now() % 10000}班`);
    await page.getByLabel(zh.pupils.import.fileLabel).setInputFiles({
      name: "名单.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]),
    });
    await page.getByRole("button", { name: zh.pupils.import.upload }).click();
    await expect(page).toHaveURL(new RegExp(`${classPath}\\?importError=notSpreadsheet`));
    await expect(page.getByRole("alert").filter({ hasText: zh.pupils.import.error.notSpreadsheet })).toBeVisible();
  });

  test("the templates download in both languages and formats", async ({ page }) => {
    const classPath = await createClass(page, `模板${Date.now() % 10000}班`);
    for (const [lang, first] of [["zh-CN", "姓名"], ["en", "name"]] as const) {
      const csv = await page.request.get(`${classPath}/template?format=csv&lang=${lang}`);
      expect(csv.status()).toBe(200);
      expect((await csv.text()).replace(/^\ufeff/, "").split(",")[0]).toBe(first);
      const xlsx = await page.request.get(`${classPath}/template?format=xlsx&lang=${lang}`);
      expect(xlsx.headers()["content-type"]).toContain("spreadsheetml");
      expect((await xlsx.body()).subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
    }
  });
});
