// What the HTTP benchmarks share: finding a server action in the build, and percentiles.
import { readFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { gunzipSync } from "node:zlib";

/** The id of a server action in the production build (NEXT_DIST_DIR, default .next), to post it as React's client does. */
export function actionId(file, name) {
  const distDir = process.env.NEXT_DIST_DIR ?? ".next";
  const manifest = JSON.parse(readFileSync(path.join(distDir, "server/server-reference-manifest.json"), "utf8"));
  const found = Object.entries(manifest.node).find(([, v]) => v.filename === file && v.exportedName === name);
  if (!found) throw new Error(`${name} not found in the build's server-reference manifest`);
  return found[0];
}

/** Nearest-rank percentile `q` (0–1) of sorted times. */
export const at = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];

export const fmt = (times) => `p50 ${at(times, 0.5).toFixed(0)}  p90 ${at(times, 0.9).toFixed(0)}  p95 ${at(times, 0.95).toFixed(0)}  p99 ${at(times, 0.99).toFixed(0)}  max ${times.at(-1).toFixed(0)}`;

/**
 * A server action's request body as the browser sends it (multipart, from React's encodeReply),
 * made into bytes before the clock starts.
 */
export async function actionBody(reply) {
  const r = new Response(reply);
  return { body: Buffer.from(await r.arrayBuffer()), type: r.headers.get("content-type") };
}

const agents = new Map();
/**
 * POSTs with node:http over kept-alive connections, gzip accepted as a browser does. fetch
 * (undici) costs the client about twice the CPU per request, and the client shares the server's
 * two cores, so a heavier client would slow the server it measures.
 */
export function post(url, { headers, body, concurrency }) {
  const u = new URL(url);
  let agent = agents.get(concurrency);
  if (!agent) agents.set(concurrency, (agent = new http.Agent({ keepAlive: true, maxSockets: concurrency })));
  return new Promise((resolve, reject) => {
    const req = http.request(u, { method: "POST", agent, headers: { ...headers, "accept-encoding": "gzip", "content-length": body.length } }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => {
        const raw = Buffer.concat(chunks);
        resolve({ status: res.statusCode, text: (res.headers["content-encoding"] === "gzip" ? gunzipSync(raw) : raw).toString("utf8") });
      });
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(body);
  });
}
