// `npm test`: typecheck, lint, unit + integration tests on PGlite (and again on PostgreSQL when
// TEST_DATABASE_URL is set), then end-to-end tests in Chromium against a production build.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { buildIfNeeded } from "./build-if-needed.mjs";

const ci = process.env.CI === "true" || process.env.CI === "1";
const results = [];

function step(name, command, args, env = {}) {
  console.log(`\n━━ ${name} ━━`);
  const started = Date.now();
  const r = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  const ok = r.status === 0;
  results.push(`${ok ? "✓" : "✗"} ${name} (${Math.round((Date.now() - started) / 1000)} s)`);
  if (!ok) {
    console.error(`\n✗ ${name} failed`);
    console.log(results.join("\n"));
    process.exit(r.status || 1);
  }
}

const npx = "npx";
step("typecheck", "npm", ["run", "--silent", "typecheck"]);
step("lint", "npm", ["run", "--silent", "lint"]);
step("unit and integration tests on PGlite", npx, ["vitest", "run"], { TEST_DATABASE_URL: "" });
if (process.env.TEST_DATABASE_URL) {
  step("unit and integration tests on PostgreSQL", npx, ["vitest", "run"]);
} else {
  console.log("\n(TEST_DATABASE_URL is not set: the PostgreSQL run of the integration tests is skipped.)");
}

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!existsSync(chromium)) {
  const how = "Install it with: sudo apt-get update && sudo apt-get install -y chromium fonts-noto-cjk (or set CHROMIUM_PATH).";
  if (ci) {
    console.error(`\n✗ No Chromium at ${chromium}: end-to-end tests cannot run. ${how}`);
    process.exit(1);
  }
  console.warn(`\n${"!".repeat(72)}\n!! END-TO-END TESTS SKIPPED: no Chromium at ${chromium}.\n!! ${how}\n${"!".repeat(72)}`);
} else {
  console.log("\n━━ production build ━━");
  buildIfNeeded();
  step("end-to-end tests (Playwright, Chromium)", npx, ["playwright", "test"]);
}
console.log(`\n${results.join("\n")}`);
