// Figures for class lists: a 2,000-pupil spreadsheet's preview and import, and the 2,000 login
// slips as one printable page. Run on PostgreSQL, against a production server on the same database:
//
//   createdb -h 127.0.0.1 -U postgres shuxiang_bench
//   export DATABASE_URL=postgres://postgres@127.0.0.1:5432/shuxiang_bench AUTH_SECRET=bench-secret PORT=3160
//   SEED_DEMO=false NEXT_DIST_DIR=.next-classes npx next start -p $PORT &      # migrates on start
//   BENCH_URL=http://localhost:$PORT npx tsx --conditions=react-server bench/import.mjs
//
// The script makes its own school, coordinator and class, signs in by minting the coordinator's
// session cookie with AUTH_SECRET, uploads the file over HTTP (the route the browser posts to),
// opens the preview page, confirms the import (the same lib call the server action makes) and
// opens the slips page (over HTTP, then in Chromium, printing it to PDF). Each step runs ROUNDS times on a fresh class; the median is reported.
import { chromium } from "@playwright/test";
import ExcelJS from "exceljs";
import { encode } from "next-auth/jwt";
import { closeDb, getDb } from "@/db/client";
import { createSchool, createUser } from "@/db/factories";
import { createClassRow } from "@/db/factories-classes";
import { commitImport } from "@/lib/pupils/import";

const base = new URL(process.env.BENCH_URL ?? "http://localhost:3160");
const PUPILS = Number(process.env.BENCH_PUPILS ?? 2000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const secret = process.env.AUTH_SECRET;
if (!process.env.DATABASE_URL || !secret) throw new Error("DATABASE_URL and AUTH_SECRET must match the running server's");

const surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹".split("");
const given = ["子涵", "浩然", "欣怡", "宇航", "雨桐", "俊杰", "思彤", "梓轩", "佳怡", "一诺"];

async function spreadsheet() {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet("学生名单");
  sheet.addRow(["姓名", "性别", "年级", "监护人", "监护人电话", "监护人邮箱", "出生年份"]);
  for (let i = 0; i < PUPILS; i++) {
    const s = surnames[i % surnames.length];
    sheet.addRow([`${s}${given[i % given.length]}${i}`, i % 2 ? "男" : "女", 4, `${s}家长`, `138${String(10_000_000 + i).padStart(8, "0")}`, i % 3 ? null : `g${i}@example.test`, 2016]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function timed(fn) {
  const t = performance.now();
  const value = await fn();
  return { ms: performance.now() - t, value };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function round(file, school, coordinator, cookie) {
  const cls = await createClassRow(getDb(), { schoolId: school.id, grade: 4, teacherId: coordinator.id });
  const form = new FormData();
  form.set("file", new Blob([file]), "bench.xlsx");
  const upload = await timed(() => fetch(new URL(`/school/classes/${cls.id}/import`, base), { method: "POST", body: form, headers: { cookie }, redirect: "manual" }));
  const location = upload.value.headers.get("location") ?? "";
  const importId = Number(/\/import\/(\d+)$/.exec(location)?.[1]);
  if (upload.value.status !== 303 || !importId) throw new Error(`upload answered ${upload.value.status} → ${location}`);

  const preview = await timed(async () => {
    const res = await fetch(new URL(location, base), { headers: { cookie } });
    const html = await res.text();
    if (res.status !== 200 || !html.includes(`${PUPILS}`)) throw new Error(`preview answered ${res.status}`);
    return html.length;
  });
  const commit = await timed(() => commitImport(coordinator, cls.id, importId));
  if (commit.value.imported !== PUPILS) throw new Error(`imported ${commit.value.imported}`);
  const slips = await timed(async () => {
    const res = await fetch(new URL(`/school/classes/${cls.id}/slips`, base), { headers: { cookie } });
    const html = await res.text();
    const count = html.split('data-testid="slip"').length - 1;
    if (res.status !== 200 || count !== PUPILS) throw new Error(`slips answered ${res.status} with ${count} slips`);
    return html.length;
  });
  const browser = await inBrowser(cls.id, cookie);
  return { upload: upload.ms, preview: preview.ms, commit: commit.ms, slips: slips.ms, previewBytes: preview.value, slipsBytes: slips.value, ...browser };
}

/** The slips page in Chromium: until it is loaded and hydrated, and how many A4 pages it prints on. */
async function inBrowser(classId, cookie) {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
  try {
    const context = await browser.newContext();
    await context.addCookies([{ name: "authjs.session-token", value: cookie.split("=")[1], url: base.origin }]);
    const page = await context.newPage();
    const t = performance.now();
    await page.goto(new URL(`/school/classes/${classId}/slips`, base).href, { waitUntil: "load" });
    await page.getByRole("button").filter({ hasText: /打印|Print/ }).waitFor();
    const loaded = performance.now() - t;
    const pdf = await page.pdf({ format: "A4" });
    // The page tree's root holds the largest /Count: the number of pages.
    const pages = Math.max(...[...pdf.toString("latin1").matchAll(/\/Count (\d+)/g)].map((m) => Number(m[1])));
    // The same markup with its scripts removed, set straight into a page: what the browser's own
    // parsing and layout cost on this machine, as a yardstick for the figure above.
    const html = (await page.content()).replace(/<script\b[\s\S]*?<\/script>/g, "");
    const bare = await browser.newPage({ javaScriptEnabled: false });
    const b = performance.now();
    await bare.setContent(html, { waitUntil: "load" });
    await bare.evaluate(() => document.body.offsetHeight);
    return { browserLoad: loaded, bareMarkup: performance.now() - b, printedPages: pages };
  } finally {
    await browser.close();
  }
}

async function main() {
  const file = await spreadsheet();
  const db = getDb();
  const school = await createSchool(db);
  const coordinator = await createUser(db, { roles: ["coordinator", "teacher"], schoolId: school.id, name: "基准测试" });
  const token = await encode({ token: { sub: coordinator.id, name: coordinator.name }, secret, salt: "authjs.session-token", maxAge: 3600 });
  const cookie = `authjs.session-token=${token}`;

  const rounds = [];
  for (let i = 0; i < ROUNDS; i++) rounds.push(await round(file, school, coordinator, cookie));
  const pick = (k) => Math.round(median(rounds.map((r) => r[k])));
  console.log(`pupils: ${PUPILS}, file: ${(file.length / 1024).toFixed(0)} KiB XLSX, rounds: ${ROUNDS} (median)`);
  console.log(`upload + check + store preview (POST …/import): ${pick("upload")} ms`);
  console.log(`preview page (GET …/import/<id>, ${(pick("previewBytes") / 1024).toFixed(0)} KiB HTML): ${pick("preview")} ms`);
  console.log(`import on confirmation (hash 2,000 first passwords + insert, one transaction): ${pick("commit")} ms`);
  console.log(`login slips page (GET …/slips, ${(pick("slipsBytes") / 1024).toFixed(0)} KiB HTML): ${pick("slips")} ms`);
  console.log(`login slips page in Chromium, loaded and hydrated: ${pick("browserLoad")} ms; prints on ${pick("printedPages")} A4 pages`);
  console.log(`  yardstick — the same markup without scripts, parsed and laid out: ${pick("bareMarkup")} ms`);
  console.log(JSON.stringify(rounds.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, Math.round(v)])))));
  await closeDb();
}

main().catch(async (e) => {
  console.error(e);
  await closeDb();
  process.exit(1);
});
