import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { preparedQuery } from "@/db/client";
import { userRoles, users, type Role } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { sessionUserId } from "./config";
import { can, type Permission } from "./permissions";

export type SessionUser = {
  id: string;
  name: string | null;
  email: string | null;
  username: string | null;
  roles: Role[];
  schoolId: number | null;
  locale: "zh-CN" | "en";
  mustChangePassword: boolean;
};

const sessionUserQuery = preparedQuery((db) =>
  db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      username: users.username,
      roles: sql<Role[]>`array(select ${userRoles.role}::text from ${userRoles} where ${userRoles.userId} = ${users.id})`,
      schoolId: users.schoolId,
      locale: users.locale,
      mustChangePassword: users.mustChangePassword,
    })
    .from(users)
    .where(and(eq(users.id, sql.placeholder("id")), eq(users.disabled, false)))
    .limit(1)
    .prepare("session_user"),
);

/** Loads a user with roles, or null when missing or disabled: one prepared query, as every signed-in request makes it. */
export async function loadSessionUser(id: string): Promise<SessionUser | null> {
  const [user] = await sessionUserQuery().execute({ id });
  return user ?? null;
}

/**
 * The signed-in user as the database says now: the session cookie only names who it is, so a
 * role taken away or an account disabled bites on the very next request.
 */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const id = await sessionUserId();
  return id ? loadSessionUser(id) : null;
});

/** For pages: sends strangers to sign in and refuses the signed-in who lack the permission. */
export async function requirePagePermission(permission: Permission, returnTo: string): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  if (!can(user, permission)) forbidden();
  return user;
}

/** The page being rendered (set by proxy.ts), for layouts that guard a whole area. */
export async function requestedPath(fallback: string): Promise<string> {
  return (await headers()).get("x-pathname") ?? fallback;
}

/** For actions and route handlers: the same check, as errors. */
export async function requirePermission(permission: Permission): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) throw new AppError("unauthenticated");
  if (!can(user, permission)) throw new AppError("forbidden");
  return user;
}

/**
 * For route handlers (downloads): null when the visitor may, else the response to send — the
 * sign-in page (coming back to `returnTo`) for a visitor not signed in, 403 for the rest.
 */
export async function routeDenial(permission: Permission, returnTo: string): Promise<Response | null> {
  const user = await getCurrentUser();
  if (!user) return new Response(null, { status: 303, headers: { Location: `/signin?callbackUrl=${encodeURIComponent(returnTo)}` } });
  return can(user, permission) ? null : new Response("Forbidden", { status: 403 });
}
