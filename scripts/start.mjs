// `npm start`: builds when needed, then serves the portal. With no DATABASE_URL the data lives in
// the embedded PGlite under .data/ and is migrated and filled with demo data on the first start.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { buildIfNeeded } from "./build-if-needed.mjs";

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
env.PORT ??= "3000";
env.AUTH_TRUST_HOST ??= "true";

if (!env.AUTH_SECRET) {
  // A newcomer has no secret yet: make one and keep it, so sessions survive a restart.
  const file = path.resolve(".data", "auth-secret");
  mkdirSync(path.dirname(file), { recursive: true });
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  env.AUTH_SECRET = readFileSync(file, "utf8").trim();
}

if (!env.RESEND_API_KEY && env.DEV_MAILBOX === undefined) {
  env.DEV_MAILBOX = "true";
  console.log(`[shuxiang] no RESEND_API_KEY: email stays on this machine; read it at http://localhost:${env.PORT}/dev/mailbox`);
}
if (!env.DATABASE_URL) console.log("[shuxiang] database: embedded PGlite in", env.DATA_DIR ?? ".data/pglite");

buildIfNeeded();

const child = spawn(process.execPath, [path.join("node_modules", "next", "dist", "bin", "next"), "start", "-p", env.PORT], {
  stdio: "inherit",
  env,
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 0));
