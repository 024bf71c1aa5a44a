import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { schools, towns } from "@/db/schema";

export async function getSchoolSummary(schoolId: number) {
  const [row] = await getDb()
    .select({ id: schools.id, name: schools.name, townName: towns.nameZh, status: schools.status })
    .from(schools)
    .innerJoin(towns, eq(towns.id, schools.townId))
    .where(eq(schools.id, schoolId))
    .limit(1);
  return row ?? null;
}
