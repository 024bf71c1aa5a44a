import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import type { Locale } from "@/lib/i18n";
import { hashPassword } from "./password";

export async function setUserLocale(userId: string, locale: Locale) {
  await getDb().update(users).set({ locale }).where(eq(users.id, userId));
}

/** Whether a magic link may be sent: an adult on record, not disabled. */
export async function isActiveEmail(email: string): Promise<boolean> {
  const [row] = await getDb()
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.email, email), eq(users.disabled, false)))
    .limit(1);
  return Boolean(row);
}

export async function changeOwnPassword(userId: string, password: string) {
  await getDb()
    .update(users)
    .set({ passwordHash: await hashPassword(password), mustChangePassword: false })
    .where(eq(users.id, userId));
}
