// What the HTTP benchmarks share: finding a server action in the build, and percentiles.
import { readFileSync } from "node:fs";
import path from "node:path";

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
