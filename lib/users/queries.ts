import "server-only";
import { and, asc, count, eq, ilike, inArray, or, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db/client";
import { auditLog, schools, userRoles, users, type Role } from "@/db/schema";
import { AppError } from "@/lib/errors";
import type { UpdateUserAccessInput } from "./schemas";

export async function listUsers({ q, role, page, pageSize }: { q?: string; role?: Role; page: number; pageSize: number }) {
  const db = getDb();
  const filters: SQL[] = [];
  if (q) {
    const like = `%${q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    filters.push(or(ilike(users.name, like), ilike(users.email, like), ilike(users.username, like))!);
  }
  if (role) {
    filters.push(inArray(users.id, db.select({ id: userRoles.userId }).from(userRoles).where(eq(userRoles.role, role))));
  }
  const where = filters.length ? and(...filters) : undefined;
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: users.id,
        name: users.name,
        email: users.email,
        username: users.username,
        disabled: users.disabled,
        schoolName: schools.name,
        roles: sql<Role[]>`coalesce((select array_agg(${userRoles.role} order by ${userRoles.role}) from ${userRoles} where ${userRoles.userId} = ${users.id}), '{}')`,
      })
      .from(users)
      .leftJoin(schools, eq(schools.id, users.schoolId))
      .where(where)
      .orderBy(asc(users.name), asc(users.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: count() }).from(users).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/**
 * Sets a user's roles and disabled flag. Both bite on the user's next request, since sessions
 * re-read them. Admins cannot lock themselves out.
 */
export async function updateUserAccess(input: UpdateUserAccessInput, actorId: string) {
  if (input.userId === actorId && (input.disabled || !input.roles.includes("admin"))) {
    throw new AppError("invalid", { roles: "users.notSelf" }, "users.notSelf");
  }
  await getDb().transaction(async (tx) => {
    const [user] = await tx.update(users).set({ disabled: input.disabled }).where(eq(users.id, input.userId)).returning({ id: users.id });
    if (!user) throw new AppError("not_found");
    await tx.delete(userRoles).where(eq(userRoles.userId, input.userId));
    if (input.roles.length) await tx.insert(userRoles).values(input.roles.map((role) => ({ userId: input.userId, role })));
    await tx.insert(auditLog).values({
      actorId,
      action: "update_access",
      entity: "user",
      entityId: input.userId,
      data: { roles: input.roles, disabled: input.disabled },
    });
  });
}
