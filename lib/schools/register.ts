import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import { auditLog, schools, towns } from "@/db/schema";
import { AppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n";
import { scheduleDrain } from "@/lib/mail";
import { sendSchoolReceived } from "./emails";
import { schoolNameKey, type RegisterSchoolInput, type SchoolStatus } from "./schemas";

export type LikelyDuplicate = { id: number; name: string; status: SchoolStatus };

/**
 * A school of the same town whose name differs from `name` only in spaces, full-width
 * characters or case. A town has tens of schools, so comparing in code is cheap and keeps the
 * rule in one place (schoolNameKey).
 */
export async function findLikelyDuplicate(db: DbOrTx, townId: number, name: string): Promise<LikelyDuplicate | null> {
  const key = schoolNameKey(name);
  const rows = await db
    .select({ id: schools.id, name: schools.name, status: schools.status })
    .from(schools)
    .where(eq(schools.townId, townId));
  return rows.find((r) => schoolNameKey(r.name) === key) ?? null;
}

/**
 * A school's public registration: the pending school row, a record of it in the audit log (with
 * the language the coordinator used, for later emails) and the "received" email, all in one
 * transaction. A likely duplicate is refused with its status, next to the name field.
 */
export async function registerSchool(input: RegisterSchoolInput, locale: Locale) {
  const school = await getDb().transaction(async (tx) => {
    const [town] = await tx.select().from(towns).where(eq(towns.id, input.townId)).limit(1);
    if (!town) throw new AppError("invalid", { townId: "schools.register.townRequired" });
    // One registration per town at a time, so two near-identical names sent together cannot both pass.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('schools.register'), ${town.id}::int)`);
    const duplicate = await findLikelyDuplicate(tx, town.id, input.name);
    if (duplicate) {
      throw new AppError("conflict", { name: `schools.register.duplicate.${duplicate.status}` }, "schools.register.duplicateTitle");
    }
    const [row] = await tx
      .insert(schools)
      .values({
        name: input.name,
        townId: town.id,
        level: input.level,
        address: input.address,
        status: "pending",
        coordinatorName: input.coordinatorName,
        coordinatorEmail: input.coordinatorEmail,
        coordinatorPhone: input.coordinatorPhone,
      })
      .returning();
    const created = row!;
    await tx.insert(auditLog).values({ actorId: null, action: "register", entity: "school", entityId: String(created.id), data: { locale } });
    await sendSchoolReceived(tx, { school: created, townName: locale === "en" ? town.nameEn : town.nameZh, locale });
    return { ...created, townName: locale === "en" ? town.nameEn : town.nameZh };
  });
  scheduleDrain();
  return school;
}

/** The language the coordinator registered in, so staff's reply reaches them in it. */
export async function registrationLocale(db: DbOrTx, schoolId: number): Promise<Locale> {
  const [row] = await db
    .select({ data: auditLog.data })
    .from(auditLog)
    .where(and(eq(auditLog.entity, "school"), eq(auditLog.entityId, String(schoolId)), eq(auditLog.action, "register")))
    .limit(1);
  return row?.data?.locale === "en" ? "en" : "zh-CN";
}
