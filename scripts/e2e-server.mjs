// The server Playwright tests run against: the production build on a brand-new embedded database.
import { rmSync } from "node:fs";
import path from "node:path";

const dir = path.resolve(".data", `e2e-${process.env.PORT ?? "3100"}`);
rmSync(dir, { recursive: true, force: true });
process.env.DATA_DIR = dir;
process.env.DEV_MAILBOX = "true";
process.env.AUTH_SECRET ??= "e2e-only-secret-not-for-production-use";
delete process.env.RESEND_API_KEY;
await import("./start.mjs");
