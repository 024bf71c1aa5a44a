import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "./client";
import { createSchool, createUser } from "./factories";
import { userRoles } from "./schema";

describe("factories", () => {
  it("makes a unique user with roles on a school", async () => {
    const db = getDb();
    const school = await createSchool(db);
    const a = await createUser(db, { roles: ["teacher", "judge"], schoolId: school.id });
    const b = await createUser(db, { roles: ["student"] });
    expect(a.id).not.toBe(b.id);
    expect(b.username).toMatch(/^pupil/);
    const rows = await db.select().from(userRoles).where(eq(userRoles.userId, a.id));
    expect(rows.map((r) => r.role).sort()).toEqual(["judge", "teacher"]);
  });
});
