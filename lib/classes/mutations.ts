import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { classes } from "@/db/schema";
import { readableCode } from "@/lib/crypto";
import { AppError } from "@/lib/errors";
import { nameKey } from "@/lib/pupils/fields";
import { listSchoolTeachers } from "./queries";
import type { CreateClassInput } from "./schemas";
import type { Viewer } from "./scope";

export const JOIN_CODE_LENGTH = 6;

async function assertNameFree(schoolId: number, grade: number, name: string) {
  const same = await getDb()
    .select({ name: classes.name })
    .from(classes)
    .where(and(eq(classes.schoolId, schoolId), eq(classes.grade, grade)));
  // "三年级（2）班" and "三年级(2)班" are the same class to a teacher.
  if (same.some((c) => nameKey(c.name) === nameKey(name))) {
    throw new AppError("invalid", { name: "classes.duplicate" }, "classes.duplicate");
  }
}

/**
 * A new class in the user's school. A coordinator may give it to any teacher of the school;
 * a teacher's class is their own.
 */
export async function createClass(user: Viewer, input: CreateClassInput) {
  const schoolId = user.schoolId;
  if (schoolId === null) throw new AppError("forbidden", undefined, "classes.noSchool");
  let teacherId = user.id;
  if (input.teacherId && input.teacherId !== user.id) {
    const teachers = user.roles.includes("coordinator") ? await listSchoolTeachers(schoolId) : [];
    if (!teachers.some((t) => t.id === input.teacherId)) throw new AppError("invalid", { teacherId: "classes.teacherUnknown" });
    teacherId = input.teacherId;
  }
  await assertNameFree(schoolId, input.grade, input.name);
  // A new join code until one is free; the unique indexes settle races with another request.
  for (let attempt = 0; attempt < 5; attempt++) {
    const [row] = await getDb()
      .insert(classes)
      .values({ schoolId, grade: input.grade, name: input.name, teacherId, joinCode: readableCode(JOIN_CODE_LENGTH) })
      .onConflictDoNothing()
      .returning({ id: classes.id });
    if (row) return row;
    await assertNameFree(schoolId, input.grade, input.name);
  }
  throw new Error("createClass: no free join code after 5 attempts");
}
