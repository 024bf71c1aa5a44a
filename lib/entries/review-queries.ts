import "server-only";
import { and, asc, count, desc, eq, gt, ilike, inArray, isNotNull, isNull, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb } from "@/db/client";
import {
  campaignCategories,
  campaignEnrolments,
  campaigns,
  classes,
  entries,
  files,
  pupils,
  schools,
  submissionExtensions,
  towns,
  users,
} from "@/db/schema";
import { ENTRIES_PAGE_SIZE, type EntryFilters } from "./review-filters";

// Staff reads of entries (the caller checks "entries.review"; staff see every school's entries).
// Lists filter and page on `entries` alone, then fetch the details of the few rows shown: the
// count and the page stay single-table scans however many joins the rows need.

function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function filterWhere(f: EntryFilters): SQL | undefined {
  const db = getDb();
  const status: Record<NonNullable<EntryFilters["status"]>, SQL | undefined> = {
    submitted: and(eq(entries.status, "submitted"), isNull(entries.disqualifiedAt)),
    draft: and(eq(entries.status, "draft"), isNull(entries.disqualifiedAt)),
    withdrawn: and(eq(entries.status, "withdrawn"), isNull(entries.disqualifiedAt)),
    disqualified: isNotNull(entries.disqualifiedAt),
  };
  const pattern = f.q ? likePattern(f.q) : "";
  return and(
    f.campaignId ? eq(entries.campaignId, f.campaignId) : undefined,
    f.categoryId ? eq(entries.categoryId, f.categoryId) : undefined,
    f.schoolId ? eq(entries.schoolId, f.schoolId) : undefined,
    f.townId ? inArray(entries.schoolId, db.select({ id: schools.id }).from(schools).where(eq(schools.townId, f.townId))) : undefined,
    f.status ? status[f.status] : undefined,
    f.flagged ? and(sql`cardinality(${entries.flags}) > 0`, isNull(entries.redactedAt)) : undefined,
    f.q
      ? or(ilike(entries.code, pattern), inArray(entries.pupilId, db.select({ id: users.id }).from(users).where(ilike(users.name, pattern))))
      : undefined,
  );
}

/** What a list row and an export row show, for the given entries (in no particular order). */
async function describeEntries(ids: number[]) {
  if (ids.length === 0) return [];
  return getDb()
    .select({
      id: entries.id,
      code: entries.code,
      status: entries.status,
      title: entries.title,
      bookTitle: entries.bookTitle,
      bookAuthor: entries.bookAuthor,
      charCount: entries.charCount,
      fileId: entries.fileId,
      flags: entries.flags,
      redactedAt: entries.redactedAt,
      disqualifiedAt: entries.disqualifiedAt,
      disqualifiedReason: entries.disqualifiedReason,
      submittedAt: entries.submittedAt,
      updatedAt: entries.updatedAt,
      campaignTitle: campaigns.title,
      categoryName: campaignCategories.name,
      categoryCode: campaignCategories.code,
      entryType: campaignCategories.entryType,
      schoolName: schools.name,
      townZh: towns.nameZh,
      townEn: towns.nameEn,
      className: classes.name,
      classGrade: classes.grade,
      pupilName: users.name,
      grade: pupils.grade,
    })
    .from(entries)
    .innerJoin(campaigns, eq(campaigns.id, entries.campaignId))
    .innerJoin(campaignCategories, eq(campaignCategories.id, entries.categoryId))
    .innerJoin(schools, eq(schools.id, entries.schoolId))
    .innerJoin(towns, eq(towns.id, schools.townId))
    .innerJoin(users, eq(users.id, entries.pupilId))
    .leftJoin(pupils, eq(pupils.userId, entries.pupilId))
    .leftJoin(classes, eq(classes.id, entries.classId))
    .where(inArray(entries.id, ids));
}

export type EntryRow = Awaited<ReturnType<typeof describeEntries>>[number];

function inOrder<T extends { id: number }>(ids: number[], rows: T[]): T[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** One page of entries matching the filters, newest submission first (drafts, never submitted, last). */
export async function listEntries(filters: EntryFilters, page: number) {
  const db = getDb();
  const where = filterWhere(filters);
  const [idRows, [total]] = await Promise.all([
    db
      .select({ id: entries.id })
      .from(entries)
      .where(where)
      .orderBy(sql`${entries.submittedAt} desc nulls last`, desc(entries.id))
      .limit(ENTRIES_PAGE_SIZE)
      .offset((Math.max(page, 1) - 1) * ENTRIES_PAGE_SIZE),
    db.select({ n: count() }).from(entries).where(where),
  ]);
  const ids = idRows.map((r) => r.id);
  return { rows: inOrder(ids, await describeEntries(ids)), total: total?.n ?? 0 };
}

/**
 * Every entry matching the filters, in batches, ordered by campaign and code (a category's
 * entries together, in submission order; drafts without a code last). Keyset paging, so the last
 * batch costs what the first does and a large export never holds all rows at once.
 */
export async function* exportRows(filters: EntryFilters, batchSize = 2000): AsyncGenerator<EntryRow[]> {
  const db = getDb();
  const where = filterWhere(filters);
  let after: { campaignId: number; code: string | null; id: number } | null = null;
  for (;;) {
    const page = await db
      .select({ id: entries.id, campaignId: entries.campaignId, code: entries.code })
      .from(entries)
      .where(and(where, after ? afterKey(after) : undefined))
      .orderBy(asc(entries.campaignId), sql`${entries.code} asc nulls last`, asc(entries.id))
      .limit(batchSize);
    if (page.length === 0) return;
    const ids = page.map((r) => r.id);
    yield inOrder(ids, await describeEntries(ids));
    if (page.length < batchSize) return;
    after = page[page.length - 1]!;
  }
}

/** Rows after `k` in the order (campaign, code with nulls last, id). Codes repeat across campaigns. */
function afterKey(k: { campaignId: number; code: string | null; id: number }): SQL {
  const sameCampaign =
    k.code === null
      ? and(isNull(entries.code), gt(entries.id, k.id))
      : or(gt(entries.code, k.code), and(eq(entries.code, k.code), gt(entries.id, k.id)), isNull(entries.code));
  return or(gt(entries.campaignId, k.campaignId), and(eq(entries.campaignId, k.campaignId), sameCampaign))!;
}

const redactor = alias(users, "redactor");
const disqualifier = alias(users, "disqualifier");
const teacher = alias(users, "teacher");

/** Everything staff may see of one entry, the pupil's own text included; null when there is none. */
export async function getEntryForStaff(id: number) {
  const [row] = await getDb()
    .select({
      entry: entries,
      campaign: { id: campaigns.id, title: campaigns.title },
      category: {
        id: campaignCategories.id,
        name: campaignCategories.name,
        code: campaignCategories.code,
        entryType: campaignCategories.entryType,
        minChars: campaignCategories.minChars,
        maxChars: campaignCategories.maxChars,
      },
      pupilName: users.name,
      grade: pupils.grade,
      school: { id: schools.id, name: schools.name },
      townZh: towns.nameZh,
      townEn: towns.nameEn,
      className: classes.name,
      classGrade: classes.grade,
      teacherName: teacher.name,
      file: { id: files.id, mimeType: files.mimeType, size: files.size, originalName: files.originalName },
      redactedByName: redactor.name,
      disqualifiedByName: disqualifier.name,
    })
    .from(entries)
    .innerJoin(campaigns, eq(campaigns.id, entries.campaignId))
    .innerJoin(campaignCategories, eq(campaignCategories.id, entries.categoryId))
    .innerJoin(schools, eq(schools.id, entries.schoolId))
    .innerJoin(towns, eq(towns.id, schools.townId))
    .innerJoin(users, eq(users.id, entries.pupilId))
    .leftJoin(pupils, eq(pupils.userId, entries.pupilId))
    .leftJoin(classes, eq(classes.id, entries.classId))
    .leftJoin(teacher, eq(teacher.id, classes.teacherId))
    .leftJoin(files, eq(files.id, entries.fileId))
    .leftJoin(redactor, eq(redactor.id, entries.redactedBy))
    .leftJoin(disqualifier, eq(disqualifier.id, entries.disqualifiedBy))
    .where(eq(entries.id, id))
    .limit(1);
  if (!row) return null;
  return { ...row, file: row.file?.id ? row.file : null };
}

export type StaffEntry = NonNullable<Awaited<ReturnType<typeof getEntryForStaff>>>;

/** Approved schools for the list's school filter, town by town. */
export async function listSchoolsForFilter() {
  return getDb()
    .select({ id: schools.id, name: schools.name, townId: schools.townId })
    .from(schools)
    .innerJoin(towns, eq(towns.id, schools.townId))
    .where(eq(schools.status, "approved"))
    .orderBy(asc(towns.sortOrder), asc(towns.id), asc(schools.name));
}

/** The schools taking part in a campaign: the only ones an extension means anything for. */
export async function listEnrolledSchools(campaignId: number) {
  return getDb()
    .select({ id: schools.id, name: schools.name, townZh: towns.nameZh, townEn: towns.nameEn })
    .from(campaignEnrolments)
    .innerJoin(schools, eq(schools.id, campaignEnrolments.schoolId))
    .innerJoin(towns, eq(towns.id, schools.townId))
    .where(eq(campaignEnrolments.campaignId, campaignId))
    .orderBy(asc(towns.sortOrder), asc(towns.id), asc(schools.name));
}

const grantor = alias(users, "grantor");

/** A campaign's extensions, school by school. */
export async function listExtensions(campaignId: number) {
  return getDb()
    .select({
      id: submissionExtensions.id,
      schoolId: schools.id,
      schoolName: schools.name,
      townZh: towns.nameZh,
      townEn: towns.nameEn,
      closesAt: submissionExtensions.closesAt,
      reason: submissionExtensions.reason,
      grantedByName: grantor.name,
      grantedAt: submissionExtensions.createdAt,
    })
    .from(submissionExtensions)
    .innerJoin(schools, eq(schools.id, submissionExtensions.schoolId))
    .innerJoin(towns, eq(towns.id, schools.townId))
    .leftJoin(grantor, eq(grantor.id, submissionExtensions.grantedBy))
    .where(eq(submissionExtensions.campaignId, campaignId))
    .orderBy(asc(towns.sortOrder), asc(towns.id), asc(schools.name));
}
