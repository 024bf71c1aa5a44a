// Staff at the door hold a phone's camera to a visitor's confirmation email. Chromium's fake
// camera plays a video of the booking's QR code; the page reads it from the live picture.
import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { launchOptions } from "../playwright.config";
import { expect, test } from "./fixtures/auth";
import { bookAsVisitor, openSession, uniqueEmail, visitorPage } from "./fixtures/events";
import { fill, zh } from "./fixtures/i18n";
import { qrVideo } from "./fixtures/qr-video";

// Read when the camera starts, not when the browser does: the test writes the code in first.
const video = path.join(tmpdir(), `shuxiang-door-${process.pid}.y4m`);
test.use({
  role: "staff",
  launchOptions: { ...launchOptions, args: [...launchOptions.args, "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream", `--use-file-for-fake-video-capture=${video}`] },
});

test("scan a booking's QR code with the camera", async ({ page, browser, baseURL }) => {
  const visitor = await visitorPage(browser, baseURL);
  const { code, sessionId } = await bookAsVisitor(visitor, uniqueEmail("camera"), 4, 2);
  await visitor.close();
  writeFileSync(video, qrVideo(code));

  await openSession(page, sessionId);
  await page.getByRole("button", { name: zh.eventsAdmin.scan }).click();
  const checkedIn = fill(zh.eventsAdmin.checkedIn, { name: "李明", n: 2 });
  await expect(page.getByRole("status")).toHaveText(checkedIn);
  // The code stays in view: it is read once, not sent again with every frame ("already in").
  await page.waitForTimeout(1500);
  await expect(page.getByRole("status")).toHaveText(checkedIn);
  await page.getByRole("button", { name: zh.eventsAdmin.scanStop }).click();
  await expect(page.locator("video")).toHaveCount(0);
});
