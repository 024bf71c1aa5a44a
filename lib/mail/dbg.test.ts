import { test } from "vitest";
import { randomBytes } from "node:crypto";
import { getDb } from "@/db/client";
import { startFakeResend } from "@/test/fake-resend";
import { enqueueMail } from "./outbox";
import { drainOutbox } from "./sender";
import { resendTransport } from "./transports";
test("dbg", async () => {
  const fake = await startFakeResend();
  const t = resendTransport("re_x", fake.url);
  const kind = "dbg-" + randomBytes(3).toString("hex");
  for (let i = 0; i < 8; i++) await enqueueMail(getDb(), { kind, entityId: i, to: `a${i}@x.test`, locale: "en", subject: "s", html: "h", text: "t" });
  (globalThis as any).__dbg = [];
  await Promise.all([drainOutbox({ transport: t, onlyKinds: [kind], ratePerSecond: 20, batchSize: 2 }), drainOutbox({ transport: t, onlyKinds: [kind], ratePerSecond: 20, batchSize: 2 })]);
  const d = (globalThis as any).__dbg; const base = d[0].t0;
  for (const e of d) console.log(JSON.stringify(Object.fromEntries(Object.entries(e).map(([k, v]) => [k, k === "id" ? v : Math.round(((v as number) - (k === "waitMs" ? 0 : base)) * 10) / 10]))));
  console.log(fake.requests.map((r) => Math.round((r.at - base) * 10) / 10).join(" "));
  await fake.close();
});
