import { randomBytes } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { rateLimitEvents } from "@/db/schema";
import { countRecent, hitRateLimit, hitRateLimits, recordEvent } from "./rate-limit";

// Each test uses its own keys, so other files sharing a PostgreSQL database never interfere.
const newKey = (label = "k") => `test-rl:${label}:${randomBytes(6).toString("hex")}`;

const rowsFor = async (key: string) =>
  (await getDb().select({ n: sql<number>`count(*)::int` }).from(rateLimitEvents).where(eq(rateLimitEvents.key, key)))[0]!.n;

async function hits(key: string, n: number, limit: number, windowSeconds: number) {
  const out: boolean[] = [];
  for (let i = 0; i < n; i++) out.push(await hitRateLimit(key, limit, windowSeconds));
  return out;
}

describe("hitRateLimit", () => {
  it("allows `limit` hits per window, then refuses", async () => {
    const key = newKey();
    expect(await hits(key, 5, 3, 60)).toEqual([true, true, true, false, false]);
    // Refused hits are not recorded, so hammering does not push the window further out.
    expect(await rowsFor(key)).toBe(3);
    expect(await countRecent(key, 60)).toBe(3);
  });

  it("honours a limit of one", async () => {
    const key = newKey();
    expect(await hits(key, 2, 1, 60)).toEqual([true, false]);
  });

  it("keeps a different key independent", async () => {
    const a = newKey("a");
    const b = newKey("b");
    expect(await hits(a, 3, 2, 60)).toEqual([true, true, false]);
    expect(await hits(b, 3, 2, 60)).toEqual([true, true, false]);
    expect(await hitRateLimit(a, 2, 60)).toBe(false);
    expect(await countRecent(a, 60)).toBe(2);
    expect(await countRecent(b, 60)).toBe(2);
  });

  it("does not count rows older than the window", async () => {
    const key = newKey();
    expect(await hits(key, 3, 2, 60)).toEqual([true, true, false]);

    await getDb()
      .update(rateLimitEvents)
      .set({ at: sql`${rateLimitEvents.at} - interval '61 seconds'` })
      .where(eq(rateLimitEvents.key, key));
    expect(await countRecent(key, 60)).toBe(0);
    // The old rows still exist; they just no longer count…
    expect(await rowsFor(key)).toBe(2);
    expect(await hits(key, 3, 2, 60)).toEqual([true, true, false]);
    // …but a longer window still sees them.
    expect(await countRecent(key, 120)).toBe(4);
  });

  it("counts a row just inside the window", async () => {
    const key = newKey();
    await recordEvent(key);
    await getDb()
      .update(rateLimitEvents)
      .set({ at: sql`${rateLimitEvents.at} - interval '50 seconds'` })
      .where(eq(rateLimitEvents.key, key));
    expect(await countRecent(key, 60)).toBe(1);
    expect(await hitRateLimit(key, 1, 60)).toBe(false);
    expect(await hitRateLimit(key, 1, 30)).toBe(true);
  });
});

describe("hitRateLimits", () => {
  it("records a hit on every key only while every key is within its limit", async () => {
    const ip = newKey("ip");
    const email = newKey("email");
    const both = () => hitRateLimits([{ key: ip, limit: 5 }, { key: email, limit: 2 }], 60);
    expect([await both(), await both(), await both()]).toEqual([true, true, false]);
    // The refused third hit recorded nothing, not even on the key still within its limit.
    expect([await rowsFor(ip), await rowsFor(email)]).toEqual([2, 2]);
    expect(await hitRateLimit(ip, 5, 60)).toBe(true);
    expect(await rowsFor(ip)).toBe(3);
  });
});

