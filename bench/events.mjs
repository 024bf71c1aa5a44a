// Figures for event booking, over HTTP through the booking form's server action, against a
// production server on PostgreSQL:
//
//   createdb -h 127.0.0.1 -U postgres shuxiang_bench_events
//   export DATABASE_URL=postgres://postgres@127.0.0.1:5432/shuxiang_bench_events AUTH_SECRET=bench-secret
//   SEED_DEMO=false MAIL_AUTO_DRAIN=false npx next start -p 3171 &
//   BENCH_URL=http://localhost:3171 npx tsx --conditions=react-server bench/events.mjs
//
// 1. 500 booking attempts at once for one session of 100 places (everyone also asks for the
//    waiting list): exactly 100 confirmed, the rest waiting, 0 server errors, one confirmation or
//    waiting-list email per booking in the outbox.
// 2. Booking latency with 50 requests in flight, spread over 100 sessions.
// 3. The event page (published, six exhibits, 42 sessions) with autocannon at 50 connections.
//
// Each booking comes from its own address (X-Forwarded-For, as a proxy in front would send it), as
// a thousand visitors would: the per-address limit stays on, and its table holds what it would.
import autocannon from "autocannon";
import { encodeReply } from "next/dist/compiled/react-server-dom-webpack/client.node.js";
import { eq, inArray } from "drizzle-orm";
import { closeDb, getDb } from "@/db/client";
import { createEventRow, createSessionRow } from "@/db/factories-events";
import { eventBookings, eventExhibits, eventSessions } from "@/db/schema/events";
import { outbox } from "@/db/schema/mail";
import { drawingPng } from "@/db/seed-entries-content";
import { saveUpload } from "@/lib/storage";
import { actionBody, actionId, at, fmt, post } from "./lib.mjs";

const base = new URL(process.env.BENCH_URL ?? "http://localhost:3171");
if (!process.env.DATABASE_URL) throw new Error("DATABASE_URL must match the running server's");

const ACTION = actionId("app/(public)/events/[slug]/actions.ts", "bookVisitorAction");
const run = Date.now().toString(36);

async function bookingBody(sessionId, i) {
  const form = new FormData();
  for (const [k, v] of Object.entries({ sessionId: String(sessionId), name: `观众${i}`, email: `bench-${run}-${sessionId}-${i}@example.test`, phone: "13800000000", partySize: "1", joinWaitlist: "on", website: "" })) form.set(k, v);
  return actionBody(await encodeReply([{ status: "idle" }, form]));
}

let visitor = Math.floor(Math.random() * 2 ** 24);
/** A new address for each booking (10.x.y.z, from a random start). */
const visitorAddress = () => {
  const n = visitor++ % 2 ** 24;
  return `10.${n >> 16}.${(n >> 8) & 255}.${n & 255}`;
};

/** Sends the bodies with `concurrency` in flight; returns latencies, outcomes and errors. */
async function send(slug, bodies, concurrency) {
  const times = [];
  const outcomes = {};
  let errors = 0;
  const queue = [...bodies];
  const one = async (body) => {
    const t = performance.now();
    try {
      const res = await post(new URL(`/events/${slug}`, base), { headers: { "next-action": ACTION, accept: "text/x-component", "content-type": body.type, "x-forwarded-for": visitorAddress() }, body: body.body, concurrency });
      const outcome = /"outcome":"(\w+)"/.exec(res.text)?.[1];
      if (res.status !== 200 || !outcome) {
        errors++;
        if (errors <= 3) console.error(`answer ${res.status}: ${res.text.slice(0, 300)}`);
      } else outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
    } catch (e) {
      errors++;
      if (errors <= 3) console.error(e);
    }
    times.push(performance.now() - t);
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: Math.min(concurrency, bodies.length) }, async () => {
    while (queue.length) await one(queue.shift());
  }));
  times.sort((a, b) => a - b);
  return { wall: performance.now() - started, times, outcomes, errors };
}


async function hotSession() {
  const db = getDb();
  const ev = await createEventRow(db, { slug: `bench-hot-${run}` });
  const s = await createSessionRow(db, ev.id, { capacity: 100 });
  const bodies = await Promise.all(Array.from({ length: 500 }, (_, i) => bookingBody(s.id, i)));
  const r = await send(ev.slug, bodies, 500);
  const rows = await db.select({ id: eventBookings.id, status: eventBookings.status, partySize: eventBookings.partySize }).from(eventBookings).where(eq(eventBookings.sessionId, s.id));
  const [session] = await db.select().from(eventSessions).where(eq(eventSessions.id, s.id));
  const confirmed = rows.filter((b) => b.status === "confirmed");
  const keys = rows.map((b) => [`event-confirmed/${b.id}`, `event-waiting/${b.id}`]).flat();
  const mails = await db.select({ key: outbox.idempotencyKey }).from(outbox).where(inArray(outbox.idempotencyKey, keys));
  const perBooking = new Map();
  for (const m of mails) {
    const id = m.key.split("/")[1];
    perBooking.set(id, (perBooking.get(id) ?? 0) + 1);
  }
  const exactlyOne = [...perBooking.values()].filter((n) => n === 1).length;
  console.log(`1. 500 booking attempts at once for 100 places in one session`);
  console.log(`   wall ${r.wall.toFixed(0)} ms; answers ${JSON.stringify(r.outcomes)}; server errors ${r.errors}`);
  console.log(`   latency ms: ${fmt(r.times)}`);
  console.log(`   stored: ${confirmed.length} confirmed (${confirmed.reduce((n, b) => n + b.partySize, 0)} places), ${rows.length - confirmed.length} waiting; session booked ${session.booked}/${session.capacity}`);
  console.log(`   outbox: ${perBooking.size} of ${rows.length} bookings have a confirmation or waiting-list email, ${exactlyOne} exactly one`);
  const pass = confirmed.length === 100 && session.booked === 100 && rows.length === 500 && r.errors === 0 && exactlyOne === 500;
  console.log(`   ${pass ? "PASS" : "FAIL"}`);
}

async function spread() {
  const db = getDb();
  const ev = await createEventRow(db, { slug: `bench-spread-${run}` });
  const sessions = [];
  for (let i = 0; i < 100; i++) sessions.push(await createSessionRow(db, ev.id, { capacity: 40, startsAt: new Date(Date.now() + (5 + i / 4) * 86_400_000) }));
  const bodies = await Promise.all(Array.from({ length: 1000 }, (_, i) => bookingBody(sessions[i % sessions.length].id, i)));
  const r = await send(ev.slug, bodies, 50);
  console.log(`2. 1000 bookings, 50 in flight, over 100 sessions`);
  console.log(`   wall ${r.wall.toFixed(0)} ms (${((1000 / r.wall) * 1000).toFixed(0)} bookings/s); answers ${JSON.stringify(r.outcomes)}; server errors ${r.errors}`);
  console.log(`   latency ms: ${fmt(r.times)}  (target p95 < 300 ms): ${at(r.times, 0.95) < 300 && r.errors === 0 ? "PASS" : "FAIL"}`);
}

async function eventPage() {
  const db = getDb();
  const ev = await createEventRow(db, { slug: `bench-page-${run}`, description: "“中国梦”摄影展：**六十余幅作品**记录家乡的变化。" });
  for (let d = 0; d < 21; d++) for (const h of [1, 6]) await createSessionRow(db, ev.id, { capacity: 40, startsAt: new Date(Date.now() + (d + 1) * 86_400_000 + h * 3600_000) });
  for (let i = 0; i < 6; i++) {
    const file = await saveUpload(db, "image", new File([drawingPng(i)], `e${i}.png`, { type: "image/png" }), { allowed: ["image/png"], maxBytes: 1 << 20, isPublic: true }, null);
    await db.insert(eventExhibits).values({ eventId: ev.id, fileId: file.id, title: `作品${i + 1}`, caption: "说明", sortOrder: i + 1 });
  }
  const url = new URL(`/events/${ev.slug}`, base).href;
  for (let i = 0; i < 10; i++) await (await fetch(url)).arrayBuffer();
  const result = await autocannon({ url, connections: 50, duration: 10 });
  console.log(`3. GET /events/<slug> (6 exhibits, 42 sessions), 50 connections, 10 s`);
  console.log(`   ${result.requests.average.toFixed(0)} requests/s; latency p50 ${result.latency.p50} ms p97.5 ${result.latency.p97_5} ms; non-2xx ${result.non2xx}; errors ${result.errors}`);
  console.log(`   (target ≥ 300 requests/s): ${result.requests.average >= 300 && result.non2xx === 0 ? "PASS" : "FAIL"}`);
}

const only = process.env.BENCH_ONLY?.split(",");
if (!only || only.includes("hot")) await hotSession();
if (!only || only.includes("spread")) await spread();
if (!only || only.includes("page")) await eventPage();
await closeDb();
