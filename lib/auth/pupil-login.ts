import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { countRecent, recordEvent } from "@/lib/rate-limit";
import { verifyPassword } from "./password";

export const LOCKOUT_FAILURES = 5;
export const LOCKOUT_WINDOW_SECONDS = 15 * 60;

export type PupilLoginResult = { ok: true; userId: string } | { ok: false; reason: "bad_credentials" | "locked" };

// A real hash of a throwaway password, so unknown usernames cost the same time as known ones.
const DUMMY_HASH =
  "$argon2id$v=19$m=19456,t=2,p=1$c2h1eGlhbmctZHVtbXk$2Yl8Bq3d6u0mB0l0y6cJ3w1o3Zq7vYw7m0wC8G5yQ0A";

/**
 * Username + password sign-in for pupils. After 5 failures within 15 minutes the account
 * waits 15 minutes from the 5th failure; tries while locked are refused without checking
 * the password (so they neither succeed nor extend the wait).
 */
export async function checkPupilLogin(usernameRaw: string, password: string): Promise<PupilLoginResult> {
  const username = usernameRaw.trim().toLowerCase();
  const lockKey = `pupil-lock:${username}`;
  const failKey = `pupil-fail:${username}`;
  if ((await countRecent(lockKey, LOCKOUT_WINDOW_SECONDS)) > 0) return { ok: false, reason: "locked" };

  const [user] = await getDb()
    .select({ id: users.id, passwordHash: users.passwordHash, disabled: users.disabled })
    .from(users)
    .where(eq(users.username, username))
    .limit(1);
  const valid = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, password);
  if (user && valid && !user.disabled) return { ok: true, userId: user.id };

  await recordEvent(failKey);
  if ((await countRecent(failKey, LOCKOUT_WINDOW_SECONDS)) >= LOCKOUT_FAILURES) {
    await recordEvent(lockKey);
    return { ok: false, reason: "locked" };
  }
  return { ok: false, reason: "bad_credentials" };
}
