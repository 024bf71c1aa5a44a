import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { createSchool, createUser } from "@/db/factories";
import { userRoles, users } from "@/db/schema";
import { loadSessionUser } from "./session";

// The session cookie only says who someone is; roles and the disabled flag are read from the
// database on every request (DESIGN.md). loadSessionUser is that read.

describe("loadSessionUser", () => {
  it("returns the user's fields and all their roles", async () => {
    const db = getDb();
    const school = await createSchool(db);
    const user = await createUser(db, { roles: ["teacher", "judge"], schoolId: school.id, locale: "en", mustChangePassword: true });
    const loaded = await loadSessionUser(user.id);
    expect(loaded).not.toBeNull();
    expect({ ...loaded!, roles: [...loaded!.roles].sort() }).toEqual({
      id: user.id,
      name: user.name,
      email: user.email,
      username: null,
      roles: ["judge", "teacher"],
      schoolId: school.id,
      locale: "en",
      mustChangePassword: true,
    });
  });

  it("sees a role taken away on the very next call", async () => {
    const db = getDb();
    const user = await createUser(db, { roles: ["teacher", "judge"] });
    expect((await loadSessionUser(user.id))!.roles.sort()).toEqual(["judge", "teacher"]);

    await db.delete(userRoles).where(and(eq(userRoles.userId, user.id), eq(userRoles.role, "judge")));
    expect((await loadSessionUser(user.id))!.roles).toEqual(["teacher"]);

    await db.delete(userRoles).where(eq(userRoles.userId, user.id));
    expect((await loadSessionUser(user.id))!.roles).toEqual([]);
  });

  it("sees a role granted on the very next call", async () => {
    const db = getDb();
    const user = await createUser(db, { roles: ["staff"] });
    expect((await loadSessionUser(user.id))!.roles).toEqual(["staff"]);
    await db.insert(userRoles).values({ userId: user.id, role: "admin" });
    expect((await loadSessionUser(user.id))!.roles.sort()).toEqual(["admin", "staff"]);
  });

  it("returns null once the account is disabled, and the user again once re-enabled", async () => {
    const db = getDb();
    const user = await createUser(db, { roles: ["student"] });
    expect((await loadSessionUser(user.id))?.id).toBe(user.id);

    await db.update(users).set({ disabled: true }).where(eq(users.id, user.id));
    expect(await loadSessionUser(user.id)).toBeNull();

    await db.update(users).set({ disabled: false }).where(eq(users.id, user.id));
    expect((await loadSessionUser(user.id))?.roles).toEqual(["student"]);
  });

  it("returns null for a user created disabled, an unknown id and a deleted user", async () => {
    const db = getDb();
    const disabled = await createUser(db, { roles: ["admin"], disabled: true });
    expect(await loadSessionUser(disabled.id)).toBeNull();
    expect(await loadSessionUser(randomUUID())).toBeNull();

    const gone = await createUser(db, { roles: ["teacher"] });
    await db.delete(users).where(eq(users.id, gone.id));
    expect(await loadSessionUser(gone.id)).toBeNull();
  });

  it("reads other changes (locale, must-change-password) fresh too", async () => {
    const db = getDb();
    const user = await createUser(db, { roles: ["student"], mustChangePassword: true });
    expect(await loadSessionUser(user.id)).toMatchObject({ locale: "zh-CN", mustChangePassword: true });
    await db.update(users).set({ locale: "en", mustChangePassword: false }).where(eq(users.id, user.id));
    expect(await loadSessionUser(user.id)).toMatchObject({ locale: "en", mustChangePassword: false });
  });
});
