import "server-only";
import { desc, eq } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import { classes, consents, pupils, schools, users } from "@/db/schema";
import { hashToken } from "@/lib/crypto";
import { consentConfirmed, consentRequested } from "./facts";
import { consentSatisfied, consentState, type ConsentState } from "./rules";

export type { ConsentState };

/**
 * Where a pupil's guardian consent stands: "given", "not_required" (14 or older), "requested"
 * (a link was emailed and still works) or "missing".
 */
export async function consentStatus(pupil: { userId: string; birthYear: number | null; grade: number }, db: DbOrTx = getDb()): Promise<ConsentState> {
  const [facts] = await db
    .select({ confirmed: consentConfirmed(pupils.userId), requested: consentRequested(pupils.userId) })
    .from(pupils)
    .where(eq(pupils.userId, pupil.userId))
    .limit(1);
  return consentState(pupil, facts ?? { confirmed: false, requested: false });
}

/**
 * Whether consent lets this pupil take part in a campaign: consent recorded, or not needed
 * (14 or older). False for an unknown pupil. Pass a transaction to check inside one.
 */
export async function hasConsent(pupilId: string, db: DbOrTx = getDb()): Promise<boolean> {
  const [p] = await db.select({ userId: pupils.userId, birthYear: pupils.birthYear, grade: pupils.grade }).from(pupils).where(eq(pupils.userId, pupilId)).limit(1);
  return p ? consentSatisfied(await consentStatus(p, db)) : false;
}

/** A pupil's consents, newest first, for the teacher's pupil page. */
export async function listConsents(pupilId: string) {
  return getDb()
    .select({
      id: consents.id,
      method: consents.method,
      guardianName: consents.guardianName,
      rulesVersion: consents.rulesVersion,
      signedOn: consents.signedOn,
      recordedByName: users.name,
      sentTo: consents.sentTo,
      expiresAt: consents.expiresAt,
      confirmedAt: consents.confirmedAt,
      createdAt: consents.createdAt,
    })
    .from(consents)
    .leftJoin(users, eq(users.id, consents.recordedBy))
    .where(eq(consents.pupilId, pupilId))
    .orderBy(desc(consents.createdAt), desc(consents.id));
}

export type ConsentLinkState = "open" | "confirmed" | "expired";

/** What the guardian's link shows; null for a token that was never issued. */
export async function getConsentByToken(token: string) {
  if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) return null;
  const [row] = await getDb()
    .select({
      id: consents.id,
      guardianName: consents.guardianName,
      expiresAt: consents.expiresAt,
      confirmedAt: consents.confirmedAt,
      pupilName: users.name,
      className: classes.name,
      schoolName: schools.name,
    })
    .from(consents)
    .innerJoin(users, eq(users.id, consents.pupilId))
    .innerJoin(pupils, eq(pupils.userId, consents.pupilId))
    .innerJoin(classes, eq(classes.id, pupils.classId))
    .innerJoin(schools, eq(schools.id, classes.schoolId))
    .where(eq(consents.tokenHash, hashToken(token)))
    .limit(1);
  if (!row) return null;
  const state: ConsentLinkState = row.confirmedAt ? "confirmed" : row.expiresAt && row.expiresAt > new Date() ? "open" : "expired";
  return { ...row, state };
}
