import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { createSchool, createUser } from "@/db/factories";
import { createClassRow, createPupilRow } from "@/db/factories-classes";
import { consents, outbox } from "@/db/schema";
import { confirmConsent, recordPaperConsent, sendConsentRequests } from "./mutations";
import { consentStatus, getConsentByToken, hasConsent, listConsents } from "./queries";
import { CONSENT_RULES_VERSION, currentYear, needsConsent } from "./rules";

const year = currentYear();

async function setup() {
  const db = getDb();
  const school = await createSchool(db);
  const teacher = await createUser(db, { roles: ["teacher"], schoolId: school.id });
  const cls = await createClassRow(db, { schoolId: school.id, grade: 4, teacherId: teacher.id });
  const pupil = (v: Partial<Parameters<typeof createPupilRow>[1]> = {}) => createPupilRow(db, { classId: cls.id, schoolId: school.id, ...v });
  return { school, teacher, cls, pupil };
}

/** The token of a consent link, read from the queued email (the database keeps only its hash). */
async function tokenSentTo(email: string): Promise<string> {
  const rows = await getDb().select({ text: outbox.text }).from(outbox).where(eq(outbox.toAddress, email));
  expect(rows).toHaveLength(1);
  return /\/consent\/([A-Za-z0-9_-]+)/.exec(rows[0]!.text)![1]!;
}

describe("who needs consent", () => {
  it("is under 14 by birth year; by grade 8 and below without one", () => {
    const now = new Date(`${year}-06-01T00:00:00+08:00`);
    expect(needsConsent({ birthYear: year - 13, grade: 9 }, now)).toBe(true);
    expect(needsConsent({ birthYear: year - 14, grade: 3 }, now)).toBe(false);
    expect(needsConsent({ birthYear: null, grade: 8 }, now)).toBe(true);
    expect(needsConsent({ birthYear: null, grade: 9 }, now)).toBe(false);
  });

  it("reckons the year in Beijing: 31 December 17:00 UTC is already the new year there", () => {
    expect(currentYear(new Date("2026-12-31T17:00:00Z"))).toBe(2027);
    expect(currentYear(new Date("2026-12-31T15:00:00Z"))).toBe(2026);
  });
});

describe("consent", () => {
  it("a pupil of 14 or more needs none; an under-14 has none until a paper form is recorded", async () => {
    const ctx = await setup();
    const older = await ctx.pupil({ birthYear: year - 15, grade: 9 });
    const young = await ctx.pupil({ birthYear: year - 10 });
    expect(await consentStatus({ userId: older.user.id, birthYear: year - 15, grade: 9 })).toBe("not_required");
    expect(await hasConsent(older.user.id)).toBe(true);
    expect(await hasConsent(young.user.id)).toBe(false);
    expect(await consentStatus({ userId: young.user.id, birthYear: year - 10, grade: 4 })).toBe("missing");

    await recordPaperConsent(ctx.teacher, { pupilId: young.user.id, guardianName: "张建国", signedOn: `${year - 1}-09-01` });
    expect(await hasConsent(young.user.id)).toBe(true);
    const [row] = await listConsents(young.user.id);
    expect(row).toMatchObject({ method: "paper", guardianName: "张建国", rulesVersion: CONSENT_RULES_VERSION, signedOn: `${year - 1}-09-01`, recordedByName: ctx.teacher.name });
    expect(row!.confirmedAt).toBeInstanceOf(Date);
  });

  it("only the class's teacher (or the school's coordinator) records consent", async () => {
    const ctx = await setup();
    const young = await ctx.pupil({ birthYear: year - 9 });
    const otherTeacher = await createUser(getDb(), { roles: ["teacher"], schoolId: ctx.school.id });
    const staff = await createUser(getDb(), { roles: ["staff"] });
    const input = { pupilId: young.user.id, guardianName: "家长", signedOn: `${year}-01-02` };
    await expect(recordPaperConsent(otherTeacher, input)).rejects.toMatchObject({ code: "not_found" });
    await expect(recordPaperConsent(staff, input)).rejects.toMatchObject({ code: "not_found" });
    const coordinator = await createUser(getDb(), { roles: ["coordinator"], schoolId: ctx.school.id });
    await recordPaperConsent(coordinator, input);
    expect(await hasConsent(young.user.id)).toBe(true);
  });

  it("emails each guardian lacking consent once, and the link confirms it", async () => {
    const ctx = await setup();
    const tag = Math.random().toString(36).slice(2, 8);
    const a = await ctx.pupil({ name: "甲", birthYear: year - 10, guardianEmail: `a-${tag}@example.test` });
    const noEmail = await ctx.pupil({ name: "乙", birthYear: year - 10, guardianEmail: null });
    const older = await ctx.pupil({ name: "丙", birthYear: year - 15, guardianEmail: `c-${tag}@example.test` });
    const given = await ctx.pupil({ name: "丁", birthYear: year - 10, guardianEmail: `d-${tag}@example.test` });
    await recordPaperConsent(ctx.teacher, { pupilId: given.user.id, guardianName: "家长", signedOn: `${year}-01-02` });

    const first = await sendConsentRequests(ctx.teacher, ctx.cls.id, { origin: "http://localhost:3000", locale: "zh-CN" });
    expect(first).toEqual({ sent: 1, alreadyRequested: 0, withoutEmail: 1 });
    // Idempotent: a second press sends nothing new while the link is open.
    const again = await sendConsentRequests(ctx.teacher, ctx.cls.id, { origin: "http://localhost:3000", locale: "zh-CN" });
    expect(again).toEqual({ sent: 0, alreadyRequested: 1, withoutEmail: 1 });
    for (const p of [older, given, noEmail]) {
      expect(await getDb().select().from(consents).where(eq(consents.pupilId, p.user.id)).then((r) => r.filter((c) => c.method === "email"))).toHaveLength(0);
    }

    const token = await tokenSentTo(`a-${tag}@example.test`);
    expect(await consentStatus({ userId: a.user.id, birthYear: year - 10, grade: 4 })).toBe("requested");
    expect(await getConsentByToken(token)).toMatchObject({ state: "open", pupilName: "甲" });
    expect(await confirmConsent(token)).toBe("confirmed");
    expect(await hasConsent(a.user.id)).toBe(true);
    expect(await confirmConsent(token)).toBe("already");
    expect(await confirmConsent("x".repeat(32))).toBe("invalid");
    expect(await getConsentByToken("not a token")).toBeNull();
  });

  it("an expired link confirms nothing, and a new request can then be sent", async () => {
    const ctx = await setup();
    const tag = Math.random().toString(36).slice(2, 8);
    const p = await ctx.pupil({ birthYear: year - 10, guardianEmail: `e-${tag}@example.test` });
    await sendConsentRequests(ctx.teacher, ctx.cls.id, { origin: "http://localhost:3000", locale: "en" });
    const token = await tokenSentTo(`e-${tag}@example.test`);
    // Fifteen days later (links last 14).
    await getDb().update(consents).set({ expiresAt: sql`now() - interval '1 day'` }).where(eq(consents.pupilId, p.user.id));
    expect(await getConsentByToken(token)).toMatchObject({ state: "expired" });
    expect(await confirmConsent(token)).toBe("expired");
    expect(await hasConsent(p.user.id)).toBe(false);
    expect(await consentStatus({ userId: p.user.id, birthYear: year - 10, grade: 4 })).toBe("missing");
    expect((await sendConsentRequests(ctx.teacher, ctx.cls.id, { origin: "http://localhost:3000", locale: "en" })).sent).toBe(1);
  });

  it("the link lasts 14 days", async () => {
    const ctx = await setup();
    const tag = Math.random().toString(36).slice(2, 8);
    const p = await ctx.pupil({ birthYear: year - 10, guardianEmail: `f-${tag}@example.test` });
    const before = Date.now();
    await sendConsentRequests(ctx.teacher, ctx.cls.id, { origin: "http://localhost:3000", locale: "zh-CN" });
    const [row] = await getDb().select().from(consents).where(eq(consents.pupilId, p.user.id));
    const days = (row!.expiresAt!.getTime() - before) / 86_400_000;
    expect(days).toBeGreaterThan(13.99);
    expect(days).toBeLessThan(14.01);
    expect(row!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("another teacher cannot send requests for a class", async () => {
    const ctx = await setup();
    const other = await createUser(getDb(), { roles: ["teacher", "coordinator"], schoolId: (await createSchool(getDb())).id });
    await expect(sendConsentRequests(other, ctx.cls.id, { origin: "http://x", locale: "zh-CN" })).rejects.toMatchObject({ code: "not_found" });
  });
});
