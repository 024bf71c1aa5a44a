import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { createSchool, createUser } from "@/db/factories";
import { createClassRow, createPupilRow } from "@/db/factories-classes";
import { classes, users } from "@/db/schema";
import { verifyPassword } from "@/lib/auth/password";
import { addPupil, confirmPendingPupil, removePendingPupil, resetPupilPassword } from "@/lib/pupils/mutations";
import { getOwnPupil, getPupilForUser, listRoster, listSlips } from "@/lib/pupils/queries";
import { createClass } from "./mutations";
import { getClassForUser, listClassesForUser } from "./queries";

const pupilFields = { name: "新同学", gender: null, grade: 4, guardianName: "家长", guardianPhone: "13800138000", guardianEmail: null, birthYear: null };

/** Two schools; school A has a coordinator and two teachers with a class each; school B one teacher. */
async function world() {
  const db = getDb();
  const [a, b] = [await createSchool(db), await createSchool(db)];
  const coordinatorA = await createUser(db, { roles: ["coordinator", "teacher"], schoolId: a.id });
  const t1 = await createUser(db, { roles: ["teacher"], schoolId: a.id });
  const t2 = await createUser(db, { roles: ["teacher"], schoolId: a.id });
  const tB = await createUser(db, { roles: ["teacher", "coordinator"], schoolId: b.id });
  const staff = await createUser(db, { roles: ["staff"] });
  const c1 = await createClassRow(db, { schoolId: a.id, teacherId: t1.id });
  const c2 = await createClassRow(db, { schoolId: a.id, teacherId: t2.id });
  const cB = await createClassRow(db, { schoolId: b.id, teacherId: tB.id });
  const p1 = await createPupilRow(db, { classId: c1.id, schoolId: a.id, name: "一班学生", password: "first-pass-1", mustChangePassword: true });
  const pending = await createPupilRow(db, { classId: c1.id, schoolId: a.id, name: "待确认", status: "pending" });
  const pupilUser = { id: p1.user.id, roles: p1.user.roles, schoolId: a.id };
  return { a, b, coordinatorA, t1, t2, tB, staff, c1, c2, cB, p1, pending, pupilUser };
}

describe("class scope", () => {
  it("a teacher reaches only their own classes; a coordinator the whole school; staff all, to view only", async () => {
    const w = await world();
    const ids = async (u: Parameters<typeof listClassesForUser>[0]) => (await listClassesForUser(u)).map((c) => c.id).sort();
    expect(await ids(w.t1)).toEqual([w.c1.id]);
    expect(await ids(w.coordinatorA)).toEqual([w.c1.id, w.c2.id].sort());
    expect(await ids(w.tB)).toEqual([w.cB.id]);
    expect(await ids(w.staff)).toEqual([]);
    expect(await ids(w.pupilUser)).toEqual([]);

    expect(await getClassForUser(w.t1, w.c1.id)).toMatchObject({ id: w.c1.id, canManage: true });
    expect(await getClassForUser(w.t1, w.c2.id)).toBeNull(); // same school, another teacher's class
    expect(await getClassForUser(w.tB, w.c1.id)).toBeNull(); // another school
    expect(await getClassForUser(w.coordinatorA, w.c2.id, "manage")).toMatchObject({ canManage: true });
    expect(await getClassForUser(w.staff, w.c1.id, "view")).toMatchObject({ id: w.c1.id, canManage: false });
    expect(await getClassForUser(w.staff, w.c1.id, "manage")).toBeNull();
    expect(await getClassForUser(w.pupilUser, w.c1.id)).toBeNull();
    expect(await getClassForUser(w.t1, 2_147_483_647)).toBeNull();
  });

  it("a pupil is reached through their class's scope, and a pupil sees only themself", async () => {
    const w = await world();
    expect(await getPupilForUser(w.t1, w.p1.user.id)).toMatchObject({ name: "一班学生", canManage: true });
    expect(await getPupilForUser(w.t2, w.p1.user.id)).toBeNull();
    expect(await getPupilForUser(w.tB, w.p1.user.id)).toBeNull();
    expect(await getPupilForUser(w.staff, w.p1.user.id)).toMatchObject({ canManage: false });
    expect(await getPupilForUser(w.staff, w.p1.user.id, "manage")).toBeNull();
    expect(await getPupilForUser(w.pupilUser, w.p1.user.id)).toBeNull();
    expect((await getOwnPupil(w.p1.user.id))?.name).toBe("一班学生");
  });

  it("changes to another teacher's or school's class fail as not found", async () => {
    const w = await world();
    for (const u of [w.t2, w.tB, w.staff, w.pupilUser]) {
      await expect(addPupil(u, w.c1.id, pupilFields), "addPupil").rejects.toMatchObject({ code: "not_found" });
      await expect(resetPupilPassword(u, w.p1.user.id), "reset").rejects.toMatchObject({ code: "not_found" });
      await expect(confirmPendingPupil(u, w.pending.user.id), "confirm").rejects.toMatchObject({ code: "not_found" });
      await expect(removePendingPupil(u, w.pending.user.id), "remove").rejects.toMatchObject({ code: "not_found" });
    }
    // The control: the class's own teacher and the coordinator may.
    expect((await addPupil(w.t1, w.c1.id, pupilFields)).username).toMatch(/^[a-z]{3}\d{3}$/);
    await confirmPendingPupil(w.coordinatorA, w.pending.user.id);
  });

  it("adding a pupil makes an account with a first password; a name already in the class is refused", async () => {
    const w = await world();
    const made = await addPupil(w.t1, w.c1.id, { ...pupilFields, name: "王 小明" });
    const [u] = await getDb().select().from(users).where(eq(users.id, made.userId));
    expect(u).toMatchObject({ username: made.username, mustChangePassword: true, disabled: false, schoolId: w.a.id });
    expect(await verifyPassword(u!.passwordHash!, made.password)).toBe(true);
    await expect(addPupil(w.t1, w.c1.id, { ...pupilFields, name: "王小明" })).rejects.toMatchObject({ code: "invalid", fields: { name: "pupils.problem.duplicateInClass" } });
    const slips = await listSlips(w.c1);
    expect(slips.find((s) => s.userId === made.userId)?.password).toBe(made.password);
  });

  it("resetting a password gives a new first password and asks for a change again", async () => {
    const w = await world();
    await getDb().update(users).set({ mustChangePassword: false }).where(eq(users.id, w.p1.user.id));
    expect((await listSlips(w.c1)).find((s) => s.userId === w.p1.user.id)?.password).toBeNull();
    const { password } = await resetPupilPassword(w.t1, w.p1.user.id);
    const [u] = await getDb().select().from(users).where(eq(users.id, w.p1.user.id));
    expect(u!.mustChangePassword).toBe(true);
    expect(await verifyPassword(u!.passwordHash!, password)).toBe(true);
    expect(await verifyPassword(u!.passwordHash!, "first-pass-1")).toBe(false);
    expect((await listSlips(w.c1)).find((s) => s.userId === w.p1.user.id)?.password).toBe(password);
  });

  it("confirming a pending pupil enables them; removing deletes the account; active pupils are not removable", async () => {
    const w = await world();
    const other = await createPupilRow(getDb(), { classId: w.c1.id, schoolId: w.a.id, status: "pending" });
    await confirmPendingPupil(w.t1, w.pending.user.id);
    const [u] = await getDb().select().from(users).where(eq(users.id, w.pending.user.id));
    expect(u!.disabled).toBe(false);
    expect((await listRoster(w.c1, { page: 1, pageSize: 50 })).rows.map((r) => r.userId)).toContain(w.pending.user.id);
    await removePendingPupil(w.t1, other.user.id);
    expect(await getDb().select().from(users).where(eq(users.id, other.user.id))).toHaveLength(0);
    await expect(removePendingPupil(w.t1, w.p1.user.id)).rejects.toMatchObject({ code: "not_found" });
  });

  it("creates classes in the user's school; the same grade and name twice is refused", async () => {
    const w = await world();
    const { id } = await createClass(w.t1, { grade: 3, name: "三年级（2）班" });
    const [row] = await getDb().select().from(classes).where(eq(classes.id, id));
    expect(row).toMatchObject({ schoolId: w.a.id, teacherId: w.t1.id, grade: 3 });
    expect(row!.joinCode).toMatch(/^[a-hj-km-np-z2-9]{6}$/);
    await expect(createClass(w.t2, { grade: 3, name: "三年级(2)班" })).rejects.toMatchObject({ code: "invalid", fields: { name: "classes.duplicate" } });
    // Another grade, or another school, may use the name.
    await createClass(w.t2, { grade: 4, name: "三年级（2）班" });
    await createClass(w.tB, { grade: 3, name: "三年级（2）班" });
  });

  it("a coordinator may give a class to a teacher of the school; a teacher may not, nor to another school's teacher", async () => {
    const w = await world();
    const { id } = await createClass(w.coordinatorA, { grade: 5, name: "1班", teacherId: w.t2.id });
    expect((await getClassForUser(w.t2, id))?.teacherId).toBe(w.t2.id);
    await expect(createClass(w.t1, { grade: 5, name: "2班", teacherId: w.t2.id })).rejects.toMatchObject({ fields: { teacherId: "classes.teacherUnknown" } });
    await expect(createClass(w.coordinatorA, { grade: 5, name: "3班", teacherId: w.tB.id })).rejects.toMatchObject({ fields: { teacherId: "classes.teacherUnknown" } });
    await expect(createClass(w.staff, { grade: 5, name: "4班" })).rejects.toMatchObject({ code: "forbidden" });
  });
});
