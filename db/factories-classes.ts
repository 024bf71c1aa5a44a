import { randomBytes } from "node:crypto";
import type { DbOrTx } from "./client";
import { createUser } from "./factories";
import { classes, pupils } from "./schema";

// Test rows for classes and pupils; each call makes unique rows (see db/factories.ts).

const unique = () => randomBytes(4).toString("hex");

export async function createClassRow(db: DbOrTx, values: { schoolId: number; grade?: number; name?: string; teacherId?: string | null }) {
  const [row] = await db
    .insert(classes)
    .values({
      schoolId: values.schoolId,
      grade: values.grade ?? 4,
      name: values.name ?? `${unique()}班`,
      teacherId: values.teacherId ?? null,
      joinCode: `t${unique()}`,
    })
    .returning();
  return row!;
}

export async function createPupilRow(
  db: DbOrTx,
  values: {
    classId: number;
    schoolId: number;
    name?: string;
    grade?: number;
    birthYear?: number | null;
    guardianName?: string;
    guardianPhone?: string | null;
    guardianEmail?: string | null;
    status?: "active" | "pending";
    password?: string;
    mustChangePassword?: boolean;
  },
) {
  const user = await createUser(db, {
    roles: ["student"],
    name: values.name,
    password: values.password,
    schoolId: values.schoolId,
    disabled: values.status === "pending",
    mustChangePassword: values.mustChangePassword,
  });
  const guardianEmail = values.guardianEmail === undefined ? null : values.guardianEmail;
  const [pupil] = await db
    .insert(pupils)
    .values({
      userId: user.id,
      classId: values.classId,
      grade: values.grade ?? 4,
      birthYear: values.birthYear ?? null,
      guardianName: values.guardianName ?? "家长",
      guardianPhone: values.guardianPhone === undefined ? (guardianEmail ? null : "13800138000") : values.guardianPhone,
      guardianEmail,
      status: values.status ?? "active",
    })
    .returning();
  return { user, pupil: pupil! };
}
