import "server-only";
import { and, asc, count, desc, eq, exists, inArray, isNull, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { schools, teacherInvitations, towns, userRoles, users, type Role } from "@/db/schema";
import { hashToken } from "@/lib/crypto";
import type { SchoolStatus } from "./schemas";

export async function getSchoolSummary(schoolId: number) {
  const [row] = await getDb()
    .select({ id: schools.id, name: schools.name, townName: towns.nameZh, status: schools.status })
    .from(schools)
    .innerJoin(towns, eq(towns.id, schools.townId))
    .where(eq(schools.id, schoolId))
    .limit(1);
  return row ?? null;
}

/**
 * The staff review list (the caller checks "schools.review"): pending schools first, the oldest
 * waiting at the top; then the reviewed ones, most recently reviewed first.
 */
export async function listSchoolsForReview(opts: { status?: SchoolStatus; townId?: number; page: number; pageSize: number }) {
  const db = getDb();
  const where = and(opts.status ? eq(schools.status, opts.status) : undefined, opts.townId ? eq(schools.townId, opts.townId) : undefined);
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: schools.id,
        name: schools.name,
        level: schools.level,
        address: schools.address,
        status: schools.status,
        coordinatorName: schools.coordinatorName,
        coordinatorEmail: schools.coordinatorEmail,
        coordinatorPhone: schools.coordinatorPhone,
        rejectionReason: schools.rejectionReason,
        reviewedAt: schools.reviewedAt,
        reviewerName: users.name,
        createdAt: schools.createdAt,
        townZh: towns.nameZh,
        townEn: towns.nameEn,
      })
      .from(schools)
      .innerJoin(towns, eq(towns.id, schools.townId))
      .leftJoin(users, eq(users.id, schools.reviewedBy))
      .where(where)
      .orderBy(
        sql`case when ${schools.status} = 'pending' then 0 else 1 end`,
        sql`case when ${schools.status} = 'pending' then ${schools.createdAt} end asc`,
        desc(schools.reviewedAt),
        desc(schools.id),
      )
      .limit(opts.pageSize)
      .offset((opts.page - 1) * opts.pageSize),
    db.select({ n: count() }).from(schools).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

export type ReviewRow = Awaited<ReturnType<typeof listSchoolsForReview>>["rows"][number];

/** How many schools wait for review (for a staff dashboard or nav badge). */
export async function countPendingSchools(): Promise<number> {
  const [row] = await getDb().select({ n: count() }).from(schools).where(eq(schools.status, "pending"));
  return row?.n ?? 0;
}

const adultRoles: Role[] = ["teacher", "coordinator"];

/** The teachers of one school (coordinators included), for that school's coordinator. */
export async function listSchoolTeachers(schoolId: number) {
  const db = getDb();
  return db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      disabled: users.disabled,
      isCoordinator: sql<boolean>`exists (select 1 from ${userRoles} r where r.user_id = ${users.id} and r.role = 'coordinator')`,
    })
    .from(users)
    .where(
      and(
        eq(users.schoolId, schoolId),
        exists(db.select({ one: sql`1` }).from(userRoles).where(and(eq(userRoles.userId, users.id), inArray(userRoles.role, adultRoles)))),
      ),
    )
    .orderBy(asc(users.name), asc(users.id));
}

/** Invitations of one school not yet accepted, newest first, with whether each has expired. */
export async function listOpenInvitations(schoolId: number) {
  return getDb()
    .select({
      id: teacherInvitations.id,
      name: teacherInvitations.name,
      email: teacherInvitations.email,
      expiresAt: teacherInvitations.expiresAt,
      createdAt: teacherInvitations.createdAt,
      expired: sql<boolean>`${teacherInvitations.expiresAt} <= now()`,
    })
    .from(teacherInvitations)
    .where(and(eq(teacherInvitations.schoolId, schoolId), isNull(teacherInvitations.acceptedAt)))
    .orderBy(desc(teacherInvitations.createdAt), desc(teacherInvitations.id));
}

export type InvitationView = {
  state: "open" | "expired" | "accepted";
  name: string;
  email: string;
  schoolName: string;
  townZh: string;
  townEn: string;
  inviterName: string | null;
  expiresAt: Date;
  /** The invitee's account already belongs to another school: accepting would be refused. */
  otherSchoolName: string | null;
};

/** What the invitation page shows for a token; null when there is no such invitation (or it was withdrawn). */
export async function getInvitationView(token: string): Promise<InvitationView | null> {
  if (!token || token.length > 100) return null;
  const db = getDb();
  const [row] = await db
    .select({
      name: teacherInvitations.name,
      email: teacherInvitations.email,
      schoolId: teacherInvitations.schoolId,
      expiresAt: teacherInvitations.expiresAt,
      acceptedAt: teacherInvitations.acceptedAt,
      expired: sql<boolean>`${teacherInvitations.expiresAt} <= now()`,
      schoolName: schools.name,
      schoolStatus: schools.status,
      townZh: towns.nameZh,
      townEn: towns.nameEn,
      inviterName: users.name,
    })
    .from(teacherInvitations)
    .innerJoin(schools, eq(schools.id, teacherInvitations.schoolId))
    .innerJoin(towns, eq(towns.id, schools.townId))
    .leftJoin(users, eq(users.id, teacherInvitations.invitedBy))
    .where(eq(teacherInvitations.tokenHash, hashToken(token)))
    .limit(1);
  if (!row || row.schoolStatus !== "approved") return null;
  const [other] = await db
    .select({ name: schools.name })
    .from(users)
    .innerJoin(schools, eq(schools.id, users.schoolId))
    .where(and(sql`lower(${users.email}) = ${row.email.toLowerCase()}`, sql`${users.schoolId} <> ${row.schoolId}`))
    .limit(1);
  return {
    state: row.acceptedAt ? "accepted" : row.expired ? "expired" : "open",
    name: row.name,
    email: row.email,
    schoolName: row.schoolName,
    townZh: row.townZh,
    townEn: row.townEn,
    inviterName: row.inviterName,
    expiresAt: row.expiresAt,
    otherSchoolName: other?.name ?? null,
  };
}
