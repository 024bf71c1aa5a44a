import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { classes, pupils, schools, userRoles, users } from "@/db/schema";
import { classScope, type Viewer } from "./scope";

export type ClassView = {
  id: number;
  grade: number;
  name: string;
  joinCode: string;
  schoolId: number;
  schoolName: string;
  teacherId: string | null;
  teacherName: string | null;
  /** False for staff looking in: they see, they do not change. */
  canManage: boolean;
};

const teacher = sql<string | null>`(select ${users.name} from ${users} where ${users.id} = ${classes.teacherId})`;

/** A class the user may see (or, with "manage", change); null when it is not theirs or does not exist. */
export async function getClassForUser(user: Viewer, classId: number, mode: "view" | "manage" = "view"): Promise<ClassView | null> {
  if (!Number.isInteger(classId) || classId <= 0 || classId > 2_147_483_647) return null;
  const [row] = await getDb()
    .select({
      id: classes.id,
      grade: classes.grade,
      name: classes.name,
      joinCode: classes.joinCode,
      schoolId: classes.schoolId,
      schoolName: schools.name,
      teacherId: classes.teacherId,
      teacherName: teacher,
      canManage: sql<boolean>`(${classScope(user, "manage")})`,
    })
    .from(classes)
    .innerJoin(schools, eq(schools.id, classes.schoolId))
    .where(and(eq(classes.id, classId), classScope(user, mode)))
    .limit(1);
  return row ?? null;
}

/** The classes a teacher runs, or every class of a coordinator's school, with their pupil counts. */
export async function listClassesForUser(user: Viewer) {
  return getDb()
    .select({
      id: classes.id,
      grade: classes.grade,
      name: classes.name,
      teacherId: classes.teacherId,
      teacherName: teacher,
      pupils: sql<number>`(select count(*)::int from ${pupils} where ${pupils.classId} = ${classes.id} and ${pupils.status} = 'active')`,
      pending: sql<number>`(select count(*)::int from ${pupils} where ${pupils.classId} = ${classes.id} and ${pupils.status} = 'pending')`,
    })
    .from(classes)
    .where(classScope(user, "manage"))
    .orderBy(asc(classes.grade), asc(classes.name), asc(classes.id));
}

/** Teachers (and coordinators) of a school who may be given a class. */
export async function listSchoolTeachers(schoolId: number) {
  return getDb()
    .selectDistinct({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .where(and(eq(users.schoolId, schoolId), eq(users.disabled, false), inArray(userRoles.role, ["teacher", "coordinator"])))
    .orderBy(asc(users.name), asc(users.id));
}
