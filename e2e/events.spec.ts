// Booking a visit as people do: a visitor books the photo exhibition, reads the confirmation in
// the dev mailbox (QR code, calendar file, manage link) and cancels through the link; a teacher
// books a whole class; staff check a booking in at the door by typing its code or from a photo
// of its QR code (the live camera: check-in-camera.spec.ts).
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures/auth";
import { bookAsVisitor, EVENT, openSession, uniqueEmail, visitorPage } from "./fixtures/events";
import { fill, pattern, zh } from "./fixtures/i18n";
import { tinyPng } from "./fixtures/png";

const ev = zh.events;
const classRegion = (page: Page) => page.locator("section", { has: page.getByRole("heading", { name: ev.classTitle }) });

test("a visitor books, gets the email with the QR code and calendar file, and cancels through the link", async ({ browser, baseURL }) => {
  const page = await visitorPage(browser, baseURL);
  await page.goto(EVENT);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("“中国梦”摄影展");
  await expect(page.getByRole("heading", { name: ev.gallery })).toBeVisible();
  await expect(page.getByRole("figure").first().getByRole("img")).toBeVisible();

  const email = uniqueEmail("visitor");
  const { code } = await bookAsVisitor(page, email, 1, 2);

  // The confirmation in the dev mailbox.
  await page.goto("/dev/mailbox");
  await page.locator("main li a").filter({ hasText: `${email} ·` }).filter({ hasText: fill(ev.email.confirmed.subject, { event: "“中国梦”摄影展" }) }).click();
  await expect(page.getByTestId("mail-to")).toHaveText(email);
  const mail = page.frameLocator("iframe");
  await expect(mail.getByText(fill(ev.email.code, { code }))).toBeVisible();
  // The QR code is an image of this server's (mail clients do not show data: images).
  const qr = mail.locator(`img[src$="/qr/${code}"]`);
  await expect(qr).toHaveCount(1);
  const png = await page.request.get((await qr.getAttribute("src"))!);
  expect(png.headers()["content-type"]).toBe("image/png");
  const links = await page.getByTestId("mail-link").evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
  const manage = links.find((h) => /\/bookings\/[\w-]+$/.test(h))!;
  const calendar = links.find((h) => h.endsWith("/calendar"))!;
  expect(manage).toBeTruthy();
  const ics = await page.request.get(calendar);
  expect(ics.headers()["content-type"]).toContain("text/calendar");
  const body = await ics.text();
  expect(body).toContain("BEGIN:VEVENT");
  expect(body).toContain("SUMMARY:“中国梦”摄影展");

  // The link opens the booking, with its QR code; cancelling asks once.
  await page.goto(manage);
  await expect(page.getByTestId("booking-code")).toHaveText(code);
  await expect(page.getByRole("img", { name: code })).toBeVisible();
  page.once("dialog", (d) => d.accept());
  await page.getByRole("button", { name: ev.manage.cancel }).click();
  await expect(page.getByText(ev.status.cancelled, { exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: ev.manage.cancel })).toHaveCount(0);
  await page.close();
});

test.describe("a teacher", () => {
  test.use({ role: "teacher" });

  test("books a class with the school filled in", async ({ page }) => {
    await page.goto(EVENT);
    const form = classRegion(page);
    await expect(form).toContainText("滦南县第一实验小学");
    // The demo class visit is on the first session; this one goes on the third.
    await form.getByLabel(ev.chooseSession).selectOption({ index: 2 });
    await form.getByLabel(ev.phone).fill("13803151001");
    await form.getByLabel(ev.pupils).fill("30");
    await form.getByLabel(ev.adults).fill("2");
    await form.getByRole("button", { name: ev.submitClass }).click();
    await expect(form.getByRole("status")).toContainText(pattern(ev.result.confirmed));
    await form.getByRole("link", { name: ev.result.manage }).click();
    await expect(page.getByText("32 (30 + 2)")).toBeVisible();
    await expect(page.getByText("滦南县第一实验小学")).toBeVisible();
  });
});

test.describe("staff", () => {
  test.use({ role: "staff" });

  test("check a booking in by its code", async ({ page, browser, baseURL }) => {
    const visitor = await visitorPage(browser, baseURL);
    const { code, sessionId } = await bookAsVisitor(visitor, uniqueEmail("door"), 3, 3);
    await visitor.close();

    await openSession(page, sessionId);
    await expect(page.getByText(code)).toBeVisible();
    await page.getByLabel(zh.eventsAdmin.typeCode).fill(code.toLowerCase());
    await page.getByRole("button", { name: zh.eventsAdmin.checkInButton, exact: true }).click();
    await expect(page.getByRole("status")).toHaveText(fill(zh.eventsAdmin.checkedIn, { name: "李明", n: 3 }));
    await expect(page.getByRole("heading", { name: zh.eventsAdmin.arrivedList })).toBeVisible();
    // The same code again says so instead of counting twice.
    await page.getByLabel(zh.eventsAdmin.typeCode).fill(code);
    await page.getByRole("button", { name: zh.eventsAdmin.checkInButton, exact: true }).click();
    await expect(page.getByRole("status")).toContainText(pattern(zh.eventsAdmin.alreadyIn));
  });

  test("check a booking in from a photo of the QR code in its email", async ({ page, browser, baseURL }) => {
    const visitor = await visitorPage(browser, baseURL);
    const { code, sessionId } = await bookAsVisitor(visitor, uniqueEmail("photo"), 2, 3);
    await visitor.close();
    // The picture the confirmation email shows (it links to /qr/<code>).
    const qr = await page.request.get(`/qr/${code}`);
    expect(qr.headers()["content-type"]).toBe("image/png");

    await openSession(page, sessionId);
    // A photo with no QR code in it says so, and checks nobody in.
    await page.getByLabel(zh.eventsAdmin.scanPhoto).setInputFiles({ name: "blank.png", mimeType: "image/png", buffer: tinyPng() });
    await expect(page.getByText(zh.eventsAdmin.scanPhotoUnread)).toBeVisible();
    await page.getByLabel(zh.eventsAdmin.scanPhoto).setInputFiles({ name: "qr.png", mimeType: "image/png", buffer: await qr.body() });
    await expect(page.getByRole("status")).toHaveText(fill(zh.eventsAdmin.checkedIn, { name: "李明", n: 3 }));
    await expect(page.getByText(zh.eventsAdmin.scanPhotoUnread)).toHaveCount(0);
  });
});
