import "server-only";
import { and, count, eq, gt, sql, type SQL } from "drizzle-orm";
import { getDb, rowsOf } from "@/db/client";
import { rateLimitEvents } from "@/db/schema";

/** A limit an operator may set in the environment (`name`), else `fallback`. */
export function limitFromEnv(name: string, fallback: number): number {
  const n = Number(process.env[name]);
  return Number.isFinite(n) && n > 0 ? n : fallback;
}

/** Events recorded for `key` in the last `windowSeconds`. */
export async function countRecent(key: string, windowSeconds: number): Promise<number> {
  const [row] = await getDb()
    .select({ n: count() })
    .from(rateLimitEvents)
    .where(and(eq(rateLimitEvents.key, key), gt(rateLimitEvents.at, sql`now() - make_interval(secs => ${windowSeconds})`)));
  return row?.n ?? 0;
}

export async function recordEvent(key: string) {
  await getDb().insert(rateLimitEvents).values({ key });
}

export type RateLimit = { key: string; limit: number };

/**
 * The CTEs that record one hit on each key when every key stays within its limit per window:
 * `verdict.ok` says whether they did; when one would not, nothing is recorded. A statement that
 * should happen only within the limits (a booking) puts them in front of its own, so the check,
 * the count and the change take one round trip.
 */
export function rateLimitCtes(limits: RateLimit[], windowSeconds: number): SQL {
  return sql`l (key, lim) AS (VALUES ${sql.join(
    limits.map((x) => sql`(${x.key}::text, ${x.limit}::int)`),
    sql`, `,
  )}),
    counts AS (
      SELECT l.key, l.lim, (SELECT count(*) FROM rate_limit_events e WHERE e.key = l.key AND e.at > now() - make_interval(secs => ${windowSeconds})) AS n
      FROM l
    ),
    verdict AS (SELECT coalesce(bool_and(n < lim), false) AS ok FROM counts),
    recorded AS (INSERT INTO rate_limit_events (key) SELECT counts.key FROM counts, verdict WHERE verdict.ok RETURNING 1)`;
}

/**
 * Records one hit on each key, and says whether every key stays within its limit per window;
 * when one would not, nothing is recorded. One statement, however many keys.
 */
export async function hitRateLimits(limits: RateLimit[], windowSeconds: number): Promise<boolean> {
  const rows = rowsOf<{ ok: boolean }>(await getDb().execute(sql`WITH ${rateLimitCtes(limits, windowSeconds)} SELECT ok FROM verdict`));
  return rows[0]?.ok === true;
}

/** Records one hit and says whether it stays within `limit` per window. */
export function hitRateLimit(key: string, limit: number, windowSeconds: number): Promise<boolean> {
  return hitRateLimits([{ key, limit }], windowSeconds);
}
