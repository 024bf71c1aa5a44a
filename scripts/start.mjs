// `npm start`: builds when needed, then serves the portal. With no DATABASE_URL the data lives in
// the embedded PGlite under .data/ and is migrated and filled with demo data on the first start.
import { spawn } from "node:child_process";
import cluster from "node:cluster";
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

const nextBin = path.join("node_modules", "next", "dist", "bin", "next");
const requested = Number(env.WEB_CONCURRENCY ?? 1);
const workers = Number.isInteger(requested) && requested > 1 ? requested : 1;

if (workers > 1 && env.DATABASE_URL) {
  // One server process per core, sharing the port (node:cluster hands each connection to one).
  // The first starts alone, so the database is migrated (and seeded) once before the others come:
  // they start when it says so (instrumentation.ts).
  cluster.setupPrimary({ exec: nextBin, args: ["start", "-p", env.PORT] });
  let stopping = false;
  const fork = () => cluster.fork(env);
  const first = fork();
  first.on("message", function ready(m) {
    if (m?.shuxiang !== "db-ready") return;
    first.off("message", ready);
    for (let i = 1; i < workers; i++) fork();
  });
  console.log(`[shuxiang] ${workers} server processes on port ${env.PORT}`);
  const restarts = [];
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) return;
    // A process that dies is replaced while the others keep serving; one that keeps dying
    // (five times in a minute: a broken configuration, not bad luck) stops the portal.
    restarts.push(Date.now());
    if (restarts.filter((t) => t > Date.now() - 60_000).length > 5) {
      console.error("[shuxiang] server processes keep ending; stopping");
      process.exit(1);
    }
    console.error(`[shuxiang] server process ${worker.process.pid} ended (${signal ?? code}); starting another`);
    fork();
  });
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.on(signal, () => {
      stopping = true;
      for (const w of Object.values(cluster.workers ?? {})) w?.process.kill(signal);
      setTimeout(() => process.exit(0), 5000).unref();
      cluster.disconnect(() => process.exit(0));
    });
  }
} else {
  if (workers > 1) console.log("[shuxiang] WEB_CONCURRENCY needs DATABASE_URL (the embedded PGlite is one process): starting one server process");
  const child = spawn(process.execPath, [nextBin, "start", "-p", env.PORT], { stdio: "inherit", env });
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
  child.on("exit", (code) => process.exit(code ?? 0));
}
