import { and, eq } from "drizzle-orm";
import { describe, expect, inject, it } from "vitest";
import { getDb } from "@/db/client";
import { createSchool, createTown } from "@/db/factories";
import { mailsTo, schoolRegistration } from "@/db/factories-schools";
import { auditLog, schools } from "@/db/schema";
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";
import { findLikelyDuplicate, registerSchool, registrationLocale } from "./register";

const schoolsNamed = (townId: number) => getDb().select().from(schools).where(eq(schools.townId, townId));

describe("registerSchool", () => {
  it("stores a pending school, records it and queues the 'received' email in the coordinator's language", async () => {
    const town = await createTown(getDb());
    const input = schoolRegistration(town.id);
    const school = await registerSchool(input, "zh-CN");

    expect(school).toMatchObject({ status: "pending", name: input.name, coordinatorEmail: input.coordinatorEmail, townName: town.nameZh });
    const [row] = await schoolsNamed(town.id);
    expect(row).toMatchObject({ id: school.id, status: "pending", reviewedAt: null, reviewedBy: null, coordinatorPhone: "13803151234" });

    const mails = await mailsTo(getDb(), input.coordinatorEmail);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ kind: "school-received", idempotencyKey: `school-received/${school.id}`, locale: "zh-CN" });
    expect(mails[0]!.subject).toBe(zh.schools.email.received.subject.replace("{school}", input.name));
    expect(mails[0]!.text).toContain(input.name);
    expect(mails[0]!.text).toContain(town.nameZh);

    const audit = await getDb()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, "school"), eq(auditLog.entityId, String(school.id))));
    expect(audit).toMatchObject([{ action: "register", actorId: null, data: { locale: "zh-CN" } }]);
    expect(await registrationLocale(getDb(), school.id)).toBe("zh-CN");
  });

  it("writes to an English-speaking coordinator in English and remembers that for later emails", async () => {
    const town = await createTown(getDb());
    const input = schoolRegistration(town.id);
    const school = await registerSchool(input, "en");
    const [mail] = await mailsTo(getDb(), input.coordinatorEmail);
    expect(mail).toMatchObject({ locale: "en", subject: en.schools.email.received.subject.replace("{school}", input.name) });
    expect(mail!.text).toContain(town.nameEn);
    expect(await registrationLocale(getDb(), school.id)).toBe("en");
  });

  it("points out the same school registered twice in one town, ignoring spaces and full-width forms", async () => {
    const town = await createTown(getDb());
    const first = schoolRegistration(town.id, { name: "滦南县ABC实验小学" });
    await registerSchool(first, "zh-CN");

    for (const name of ["滦南县ABC实验小学", "滦南县 ABC 实验小学", "滦南县ＡＢＣ实验小学", "滦南县abc实验小学"]) {
      const again = schoolRegistration(town.id, { name });
      await expect(registerSchool(again, "zh-CN")).rejects.toMatchObject({
        code: "conflict",
        fields: { name: "schools.register.duplicate.pending" },
        message: "schools.register.duplicateTitle",
      });
      // Nothing stored, nothing sent.
      expect(await mailsTo(getDb(), again.coordinatorEmail)).toHaveLength(0);
    }
    expect(await schoolsNamed(town.id)).toHaveLength(1);
    expect(await findLikelyDuplicate(getDb(), town.id, "滦南县 ＡＢＣ 实验小学")).toMatchObject({ name: "滦南县ABC实验小学", status: "pending" });
  });

  it("says which status the existing registration has", async () => {
    const town = await createTown(getDb());
    const approved = await createSchool(getDb(), { townId: town.id, status: "approved" });
    const rejected = await createSchool(getDb(), { townId: town.id, status: "rejected" });
    await expect(registerSchool(schoolRegistration(town.id, { name: approved.name }), "zh-CN")).rejects.toMatchObject({
      fields: { name: "schools.register.duplicate.approved" },
    });
    await expect(registerSchool(schoolRegistration(town.id, { name: ` ${rejected.name.replace("小学", " 小学")}` }), "zh-CN")).rejects.toMatchObject({
      fields: { name: "schools.register.duplicate.rejected" },
    });
  });

  it("lets two towns each have a school of the same name", async () => {
    const [a, b] = [await createTown(getDb()), await createTown(getDb())];
    const name = `中心小学${Date.now()}`;
    await registerSchool(schoolRegistration(a.id, { name }), "zh-CN");
    await registerSchool(schoolRegistration(b.id, { name }), "zh-CN");
    expect(await schoolsNamed(a.id)).toHaveLength(1);
    expect(await schoolsNamed(b.id)).toHaveLength(1);
  });

  it("refuses a town that does not exist, next to the town field", async () => {
    await expect(registerSchool(schoolRegistration(2_000_000_000), "zh-CN")).rejects.toMatchObject({
      code: "invalid",
      fields: { townId: "schools.register.townRequired" },
    });
  });

  // PGlite runs one transaction at a time, so the race only exists on PostgreSQL.
  it.skipIf(!inject("databaseUrl"))("keeps one of two near-identical registrations sent at the same moment", async () => {
    const db = getDb();
    // Control: the same check-then-insert without the town lock lets both through.
    const control = await createTown(db);
    let arrived = 0;
    let release!: () => void;
    const bothChecked = new Promise<void>((r) => (release = r));
    await Promise.all(
      ["滦南县并发小学", "滦南县 并发小学"].map((name) =>
        db.transaction(async (tx) => {
          expect(await findLikelyDuplicate(tx, control.id, name)).toBeNull();
          if (++arrived === 2) release();
          await bothChecked;
          await tx.insert(schools).values({ name, townId: control.id, level: "primary", coordinatorName: "甲", coordinatorEmail: "a@example.test" });
        }),
      ),
    );
    expect(await schoolsNamed(control.id)).toHaveLength(2);

    const town = await createTown(db);
    const results = await Promise.allSettled(
      ["滦南县并发小学", "滦南县 并发小学", "滦南县并发 小学"].map((name) => registerSchool(schoolRegistration(town.id, { name }), "zh-CN")),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.filter((r) => r.status === "rejected").map((r) => (r as PromiseRejectedResult).reason.fields)).toEqual([
      { name: "schools.register.duplicate.pending" },
      { name: "schools.register.duplicate.pending" },
    ]);
    expect(await schoolsNamed(town.id)).toHaveLength(1);
  });
});
