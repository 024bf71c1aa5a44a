// Figure: N essay submissions at once, by N distinct pupils, over HTTP through the same server
// action the essay form posts to, against a production server on PostgreSQL:
//
//   createdb -h 127.0.0.1 -U postgres shuxiang_bench_submit
//   export DATABASE_URL=postgres://postgres@127.0.0.1:5432/shuxiang_bench_submit AUTH_SECRET=bench-secret
//   SEED_DEMO=false MAIL_AUTO_DRAIN=false npx next start -p 3161 &        # migrates on start
//   BENCH_URL=http://localhost:3161 npx tsx --conditions=react-server bench/entries-submit.mjs
//
// The script makes an open campaign, an enrolled school, a class and N pupils (aged 14+, so no
// consent is needed), mints each pupil's session cookie with AUTH_SECRET, finds the action's id
// in the build's server-reference manifest, encodes [previous state, form data] the way React's
// client does (encodeReply), and sends all N requests at once. Then it checks the database: N
// submitted entries with N distinct codes and exactly one receipt in the outbox for each.
import { encodeReply } from "next/dist/compiled/react-server-dom-webpack/client.node.js";
import { encode } from "next-auth/jwt";
import { and, eq, inArray, sql } from "drizzle-orm";
import { closeDb, getDb } from "@/db/client";
import {
  createEnrolledPupil,
  createOpenCampaign,
} from "@/db/factories-entries";
import { createPupilRow } from "@/db/factories-classes";
import { entries } from "@/db/schema/entries";
import { outbox } from "@/db/schema/mail";
import { actionId } from "./lib.mjs";

const base = new URL(process.env.BENCH_URL ?? "http://localhost:3161");
const N = Number(process.env.BENCH_SUBMISSIONS ?? 200);
// All N at once by default; BENCH_CONCURRENCY=10 keeps 10 in flight instead (as the home page figure does).
const C = Number(process.env.BENCH_CONCURRENCY ?? N);
const secret = process.env.AUTH_SECRET;
if (!process.env.DATABASE_URL || !secret)
  throw new Error(
    "DATABASE_URL and AUTH_SECRET must match the running server's",
  );


const paragraph =
  "读完这本书，我久久不能平静。书中的主人公在困难面前没有退缩，而是一次又一次地站起来。我想起自己学骑自行车的时候，摔倒了很多次，也想过放弃，是妈妈的鼓励让我坚持下来。读书让我明白，成长就是在跌倒中学会站起来。";

async function main() {
  const db = getDb();
  const { campaign, essay } = await createOpenCampaign(db, {
    minChars: 100,
    maxChars: 2000,
  });
  const { school, cls } = await createEnrolledPupil(db, campaign.id);
  const pupils = [];
  for (let i = 0; i < N; i++) {
    const { user } = await createPupilRow(db, {
      classId: cls.id,
      schoolId: school.id,
      grade: 5,
      birthYear: 2000,
      name: `基准学生${i}`,
      guardianEmail: `guardian${i}@example.test`,
    });
    pupils.push(user);
  }
  const id = actionId("app/me/entries/actions.ts", "saveEntryAction");
  const requests = await Promise.all(
    pupils.map(async (p) => {
      const token = await encode({
        token: { sub: p.id, name: p.name },
        secret,
        salt: "authjs.session-token",
        maxAge: 3600,
      });
      const form = new FormData();
      for (const [k, v] of Object.entries({
        pupilId: p.id,
        categoryId: String(essay.id),
        intent: "submit",
        title: "读《草房子》有感",
        bookTitle: "草房子",
        bookAuthor: "曹文轩",
        body: `${paragraph}\n${paragraph}`,
      }))
        form.set(k, v);
      return {
        cookie: `authjs.session-token=${token}`,
        body: await encodeReply([{ status: "idle" }, form]),
      };
    }),
  );

  const times = [];
  let errors = 0;
  const started = performance.now();
  const queue = [...requests];
  const send = async ({ cookie, body }) => {
    const t = performance.now();
    try {
      const res = await fetch(new URL(`/me/entries/${essay.id}`, base), {
        method: "POST",
        headers: { cookie, "next-action": id, accept: "text/x-component" },
        body,
      });
      const text = await res.text();
      if (res.status !== 200 || !/"status":"submitted"/.test(text)) {
        errors++;
        if (errors <= 3)
          console.error(`answer ${res.status}: ${text.slice(0, 300)}`);
      }
    } catch (e) {
      errors++;
      if (errors <= 3) console.error(e);
    }
    times.push(performance.now() - t);
  };
  await Promise.all(
    Array.from({ length: Math.min(C, N) }, async () => {
      while (queue.length) await send(queue.shift());
    }),
  );
  const wall = performance.now() - started;
  times.sort((a, b) => a - b);
  const at = (q) =>
    times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)];

  const ids = pupils.map((p) => p.id);
  const stored = await db
    .select({ id: entries.id, code: entries.code })
    .from(entries)
    .where(and(inArray(entries.pupilId, ids), eq(entries.status, "submitted")));
  const keys = stored.map((e) => `entry-receipt/${e.id}`);
  const receipts = keys.length
    ? await db
        .select({ key: outbox.idempotencyKey, n: sql`count(*)::int` })
        .from(outbox)
        .where(inArray(outbox.idempotencyKey, keys))
        .groupBy(outbox.idempotencyKey)
    : [];

  console.log(
    `${N} essay submissions (distinct pupils), ${C >= N ? "all at once" : `${C} at a time`}, over HTTP to the server action`,
  );
  console.log(`  wall time ${wall.toFixed(0)} ms; errors ${errors}`);
  console.log(
    `  latency ms: p50 ${at(0.5).toFixed(0)}  p90 ${at(0.9).toFixed(0)}  p95 ${at(0.95).toFixed(0)}  p99 ${at(0.99).toFixed(0)}  max ${times.at(-1).toFixed(0)}`,
  );
  console.log(
    `  stored: ${stored.length} submitted entries, ${new Set(stored.map((e) => e.code)).size} distinct codes`,
  );
  console.log(
    `  receipts: ${receipts.length} entries with a receipt, ${receipts.filter((r) => r.n === 1).length} with exactly one`,
  );
  console.log(
    `  p95 ${at(0.95).toFixed(0)} ms (target < 300 ms, 0 errors): ${at(0.95) < 300 && errors === 0 && stored.length === N && receipts.length === N ? "PASS" : "FAIL"}`,
  );
  await closeDb();
}

await main();
