import { randomBytes } from "node:crypto";
import type { DbOrTx } from "./client";
import { createSchool, createUser } from "./factories";
import { createClassRow, createPupilRow } from "./factories-classes";
import { campaignCategories, campaignEnrolments, campaigns, entries } from "./schema";

// Test rows for entries: a published campaign taking entries now, with an essay and a drawing
// category, and an enrolled school with a teacher, a class and a pupil (no consent needed: 14+).

const day = 86_400_000;

export async function createOpenCampaign(db: DbOrTx, values: { opensAt?: Date; closesAt?: Date; minChars?: number; maxChars?: number } = {}) {
  const now = Date.now();
  const slug = `e-${randomBytes(4).toString("hex")}`;
  const closesAt = values.closesAt ?? new Date(now + 10 * day);
  const [campaign] = await db
    .insert(campaigns)
    .values({
      slug,
      title: `读书活动 ${slug}`,
      year: 2026,
      codePrefix: "YZ",
      status: "published",
      registrationOpensAt: new Date(now - 30 * day),
      registrationClosesAt: new Date(now - 20 * day),
      submissionOpensAt: values.opensAt ?? new Date(now - 10 * day),
      submissionClosesAt: closesAt,
      judgingEndsAt: new Date(closesAt.getTime() + 20 * day),
      resultsAt: new Date(closesAt.getTime() + 30 * day),
    })
    .returning();
  const [essay, drawing] = await db
    .insert(campaignCategories)
    .values([
      { campaignId: campaign!.id, name: "小学高年级组（征文）", code: "B", gradeMin: 4, gradeMax: 6, entryType: "essay", minChars: values.minChars ?? 10, maxChars: values.maxChars ?? 200 },
      { campaignId: campaign!.id, name: "小学组（绘画）", code: "D", gradeMin: 1, gradeMax: 6, entryType: "drawing", maxFileMb: 1 },
    ])
    .returning();
  return { campaign: campaign!, essay: essay!, drawing: drawing! };
}

export async function createEnrolledPupil(db: DbOrTx, campaignId: number, values: { grade?: number; guardianEmail?: string | null; name?: string; birthYear?: number | null } = {}) {
  const school = await createSchool(db);
  const teacher = await createUser(db, { roles: ["teacher"], schoolId: school.id });
  const cls = await createClassRow(db, { schoolId: school.id, grade: values.grade ?? 5, teacherId: teacher.id });
  await db.insert(campaignEnrolments).values({ campaignId, schoolId: school.id });
  const pupil = await createPupilRow(db, {
    classId: cls.id,
    schoolId: school.id,
    grade: values.grade ?? 5,
    name: values.name,
    guardianEmail: values.guardianEmail,
    birthYear: values.birthYear === undefined ? 2000 : values.birthYear,
  });
  return { school, teacher, cls, pupil };
}

/** An entry row as it would stand after saving (no receipt, no rules checked): submitted ones get a unique code. */
export async function createEntryRow(
  db: DbOrTx,
  values: { campaignId: number; categoryId: number; pupilId: string; schoolId: number; classId?: number | null; status?: "draft" | "submitted" | "withdrawn"; disqualified?: boolean },
) {
  const status = values.status ?? "submitted";
  const [row] = await db
    .insert(entries)
    .values({
      campaignId: values.campaignId,
      categoryId: values.categoryId,
      pupilId: values.pupilId,
      schoolId: values.schoolId,
      classId: values.classId ?? null,
      status,
      code: status === "draft" ? null : `T-${randomBytes(5).toString("hex")}`,
      title: "我读《草房子》",
      submittedAt: status === "draft" ? null : new Date(),
      ...(values.disqualified ? { disqualifiedAt: new Date(), disqualifiedReason: "抄袭" } : {}),
    })
    .returning();
  return row!;
}
