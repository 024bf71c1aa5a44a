import "server-only";
import { and, asc, count, eq, sql } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import { classes, pupils, schools, users } from "@/db/schema";
import { classScope, type Viewer } from "@/lib/classes/scope";
import type { ClassView } from "@/lib/classes/queries";
import { consentState } from "@/lib/consent/rules";
import { consentConfirmed, consentRequested } from "@/lib/consent/facts";
import { decryptField } from "@/lib/crypto";
import { nameKey } from "./fields";

const pupilColumns = {
  userId: pupils.userId,
  name: users.name,
  username: users.username,
  grade: pupils.grade,
  gender: pupils.gender,
  birthYear: pupils.birthYear,
  guardianName: pupils.guardianName,
  guardianPhone: pupils.guardianPhone,
  guardianEmail: pupils.guardianEmail,
  status: pupils.status,
  mustChangePassword: users.mustChangePassword,
  confirmed: consentConfirmed(pupils.userId),
  requested: consentRequested(pupils.userId),
};

function withConsent<T extends { birthYear: number | null; grade: number; confirmed: boolean; requested: boolean }>(row: T, now = new Date()) {
  return { ...row, consent: consentState(row, row, now) };
}

/** The name keys of everyone in a class (pending too), to spot a pupil listed twice. */
export async function classNameKeys(db: DbOrTx, classId: number): Promise<Set<string>> {
  const rows = await db.select({ name: users.name }).from(pupils).innerJoin(users, eq(users.id, pupils.userId)).where(eq(pupils.classId, classId));
  return new Set(rows.map((r) => nameKey(r.name ?? "")));
}

/** One page of a class's confirmed pupils, by name. `cls` comes from getClassForUser, so it is in scope. */
export async function listRoster(cls: Pick<ClassView, "id">, opts: { page: number; pageSize: number }) {
  const db = getDb();
  const where = and(eq(pupils.classId, cls.id), eq(pupils.status, "active"));
  const [rows, [total]] = await Promise.all([
    db
      .select(pupilColumns)
      .from(pupils)
      .innerJoin(users, eq(users.id, pupils.userId))
      .where(where)
      .orderBy(asc(users.name), asc(pupils.userId))
      .limit(opts.pageSize)
      .offset((opts.page - 1) * opts.pageSize),
    db.select({ n: count() }).from(pupils).where(where),
  ]);
  const now = new Date();
  return { rows: rows.map((r) => withConsent(r, now)), total: total?.n ?? 0 };
}

/** Pupils who joined with the class code and wait for the teacher. */
export async function listPending(cls: Pick<ClassView, "id">) {
  return getDb()
    .select({ ...pupilColumns, joinedAt: pupils.createdAt })
    .from(pupils)
    .innerJoin(users, eq(users.id, pupils.userId))
    .where(and(eq(pupils.classId, cls.id), eq(pupils.status, "pending")))
    .orderBy(asc(pupils.createdAt));
}

/** Everything a login slip shows, for every confirmed pupil of the class. */
export async function listSlips(cls: Pick<ClassView, "id">) {
  const rows = await getDb()
    .select({
      userId: pupils.userId,
      name: users.name,
      username: users.username,
      mustChangePassword: users.mustChangePassword,
      initialPasswordEnc: pupils.initialPasswordEnc,
    })
    .from(pupils)
    .innerJoin(users, eq(users.id, pupils.userId))
    .where(and(eq(pupils.classId, cls.id), eq(pupils.status, "active")))
    .orderBy(asc(users.name), asc(pupils.userId));
  // Once the pupil has chosen a password the first one is of no use, and it is not shown.
  return rows.map(({ initialPasswordEnc, mustChangePassword, ...r }) => ({
    ...r,
    password: mustChangePassword && initialPasswordEnc ? decryptField(initialPasswordEnc) : null,
  }));
}

/** A pupil in a class the user reaches, with the class; null when not theirs or not there. */
export async function getPupilForUser(user: Viewer, pupilId: string, mode: "view" | "manage" = "view") {
  if (!/^[0-9a-f-]{36}$/.test(pupilId)) return null;
  const [row] = await getDb()
    .select({
      ...pupilColumns,
      classId: classes.id,
      className: classes.name,
      classGrade: classes.grade,
      schoolId: classes.schoolId,
      schoolName: schools.name,
      canManage: sql<boolean>`(${classScope(user, "manage")})`,
    })
    .from(pupils)
    .innerJoin(users, eq(users.id, pupils.userId))
    .innerJoin(classes, eq(classes.id, pupils.classId))
    .innerJoin(schools, eq(schools.id, classes.schoolId))
    .where(and(eq(pupils.userId, pupilId), classScope(user, mode)))
    .limit(1);
  return row ? withConsent(row) : null;
}

/** A pupil's own record for /me: only ever the signed-in pupil's. */
export async function getOwnPupil(userId: string) {
  const [row] = await getDb()
    .select({
      ...pupilColumns,
      className: classes.name,
      classGrade: classes.grade,
      schoolName: schools.name,
    })
    .from(pupils)
    .innerJoin(users, eq(users.id, pupils.userId))
    .innerJoin(classes, eq(classes.id, pupils.classId))
    .innerJoin(schools, eq(schools.id, classes.schoolId))
    .where(eq(pupils.userId, userId))
    .limit(1);
  return row ? withConsent(row) : null;
}

/** How many of the class's pupils stand where on consent. */
export async function classConsentSummary(cls: Pick<ClassView, "id">) {
  const rows = await getDb()
    .select({ grade: pupils.grade, birthYear: pupils.birthYear, confirmed: pupilColumns.confirmed, requested: pupilColumns.requested })
    .from(pupils)
    .where(and(eq(pupils.classId, cls.id), eq(pupils.status, "active")));
  const now = new Date();
  const summary = { given: 0, not_required: 0, requested: 0, missing: 0 };
  for (const r of rows) summary[consentState(r, r, now)]++;
  return summary;
}
