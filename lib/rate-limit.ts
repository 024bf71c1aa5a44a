import "server-only";
import { and, count, eq, gt, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { rateLimitEvents } from "@/db/schema";

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

/** Records one hit and says whether it stays within `limit` per window. */
export async function hitRateLimit(key: string, limit: number, windowSeconds: number): Promise<boolean> {
  if ((await countRecent(key, windowSeconds)) >= limit) return false;
  await recordEvent(key);
  return true;
}
