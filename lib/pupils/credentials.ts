import "server-only";
import { randomInt } from "node:crypto";
import { hash } from "@node-rs/argon2";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { users } from "@/db/schema";
import { encryptField, readableCode } from "@/lib/crypto";

// Usernames and first passwords for pupils, printed on slips and read off paper by children.

export const INITIAL_PASSWORD_LENGTH = 8;

// Same rule as readableCode: no 0/o, 1/l/i.
const LETTERS = "abcdefghjkmnpqrstuvwxyz";
const DIGITS = "23456789";

/** Three letters and three digits, e.g. "kmt385": short to type, easy to read aloud. */
export function newUsername(): string {
  let out = "";
  for (let i = 0; i < 3; i++) out += LETTERS[randomInt(LETTERS.length)];
  for (let i = 0; i < 3; i++) out += DIGITS[randomInt(DIGITS.length)];
  return out;
}

/** `n` usernames that no user has yet (the unique index on users.username stays the last word). */
export async function freshUsernames(db: DbOrTx, n: number): Promise<string[]> {
  const chosen = new Set<string>();
  while (chosen.size < n) {
    const candidates = new Set<string>();
    while (candidates.size < n - chosen.size) {
      const c = newUsername();
      if (!chosen.has(c)) candidates.add(c);
    }
    const list = [...candidates];
    // One JSON parameter rather than thousands of bound ones (see accounts.ts).
    const rows = await db
      .select({ u: users.username })
      .from(users)
      .where(sql`${users.username} in (select json_array_elements_text(${JSON.stringify(list)}::json))`);
    const taken = new Set(rows.map((r) => r.u));
    for (const c of list) if (!taken.has(c)) chosen.add(c);
  }
  return [...chosen];
}

/*
 * Initial passwords are hashed with lighter Argon2id settings than chosen passwords (1 MiB, one
 * pass, instead of OWASP's 19 MiB, two passes — about 0.8 ms instead of 90 ms here). Why: a class
 * list of 2,000 pupils would otherwise take minutes to import. It is safe enough because an
 * initial password is 8 random characters from 31 (about 40 bits), must be changed at the first
 * sign-in (the new one gets the full settings), and is kept encrypted for reprinting anyway, so a
 * stronger hash would not protect it against someone holding both the database and AUTH_SECRET.
 * verify() reads the settings from the hash itself, so sign-in needs no change.
 */
const initialHashOptions = { algorithm: 2, memoryCost: 1024, timeCost: 1, parallelism: 1 };

export function hashInitialPassword(password: string): Promise<string> {
  return hash(password, initialHashOptions);
}

/** Runs `fn` over `items` with at most `limit` at a time (Argon2 runs on libuv's 4 worker threads). */
export async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

export type InitialCredentials = { password: string; passwordHash: string; initialPasswordEnc: string };

export function newInitialCredentials(count: number): Promise<InitialCredentials[]> {
  return mapLimit(Array.from({ length: count }), 4, async () => {
    const password = readableCode(INITIAL_PASSWORD_LENGTH);
    return { password, passwordHash: await hashInitialPassword(password), initialPasswordEnc: encryptField(password) };
  });
}
