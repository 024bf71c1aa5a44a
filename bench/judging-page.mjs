// Figure: a judge's next-entry page at 20 concurrent judges, p95 (target < 150 ms). Against a
// production server on the database bench/judging.mjs filled (20,000 entries, 40 judges):
//
//   export DATABASE_URL=postgres://postgres@127.0.0.1:5432/shuxiang_bench_judging AUTH_SECRET=bench-secret
//   SEED_DEMO=false MAIL_AUTO_DRAIN=false npx next start -p 3162 &
//   BENCH_URL=http://localhost:3162 npx tsx --conditions=react-server bench/judging-page.mjs
//
// 20 judges of the campaign each get a minted session cookie; 20 workers, one per judge, each
// ask for that judge's first assignment page (/judging/<id>) again and again for 10 s. Every
// answer must be 200 and show the entry code.
import { encode } from "next-auth/jwt";
import { and, asc, eq } from "drizzle-orm";
import { closeDb, getDb } from "@/db/client";
import { assignments } from "@/db/schema/judging";
import { entries } from "@/db/schema/entries";

const base = new URL(process.env.BENCH_URL ?? "http://localhost:3162");
const JUDGES = Number(process.env.BENCH_JUDGES ?? 20);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const secret = process.env.AUTH_SECRET;
if (!process.env.DATABASE_URL || !secret) throw new Error("DATABASE_URL and AUTH_SECRET must match the running server's");

const db = getDb();
const judges = await db.selectDistinct({ judgeId: assignments.judgeId }).from(assignments).where(eq(assignments.status, "assigned")).limit(JUDGES);
const targets = [];
for (const { judgeId } of judges) {
  const [a] = await db
    .select({ id: assignments.id, code: entries.code })
    .from(assignments)
    .innerJoin(entries, eq(entries.id, assignments.entryId))
    .where(and(eq(assignments.judgeId, judgeId), eq(assignments.status, "assigned")))
    .orderBy(asc(assignments.id))
    .limit(1);
  const token = await encode({ token: { sub: judgeId }, secret, salt: "authjs.session-token", maxAge: 3600 });
  targets.push({ url: new URL(`/judging/${a.id}`, base), code: a.code, cookie: `authjs.session-token=${token}` });
}
await closeDb();

const times = [];
let errors = 0;
const until = performance.now() + SECONDS * 1000;
// Warm-up: one request per judge.
await Promise.all(targets.map((t) => fetch(t.url, { headers: { cookie: t.cookie } }).then((r) => r.text())));
await Promise.all(
  targets.map(async (t) => {
    while (performance.now() < until) {
      const s = performance.now();
      const res = await fetch(t.url, { headers: { cookie: t.cookie } });
      const html = await res.text();
      times.push(performance.now() - s);
      if (res.status !== 200 || !html.includes(t.code)) errors++;
    }
  }),
);
times.sort((a, b) => a - b);
const at = (q) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)];
console.log(`${targets.length} judges at once for ${SECONDS} s: ${times.length} pages, ${(times.length / SECONDS).toFixed(1)}/s, errors ${errors}`);
console.log(`latency ms: p50 ${at(0.5).toFixed(0)}  p90 ${at(0.9).toFixed(0)}  p95 ${at(0.95).toFixed(0)}  p99 ${at(0.99).toFixed(0)}  max ${times.at(-1).toFixed(0)}`);
console.log(`p95 ${at(0.95).toFixed(0)} ms (target < 150 ms, 0 errors): ${at(0.95) < 150 && errors === 0 ? "PASS" : "FAIL"}`);
