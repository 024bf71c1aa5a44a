import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { createTranslator } from "next-intl";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { createSchool, createTown, createUser } from "@/db/factories";
import { createClassRow, createPupilRow } from "@/db/factories-classes";
import { createOpenCampaign } from "@/db/factories-entries";
import { drawingPng } from "@/db/seed-entries-content";
import { assignments, campaignEnrolments, campaignJudges, classes, entries, files, pupils, rubricCriteria, schools, towns, users } from "@/db/schema";
import { saveEntry } from "@/lib/entries/mutations";
import en from "@/messages/en.json";
import { applyAssignments } from "./assignments";
import { getJudgeAssignment, getJudgeFile, listJudgeQueue } from "./scoring";

// Blind judging, checked at every answer a judge can get from the judge's side: the lib reads its
// pages render, its two actions and its file route. The pupil, their school, town, class, teacher
// and guardian, and the name of the uploaded file all carry unmistakable strings; none of them may
// appear anywhere in what comes back. A control reads the same strings from the staff's side of
// the database, so a search that finds nothing has really searched for something.

const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("@/lib/auth/config", () => ({ sessionUserId: async () => session.userId ?? null }));
vi.mock("next-intl/server", () => ({
  getTranslations: async (namespace?: string) => createTranslator({ locale: "en", messages: en, namespace: namespace as never }),
  getLocale: async () => "en",
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ host: "localhost:3000" }) }));

const { recuseAction, saveScoreAction } = await import("@/app/judging/actions");
const { GET: fileGet } = await import("@/app/judging/[assignmentId]/file/route");

const identity = {
  town: "青石湾镇",
  townEn: "Qingshiwan",
  school: "滦南县青石湾镇第九小学",
  schoolShort: "第九小学",
  coordinator: "司马光明",
  teacher: "诸葛守义",
  className: "五年级（九）班",
  pupil: "欧阳明月",
  guardian: "欧阳大山",
  guardianPhone: "13912345678",
  guardianEmail: "ouyang.dashan@example.test",
  upload: "欧阳明月的画.png",
};
const needles = () => [...Object.values(identity), scene.pupilId, scene.username].filter((s): s is string => Boolean(s));

/** Every needle absent from `what` (serialised as the browser would receive it). */
function expectBlind(label: string, what: unknown) {
  const text = typeof what === "string" ? what : JSON.stringify(what);
  for (const needle of needles()) expect(text, `${label} must not contain "${needle}"`).not.toContain(needle);
}

const form = (fields: Record<string, string | number>) => {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.set(k, String(v));
  return fd;
};
const idle = { status: "idle" } as const;

let scene: Awaited<ReturnType<typeof makeScene>>;

async function makeScene() {
  const db = getDb();
  const { campaign, essay, drawing } = await createOpenCampaign(db);
  const town = await createTown(db, { nameZh: identity.town, nameEn: identity.townEn });
  const school = await createSchool(db, { name: identity.school, townId: town.id, coordinatorName: identity.coordinator, address: `${identity.town}槐树街 9 号` });
  const teacher = await createUser(db, { roles: ["teacher"], name: identity.teacher, schoolId: school.id });
  const cls = await createClassRow(db, { schoolId: school.id, grade: 5, name: identity.className, teacherId: teacher.id });
  // Born in 2000: no guardian consent is needed before the entries count.
  const { user: pupil } = await createPupilRow(db, {
    classId: cls.id,
    schoolId: school.id,
    grade: 5,
    name: identity.pupil,
    guardianName: identity.guardian,
    guardianPhone: identity.guardianPhone,
    guardianEmail: identity.guardianEmail,
    birthYear: 2000,
  });
  await db.insert(campaignEnrolments).values({ campaignId: campaign.id, schoolId: school.id });
  const writer = { id: pupil.id, roles: ["student" as const], schoolId: null };
  const common = { pupilId: pupil.id, intent: "submit" as const, statement: "", file: undefined };
  await saveEntry(writer, { ...common, categoryId: essay.id, title: "读《草房子》", bookTitle: "草房子", bookAuthor: "曹文轩", body: "桑桑的故事让我懂得了友情和成长。\n\n　　第二段：秃鹤也有自己的骄傲。" });
  const png = new File([drawingPng(3)], identity.upload, { type: "image/png" });
  await saveEntry(writer, { ...common, categoryId: drawing.id, title: "我的家乡", bookTitle: "", bookAuthor: "", body: "", statement: "画的是春天的田野。", file: png });

  const criteria = await db
    .insert(rubricCriteria)
    .values(
      [essay.id, drawing.id].flatMap((categoryId) => [
        { categoryId, name: "立意", description: "中心是否明确", maxPoints: 10, weight: 2, sortOrder: 1, bands: [{ from: 0, to: 5, text: "中心不清" }, { from: 6, to: 10, text: "中心明确" }] },
        { categoryId, name: "表达", description: "", maxPoints: 20, weight: 1, sortOrder: 2, bands: [] },
      ]),
    )
    .returning();
  const judges = [await createUser(db, { roles: ["judge"] }), await createUser(db, { roles: ["judge"] })];
  await db.insert(campaignJudges).values(judges.map((j) => ({ campaignId: campaign.id, judgeId: j.id })));
  const staff = await createUser(db, { roles: ["staff"] });
  await applyAssignments(staff.id, campaign.id, 2);

  const rows = await db.select({ id: assignments.id, judgeId: assignments.judgeId, categoryId: entries.categoryId }).from(assignments).innerJoin(entries, eq(entries.id, assignments.entryId)).where(eq(assignments.campaignId, campaign.id));
  const of = (judgeId: string, categoryId: number) => rows.find((r) => r.judgeId === judgeId && r.categoryId === categoryId)!.id;
  const [j1, j2] = judges as [(typeof judges)[number], (typeof judges)[number]];
  return {
    campaign,
    pupilId: pupil.id,
    username: pupil.username,
    staff,
    j1,
    j2,
    essayCriteria: criteria.filter((c) => c.categoryId === essay.id),
    essayA: of(j1.id, essay.id),
    drawingA: of(j1.id, drawing.id),
    otherEssayA: of(j2.id, essay.id),
  };
}

beforeAll(async () => {
  process.env.STORAGE_DIR = mkdtempSync(path.join(tmpdir(), "judging-blind-"));
  scene = await makeScene();
});
beforeEach(() => {
  session.userId = null;
});

describe("the control", () => {
  it("the staff's side of the database holds every identifying string the judge's side must not", async () => {
    const db = getDb();
    const [row] = await db
      .select({ pupil: users, guardian: pupils, school: schools, town: towns, cls: classes, file: files })
      .from(entries)
      .innerJoin(users, eq(users.id, entries.pupilId))
      .innerJoin(pupils, eq(pupils.userId, entries.pupilId))
      .innerJoin(schools, eq(schools.id, entries.schoolId))
      .innerJoin(towns, eq(towns.id, schools.townId))
      .innerJoin(classes, eq(classes.id, entries.classId))
      .innerJoin(files, eq(files.id, entries.fileId))
      .where(eq(entries.pupilId, scene.pupilId));
    const [teacher] = await db.select({ name: users.name }).from(users).where(eq(users.id, row!.cls.teacherId!));
    const staffView = JSON.stringify({ ...row, teacher });
    for (const needle of needles()) expect(staffView).toContain(needle);
  });
});

describe("what the judge's pages read", () => {
  it("the queue, both assignments and the file lookup carry no identity", async () => {
    const queue = await listJudgeQueue(scene.j1);
    expect(queue.map((q) => q.assignmentId).sort()).toEqual([scene.essayA, scene.drawingA].sort());
    expectBlind("listJudgeQueue", queue);
    const essay = await getJudgeAssignment(scene.j1, scene.essayA);
    const drawing = await getJudgeAssignment(scene.j1, scene.drawingA);
    // What is there to judge is there: the text, the book, the statement, the file.
    expect(essay).toMatchObject({ entry: { bookTitle: "草房子", hasFile: false }, criteria: [{ name: "立意" }, { name: "表达" }] });
    expect(essay!.entry.body).toContain("第二段");
    expect(drawing).toMatchObject({ entry: { statement: "画的是春天的田野。", hasFile: true } });
    expectBlind("getJudgeAssignment (essay)", essay);
    expectBlind("getJudgeAssignment (drawing)", drawing);
    expectBlind("getJudgeFile", await getJudgeFile(scene.j1, scene.drawingA));
  });

  it("another judge's assignment is nothing at all", async () => {
    expect(await getJudgeAssignment(scene.j1, scene.otherEssayA)).toBeNull();
    expect(await getJudgeFile(scene.j2, scene.drawingA)).toBeNull();
  });
});

describe("the judge's actions", () => {
  it("saving a score answers with the total, field errors by criterion, and no identity", async () => {
    session.userId = scene.j1.id;
    const [c1, c2] = scene.essayCriteria.map((c) => c.id);
    // Full-width digits, as a Chinese input method types them, are the same numbers.
    const draft = await saveScoreAction(idle, form({ assignmentId: scene.essayA, intent: "draft", [`points.${c1}`]: "８", [`points.${c2}`]: "", comment: "立意清楚" }));
    expect(draft).toMatchObject({ status: "ok", data: { intent: "draft", total: 40 } });
    expectBlind("saveScoreAction (draft)", draft);

    const bad = await saveScoreAction(idle, form({ assignmentId: scene.essayA, intent: "submit", [`points.${c1}`]: "7.5", [`points.${c2}`]: "" }));
    expect(bad).toMatchObject({ status: "error", fieldErrors: { [`points.${c1}`]: en.judging.score.wholeNumber } });
    expectBlind("saveScoreAction (not a whole number)", bad);

    const missing = await saveScoreAction(idle, form({ assignmentId: scene.essayA, intent: "submit", [`points.${c1}`]: "8", [`points.${c2}`]: "" }));
    expect(missing).toMatchObject({ status: "error", fieldErrors: { [`points.${c2}`]: en.errors.required } });
    const tooMany = await saveScoreAction(idle, form({ assignmentId: scene.essayA, intent: "submit", [`points.${c1}`]: "11", [`points.${c2}`]: "10" }));
    expect(Object.keys(tooMany.fieldErrors ?? {})).toEqual([`points.${c1}`]);
    expectBlind("saveScoreAction (out of range)", [missing, tooMany]);

    // (2·8 + 1·10) / (2·10 + 1·20) = 65
    const submitted = await saveScoreAction(idle, form({ assignmentId: scene.essayA, intent: "submit", [`points.${c1}`]: "8", [`points.${c2}`]: "10", comment: "" }));
    expect(submitted).toMatchObject({ status: "ok", data: { intent: "submit", total: 65 } });
  });

  it("another judge's assignment, and a signed-out visitor, get no further than a refusal", async () => {
    const [c1] = scene.essayCriteria.map((c) => c.id);
    session.userId = scene.j2.id;
    const notYours = await saveScoreAction(idle, form({ assignmentId: scene.essayA, intent: "draft", [`points.${c1}`]: "1" }));
    expect(notYours).toMatchObject({ status: "error", message: en.errors.notFound });
    expectBlind("saveScoreAction (another judge's)", notYours);
    const notYoursRecuse = await recuseAction(idle, form({ assignmentId: scene.essayA, reason: "认识作者" }));
    expect(notYoursRecuse).toMatchObject({ status: "error", message: en.errors.notFound });
    session.userId = scene.staff.id;
    expect(await saveScoreAction(idle, form({ assignmentId: scene.essayA, intent: "draft" }))).toMatchObject({ status: "error", message: en.errors.forbidden });
    session.userId = null;
    expect(await saveScoreAction(idle, form({ assignmentId: scene.essayA, intent: "draft" }))).toMatchObject({ status: "error", signedOut: true });
  });

  it("recusing needs a reason, then leaves the queue for the judging list", async () => {
    session.userId = scene.j2.id;
    const noReason = await recuseAction(idle, form({ assignmentId: scene.otherEssayA, reason: "  " }));
    expect(noReason).toMatchObject({ status: "error", fieldErrors: { reason: en.judging.recuse.reasonRequired } });
    // redirect() ends the action by throwing Next's redirect signal, which names where it goes.
    await expect(recuseAction(idle, form({ assignmentId: scene.otherEssayA, reason: "作者是我的学生" }))).rejects.toMatchObject({ digest: expect.stringContaining("/judging?recused=1") });
    const [row] = await getDb().select().from(assignments).where(and(eq(assignments.id, scene.otherEssayA), eq(assignments.judgeId, scene.j2.id)));
    expect(row).toMatchObject({ status: "recused", recuseReason: "作者是我的学生" });
  });
});

describe("the judge's file route", () => {
  const get = (assignmentId: number | string) => fileGet(new Request(`http://localhost:3000/judging/${assignmentId}/file`), { params: Promise.resolve({ assignmentId: String(assignmentId) }) });

  it("serves the drawing to its judge under the entry code, never the uploaded name", async () => {
    session.userId = scene.j1.id;
    const drawing = await getJudgeAssignment(scene.j1, scene.drawingA);
    const response = await get(scene.drawingA);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/png");
    expect(response.headers.get("content-disposition")).toBe(`inline; filename="${drawing!.entry.code}.png"`);
    // Decoded, as a browser decodes a filename*=UTF-8''… header.
    expectBlind("file route headers", decodeURIComponent(JSON.stringify([...response.headers])));
    expectBlind("file route body", Buffer.from(await response.arrayBuffer()).toString("utf8"));
  });

  it("answers 404 to another judge, to staff, to a visitor and to a made-up id", async () => {
    for (const who of [scene.j2.id, scene.staff.id, null]) {
      session.userId = who;
      const response = await get(scene.drawingA);
      expect(response.status).toBe(404);
      expectBlind("file route refusal", await response.text());
    }
    session.userId = scene.j1.id;
    expect((await get(scene.essayA)).status).toBe(404);
    expect((await get("1e3")).status).toBe(404);
  });
});
