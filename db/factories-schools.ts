import { randomBytes } from "node:crypto";
import { asc, eq } from "drizzle-orm";
import type { DbOrTx } from "./client";
import { outbox } from "./schema/mail";

// Test rows for school registration and teacher invitations; unique per call, like db/factories.ts.

const unique = () => randomBytes(4).toString("hex");

/** What the registration form sends, already parsed (registerSchoolSchema's output). */
export function schoolRegistration(townId: number, values: Partial<{ name: string; email: string; level: "primary" | "junior" | "nine_year" | "senior" }> = {}) {
  const id = unique();
  return {
    name: values.name ?? `滦南县测试小学${id}`,
    townId,
    level: values.level ?? "primary",
    address: `滦南县测试路${id}号`,
    coordinatorName: `协调老师${id}`,
    coordinatorEmail: values.email ?? `coordinator-${id}@example.test`,
    coordinatorPhone: "13803151234",
    website: "",
  };
}

/** Every email queued to `to`, oldest first. */
export function mailsTo(db: DbOrTx, to: string) {
  return db.select().from(outbox).where(eq(outbox.toAddress, to)).orderBy(asc(outbox.id));
}
