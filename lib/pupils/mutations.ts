import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import { classes, pupils, users } from "@/db/schema";
import { getClassForUser } from "@/lib/classes/queries";
import type { Viewer } from "@/lib/classes/scope";
import { AppError } from "@/lib/errors";
import { insertPupilAccounts } from "./accounts";
import { newInitialCredentials } from "./credentials";
import { nameKey, type PupilFields } from "./fields";
import { classNameKeys, getPupilForUser } from "./queries";

/** Holds the class row until commit, so two writers cannot both add the same name. */
export async function lockClass(tx: Tx, classId: number) {
  const [row] = await tx.select({ id: classes.id, schoolId: classes.schoolId, grade: classes.grade }).from(classes).where(eq(classes.id, classId)).for("update");
  return row ?? null;
}

export async function assertNewName(tx: Tx, classId: number, name: string, messageKey: string) {
  if ((await classNameKeys(tx, classId)).has(nameKey(name))) throw new AppError("invalid", { name: messageKey }, messageKey);
}

/** A teacher adds one pupil; the answer carries the username and first password to hand over. */
export async function addPupil(user: Viewer, classId: number, pupil: PupilFields) {
  const cls = await getClassForUser(user, classId, "manage");
  if (!cls) throw new AppError("not_found");
  const [cred] = await newInitialCredentials(1);
  const [made] = await getDb().transaction(async (tx) => {
    await lockClass(tx, cls.id);
    await assertNewName(tx, cls.id, pupil.name, "pupils.problem.duplicateInClass");
    return insertPupilAccounts(tx, cls, [{ ...pupil, status: "active", passwordHash: cred!.passwordHash, initialPasswordEnc: cred!.initialPasswordEnc }]);
  });
  return { userId: made!.userId, username: made!.username, password: cred!.password, name: pupil.name };
}

/** A new first password: the old slip stops working and the pupil chooses again at sign-in. */
export async function resetPupilPassword(user: Viewer, pupilId: string) {
  const pupil = await getPupilForUser(user, pupilId, "manage");
  if (!pupil || pupil.status !== "active") throw new AppError("not_found");
  const [cred] = await newInitialCredentials(1);
  await getDb().transaction(async (tx) => {
    await tx.update(users).set({ passwordHash: cred!.passwordHash, mustChangePassword: true }).where(eq(users.id, pupilId));
    await tx.update(pupils).set({ initialPasswordEnc: cred!.initialPasswordEnc }).where(eq(pupils.userId, pupilId));
  });
  return { username: pupil.username!, password: cred!.password, name: pupil.name ?? "" };
}

/** The teacher confirms a pupil who joined with the class code: they can sign in from now on. */
export async function confirmPendingPupil(user: Viewer, pupilId: string) {
  const pupil = await getPupilForUser(user, pupilId, "manage");
  if (!pupil || pupil.status !== "pending") throw new AppError("not_found");
  await getDb().transaction(async (tx) => {
    const done = await tx
      .update(pupils)
      .set({ status: "active" })
      .where(and(eq(pupils.userId, pupilId), eq(pupils.status, "pending")))
      .returning({ id: pupils.userId });
    if (done.length === 0) throw new AppError("not_found");
    await tx.update(users).set({ disabled: false }).where(eq(users.id, pupilId));
  });
  return { name: pupil.name ?? "" };
}

/** Removes a pupil who joined with the code but is not in this class: their account goes too. */
export async function removePendingPupil(user: Viewer, pupilId: string) {
  const pupil = await getPupilForUser(user, pupilId, "manage");
  if (!pupil || pupil.status !== "pending") throw new AppError("not_found");
  await getDb().transaction(async (tx) => {
    const [row] = await tx.select({ status: pupils.status }).from(pupils).where(eq(pupils.userId, pupilId)).for("update");
    if (row?.status !== "pending") throw new AppError("not_found");
    // The user row owns the pupil row and the role (on delete cascade).
    await tx.delete(users).where(eq(users.id, pupilId));
  });
  return { name: pupil.name ?? "" };
}
