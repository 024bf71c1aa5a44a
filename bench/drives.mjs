// Figures for book drives, over HTTP against a production server on PostgreSQL:
//
//   createdb -h 127.0.0.1 -U postgres shuxiang_bench_drives
//   export DATABASE_URL=postgres://postgres@127.0.0.1:5432/shuxiang_bench_drives AUTH_SECRET=bench-secret
//   # one address sends every request here, so lift the per-address pledge limit
//   SEED_DEMO=false MAIL_AUTO_DRAIN=false DRIVES_PLEDGE_LIMIT_IP=1000000 npx next start -p 3181 &
//   BENCH_URL=http://localhost:3181 npx tsx --conditions=react-server bench/drives.mjs   # BENCH_ONLY=page,fresh,pledges
//
// 1. page: a drive page (five need-list lines, a story, 120 pledges from people and schools,
//    intakes, a delivery) with autocannon at 50 connections for 10 s: requests/s, p95, non-2xx.
//    Target ≥ 300 requests/s.
// 2. fresh: a pledge made through the pledge form's server action, then the page read every
//    20 ms until its overall "pledged" total shows the new books: quietly, and again while
//    autocannon keeps 50 connections on the page. Target: within 1 s.
// 3. pledges: 200 pledges at once through the server action (distinct nonces and addresses) to
//    a fresh drive: all stored, 0 errors, exactly one confirmation each in the outbox, latency.
import { loadavg } from "node:os";
import { randomBytes } from "node:crypto";
import autocannon from "autocannon";
import { encodeReply } from "next/dist/compiled/react-server-dom-webpack/client.node.js";
import { eq, inArray, sql } from "drizzle-orm";
import { closeDb, getDb } from "@/db/client";
import { createSchool } from "@/db/factories";
import { createCategoryRows, createDriveRow } from "@/db/factories-drives";
import { driveDeliveries, driveDeliveryItems, driveIntakes, drivePledgeItems, drivePledges } from "@/db/schema/drives";
import { outbox } from "@/db/schema/mail";
import { actionId, at, fmt } from "./lib.mjs";

const base = new URL(process.env.BENCH_URL ?? "http://localhost:3181");
if (!process.env.DATABASE_URL) throw new Error("DATABASE_URL must match the running server's");

const ACTION = actionId("app/(public)/drives/[slug]/actions.ts", "pledgeAction");
const run = Date.now().toString(36);
const load = () => loadavg().map((x) => x.toFixed(2)).join(" ");

const LINES = [
  { name: "绘本", target: 1200, welcome: "适合 3–8 岁孩子的中文绘本，八成新以上", notWelcome: "不收破损、涂画严重或缺页的书；不收点读书、玩具书" },
  { name: "儿童文学", target: 1300, welcome: "适合小学生的童话、小说、诗歌，如《草房子》《夏洛的网》", notWelcome: "不收教材教辅、试卷习题、盗版书" },
  { name: "科普读物", target: 1000, welcome: "面向中小学生的自然、科技、地理、历史科普书", notWelcome: "不收教材教辅、试卷习题、盗版书；不收 2010 年以前出版的科技书" },
  { name: "农业技术", target: 700, welcome: "蔬菜大棚、果树栽培、畜禽养殖、病虫害防治等实用技术书", notWelcome: "不收 2010 年以前出版的农技书" },
  { name: "经典名著", target: 800, welcome: "中外名著的完整版或青少年版，如四大名著、《红星照耀中国》", notWelcome: "不收缩写到只剩故事梗概的“名著速读”" },
];
const STORY = `东万坨村的农家书屋建于 2012 年，现有藏书一千余册，大多是当年配送的政策和农业读物，适合孩子们读的书很少。放学后和寒暑假，村里三十多个孩子常来书屋写作业、看书，几本绘本早已翻得卷了边。

县图书馆联合方各庄镇文化站发起这次募书，目标 **5000 册**：以绘本、儿童文学和科普读物为主，也为村里的种植户征集实用的农业技术书。

- 请按需求清单认捐，送书时在书里夹一张写有认捐码的纸条；
- 图书可送到县图书馆一楼服务台（周二至周日 8:30–17:30），也可预约上门取书；
- 馆员整理登记后分批送到村里，每一批都会在本页公布。`;

/** A published drive with its need-list and, when `busy`, a realistic history of gifts. */
async function makeDrive(busy) {
  const db = getDb();
  const drive = await createDriveRow(db, { slug: `bench-drive-${run}-${busy ? "page" : "pledges"}`, title: "为方各庄镇东万坨村农家书屋募书", story: STORY });
  const cats = await createCategoryRows(db, drive.id, LINES);
  if (!busy) return { drive, cats };
  const schools = [];
  for (let i = 0; i < 8; i++) schools.push(await createSchool(db, { name: `滦南县募书测试小学${run}${i}` }));
  const names = ["李春华", "杨淑芬", "张丽", "赵建国", "刘思远", "王丽娟", "赵国强", "王海军", "孙美玲", "陈晓"];
  for (let i = 0; i < 120; i++) {
    const school = i % 3 === 0 ? schools[i % schools.length] : null;
    const status = i % 10 === 9 ? "cancelled" : i % 4 === 0 ? "received" : "pledged";
    const [p] = await db
      .insert(drivePledges)
      .values({
        code: randomBytes(4).toString("hex").toUpperCase(),
        driveId: drive.id,
        name: i % 5 === 4 ? "" : `${names[i % names.length]}${i}`,
        showName: i % 5 < 3,
        email: `bench-${run}-donor${i}@example.test`,
        kind: school ? "school" : "person",
        schoolId: school?.id ?? null,
        status,
        tokenHash: randomBytes(16).toString("hex"),
        nonce: randomBytes(16).toString("hex"),
      })
      .returning();
    const mine = [cats[i % cats.length], cats[(i + 2) % cats.length]];
    await db.insert(drivePledgeItems).values(mine.map((c, k) => ({ pledgeId: p.id, categoryId: c.id, count: 3 + ((i + k) % 9) })));
    if (status === "received") await db.insert(driveIntakes).values(mine.map((c, k) => ({ driveId: drive.id, pledgeId: p.id, categoryId: c.id, accepted: 3 + ((i + k) % 9) - (k ? 1 : 0), declined: k ? 1 : 0, declineReason: k ? "破损" : "" })));
  }
  for (const [d, on] of [[0, "2026-11-10"], [1, "2026-11-24"]]) {
    const [delivery] = await db.insert(driveDeliveries).values({ driveId: drive.id, deliveredOn: on, receivedBy: "东万坨村农家书屋管理员 王秀兰" }).returning();
    await db.insert(driveDeliveryItems).values(cats.slice(d, d + 3).map((c) => ({ deliveryId: delivery.id, categoryId: c.id, count: 20 })));
  }
  return { drive, cats };
}

async function pledgeBody(driveId, cats, i, nonce = randomBytes(16).toString("hex")) {
  const form = new FormData();
  const fields = { driveId: String(driveId), nonce, name: `捐书人${i}`, showName: "on", email: `bench-${run}-${driveId}-${i}@example.test`, phone: "13800000000", kind: "person", schoolId: "", handover: "dropoff", pickupAddress: "", pickupDays: "", website: "" };
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  for (const c of cats) form.set(`count_${c.id}`, c === cats[i % cats.length] ? String(1 + (i % 5)) : "");
  for (const c of cats) form.set(`titles_${c.id}`, "");
  return encodeReply([{ status: "idle" }, form]);
}

/** One pledge through the form's server action; returns the answer's outcome or throws. */
async function pledge(slug, body) {
  const res = await fetch(new URL(`/drives/${slug}`, base), { method: "POST", headers: { "next-action": ACTION, accept: "text/x-component" }, body });
  const text = await res.text();
  const code = /"code":"(\w+)"/.exec(text)?.[1];
  if (res.status !== 200 || !/"status":"ok"/.test(text) || !code) throw new Error(`answer ${res.status}: ${text.slice(0, 300)}`);
  return code;
}

/** The overall pledged total as the page shows it (the first progress bar's label). */
async function shownTotal(url) {
  const html = await (await fetch(url)).text();
  const m = /已认捐 (\d+) \/ 目标/.exec(html);
  if (!m) throw new Error(`no total on ${url}`);
  return Number(m[1]);
}

/** Pledges `n` books and measures how long until the page shows them; returns ms (or Infinity after 5 s). */
async function freshness(drive, cats, i) {
  const url = new URL(`/drives/${drive.slug}`, base).href;
  const before = await shownTotal(url);
  const books = 1 + (i % 5);
  await pledge(drive.slug, await pledgeBody(drive.id, cats, i));
  const t = performance.now();
  while (performance.now() - t < 5000) {
    if ((await shownTotal(url)) === before + books) return performance.now() - t;
    await new Promise((r) => setTimeout(r, 20));
  }
  return Infinity;
}

async function page() {
  const { drive, cats } = await makeDrive(true);
  const url = new URL(`/drives/${drive.slug}`, base).href;
  for (let i = 0; i < 20; i++) await (await fetch(url)).arrayBuffer();
  const bytes = (await (await fetch(url)).arrayBuffer()).byteLength;
  const times = [];
  const statuses = {};
  const before = load();
  const instance = autocannon({ url, connections: 50, duration: 10 });
  instance.on("response", (_c, status, _b, ms) => {
    statuses[status] = (statuses[status] ?? 0) + 1;
    times.push(ms);
  });
  // Halfway through, a pledge: the page must show it within a second even under this load.
  const underLoad = new Promise((resolve) => setTimeout(() => freshness(drive, cats, 1000).then(resolve, (e) => resolve(`error: ${e.message}`)), 4000));
  const result = await instance;
  const fresh = await underLoad;
  times.sort((a, b) => a - b);
  console.log(`1. GET /drives/<slug> (5 need-list lines, 120 pledges, 2 deliveries; ${(bytes / 1024).toFixed(0)} KiB), 50 connections, 10 s; load average before ${before}, after ${load()}`);
  console.log(`   ${result.requests.total} requests, ${result.requests.average.toFixed(0)} requests/s; latency ms ${fmt(times)}; statuses ${JSON.stringify(statuses)}; non-2xx ${result.non2xx}; errors ${result.errors}; timeouts ${result.timeouts}`);
  console.log(`   (target ≥ 300 requests/s, 0 non-2xx): ${result.requests.average >= 300 && result.non2xx === 0 && result.errors === 0 ? "PASS" : "FAIL"}`);
  console.log(`   a pledge made during the run was on the page after ${typeof fresh === "number" ? `${fresh.toFixed(0)} ms` : fresh} (target ≤ 1000 ms): ${typeof fresh === "number" && fresh <= 1000 ? "PASS" : "FAIL"}`);
  return { drive, cats };
}

async function fresh(d) {
  const { drive, cats } = d ?? (await makeDrive(true));
  const times = [];
  for (let i = 0; i < 10; i++) times.push(await freshness(drive, cats, 2000 + i));
  times.sort((a, b) => a - b);
  console.log(`2. 10 pledges one after another, each followed by reading the page until its total shows it (no other load)`);
  console.log(`   ms until shown: ${times.map((x) => x.toFixed(0)).join(", ")} (target ≤ 1000 ms each): ${times.at(-1) <= 1000 ? "PASS" : "FAIL"}`);
}

async function pledges() {
  const db = getDb();
  const { drive, cats } = await makeDrive(false);
  const n = 200;
  const nonces = Array.from({ length: n }, () => randomBytes(16).toString("hex"));
  const bodies = await Promise.all(nonces.map((nonce, i) => pledgeBody(drive.id, cats, i, nonce)));
  const times = [];
  const errors = [];
  const before = load();
  const started = performance.now();
  await Promise.all(
    bodies.map(async (body) => {
      const t = performance.now();
      try {
        await pledge(drive.slug, body);
      } catch (e) {
        errors.push(e.message);
      }
      times.push(performance.now() - t);
    }),
  );
  const wall = performance.now() - started;
  times.sort((a, b) => a - b);
  const rows = await db.select({ id: drivePledges.id }).from(drivePledges).where(inArray(drivePledges.nonce, nonces));
  const mails = rows.length ? await db.select({ key: outbox.idempotencyKey }).from(outbox).where(inArray(outbox.idempotencyKey, rows.map((r) => `drive-pledged/${r.id}`))) : [];
  const perPledge = new Map();
  for (const m of mails) perPledge.set(m.key, (perPledge.get(m.key) ?? 0) + 1);
  const exactlyOne = [...perPledge.values()].filter((x) => x === 1).length;
  const [{ books }] = await db.select({ books: sql`coalesce(sum(${drivePledgeItems.count}), 0)::int` }).from(drivePledgeItems).innerJoin(drivePledges, eq(drivePledges.id, drivePledgeItems.pledgeId)).where(eq(drivePledges.driveId, drive.id));
  const shown = await shownTotal(new URL(`/drives/${drive.slug}`, base).href);
  console.log(`3. ${n} pledges at once through the pledge form's server action; load average before ${before}, after ${load()}`);
  console.log(`   wall ${wall.toFixed(0)} ms; errors ${errors.length}${errors.length ? ` (first: ${errors[0]})` : ""}`);
  console.log(`   latency ms: ${fmt(times)}`);
  console.log(`   stored ${rows.length} of ${n}; outbox: ${perPledge.size} pledges with a confirmation, ${exactlyOne} exactly one; books ${books}, page shows ${shown}`);
  console.log(`   ${rows.length === n && errors.length === 0 && exactlyOne === n && shown === books ? "PASS" : "FAIL"} (p95 ${at(times, 0.95).toFixed(0)} ms)`);
}

const only = process.env.BENCH_ONLY?.split(",");
console.log(`bench against ${base.href}, load average ${load()}`);
let d;
if (!only || only.includes("page")) d = await page();
if (!only || only.includes("fresh")) await fresh(d);
if (!only || only.includes("pledges")) await pledges();
await closeDb();
