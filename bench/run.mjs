// `npm run bench`: home-page latency and first-load JavaScript against a server that is already
// running (production build). BENCH_URL picks it (default http://localhost:3000). Loads only that
// one address, for a bounded time: 10 connections for 10 s after a 5-request warm-up.
//
//   BENCH_URL=http://127.0.0.1:3300 npm run bench
import { availableParallelism, loadavg } from "node:os";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";

const base = new URL(process.env.BENCH_URL ?? "http://localhost:3000");
const home = new URL("/", base).href;
const CONNECTIONS = 10;
const DURATION_S = 10;
const WARMUP = 5;

async function get(url) {
  const res = await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(15_000) });
  if (res.status !== 200) throw new Error(`GET ${url} answered ${res.status}`);
  return res;
}

// Nearest-rank percentile of a sorted array.
const percentile = (sorted, p) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

async function latency() {
  for (let i = 0; i < WARMUP; i++) await (await get(home)).arrayBuffer();

  const times = [];
  const instance = autocannon({ url: home, connections: CONNECTIONS, duration: DURATION_S });
  // autocannon reports p90 and p97.5 but no p95: keep every response time and rank them here.
  instance.on("response", (_client, statusCode, _bytes, responseTime) => {
    if (statusCode >= 200 && statusCode < 300) times.push(responseTime);
  });
  const result = await instance;
  times.sort((a, b) => a - b);
  return {
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    rps: result.requests.average,
    p50: percentile(times, 50),
    p90: percentile(times, 90),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    max: times.at(-1) ?? NaN,
  };
}

async function firstLoadJs() {
  const html = await (await get(home)).text();
  const tags = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  const scripts = new Map();
  for (const tag of tags) {
    const src = tag.match(/\bsrc="([^"]+)"/)?.[1]?.replaceAll("&amp;", "&");
    if (!src || !new URL(src, base).pathname.startsWith("/_next/static/")) continue;
    // A noModule script (Next's legacy polyfills) is skipped by every browser that runs modules.
    scripts.set(src, /\bnomodule\b/i.test(tag));
  }
  const chunks = [];
  for (const [src, noModule] of scripts) {
    const body = Buffer.from(await (await get(new URL(src, base))).arrayBuffer());
    chunks.push({ src, noModule, raw: body.length, gzip: gzipSync(body, { level: 9 }).length });
  }
  chunks.sort((a, b) => b.gzip - a.gzip);
  const sum = (list) => list.reduce((total, c) => total + c.gzip, 0);
  return { chunks, total: sum(chunks.filter((c) => !c.noModule)), noModule: sum(chunks.filter((c) => c.noModule)) };
}

const kib = (n) => (n / 1024).toFixed(1);

// Other work on the machine shares the CPU with the server: print how busy it was.
const load = () => loadavg().map((x) => x.toFixed(2)).join(" ");
console.log(`bench against ${home} (${availableParallelism()} CPUs, load average ${load()})`);

const js = await firstLoadJs();
console.log(`\nFirst-load JS of / (zlib gzip level 9), ${js.chunks.length} scripts:`);
for (const c of js.chunks) {
  console.log(`  ${kib(c.gzip).padStart(7)} KiB gz  ${kib(c.raw).padStart(7)} KiB raw  ${c.src}${c.noModule ? "  (noModule: not counted)" : ""}`);
}
console.log(`  total ${kib(js.total)} KiB gzipped (target < 160 KiB): ${js.total < 160 * 1024 ? "PASS" : "FAIL"}`);
if (js.noModule) console.log(`  (${kib(js.total + js.noModule)} KiB if the noModule polyfills were counted too)`);

console.log(`\nGET / with ${CONNECTIONS} connections for ${DURATION_S} s (after ${WARMUP} warm-up requests)…`);
const l = await latency();
const failures = l.non2xx + l.errors + l.timeouts;
console.log(`  ${l.requests} requests, ${l.rps.toFixed(1)} req/s, non-2xx ${l.non2xx}, errors ${l.errors}, timeouts ${l.timeouts}`);
const ms = (n) => n.toFixed(1);
console.log(`  latency ms: p50 ${ms(l.p50)}  p90 ${ms(l.p90)}  p95 ${ms(l.p95)}  p99 ${ms(l.p99)}  max ${ms(l.max)}`);
console.log(`  p95 ${ms(l.p95)} ms (target < 150 ms, 0 errors): ${l.p95 < 150 && failures === 0 ? "PASS" : "FAIL"}`);
console.log(`\nload average after: ${load()}`);
