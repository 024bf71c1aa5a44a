import { randomBytes } from "node:crypto";
import type { DbOrTx } from "./client";
import { schools, towns, userRoles, users, type Role } from "./schema";
import { hashPassword } from "@/lib/auth/password";

// Test and demo rows. Each call makes unique rows, so tests never need a global reset.

const unique = () => randomBytes(4).toString("hex");

export async function createTown(db: DbOrTx, values: { nameZh?: string; nameEn?: string; sortOrder?: number } = {}) {
  const id = unique();
  const [town] = await db
    .insert(towns)
    .values({ nameZh: values.nameZh ?? `测试镇${id}`, nameEn: values.nameEn ?? `Test Town ${id}`, sortOrder: values.sortOrder ?? 0 })
    .returning();
  return town!;
}

export async function createSchool(
  db: DbOrTx,
  values: Partial<typeof schools.$inferInsert> & { townId?: number } = {},
) {
  const townId = values.townId ?? (await createTown(db)).id;
  const id = unique();
  const [school] = await db
    .insert(schools)
    .values({
      name: `测试小学${id}`,
      level: "primary",
      status: "approved",
      coordinatorName: "王老师",
      coordinatorEmail: `coordinator-${id}@example.test`,
      ...values,
      townId,
    })
    .returning();
  return school!;
}

export async function createUser(
  db: DbOrTx,
  values: {
    roles?: Role[];
    name?: string;
    email?: string | null;
    username?: string | null;
    password?: string;
    schoolId?: number | null;
    locale?: "zh-CN" | "en";
    disabled?: boolean;
    mustChangePassword?: boolean;
  } = {},
) {
  const id = unique();
  const roles = values.roles ?? ["teacher"];
  const isPupil = roles.includes("student");
  const [user] = await db
    .insert(users)
    .values({
      name: values.name ?? (isPupil ? `学生${id}` : `用户${id}`),
      email: values.email === undefined ? (isPupil ? null : `user-${id}@example.test`) : values.email,
      username: values.username === undefined ? (isPupil ? `pupil${id}` : null) : values.username,
      passwordHash: values.password ? await hashPassword(values.password) : null,
      schoolId: values.schoolId ?? null,
      locale: values.locale ?? "zh-CN",
      disabled: values.disabled ?? false,
      mustChangePassword: values.mustChangePassword ?? false,
    })
    .returning();
  if (roles.length) await db.insert(userRoles).values(roles.map((role) => ({ userId: user!.id, role })));
  return { ...user!, roles };
}
