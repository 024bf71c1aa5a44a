import { and, asc, eq, inArray, ne, notInArray, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "./client";
import { createUser } from "./factories";
import { secondSchoolCoordinator } from "./seed-classes";
import { books, composeEssay, drawingIdeas, drawingPng } from "./seed-entries-content";
import {
  assignments,
  campaignBooks,
  campaignCategories,
  campaignEnrolments,
  campaignJudges,
  campaigns,
  classes,
  entries,
  entryResults,
  judgeConflicts,
  judgingSettings,
  pupils,
  rubricCriteria,
  schools,
  users,
} from "./schema";
import { consentConfirmed } from "@/lib/consent/facts";
import { consentSatisfied, consentState } from "@/lib/consent/rules";
import { readableCode } from "@/lib/crypto";
import { formatEntryCode } from "@/lib/entries/code";
import { countChars } from "@/lib/entries/count";
import { personalInfoFlags } from "@/lib/entries/flags";
import { applyAssignments } from "@/lib/judging/assignments";
import { computeResults } from "@/lib/judging/compute";
import { weightedTotal } from "@/lib/judging/results";
import { saveUpload } from "@/lib/storage";

// Demo judging: a rubric for every demo category, a panel of four judges (one a teacher at the
// second demo school, so conflicted with it), the current campaign's entries assigned two judges
// each, and last year's campaign judged, ranked and published with certificates.
//
// It runs after the main seed's transaction has committed, because assignment and results go
// through lib/judging, which opens its own transactions on the process database. Publication is
// written directly (date and certificate codes) and queues no email: like the seeded entries'
// receipts, these are old news, and the outbox holds only what the visitor does.

/** The panel besides the demo judge; `bias` is how harshly (−) or leniently (+) they score. */
const panel: { name: string; email: string; bias: number; teacher?: boolean }[] = [
  { name: "周评委", email: "judge2@shuxiang.test", bias: -7 },
  { name: "苏评委", email: "judge3@shuxiang.test", bias: 6 },
  { name: "韩晓燕", email: "judge-teacher@shuxiang.test", bias: -2, teacher: true },
];

type Criterion = { name: string; description: string; weight: number; bands: [string, string, string, string] };

const essayRubric: Criterion[] = [
  { name: "思想感悟", description: "读出了什么，想到了什么", weight: 3, bands: ["感悟真切深刻，有自己的见解", "感悟真实，能联系自己的生活", "以复述情节为主，感悟较浅", "没有自己的感受"] },
  { name: "内容与结构", description: "选材、条理和详略", weight: 3, bands: ["紧扣书本，层次清楚，详略得当", "内容完整，条理基本清楚", "内容单薄或结构松散", "偏离书本，难以成篇"] },
  { name: "语言表达", description: "通顺、准确、有表现力", weight: 2, bands: ["语言生动准确，有个人特色", "语句通顺，用词恰当", "有较多病句或口语化", "语句不通"] },
  { name: "书写规范", description: "标点、错别字、格式", weight: 2, bands: ["几乎没有错别字，标点规范", "偶有错别字", "错别字和标点错误较多", "格式混乱"] },
];
const drawingRubric: Criterion[] = [
  { name: "主题与书本", description: "画面和所读的书有关", weight: 3, bands: ["画出了书中打动人的一幕，主题鲜明", "与书本有关，主题清楚", "与书本关系不明显", "看不出与书本的联系"] },
  { name: "构图与创意", description: "画面安排和想象力", weight: 3, bands: ["构图完整，想象新颖", "构图合理，有一定想法", "构图单调", "画面零乱"] },
  { name: "色彩与技法", description: "用色、线条、完成度", weight: 2, bands: ["色彩和谐，完成度高", "用色恰当，基本完成", "色彩简单，完成度一般", "未完成"] },
  { name: "创作说明", description: "说清自己画了什么、为什么", weight: 2, bands: ["说明清楚，有真情实感", "说明基本清楚", "说明过于简单", "没有说明"] },
];
const bandRanges: [number, number][] = [
  [9, 10],
  [6, 8],
  [3, 5],
  [0, 2],
];

async function seedRubric(db: DbOrTx, categoryIds: { id: number; entryType: "essay" | "drawing" }[]) {
  await db.insert(rubricCriteria).values(
    categoryIds.flatMap((c) =>
      (c.entryType === "drawing" ? drawingRubric : essayRubric).map((k, i) => ({
        categoryId: c.id,
        name: k.name,
        description: k.description,
        maxPoints: 10,
        weight: k.weight,
        bands: k.bands.map((text, b) => ({ from: bandRanges[b]![0], to: bandRanges[b]![1], text })),
        sortOrder: i + 1,
      })),
    ),
  );
}

/** Titles pupils gave last year's essays, beyond the ones the current campaign uses. */
const moreTitles: Record<keyof typeof books, string[]> = {
  chengnan: ["骆驼队的铃声", "再见了，童年", "宋妈的背影"],
  caofangzi: ["秃鹤的帽子", "油麻地的阳光", "做一个像桑桑一样的人"],
  xiyouji: ["八十一难的意义", "师徒四人给我的启示", "如果我是孙悟空"],
  xiaowangzi: ["狐狸的秘密", "看不见的重要东西", "B612 星球来信"],
  pingfan: ["孙少平的选择", "在平凡中坚守", "苦难是一所大学"],
};
const readingLists: Record<string, (keyof typeof books)[]> = { B: ["caofangzi", "chengnan", "xiaowangzi"], C: ["xiyouji", "chengnan", "xiaowangzi"], D: ["pingfan", "xiyouji"] };
const quotas: Record<string, number> = { A: 12, B: 14, C: 10, D: 8 };

type Seeded = { judges: string[]; lastYear: { campaignId: number; entries: number; awards: number } };

export async function seedJudging(db: Db, opts: { adminId: string; campaignId: number; schoolIds: number[]; judgeEmail: string; now?: Date }): Promise<Seeded> {
  const now = opts.now ?? new Date();
  const [demoJudge] = await db.select({ id: users.id }).from(users).where(eq(users.email, opts.judgeEmail)).limit(1);
  const [second] = await db
    .select({ id: schools.id })
    .from(schools)
    .where(and(inArray(schools.id, opts.schoolIds), eq(schools.coordinatorEmail, secondSchoolCoordinator)))
    .limit(1);
  const judges = [{ id: demoJudge!.id, bias: 0 }];
  await db.transaction(async (tx) => {
    for (const { name, email, bias, teacher } of panel) {
      const user = await createUser(tx, { roles: teacher ? ["teacher", "judge"] : ["judge"], name, email, username: null, schoolId: teacher ? (second?.id ?? null) : null });
      judges.push({ id: user.id, bias });
    }
    // One judge declared a school they once taught at.
    if (opts.schoolIds[2] !== undefined) await tx.insert(judgeConflicts).values({ judgeId: judges[2]!.id, schoolId: opts.schoolIds[2], note: "曾在该校任教" });
    const current = await tx.select({ id: campaignCategories.id, entryType: campaignCategories.entryType }).from(campaignCategories).where(eq(campaignCategories.campaignId, opts.campaignId));
    await seedRubric(tx, current);
    await tx.insert(campaignJudges).values(judges.map((j) => ({ campaignId: opts.campaignId, judgeId: j.id })));
  });
  // The current campaign's submitted entries get their judges; nobody has scored yet.
  await applyAssignments(opts.adminId, opts.campaignId, 2);
  const lastYear = await seedLastYear(db, { ...opts, judges, now });
  return { judges: judges.map((j) => j.id), lastYear };
}

/** Last year's campaign, from registration to published results, all in the past. */
async function seedLastYear(db: Db, opts: { adminId: string; schoolIds: number[]; judges: { id: string; bias: number }[]; now: Date }) {
  const year = opts.now.getFullYear() - 1;
  const at = (md: string, hm: string) => new Date(`${year}-${md}T${hm}:00+08:00`);
  const resultsAt = at("06-20", "09:00");
  const campaignId = await db.transaction(async (tx) => {
    const [campaign] = await tx
      .insert(campaigns)
      .values({
        slug: `yanzhao-${year}`,
        title: `${year} 燕赵少年读书活动`,
        theme: "书香润童年 阅读伴成长",
        description: "县图书馆联合县教育局举办的年度青少年读书活动。本届活动已经结束，获奖名单和证书查验见本页。",
        year,
        codePrefix: "YZ",
        status: "published",
        registrationOpensAt: at("03-01", "08:00"),
        registrationClosesAt: at("03-31", "18:00"),
        submissionOpensAt: at("03-10", "08:00"),
        submissionClosesAt: at("05-10", "18:00"),
        judgingEndsAt: at("06-10", "18:00"),
        resultsAt,
        createdBy: opts.adminId,
      })
      .returning();
    const id = campaign!.id;
    const categories = await tx
      .insert(campaignCategories)
      .values([
        { campaignId: id, code: "A", name: "小学低年级组（绘画）", gradeMin: 1, gradeMax: 3, entryType: "drawing", maxFileMb: 10, sortOrder: 1 },
        { campaignId: id, code: "B", name: "小学高年级组（征文）", gradeMin: 4, gradeMax: 6, entryType: "essay", minChars: 400, maxChars: 1200, sortOrder: 2 },
        { campaignId: id, code: "C", name: "初中组（征文）", gradeMin: 7, gradeMax: 9, entryType: "essay", minChars: 800, maxChars: 2000, sortOrder: 3 },
        { campaignId: id, code: "D", name: "高中组（征文）", gradeMin: 10, gradeMax: 12, entryType: "essay", minChars: 1000, maxChars: 3000, sortOrder: 4 },
      ])
      .returning();
    await tx.insert(campaignBooks).values(
      Object.values(books).map((b, i) => ({ campaignId: id, title: b.title, author: b.author, gradeBand: i < 3 ? "小学" : i < 4 ? "初中" : "高中", sortOrder: i + 1 })),
    );
    await tx.insert(campaignEnrolments).values(opts.schoolIds.map((schoolId) => ({ campaignId: id, schoolId, enrolledBy: opts.adminId })));
    await seedRubric(tx, categories);
    await tx.insert(campaignJudges).values(opts.judges.map((j) => ({ campaignId: id, judgeId: j.id })));
    const byCode = Object.fromEntries(categories.map((c) => [c.code, c.id]));
    await tx.insert(judgingSettings).values({
      campaignId: id,
      normalise: true,
      tierRules: {
        [byCode.A!]: { kind: "count", first: 1, second: 2, third: 2, meritMin: 78 },
        [byCode.B!]: { kind: "percent", first: 10, second: 15, third: 20, meritMin: 78 },
        [byCode.C!]: { kind: "percent", first: 10, second: 15, third: 20, meritMin: 78 },
        [byCode.D!]: { kind: "percent", first: 10, second: 15, third: 20, meritMin: 78 },
      },
    });
    await seedLastYearEntries(tx, { campaign: campaign!, categories, schoolIds: opts.schoolIds, now: opts.now });
    return id;
  });

  await applyAssignments(opts.adminId, campaignId, 2);
  await scoreEverything(db, campaignId, opts.judges, at("06-05", "20:00"));
  await computeResults(opts.adminId, campaignId);
  const awards = await publishQuietly(db, campaignId, at("06-12", "10:00"), resultsAt);
  const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(entries).where(eq(entries.campaignId, campaignId));
  return { campaignId, entries: n, awards };
}

const untouched = ["xiaoming", "xiaohong"];
const HOUR = 3_600_000;

/** Last year each pupil was a grade lower: that grade decides their category. */
async function seedLastYearEntries(
  tx: DbOrTx,
  { campaign, categories, schoolIds, now }: { campaign: typeof campaigns.$inferSelect; categories: (typeof campaignCategories.$inferSelect)[]; schoolIds: number[]; now: Date },
) {
  const rows = await tx
    .select({ pupilId: pupils.userId, name: users.name, grade: pupils.grade, birthYear: pupils.birthYear, confirmed: consentConfirmed(pupils.userId), classId: classes.id, schoolId: classes.schoolId, schoolName: schools.name, teacherId: classes.teacherId })
    .from(pupils)
    .innerJoin(users, eq(users.id, pupils.userId))
    .innerJoin(classes, eq(classes.id, pupils.classId))
    .innerJoin(schools, eq(schools.id, classes.schoolId))
    .where(and(inArray(classes.schoolId, schoolIds), eq(pupils.status, "active"), notInArray(sql`coalesce(${users.username}, '')`, untouched)))
    .orderBy(asc(schools.id), asc(classes.grade), asc(classes.id), asc(users.name));
  const eligible = rows.filter((r) => consentSatisfied(consentState(r, { confirmed: r.confirmed, requested: false }, now)));
  const values: (typeof entries.$inferInsert)[] = [];
  let variant = 0;
  for (const cat of categories) {
    const pool = eligible.filter((p) => p.grade - 1 >= cat.gradeMin && p.grade - 1 <= cat.gradeMax);
    const count = Math.min(pool.length, quotas[cat.code] ?? 6);
    for (let i = 0; i < count; i++) {
      const p = pool[Math.floor((i * pool.length) / count)]!;
      variant++;
      // Spread over the five weeks before the deadline.
      const submittedAt = new Date(campaign.submissionClosesAt.getTime() - (3 + ((variant * 53) % 800)) * HOUR);
      let fields: Partial<typeof entries.$inferInsert>;
      if (cat.entryType === "essay") {
        const list = readingLists[cat.code] ?? readingLists.B!;
        const key = list[variant % list.length]!;
        const book = books[key];
        const titles = [...book.titles, ...moreTitles[key]];
        const min = cat.minChars ?? 100;
        const max = cat.maxChars ?? min * 3;
        const body = composeEssay(book, min + ((variant * 97) % Math.floor((max - min) * 0.5)), min, max, variant);
        fields = { title: titles[(variant * 5) % titles.length]!, bookTitle: book.title, bookAuthor: book.author, body, charCount: countChars(body) };
      } else {
        const idea = drawingIdeas[(variant + 2) % drawingIdeas.length]!;
        const owner = p.teacherId ?? p.pupilId;
        const file = await saveUpload(tx, "file", new File([drawingPng(variant + 7)], `drawing-${variant}.png`, { type: "image/png" }), { allowed: ["image/png"], maxBytes: cat.maxFileMb * 1024 * 1024 }, owner);
        fields = { title: idea.title, statement: idea.statement, fileId: file.id };
      }
      values.push({
        ...fields,
        campaignId: campaign.id,
        categoryId: cat.id,
        pupilId: p.pupilId,
        schoolId: p.schoolId,
        classId: p.classId,
        status: "submitted",
        code: formatEntryCode(campaign.year, campaign.codePrefix, cat.code, i + 1),
        flags: personalInfoFlags([fields.title, fields.body ?? "", fields.statement ?? ""].join("\n"), { pupilName: p.name ?? "", schoolName: p.schoolName }),
        updatedBy: cat.entryType === "drawing" ? (p.teacherId ?? p.pupilId) : p.pupilId,
        submittedAt,
        createdAt: new Date(submittedAt.getTime() - 30 * HOUR),
        updatedAt: submittedAt,
      });
    }
    if (count > 0) await tx.update(campaignCategories).set({ entrySeq: count }).where(eq(campaignCategories.id, cat.id));
  }
  if (values.length) await tx.insert(entries).values(values);
}

/**
 * Every assignment scored and submitted: each entry has a quality of its own, each judge a
 * habit (harsh or lenient), each criterion a little noise. Deterministic, so the demo ranks the
 * same way on every fresh database, with a few ties to show the tie-break.
 */
async function scoreEverything(db: Db, campaignId: number, judges: { id: string; bias: number }[], submittedAt: Date) {
  const bias = new Map(judges.map((j) => [j.id, j.bias]));
  const rows = await db
    .select({ id: assignments.id, entryId: assignments.entryId, judgeId: assignments.judgeId, categoryId: entries.categoryId })
    .from(assignments)
    .innerJoin(entries, eq(entries.id, assignments.entryId))
    .where(eq(assignments.campaignId, campaignId))
    .orderBy(asc(assignments.id));
  const criteria = await db
    .select({ id: rubricCriteria.id, categoryId: rubricCriteria.categoryId, maxPoints: rubricCriteria.maxPoints, weight: rubricCriteria.weight })
    .from(rubricCriteria)
    .innerJoin(campaignCategories, eq(campaignCategories.id, rubricCriteria.categoryId))
    .where(eq(campaignCategories.campaignId, campaignId))
    .orderBy(asc(rubricCriteria.sortOrder));
  await db.transaction(async (tx) => {
    for (const [n, a] of rows.entries()) {
      const quality = 56 + ((a.entryId * 37) % 39);
      const mine = criteria.filter((c) => c.categoryId === a.categoryId);
      const points = Object.fromEntries(
        mine.map((c, k) => {
          const noise = ((a.entryId * 13 + n * 7 + k * 5) % 9) - 4;
          return [String(c.id), Math.max(0, Math.min(c.maxPoints, Math.round(((quality + (bias.get(a.judgeId) ?? 0) + noise) / 100) * c.maxPoints)))];
        }),
      );
      await tx
        .update(assignments)
        .set({ points, total: weightedTotal(mine, points), comment: "", scoreStatus: "submitted", submittedAt, updatedAt: submittedAt })
        .where(eq(assignments.id, a.id));
    }
  });
}

/** Computed after judging closed, published on the results day, with a certificate code for every award. */
async function publishQuietly(db: Db, campaignId: number, computedAt: Date, publishedAt: Date): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.update(judgingSettings).set({ publishedAt }).where(eq(judgingSettings.campaignId, campaignId));
    await tx.update(entryResults).set({ computedAt }).where(eq(entryResults.campaignId, campaignId));
    const awarded = await tx.select({ entryId: entryResults.entryId }).from(entryResults).where(and(eq(entryResults.campaignId, campaignId), ne(entryResults.tier, "none")));
    for (const { entryId } of awarded) await tx.update(entryResults).set({ certificateCode: readableCode(10).toUpperCase() }).where(eq(entryResults.entryId, entryId));
    return awarded.length;
  });
}

