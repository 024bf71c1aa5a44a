// Figures for the staff side of entries: the list's first page and the full XLSX and CSV export,
// with 20,000 entries. Run on PostgreSQL, against a production server on the same database:
//
//   createdb -h 127.0.0.1 -U postgres shuxiang_bench_review
//   export DATABASE_URL=postgres://postgres@127.0.0.1:5432/shuxiang_bench_review AUTH_SECRET=bench-secret PORT=3170
//   NEXT_DIST_DIR=.next-review npx next build
//   AUTH_TRUST_HOST=true SEED_DEMO=false NEXT_DIST_DIR=.next-review npx next start -p $PORT &   # migrates on start
//   BENCH_URL=http://localhost:$PORT npx tsx --conditions=react-server bench/entries-staff.mjs
//
// The script seeds one campaign with two categories (essay, drawing) across 60 schools in 12
// towns, 10,000 pupils with an entry in each category (bulk SQL with generate_series; a second
// run reuses them), mints a staff session cookie with AUTH_SECRET, and times over HTTP: the
// list's first page (unfiltered, filtered, searched), then the whole export as XLSX and as CSV.
// Each figure is the median of ROUNDS requests after one warm-up.
import ExcelJS from "exceljs";
import { encode } from "next-auth/jwt";
import postgres from "postgres";
import { closeDb, getDb } from "@/db/client";
import { createSchool, createTown, createUser } from "@/db/factories";
import { createClassRow } from "@/db/factories-classes";
// The table module itself: tsx cannot see names re-exported through db/schema/index.ts.
import { campaignCategories, campaignEnrolments, campaigns } from "@/db/schema/campaigns";

const base = new URL(process.env.BENCH_URL ?? "http://localhost:3170");
const PUPILS = Number(process.env.BENCH_PUPILS ?? 10_000); // two entries each
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 10);
const EXPORT_ROUNDS = Number(process.env.BENCH_EXPORT_ROUNDS ?? 3);
const SLUG = "bench-entries-staff";
const secret = process.env.AUTH_SECRET;
const url = process.env.DATABASE_URL;
if (!url || !secret) throw new Error("DATABASE_URL and AUTH_SECRET must match the running server's");

const surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹".split("");
const given = ["子涵", "浩然", "欣怡", "宇航", "雨桐", "俊杰", "思彤", "梓轩", "佳怡", "一诺"];
const paragraph = "读了这本书，我明白了成长的意义。主人公在困难面前没有退缩，而是一步一步地向前走。";

/** The campaign's id, seeding it first when this database has none. */
async function seed(pg) {
  const [existing] = await pg`select c.id, exists (select 1 from entries e where e.campaign_id = c.id) as seeded from campaigns c where c.slug = ${SLUG}`;
  if (existing?.seeded) return existing.id;
  // A run stopped half-way: clear what it made and start again.
  if (existing) await pg`delete from campaigns where id = ${existing.id}`;
  await pg`delete from users where id like 'bench-%'`;
  await pg`delete from schools where name like '基准镇第%'`;
  await pg`delete from towns where name_zh like '基准镇%'`;
  const t = performance.now();
  const db = getDb();
  const now = Date.now();
  const day = 86_400_000;
  const [campaign] = await db
    .insert(campaigns)
    .values({
      slug: SLUG,
      title: "基准测试读书活动",
      year: 2026,
      codePrefix: "BQ",
      status: "published",
      registrationOpensAt: new Date(now - 60 * day),
      registrationClosesAt: new Date(now - 40 * day),
      submissionOpensAt: new Date(now - 35 * day),
      submissionClosesAt: new Date(now + 5 * day),
      judgingEndsAt: new Date(now + 30 * day),
      resultsAt: new Date(now + 40 * day),
    })
    .returning();
  const [essay, drawing] = await db
    .insert(campaignCategories)
    .values([
      { campaignId: campaign.id, name: "小学高年级组（征文）", code: "A", gradeMin: 4, gradeMax: 6, entryType: "essay", minChars: 300, maxChars: 1500 },
      { campaignId: campaign.id, name: "小学组（绘画）", code: "B", gradeMin: 1, gradeMax: 6, entryType: "drawing" },
    ])
    .returning();
  const classIds = [];
  const classSchools = [];
  const classGrades = [];
  for (let t = 0; t < 12; t++) {
    const town = await createTown(db, { nameZh: `基准镇${t + 1}`, nameEn: `Bench Town ${t + 1}`, sortOrder: 900 + t });
    for (let s = 0; s < 5; s++) {
      const school = await createSchool(db, { townId: town.id, name: `基准镇第${s + 1}小学` });
      await db.insert(campaignEnrolments).values({ campaignId: campaign.id, schoolId: school.id });
      for (let c = 0; c < 5; c++) {
        const teacher = await createUser(db, { roles: ["teacher"], schoolId: school.id });
        const grade = 4 + (c % 3);
        const cls = await createClassRow(db, { schoolId: school.id, grade, name: `${c + 1}班`, teacherId: teacher.id });
        classIds.push(cls.id);
        classSchools.push(school.id);
        classGrades.push(grade);
      }
    }
  }
  const n = classIds.length;
  // Pupil g is in class g % n; the arrays give that class's id, school and grade.
  await pg.begin(async (tx) => {
    await tx.unsafe(
      `insert into users (id, name, username, school_id)
       select 'bench-' || g, ($3::text[])[1 + g % 30] || ($4::text[])[1 + (g / 30) % 10], 'bench' || g, ($1::int[])[1 + g % $5]
       from generate_series(0, $2 - 1) g`,
      [classSchools, PUPILS, surnames, given, n],
    );
    await tx.unsafe(`insert into user_roles (user_id, role) select 'bench-' || g, 'student' from generate_series(0, $1 - 1) g`, [PUPILS]);
    await tx.unsafe(
      `insert into pupils (user_id, class_id, grade, guardian_name, guardian_phone)
       select 'bench-' || g, ($1::int[])[1 + g % $4], ($2::int[])[1 + g % $4], '家长', '13800138000'
       from generate_series(0, $3 - 1) g`,
      [classIds, classGrades, PUPILS, n],
    );
    // Per entry a fixed pseudo-random m in 0..99: 6% drafts, 2% withdrawn, 1% disqualified, 5% of essays flagged.
    await tx.unsafe(
      `insert into entries (campaign_id, category_id, pupil_id, school_id, class_id, status, code, title, book_title, book_author,
                            body, char_count, flags, statement, submitted_at, disqualified_at, disqualified_reason, created_at, updated_at)
       select $5::int, case when k = 0 then $6::int else $7::int end, 'bench-' || g, ($2::int[])[1 + g % $3::int], ($1::int[])[1 + g % $3::int],
              s.status::entry_status,
              case when s.status = 'draft' then null else format('2026-BQ-%s-%s', case when k = 0 then 'A' else 'B' end, lpad(g::text, 5, '0')) end,
              case when k = 0 then format('读《草房子》有感（%s）', g) else format('我心中的书香（%s）', g) end,
              case when k = 0 then '草房子' else '' end, case when k = 0 then '曹文轩' else '' end,
              case when k = 0 then repeat($8::text, 20) else '' end, case when k = 0 then 800 else 0 end,
              case when k = 0 and s.m between 10 and 14 then array['name'] else '{}'::text[] end,
              case when k = 1 then '画的是我读书时的样子。' else '' end,
              case when s.status = 'draft' then null else now() - make_interval(secs => (g * 2 + k) * 37 % 2592000) end,
              case when s.m = 99 then now() end, case when s.m = 99 then '与已发表作品雷同' end,
              now(), now()
       from generate_series(0, $4::int - 1) g cross join generate_series(0, 1) k
       cross join lateral (select (g * 7919 + k * 104729) % 100 as m) r
       cross join lateral (select r.m, case when r.m < 6 then 'draft' when r.m < 8 then 'withdrawn' else 'submitted' end as status) s`,
      [classIds, classSchools, n, PUPILS, campaign.id, essay.id, drawing.id, paragraph],
    );
  });
  await pg`analyze`;
  console.log(`seeded ${PUPILS * 2} entries in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  return campaign.id;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function timeGet(path, cookie, check) {
  const t = performance.now();
  const res = await fetch(new URL(path, base), { headers: { cookie }, redirect: "manual" });
  const body = Buffer.from(await res.arrayBuffer());
  const ms = performance.now() - t;
  if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}`);
  check?.(body, res);
  return { ms, bytes: body.length, body };
}

async function series(label, path, cookie, rounds, check) {
  await timeGet(path, cookie, check); // warm-up: compiled route, connections, caches
  const runs = [];
  for (let i = 0; i < rounds; i++) runs.push(await timeGet(path, cookie, check));
  const ms = runs.map((r) => r.ms);
  console.log(
    `${label}: median ${Math.round(median(ms))} ms (min ${Math.round(Math.min(...ms))}, max ${Math.round(Math.max(...ms))}, ${rounds} runs, ${(runs[0].bytes / 1024).toFixed(0)} KiB)`,
  );
  return runs.at(-1);
}

async function main() {
  const pg = postgres(url, { max: 2, onnotice: () => {} });
  const campaignId = await seed(pg);
  const [{ n: total }] = await pg`select count(*)::int as n from entries`;
  const [{ n: inCampaign }] = await pg`select count(*)::int as n from entries where campaign_id = ${campaignId}`;
  const staff = await createUser(getDb(), { roles: ["staff"], name: "基准馆员" });
  const token = await encode({ token: { sub: staff.id, name: staff.name }, secret, salt: "authjs.session-token", maxAge: 3600 });
  const cookie = `authjs.session-token=${token}`;
  console.log(`entries in the database: ${total} (${inCampaign} in the bench campaign); server ${base.origin}`);

  const page = (html) => {
    const rows = html.toString().split('href="/admin/entries/').length - 1;
    if (rows < 50) throw new Error(`the first page shows ${rows} entry links`);
  };
  await series("list, first page, no filters (GET /admin/entries)", "/admin/entries", cookie, ROUNDS, page);
  await series("list, first page, campaign + status submitted", `/admin/entries?campaign=${campaignId}&status=submitted`, cookie, ROUNDS, page);
  await series("list, first page, flagged only", `/admin/entries?campaign=${campaignId}&flagged=1`, cookie, ROUNDS, page);
  await series("list, search a pupil's name (q=张浩然)", `/admin/entries?q=${encodeURIComponent("张浩然")}`, cookie, ROUNDS, page);
  await series("list, page 200 (offset 9,950)", "/admin/entries?page=200", cookie, ROUNDS, page);

  const csv = await series("export, all entries, CSV (GET /admin/entries/export?format=csv)", "/admin/entries/export?format=csv", cookie, EXPORT_ROUNDS, (body) => {
    const lines = body.toString("utf8").trimEnd().split("\r\n").length - 1;
    if (lines !== total) throw new Error(`CSV has ${lines} rows, expected ${total}`);
  });
  const xlsx = await series("export, all entries, XLSX (GET /admin/entries/export?format=xlsx)", "/admin/entries/export?format=xlsx", cookie, EXPORT_ROUNDS);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(xlsx.body);
  const rows = wb.worksheets[0].rowCount - 1;
  if (rows !== total) throw new Error(`XLSX has ${rows} rows, expected ${total}`);
  console.log(`checked: CSV ${(csv.bytes / 1024 / 1024).toFixed(1)} MiB and XLSX ${(xlsx.bytes / 1024 / 1024).toFixed(1)} MiB both hold ${total} entries`);
  await pg.end();
  await closeDb();
}

main().catch(async (e) => {
  console.error(e);
  await closeDb();
  process.exit(1);
});
