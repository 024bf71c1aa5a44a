// Figures for judging and results (issue 5), in-process like the tests, on PostgreSQL:
//
//   createdb -h 127.0.0.1 -U postgres shuxiang_bench_judging
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/shuxiang_bench_judging npx tsx bench/judging.mjs
//
// Plain `tsx`, not `--conditions=react-server`: under that condition React is its server build,
// which has no createContext, and rendering the result emails (React Email, next-intl) fails.
// Without it the `server-only` guard throws, so it is stubbed below as Vitest's alias does.
//
// Each run clears what a previous run seeded (the database must be a bench database), seeds one
// campaign in bulk SQL — 20,000 submitted essays in 4 categories from 150 schools, 40 judges on
// the panel (8 of them teachers, so conflicted with their school; 10 more declare conflicts), a
// 4-criterion rubric per category — then times, with the app's own functions:
//   1. applyAssignments, 3 judges per entry;
//   2. computeResults, normalised, after every assignment got a submitted random score (SQL);
//   3. publishResults: certificate codes and every result email in the outbox;
//   4. draining the outbox with the Resend transport against the fake Resend API
//      (RESEND_BASE_URL), at the default 5 requests/s.
import { createRequire } from "node:module";
import { availableParallelism, loadavg } from "node:os";

const require = createRequire(import.meta.url);
const serverOnly = require.resolve("server-only");
require.cache[serverOnly] = { id: serverOnly, filename: serverOnly, loaded: true, exports: {} };

const { default: postgres } = await import("postgres");
const { closeDb } = await import("@/db/client");
const { migrateDb } = await import("@/db/migrate");
const { applyAssignments } = await import("@/lib/judging/assignments");
const { computeResults } = await import("@/lib/judging/compute");
const { publishResults } = await import("@/lib/judging/publish");
const { drainOutbox } = await import("@/lib/mail");
const { startFakeResend } = await import("@/test/fake-resend");

const url = process.env.DATABASE_URL;
if (!url || !new URL(url).pathname.includes("bench")) throw new Error("DATABASE_URL must name a bench database (it is cleared and seeded)");
const ENTRIES = Number(process.env.BENCH_ENTRIES ?? 20_000);
const SCHOOLS = 150;
const CLASSES_PER_SCHOOL = 4;
const JUDGES = 40;
const SLUG = "bench-judging";
// Ids of seeded users start with this, so a later run finds and clears them.
const PREFIX = "bj-";

const surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹".split("");
const given = ["子涵", "浩然", "欣怡", "宇航", "雨桐", "俊杰", "思彤", "梓轩", "佳怡", "一诺"];
const paragraph = "读了这本书，我明白了成长的意义。主人公在困难面前没有退缩，而是一步一步地向前走。";

async function clear(pg) {
  await pg`delete from campaigns where slug = ${SLUG}`;
  await pg`delete from users where id like ${PREFIX + "%"}`;
  await pg`delete from schools where name like '评审基准%'`;
  await pg`delete from towns where name_zh like '评审基准镇%'`;
  await pg`delete from outbox where kind in ('results-award', 'results-school')`;
  await pg`update mail_pacer set next_at = now()`;
}

/** Seeds everything in one transaction; returns the campaign id and the staff actor. */
async function seed(pg) {
  const day = 86_400_000;
  const now = Date.now();
  return pg.begin(async (tx) => {
    const [campaign] = await tx`
      insert into campaigns (slug, title, year, code_prefix, status, registration_opens_at, registration_closes_at,
                             submission_opens_at, submission_closes_at, judging_ends_at, results_at)
      values (${SLUG}, '评审基准读书活动', 2026, 'BJ', 'published', ${new Date(now - 90 * day)}, ${new Date(now - 80 * day)},
              ${new Date(now - 70 * day)}, ${new Date(now - 30 * day)}, ${new Date(now + 10 * day)}, ${new Date(now + 20 * day)})
      returning id`;
    const cid = campaign.id;
    const cats = await tx`
      insert into campaign_categories (campaign_id, name, code, grade_min, grade_max, entry_type, min_chars, max_chars, sort_order)
      select ${cid}, name, code, gmin, gmax, 'essay', 300, 1500, ord
      from (values ('小学低年级组（征文）', 'A', 1, 3, 0), ('小学高年级组（征文）', 'B', 4, 6, 1),
                   ('初中组（征文）', 'C', 7, 9, 2), ('高中组（征文）', 'D', 10, 12, 3)) v(name, code, gmin, gmax, ord)
      returning id, grade_min`;
    const catIds = cats.map((c) => c.id);
    const catGrades = cats.map((c) => c.grade_min);
    await tx`
      insert into rubric_criteria (category_id, name, max_points, weight, sort_order, bands)
      select c, v.name, v.max, v.weight, v.ord, '[{"from":0,"to":10,"text":"一般"},{"from":11,"to":25,"text":"优秀"}]'::jsonb
      from unnest(${catIds}::int[]) c
      cross join (values ('立意', 25, 1.5, 0), ('内容', 25, 1.0, 1), ('结构', 25, 1.0, 2), ('语言', 25, 0.5, 3)) v(name, max, weight, ord)`;
    await tx`insert into judging_settings (campaign_id, judges_per_entry, normalise) values (${cid}, 3, true)`;

    await tx`insert into towns (name_zh, name_en, sort_order) select '评审基准镇' || t, 'Bench Town ' || t, 950 + t from generate_series(1, 15) t`;
    await tx`
      insert into schools (name, town_id, level, status, coordinator_name, coordinator_email)
      select '评审基准第' || s || '学校', (select id from towns where name_zh = '评审基准镇' || (1 + s % 15)), 'primary', 'approved',
             '协调员' || s, 'coord-' || s || '@bench.test'
      from generate_series(1, ${SCHOOLS}) s`;
    const schoolIds = (await tx`select id from schools where name like '评审基准%' order by id`).map((r) => r.id);
    await tx`insert into campaign_enrolments (campaign_id, school_id) select ${cid}, unnest(${schoolIds}::int[])`;

    // A teacher and a class per (school, k); class k of every school is in category k's grades.
    const nClasses = SCHOOLS * CLASSES_PER_SCHOOL;
    await tx`
      insert into users (id, name, email, school_id)
      select 'bj-teacher-' || c, '老师' || c, 'teacher-' || c || '@bench.test', (${schoolIds}::int[])[1 + c / ${CLASSES_PER_SCHOOL}]
      from generate_series(0, ${nClasses - 1}) c`;
    await tx`insert into user_roles (user_id, role) select 'bj-teacher-' || c, 'teacher' from generate_series(0, ${nClasses - 1}) c`;
    await tx`
      insert into classes (school_id, grade, name, teacher_id, join_code)
      select (${schoolIds}::int[])[1 + c / ${CLASSES_PER_SCHOOL}], (${catGrades}::int[])[1 + c % ${CLASSES_PER_SCHOOL}], (1 + c % ${CLASSES_PER_SCHOOL}) || '班',
             'bj-teacher-' || c, 'BJ' || lpad(c::text, 6, '0')
      from generate_series(0, ${nClasses - 1}) c`;
    const classRows = await tx`select id, school_id, grade from classes where join_code like 'BJ%' order by join_code`;

    // Pupil g is in class g % nClasses, so category (g % nClasses) % 4; 85 % have a guardian's
    // email, the others' results go to the class teacher; 1 in 10 reads English.
    const classIds = classRows.map((c) => c.id);
    const classSchools = classRows.map((c) => c.school_id);
    const classGrades = classRows.map((c) => c.grade);
    await tx`
      insert into users (id, name, username, school_id, locale)
      select 'bj-pupil-' || g, (${surnames}::text[])[1 + g % 30] || (${given}::text[])[1 + (g / 30) % 10], 'bjpupil' || g,
             (${classSchools}::int[])[1 + g % ${nClasses}], case when g % 10 = 3 then 'en' else 'zh-CN' end::locale
      from generate_series(0, ${ENTRIES - 1}) g`;
    await tx`insert into user_roles (user_id, role) select 'bj-pupil-' || g, 'student' from generate_series(0, ${ENTRIES - 1}) g`;
    await tx`
      insert into pupils (user_id, class_id, grade, guardian_name, guardian_phone, guardian_email)
      select 'bj-pupil-' || g, (${classIds}::int[])[1 + g % ${nClasses}], (${classGrades}::int[])[1 + g % ${nClasses}], '家长',
             '13800138000', case when g % 20 < 17 then 'guardian-' || g || '@bench.test' end
      from generate_series(0, ${ENTRIES - 1}) g`;
    await tx`
      insert into entries (campaign_id, category_id, pupil_id, school_id, class_id, status, code, title, book_title, book_author,
                           body, char_count, submitted_at)
      select ${cid}, (${catIds}::int[])[1 + k], 'bj-pupil-' || g, (${classSchools}::int[])[1 + g % ${nClasses}],
             (${classIds}::int[])[1 + g % ${nClasses}], 'submitted',
             format('2026-BJ-%s-%s', chr(65 + k), lpad(g::text, 5, '0')), format('读《草房子》有感（%s）', g), '草房子', '曹文轩',
             repeat(${paragraph}::text, 20), 800, now() - make_interval(secs => g * 37 % 2592000)
      from generate_series(0, ${ENTRIES - 1}) g cross join lateral (select (g % ${nClasses}) % ${CLASSES_PER_SCHOOL} as k) c`;

    // Judges: the first 8 also teach at a school (conflicted with it by rule), the next 10
    // declare two schools each.
    await tx`
      insert into users (id, name, email, school_id)
      select 'bj-judge-' || j, '评委' || j, 'judge-' || j || '@bench.test', case when j < 8 then (${schoolIds}::int[])[1 + j * 17] end
      from generate_series(0, ${JUDGES - 1}) j`;
    await tx`
      insert into user_roles (user_id, role)
      select 'bj-judge-' || j, r from generate_series(0, ${JUDGES - 1}) j cross join lateral unnest(case when j < 8 then array['judge', 'teacher'] else array['judge'] end::role[]) r`;
    await tx`
      insert into judge_conflicts (judge_id, school_id, note)
      select 'bj-judge-' || j, (${schoolIds}::int[])[1 + (j * 7 + d * 41) % ${SCHOOLS}], '亲属在该校'
      from generate_series(8, 17) j cross join generate_series(0, 1) d`;
    await tx`insert into campaign_judges (campaign_id, judge_id) select ${cid}, 'bj-judge-' || j from generate_series(0, ${JUDGES - 1}) j`;
    await tx`insert into users (id, name, email) values ('bj-staff', '基准馆员', 'staff@bench.test')`;
    await tx`insert into user_roles (user_id, role) values ('bj-staff', 'staff')`;
    return { campaignId: cid, actor: "bj-staff" };
  });
}

/**
 * Every assignment gets a submitted score: per criterion, the entry's own quality, noise, and
 * the judge's leniency (−3…+3 points), so that normalisation has something to correct.
 */
async function score(pg, campaignId) {
  await pg`
    update assignments a set points = s.points, total = s.total, score_status = 'submitted', submitted_at = now(), updated_at = now()
    from (
      select a.id, jsonb_object_agg(c.id::text, x.pts) as points,
             round((sum(c.weight * x.pts) / sum(c.weight * c.max_points) * 100)::numeric, 2)::float8 as total
      from assignments a
      join entries e on e.id = a.entry_id
      join rubric_criteria c on c.category_id = e.category_id
      cross join lateral (
        select greatest(0, least(c.max_points, round(c.max_points * (0.25 + 0.45 * ((e.id * 7919) % 1000) / 1000.0 + 0.3 * random())) + hashtext(a.judge_id) % 4))::int as pts
      ) x
      where a.campaign_id = ${campaignId}
      group by a.id
    ) s
    where a.id = s.id`;
}

/** The largest number of times within any window of `ms` (half-open). */
function maxInWindow(times, ms) {
  const t = [...times].sort((a, b) => a - b);
  let best = 0;
  for (let i = 0, j = 0; i < t.length; i++) {
    while (t[i] - t[j] >= ms) j++;
    best = Math.max(best, i - j + 1);
  }
  return best;
}

async function timed(fn) {
  const t = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - t };
}

const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;
// The machine may be shared: the figures mean little without it.
const load = () => loadavg().map((x) => x.toFixed(1)).join(" ");

async function main() {
  await migrateDb(url);
  const pg = postgres(url, { max: 2, onnotice: () => {} });
  await clear(pg);
  const seeded = await timed(() => seed(pg));
  await pg`analyze`;
  const { campaignId, actor } = seeded.value;
  console.log(`seeded ${ENTRIES} entries, ${SCHOOLS} schools, ${JUDGES} judges in ${seconds(seeded.ms)}; load average ${load()}`);

  const assign = await timed(() => applyAssignments(actor, campaignId, 3));
  const [{ n: assigned }] = await pg`select count(*)::int as n from assignments where campaign_id = ${campaignId}`;
  const [{ broken }] = await pg`
    select count(*)::int as broken from assignments a join entries e on e.id = a.entry_id
    where a.campaign_id = ${campaignId} and (exists (select 1 from judge_conflicts c where c.judge_id = a.judge_id and c.school_id = e.school_id)
      or exists (select 1 from users u join user_roles r on r.user_id = u.id and r.role = 'teacher' where u.id = a.judge_id and u.school_id = e.school_id))`;
  if (broken) throw new Error(`${broken} assignments break a conflict`);

  const scoring = await timed(() => score(pg, campaignId));
  await pg`analyze assignments`;
  const compute = await timed(() => computeResults(actor, campaignId));

  const publish = await timed(() => publishResults(actor, campaignId, "https://shuxiang.example"));
  const [{ n: queued }] = await pg`select count(*)::int as n from outbox where kind in ('results-award', 'results-school') and status = 'pending'`;

  const fake = await startFakeResend();
  process.env.RESEND_API_KEY = "re_bench";
  process.env.RESEND_BASE_URL = fake.url;
  const slots = [];
  const totals = { sent: 0, retried: 0, failed: 0 };
  const drain = await timed(async () => {
    // One drain call sends up to 20,000 messages; loop in case there are more.
    for (;;) {
      const r = await drainOutbox({ onPacerSlot: (e) => void slots.push(e.slotAt) });
      for (const k of Object.keys(totals)) totals[k] += r[k];
      if (r.sent + r.retried + r.failed === 0) break;
    }
  });
  const [{ n: stillDue }] = await pg`select count(*)::int as n from outbox where kind in ('results-award', 'results-school') and status <> 'sent'`;
  const batchRequests = fake.requests.filter((r) => r.path === "/emails/batch").length;
  const arrivals = fake.requests.map((r) => r.at);
  const span = arrivals.length ? Math.max(...arrivals) - Math.min(...arrivals) : 0;

  const rows = [
    ["seed (SQL, not a target)", seconds(seeded.ms), "", `${ENTRIES} entries`],
    ["1. applyAssignments, K = 3", seconds(assign.ms), "< 5 s", `${assign.value.added} added, ${assign.value.short} short; ${assigned} rows, 0 conflicts`],
    ["   scores by SQL (not a target)", seconds(scoring.ms), "", `${assigned} submitted scores`],
    ["2. computeResults, normalised", seconds(compute.ms), "< 2 s", `${compute.value.ranked} ranked in ${compute.value.categories} categories`],
    ["3. publishResults → outbox", seconds(publish.ms), "< 10 s", `${publish.value.awards} awards, ${publish.value.schools} schools, ${queued} emails queued`],
    ["4. drain outbox (fake Resend)", seconds(drain.ms), "≤ 5 req/s", `${fake.requests.length} requests (${batchRequests} batches), ${fake.emails.length} emails, ${totals.sent} rows sent, ${stillDue} not sent`],
    ["   max requests in any 1 s", String(maxInWindow(arrivals, 1000)), "≤ 5", `arrivals at the fake; pacer slots: ${maxInWindow(slots, 1000)}; first→last request ${seconds(span)}`],
  ];
  const w = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i].length)));
  console.log();
  for (const r of rows) console.log(`${r[0].padEnd(w[0])}  ${r[1].padStart(w[1])}  ${r[2].padEnd(w[2])}  ${r[3]}`);
  console.log(`\nload average at the end: ${load()} (${availableParallelism()} cores)`);
  await fake.close();
  await pg.end();
  await closeDb();
}

main().catch(async (e) => {
  console.error(e);
  await closeDb();
  process.exit(1);
});
