import { eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "./client";
import { createSchool, createUser } from "./factories";
import { classes, consents, pupils, users } from "./schema";
import { hasConsent } from "@/lib/consent/queries";
import { needsConsent } from "@/lib/consent/rules";
import { listSlips } from "@/lib/pupils/queries";
import { secondSchoolCoordinator, seedClassesAndPupils } from "./seed-classes";

describe("seedClassesAndPupils", () => {
  it("gives each school 2–4 classes of 6–12 pupils and puts the demo pupils in a grade-4 class", async () => {
    const db = getDb();
    const exists = await db.select({ id: users.id }).from(users).where(inArray(users.username, ["xiaoming", "xiaohong"]));
    const [a, b, c] = [await createSchool(db), await createSchool(db, { level: "junior" }), await createSchool(db, { level: "senior" })];
    const teacher = await createUser(db, { roles: ["teacher"], schoolId: a.id });
    // On a shared PostgreSQL another file's run may have made them; otherwise make them here.
    if (exists.length === 0) {
      for (const username of ["xiaoming", "xiaohong"]) await createUser(db, { roles: ["student"], username, schoolId: a.id, password: "shuxiang2026" });
    }
    const hadCoordinator = (await db.select().from(users).where(eq(users.email, secondSchoolCoordinator))).length > 0;

    const seeded = await db.transaction((tx) => seedClassesAndPupils(tx, { schoolIds: [a.id, b.id, c.id], teacherIdsBySchool: { [a.id]: [teacher.id] } }));
    const rows = await db.select().from(classes).where(inArray(classes.id, seeded.classIds));
    for (const school of [a, b, c]) {
      const mine = rows.filter((r) => r.schoolId === school.id);
      expect(mine.length).toBeGreaterThanOrEqual(2);
      expect(mine.length).toBeLessThanOrEqual(4);
    }
    expect(rows.filter((r) => r.schoolId === b.id).every((r) => r.grade >= 7 && r.grade <= 9)).toBe(true);
    expect(rows.filter((r) => r.schoolId === c.id).every((r) => r.grade >= 10)).toBe(true);
    const demo = rows.find((r) => r.id === seeded.demoClassId)!;
    expect(demo).toMatchObject({ schoolId: a.id, grade: 4, teacherId: teacher.id });

    const members = await db.select({ username: users.username, status: pupils.status, classId: pupils.classId }).from(pupils).innerJoin(users, eq(users.id, pupils.userId)).where(inArray(pupils.classId, seeded.classIds));
    for (const cls of rows) {
      const active = members.filter((m) => m.classId === cls.id && m.status === "active" && m.username !== "xiaoming" && m.username !== "xiaohong");
      expect(active.length).toBeGreaterThanOrEqual(6);
      expect(active.length).toBeLessThanOrEqual(12);
    }
    if (exists.length === 0) {
      const ming = members.find((m) => m.username === "xiaoming");
      expect(ming?.classId).toBe(demo.id);
      const [mingUser] = await db.select().from(users).where(eq(users.username, "xiaoming"));
      expect(await hasConsent(mingUser!.id)).toBe(true);
    }
    expect(members.filter((m) => m.status === "pending")).toHaveLength(1);

    // Most under-14s of schools with a teacher to record it have consent (school c has nobody).
    const young = (
      await db
        .select({ id: pupils.userId, grade: pupils.grade, birthYear: pupils.birthYear })
        .from(pupils)
        .where(inArray(pupils.classId, rows.filter((r) => r.schoolId !== c.id).map((r) => r.id)))
    ).filter((p) => needsConsent(p));
    const withConsent = await db.selectDistinct({ id: consents.pupilId }).from(consents).where(inArray(consents.pupilId, young.map((p) => p.id)));
    expect(young.length).toBeGreaterThan(10);
    expect(withConsent.length / young.length).toBeGreaterThan(0.7);
    expect(withConsent.length).toBeLessThan(young.length);
    const slips = await listSlips(rows.find((r) => r.schoolId === b.id)!);
    expect(slips.every((s) => s.password && s.password.length === 8)).toBe(true);
    if (!hadCoordinator) {
      const [second] = await db.select().from(users).where(eq(users.email, secondSchoolCoordinator));
      expect(second?.schoolId).toBe(b.id);
    }
  });
});
