import "server-only";
import { eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { userRoles, users, type Role } from "@/db/schema";
import type { Locale } from "@/lib/i18n";

// Coordinators (on approval) and teachers (on accepting an invitation) join a school the same
// way: an account for their email is made, or the one already there is given the roles.

export type AccountForEmail = {
  id: string;
  name: string | null;
  locale: Locale;
  disabled: boolean;
  schoolId: number | null;
  roles: Role[];
};

/** The adult account for an email (emails are kept lower-case), locked until the transaction ends. */
export async function accountForEmail(db: DbOrTx, email: string): Promise<AccountForEmail | null> {
  const [user] = await db
    .select({ id: users.id, name: users.name, locale: users.locale, disabled: users.disabled, schoolId: users.schoolId })
    .from(users)
    .where(sql`lower(${users.email}) = ${email.toLowerCase()}`)
    .limit(1)
    .for("update");
  if (!user) return null;
  const roles = await db.select({ role: userRoles.role }).from(userRoles).where(eq(userRoles.userId, user.id));
  return { ...user, roles: roles.map((r) => r.role) };
}

/** Why an existing account may not join `schoolId`; null when it may. Nobody is moved silently. */
export function joinBlock(account: AccountForEmail, schoolId: number): "disabled" | "otherSchool" | "pupil" | null {
  if (account.disabled) return "disabled";
  if (account.roles.includes("student")) return "pupil";
  if (account.schoolId !== null && account.schoolId !== schoolId) return "otherSchool";
  return null;
}

/**
 * Makes `email` a member of the school with `roles`: a new account, or the existing one (checked
 * with joinBlock first) with the school set and the roles added. Returns the user id.
 */
export async function joinSchool(
  db: DbOrTx,
  m: { existing: AccountForEmail | null; email: string; name: string; schoolId: number; roles: Role[]; locale: Locale },
): Promise<{ userId: string; created: boolean }> {
  let userId: string;
  if (m.existing) {
    userId = m.existing.id;
    await db
      .update(users)
      .set({ schoolId: m.schoolId, ...(m.existing.name ? {} : { name: m.name }) })
      .where(eq(users.id, userId));
  } else {
    const [row] = await db
      .insert(users)
      .values({ name: m.name, email: m.email.toLowerCase(), schoolId: m.schoolId, locale: m.locale })
      .returning({ id: users.id });
    userId = row!.id;
  }
  await db
    .insert(userRoles)
    .values(m.roles.map((role) => ({ userId, role })))
    .onConflictDoNothing();
  return { userId, created: !m.existing };
}
