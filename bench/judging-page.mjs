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
//
// Two ways a judge gets that page, measured in turn:
// - "open": the whole HTML page, as when the judge opens a link or reloads;
// - "step": what the browser asks for when the judge goes on to the next entry inside the
//   portal (the queue's links and "next entry" are next/link): the page's React Server Components
//   payload for the entry segment only, with the router's state header Chromium sent for that
//   click (captured once and replayed here) and the `_rsc` check value the server asks for.
import { encode } from "next-auth/jwt";
import { and, asc, eq } from "drizzle-orm";
import { closeDb, getDb } from "@/db/client";
import { assignments } from "@/db/schema/judging";
import { entries } from "@/db/schema/entries";
import { at, fmt } from "./lib.mjs";

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

/** The router's headers for a step from the queue to assignment `id` (as Chromium sends them). */
function stepHeaders(cookie, id) {
  const tree = ["", { children: ["judging", { children: [["assignmentId", String(id), "d", null], { children: ["__PAGE__", {}, null, null, 0] }, null, "refetch", 0] }, null, null, 0] }, null, null, 16];
  return { cookie, rsc: "1", "next-router-state-tree": encodeURIComponent(JSON.stringify(tree)), "next-url": "/judging" };
}
for (const t of targets) {
  const headers = stepHeaders(t.cookie, t.url.pathname.split("/").pop());
  // Without the right `_rsc` value the server answers with a redirect to the URL that has it.
  const res = await fetch(t.url, { headers, redirect: "manual" });
  await res.arrayBuffer();
  t.step = { url: new URL(res.headers.get("location"), base), headers };
}

async function run(mode) {
  const times = [];
  let errors = 0;
  const ask = async (t) => {
    const res = mode === "open" ? await fetch(t.url, { headers: { cookie: t.cookie } }) : await fetch(t.step.url, { headers: t.step.headers, redirect: "manual" });
    const body = await res.text();
    const ok = res.status === 200 && body.includes(t.code) && (mode === "open" ? body.startsWith("<!DOCTYPE html>") : res.headers.get("content-type")?.startsWith("text/x-component"));
    return ok;
  };
  // Warm-up: one request per judge.
  await Promise.all(targets.map(ask));
  const until = performance.now() + SECONDS * 1000;
  await Promise.all(
    targets.map(async (t) => {
      while (performance.now() < until) {
        const s = performance.now();
        const ok = await ask(t);
        times.push(performance.now() - s);
        if (!ok) errors++;
      }
    }),
  );
  times.sort((a, b) => a - b);
  const p95 = at(times, 0.95);
  console.log(`${mode}: ${targets.length} judges at once for ${SECONDS} s: ${times.length} answers, ${(times.length / SECONDS).toFixed(1)}/s, errors ${errors}`);
  console.log(`  latency ms: ${fmt(times)}`);
  console.log(`  p95 ${p95.toFixed(0)} ms (target < 150 ms, 0 errors): ${p95 < 150 && errors === 0 ? "PASS" : "FAIL"}`);
}
for (const mode of (process.env.BENCH_MODES ?? "open,step").split(",")) await run(mode);
