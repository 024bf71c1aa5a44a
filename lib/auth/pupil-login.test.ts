import { randomBytes } from "node:crypto";
import { eq, inArray, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { createUser } from "@/db/factories";
import { rateLimitEvents, users } from "@/db/schema";
import { checkPupilLogin, LOCKOUT_FAILURES, LOCKOUT_WINDOW_SECONDS } from "./pupil-login";

// checkPupilLogin on the real database. Every test makes its own pupil, so its lockout keys
// (`pupil-fail:<username>`, `pupil-lock:<username>`) are its own even on a shared PostgreSQL.

const password = () => `pw-${randomBytes(6).toString("hex")}`;

async function newPupil(values: { disabled?: boolean } = {}) {
  const pw = password();
  const user = await createUser(getDb(), { roles: ["student"], password: pw, ...values });
  return { user, username: user.username!, pw };
}

const keysOf = (username: string) => [`pupil-fail:${username}`, `pupil-lock:${username}`];

async function eventCounts(username: string) {
  const rows = await getDb()
    .select({ key: rateLimitEvents.key })
    .from(rateLimitEvents)
    .where(inArray(rateLimitEvents.key, keysOf(username)));
  return {
    fail: rows.filter((r) => r.key.startsWith("pupil-fail:")).length,
    lock: rows.filter((r) => r.key.startsWith("pupil-lock:")).length,
  };
}

/** Pretends `minutes` have passed for this pupil's lockout rows. */
async function travel(username: string, minutes: number) {
  await getDb()
    .update(rateLimitEvents)
    .set({ at: sql`${rateLimitEvents.at} - make_interval(mins => ${minutes})` })
    .where(inArray(rateLimitEvents.key, keysOf(username)));
}

async function failUntilLocked(username: string) {
  const results = [];
  for (let i = 0; i < LOCKOUT_FAILURES; i++) results.push(await checkPupilLogin(username, "not-the-password"));
  return results;
}

describe("checkPupilLogin", () => {
  it("uses the documented policy: 5 failures in 15 minutes", () => {
    expect(LOCKOUT_FAILURES).toBe(5);
    expect(LOCKOUT_WINDOW_SECONDS).toBe(15 * 60);
  });

  it("accepts the right password and records no failure", async () => {
    const { user, username, pw } = await newPupil();
    expect(await checkPupilLogin(username, pw)).toEqual({ ok: true, userId: user.id });
    expect(await eventCounts(username)).toEqual({ fail: 0, lock: 0 });
  });

  it("refuses a wrong password as bad_credentials and counts it", async () => {
    const { username, pw } = await newPupil();
    expect(await checkPupilLogin(username, `${pw}x`)).toEqual({ ok: false, reason: "bad_credentials" });
    expect(await checkPupilLogin(username, "")).toEqual({ ok: false, reason: "bad_credentials" });
    expect(await eventCounts(username)).toEqual({ fail: 2, lock: 0 });
  });

  it("locks after the 5th failure; then even the right password is refused without being counted", async () => {
    const { username, pw } = await newPupil();
    const results = await failUntilLocked(username);
    expect(results.map((r) => (r.ok ? "ok" : r.reason))).toEqual([
      "bad_credentials",
      "bad_credentials",
      "bad_credentials",
      "bad_credentials",
      "locked",
    ]);
    expect(await eventCounts(username)).toEqual({ fail: 5, lock: 1 });

    expect(await checkPupilLogin(username, pw)).toEqual({ ok: false, reason: "locked" });
    expect(await checkPupilLogin(`  ${username.toUpperCase()} `, pw)).toEqual({ ok: false, reason: "locked" });
    expect(await checkPupilLogin(username, "still-wrong")).toEqual({ ok: false, reason: "locked" });
    // Tries while locked neither succeed nor extend the wait.
    expect(await eventCounts(username)).toEqual({ fail: 5, lock: 1 });
  });

  it("four failures do not lock: the right password still works", async () => {
    const { user, username, pw } = await newPupil();
    for (let i = 0; i < LOCKOUT_FAILURES - 1; i++) {
      expect(await checkPupilLogin(username, "wrong")).toEqual({ ok: false, reason: "bad_credentials" });
    }
    expect(await checkPupilLogin(username, pw)).toEqual({ ok: true, userId: user.id });
    expect(await eventCounts(username)).toEqual({ fail: LOCKOUT_FAILURES - 1, lock: 0 });
  });

  it("failures older than 15 minutes do not count towards a lock", async () => {
    const { username } = await newPupil();
    for (let i = 0; i < LOCKOUT_FAILURES - 1; i++) await checkPupilLogin(username, "wrong");
    await travel(username, 16);
    expect(await checkPupilLogin(username, "wrong")).toEqual({ ok: false, reason: "bad_credentials" });
    expect(await eventCounts(username)).toEqual({ fail: 5, lock: 0 });
  });

  it("the lock lifts 15 minutes after the 5th failure, not before", async () => {
    const { user, username, pw } = await newPupil();
    await failUntilLocked(username);

    await travel(username, 14);
    expect(await checkPupilLogin(username, pw)).toEqual({ ok: false, reason: "locked" });

    await travel(username, 2); // 16 minutes in all
    expect(await checkPupilLogin(username, pw)).toEqual({ ok: true, userId: user.id });
    // The old failures have aged out with the lock: one new mistake is just a mistake.
    expect(await checkPupilLogin(username, "wrong")).toEqual({ ok: false, reason: "bad_credentials" });
  });

  it("the lock is per username: another pupil is unaffected", async () => {
    const a = await newPupil();
    const b = await newPupil();
    await failUntilLocked(a.username);
    expect(await checkPupilLogin(b.username, b.pw)).toEqual({ ok: true, userId: b.user.id });
  });

  it("an unknown username gives bad_credentials (not a different answer)", async () => {
    const username = `nobody${randomBytes(5).toString("hex")}`;
    expect(await checkPupilLogin(username, "whatever-password")).toEqual({ ok: false, reason: "bad_credentials" });
    // Unknown names are locked out too, so guessing names does not reveal which exist.
    const results = await failUntilLocked(username);
    expect(results.at(-1)).toEqual({ ok: false, reason: "locked" });
  });

  it("a disabled pupil cannot sign in even with the right password", async () => {
    const { username, pw } = await newPupil({ disabled: true });
    expect(await checkPupilLogin(username, pw)).toEqual({ ok: false, reason: "bad_credentials" });

    // …and disabling an account that could sign in takes effect at once.
    const other = await newPupil();
    expect((await checkPupilLogin(other.username, other.pw)).ok).toBe(true);
    await getDb().update(users).set({ disabled: true }).where(eq(users.id, other.user.id));
    expect(await checkPupilLogin(other.username, other.pw)).toEqual({ ok: false, reason: "bad_credentials" });
  });

  it("treats the username case-insensitively and ignores surrounding spaces", async () => {
    const { user, username, pw } = await newPupil();
    expect(username).toBe(username.toLowerCase());
    for (const typed of [username.toUpperCase(), `  ${username}  `, `\t${username.toUpperCase()}\n`]) {
      expect(await checkPupilLogin(typed, pw), JSON.stringify(typed)).toEqual({ ok: true, userId: user.id });
    }
    // The password, unlike the username, is exact.
    expect(await checkPupilLogin(username, pw.toUpperCase())).toEqual({ ok: false, reason: "bad_credentials" });
    expect(await checkPupilLogin(username, ` ${pw}`)).toEqual({ ok: false, reason: "bad_credentials" });
  });

  it("failures typed in different cases count against the same account", async () => {
    const { username, pw } = await newPupil();
    const variants = [username, username.toUpperCase(), ` ${username}`, `${username} `, username.toUpperCase()];
    const results = [];
    for (const typed of variants) results.push(await checkPupilLogin(typed, "wrong"));
    expect(results.at(-1)).toEqual({ ok: false, reason: "locked" });
    expect(await checkPupilLogin(username, pw)).toEqual({ ok: false, reason: "locked" });
  });

  it("stores an argon2id hash, never the password", async () => {
    const { user, pw } = await newPupil();
    const [row] = await getDb().select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, user.id));
    expect(row!.passwordHash).toMatch(/^\$argon2id\$v=19\$m=\d+,t=\d+,p=\d+\$/);
    expect(row!.passwordHash).not.toBe(pw);
    expect(row!.passwordHash).not.toContain(pw);
  });
});
