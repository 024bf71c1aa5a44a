import { and, asc, eq, notInArray, sql } from "drizzle-orm";
import type { DbOrTx } from "./client";
import { books, composeEssay, draftEssay, drawingIdeas, drawingPng } from "./seed-entries-content";
import { campaignCategories, campaignEnrolments, campaigns, classes, entries, pupils, schools, users } from "./schema";
import { consentConfirmed } from "@/lib/consent/facts";
import { consentSatisfied, consentState } from "@/lib/consent/rules";
import { formatEntryCode } from "@/lib/entries/code";
import { countChars } from "@/lib/entries/count";
import { personalInfoFlags } from "@/lib/entries/flags";
import { saveUpload } from "@/lib/storage";

// Demo entries for the demo campaign: a few dozen submitted and some drafts in every category,
// from pupils who may take part (enrolled school, consent where needed). No receipts are queued:
// these are old news, and the outbox should hold only what the visitor does.

/** The demo pupils the end-to-end tests start from: they never get a seeded entry. */
const untouched = ["xiaoming", "xiaohong"];

/** How many entries each category gets, at most: submitted, then drafts. */
const quotas: Record<string, [submitted: number, drafts: number]> = { A: [10, 3], B: [12, 4], C: [8, 3], D: [6, 2] };

/** Which books each essay category's pupils read. */
const readingLists: Record<string, (keyof typeof books)[]> = {
  B: ["chengnan", "caofangzi", "xiaowangzi", "xiyouji"],
  C: ["xiyouji", "chengnan", "xiaowangzi", "caofangzi"],
  D: ["pingfan", "xiaowangzi", "xiyouji"],
};

const HOUR = 3_600_000;

type Candidate = { pupilId: string; name: string; grade: number; classId: number; schoolId: number; schoolName: string; teacherId: string | null };

/** Personal information slipped into four essays (two phone numbers), so staff have flags to deal with. */
function slip(categoryCode: string, pick: number, c: Candidate): string {
  const key = `${categoryCode}${pick}`;
  if (key === "B2") return "读完以后我很想和作者说说话。如果评委老师想联系我，可以打我妈妈的电话 139 0315 6721。";
  if (key === "B6") return `我叫${c.name}，今年${c.grade}年级，这是我第一次认真地读完一整本书。`;
  if (key === "C3") return `我们${c.schoolName}的图书角里也有这本书，借的人特别多。`;
  if (key === "C10") return "有不懂的地方我就给表哥打电话问，他的号码是 0315-4123456，他总是很耐心。";
  return "";
}

export async function seedEntries(tx: DbOrTx, opts: { campaignId: number; now?: Date }): Promise<{ submitted: number; drafts: number }> {
  const now = opts.now ?? new Date();
  const [campaign] = await tx.select().from(campaigns).where(eq(campaigns.id, opts.campaignId)).limit(1);
  if (!campaign) return { submitted: 0, drafts: 0 };
  // Seeding twice must not double the entries (or the codes).
  const [existing] = await tx.select({ n: sql<number>`count(*)::int` }).from(entries).where(eq(entries.campaignId, campaign.id));
  if (existing!.n > 0) return { submitted: 0, drafts: 0 };

  const categories = await tx.select().from(campaignCategories).where(eq(campaignCategories.campaignId, campaign.id)).orderBy(asc(campaignCategories.sortOrder));
  const rows = await tx
    .select({
      pupilId: pupils.userId,
      name: users.name,
      grade: pupils.grade,
      birthYear: pupils.birthYear,
      confirmed: consentConfirmed(pupils.userId),
      classId: classes.id,
      schoolId: schools.id,
      schoolName: schools.name,
      teacherId: classes.teacherId,
    })
    .from(pupils)
    .innerJoin(users, eq(users.id, pupils.userId))
    .innerJoin(classes, eq(classes.id, pupils.classId))
    .innerJoin(schools, eq(schools.id, classes.schoolId))
    .innerJoin(campaignEnrolments, and(eq(campaignEnrolments.schoolId, schools.id), eq(campaignEnrolments.campaignId, campaign.id)))
    .where(and(eq(pupils.status, "active"), notInArray(sql`coalesce(${users.username}, '')`, untouched)))
    .orderBy(asc(schools.id), asc(classes.grade), asc(classes.id), asc(users.name));
  const eligible = rows.filter((r) => consentSatisfied(consentState(r, { confirmed: r.confirmed, requested: false }, now)));

  let submitted = 0;
  let drafts = 0;
  let variant = 0;
  const values: (typeof entries.$inferInsert)[] = [];
  for (const cat of categories) {
    const [wantSubmitted, wantDrafts] = quotas[cat.code] ?? [4, 1];
    const pool = eligible.filter((p) => p.grade >= cat.gradeMin && p.grade <= cat.gradeMax);
    const picks = Math.min(pool.length, wantSubmitted + wantDrafts);
    let seq = 0;
    let catDrafts = 0;
    for (let i = 0; i < picks; i++) {
      // Spread over the category's schools and classes; every fourth pick (from the second) a draft.
      const p = pool[Math.floor((i * pool.length) / picks)]!;
      const c: Candidate = { ...p, name: p.name ?? "" };
      const isDraft = i % 4 === 1 && catDrafts < wantDrafts;
      if (!isDraft && seq >= wantSubmitted) continue;
      variant++;
      const submittedAt = new Date(now.getTime() - (6 + ((variant * 37) % 400)) * HOUR);
      const at = isDraft ? new Date(now.getTime() - (2 + (variant % 30)) * HOUR) : submittedAt;
      const teacherWrote = cat.entryType === "drawing" && c.teacherId !== null;
      let fields: Partial<typeof entries.$inferInsert>;
      if (cat.entryType === "essay") {
        const list = readingLists[cat.code] ?? readingLists.B!;
        const book = books[list[variant % list.length]!];
        const min = cat.minChars ?? 100;
        const max = cat.maxChars ?? min * 3;
        const title = isDraft && variant % 2 === 0 ? "" : book.titles[variant % book.titles.length]!;
        const body = isDraft ? draftEssay(book, variant) : composeEssay(book, min + ((variant * 131) % Math.floor((max - min) * 0.6)), min, max, variant, slip(cat.code, i, c));
        fields = { title, bookTitle: book.title, bookAuthor: book.author, body, charCount: countChars(body) };
      } else {
        const idea = drawingIdeas[variant % drawingIdeas.length]!;
        const file = isDraft
          ? null
          : await saveUpload(tx, "file", new File([drawingPng(variant)], `drawing-${variant}.png`, { type: "image/png" }), { allowed: ["image/png"], maxBytes: cat.maxFileMb * 1024 * 1024 }, teacherWrote ? c.teacherId : c.pupilId);
        fields = { title: idea.title, statement: idea.statement, fileId: file?.id ?? null };
      }
      const text = [fields.title, fields.body ?? "", fields.statement ?? ""].join("\n");
      if (isDraft) catDrafts++;
      else seq++;
      values.push({
        ...fields,
        campaignId: campaign.id,
        categoryId: cat.id,
        pupilId: c.pupilId,
        schoolId: c.schoolId,
        classId: c.classId,
        status: isDraft ? "draft" : "submitted",
        code: isDraft ? null : formatEntryCode(campaign.year, campaign.codePrefix, cat.code, seq),
        flags: personalInfoFlags(text, { pupilName: c.name, schoolName: c.schoolName }),
        updatedBy: teacherWrote ? c.teacherId : c.pupilId,
        submittedAt: isDraft ? null : submittedAt,
        createdAt: new Date(at.getTime() - 26 * HOUR),
        updatedAt: at,
      });
    }
    if (seq > 0) await tx.update(campaignCategories).set({ entrySeq: seq }).where(eq(campaignCategories.id, cat.id));
    submitted += seq;
    drafts += catDrafts;
  }
  if (values.length) await tx.insert(entries).values(values);
  return { submitted, drafts };
}
