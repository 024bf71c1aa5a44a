import "server-only";
import { eq, or, sql, type SQL } from "drizzle-orm";
import { classes } from "@/db/schema";
import { can } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";

export type Viewer = Pick<SessionUser, "id" | "roles" | "schoolId">;

/**
 * Which classes a user reaches, as a condition on `classes` (rule 2: scope lives in the query).
 * A teacher: the classes they run. A coordinator: every class of their school. Staff: every
 * class, to look at only ("view"); they change nothing ("manage").
 */
export function classScope(user: Viewer, mode: "view" | "manage"): SQL {
  if (mode === "view" && can(user, "schools.view_all")) return sql`true`;
  const parts: SQL[] = [];
  if (user.roles.includes("coordinator") && user.schoolId !== null) parts.push(eq(classes.schoolId, user.schoolId));
  if (user.roles.includes("teacher")) parts.push(eq(classes.teacherId, user.id));
  if (parts.length === 0) return sql`false`;
  return parts.length === 1 ? parts[0]! : or(...parts)!;
}
