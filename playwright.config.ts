import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);
// localhost, not 127.0.0.1: Next rewrites the host and a cookie set on 127.0.0.1 would be lost.
const baseURL = `http://localhost:${port}`;
export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export const launchOptions = {
  executablePath: chromiumPath,
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
};

export default defineConfig({
  testDir: "e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: { baseURL, locale: "zh-CN", timezoneId: "Asia/Shanghai", trace: "retain-on-failure", launchOptions },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"], launchOptions }, testIgnore: /mobile\.spec/ },
    { name: "phone", use: { ...devices["Pixel 7"], viewport: { width: 360, height: 780 }, launchOptions }, testMatch: /mobile\.spec/ },
  ],
  webServer: {
    command: "node scripts/e2e-server.mjs",
    url: `${baseURL}/`,
    // Generous: run on its own, the server first builds, which takes minutes on a busy 2-core machine.
    timeout: 600_000,
    reuseExistingServer: false,
    env: { PORT: String(port) },
    stdout: "pipe",
  },
});
