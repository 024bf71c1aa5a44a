import { eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "./client";
import { createUser } from "./factories";
import { classes, consents, pupils, schools, users } from "./schema";
import { hashPassword } from "@/lib/auth/password";
import { JOIN_CODE_LENGTH } from "@/lib/classes/mutations";
import { readableCode } from "@/lib/crypto";
import { CONSENT_RULES_VERSION, currentYear, needsConsent } from "@/lib/consent/rules";
import { insertPupilAccounts } from "@/lib/pupils/accounts";
import { newInitialCredentials } from "@/lib/pupils/credentials";
import type { PupilFields } from "@/lib/pupils/fields";
import { shanghaiDay } from "@/lib/time";

// Demo classes and pupils for the demo schools. Deterministic names, so screenshots and
// demonstrations look the same on every fresh database (usernames and passwords are random).

/** The second demo school's coordinator, so a teacher of another school exists to try access with. */
export const secondSchoolCoordinator = "school2@shuxiang.test";

const surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡杜叶程苏魏吕丁沈".split("");
const girls = ["欣怡", "雨桐", "思彤", "佳怡", "语桐", "诗涵", "梦琪", "嘉怡", "雅琪", "可馨", "若汐", "子涵", "梓萱", "一诺", "婉清", "静怡", "晓雪", "玥", "琳", "婷"];
const boys = ["浩然", "梓轩", "宇航", "俊杰", "子墨", "浩宇", "明轩", "天佑", "博文", "皓轩", "晨阳", "一鸣", "思远", "家豪", "俊熙", "志鹏", "睿", "阳", "鑫", "涛"];
const fathers = ["建国", "志强", "国华", "建军", "海涛", "立新", "永胜", "振华", "文斌", "春生"];
const mothers = ["海燕", "丽娟", "秀英", "春梅", "玉兰", "文静", "晓梅", "淑芬", "桂芝", "红霞"];

const gradeRange: Record<(typeof schools.$inferSelect)["level"], [number, number]> = {
  primary: [1, 6],
  junior: [7, 9],
  nine_year: [1, 9],
  senior: [10, 12],
};

const numerals = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"];
const className = (grade: number, n: number) => (grade <= 9 ? `${numerals[grade]}年级（${n}）班` : `高${numerals[grade - 9]}（${n}）班`);

const daysAgo = (n: number) => shanghaiDay(new Date(Date.now() - n * 86_400_000));

type Seeded = { classIds: number[]; pupils: number; demoClassId: number };

/**
 * Gives each demo school 2–4 classes of 6–12 pupils (guardian contacts, paper consent for most
 * under-14s), creates the second school's coordinator if missing, and puts the demo pupils
 * xiaoming and xiaohong into a grade-4 class of the first school. `teacherIdsBySchool` lists
 * each school's teachers; the first school's grade-4 class goes to the last one listed.
 */
export async function seedClassesAndPupils(
  tx: DbOrTx,
  { schoolIds, teacherIdsBySchool }: { schoolIds: number[]; teacherIdsBySchool: Record<number, string[]> },
): Promise<Seeded> {
  const year = currentYear();
  const rows = await tx.select().from(schools).where(inArray(schools.id, schoolIds));
  const byId = new Map(rows.map((s) => [s.id, s]));
  const teachers = new Map(schoolIds.map((id) => [id, [...(teacherIdsBySchool[id] ?? [])]]));

  const second = schoolIds[1] !== undefined ? byId.get(schoolIds[1]) : undefined;
  if (second) {
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, secondSchoolCoordinator)).limit(1);
    const id = existing?.id ?? (await createUser(tx, { roles: ["coordinator", "teacher"], name: second.coordinatorName, email: secondSchoolCoordinator, username: null, schoolId: second.id })).id;
    if (!teachers.get(second.id)!.includes(id)) teachers.get(second.id)!.push(id);
  }

  let k = 0; // runs through every pupil, to vary names deterministically
  const classIds: number[] = [];
  let total = 0;
  let demoClassId = 0;
  for (const [i, schoolId] of schoolIds.entries()) {
    const school = byId.get(schoolId);
    if (!school) continue;
    const [lo, hi] = gradeRange[school.level];
    const staff = teachers.get(schoolId)!;
    const count = 2 + (i % 3);
    for (let c = 0; c < count; c++) {
      // The first school's first class is the demo pupils' grade-4 class.
      const grade = i === 0 && c === 0 ? 4 : lo + ((c * 2 + i) % (hi - lo + 1));
      // Class c goes to teacher c − 1 round the list: the first class to the last teacher listed.
      const teacherId = staff.length ? staff[(c + staff.length - 1) % staff.length]! : null;
      const [cls] = await tx
        .insert(classes)
        .values({ schoolId, grade, name: className(grade, 1 + ((c + i) % 4)), teacherId, joinCode: readableCode(JOIN_CODE_LENGTH) })
        .onConflictDoNothing()
        .returning();
      if (!cls) continue; // two demo classes landed on the same grade and number
      classIds.push(cls.id);
      if (i === 0 && c === 0) demoClassId = cls.id;

      const size = 6 + ((i * 3 + c * 5) % 7);
      const list: PupilFields[] = [];
      const names = new Set<string>();
      while (list.length < size) {
        const girl = k % 2 === 0;
        const surname = surnames[(k * 7) % surnames.length]!;
        const given = (girl ? girls : boys)[(k * 3 + Math.floor(k / 2)) % 20]!;
        k++;
        if (names.has(surname + given)) continue;
        names.add(surname + given);
        const withEmail = k % 3 !== 0;
        list.push({
          name: surname + given,
          gender: girl ? "female" : "male",
          grade,
          // About one in four lists leave the birth year out.
          birthYear: k % 4 === 0 ? null : year - grade - 6 - (k % 5 === 0 ? 1 : 0),
          guardianName: k % 2 === 0 ? surname + fathers[k % fathers.length] : surnames[(k * 5 + 3) % surnames.length]! + mothers[k % mothers.length],
          guardianPhone: k % 7 === 0 ? null : `13${(k % 8) + 2}${String((k * 7_919_123) % 100_000_000).padStart(8, "0")}`,
          guardianEmail: withEmail || k % 7 === 0 ? `guardian${k}@example.test` : null,
        });
      }
      const creds = await newInitialCredentials(list.length);
      const made = await insertPupilAccounts(
        tx,
        cls,
        list.map((p, j) => ({ ...p, status: "active" as const, passwordHash: creds[j]!.passwordHash, initialPasswordEnc: creds[j]!.initialPasswordEnc })),
      );
      total += made.length;

      // Most under-14s have a signed paper form; one in five is still missing, to show that state.
      const recorder = teacherId ?? staff[0] ?? null;
      if (recorder) {
        const consenting = made.map((m, j) => ({ m, p: list[j]! })).filter(({ p }, j) => needsConsent(p) && (j + i) % 5 !== 4);
        if (consenting.length) {
          await tx.insert(consents).values(
            consenting.map(({ m, p }) => ({
              pupilId: m.userId,
              method: "paper" as const,
              guardianName: p.guardianName,
              rulesVersion: CONSENT_RULES_VERSION,
              signedOn: daysAgo(20 + (total % 15)),
              recordedBy: recorder,
              confirmedAt: new Date(),
            })),
          );
        }
      }
    }
  }

  if (demoClassId) await seedDemoPupils(tx, demoClassId, year, teachers.get(schoolIds[0]!)?.at(-1) ?? null);
  return { classIds, pupils: total, demoClassId };
}

/** xiaoming (consent on paper) and xiaohong (consent still missing) exist already: give them pupil rows. */
async function seedDemoPupils(tx: DbOrTx, classId: number, year: number, recorder: string | null) {
  const demo = await tx.select({ id: users.id, username: users.username }).from(users).where(inArray(users.username, ["xiaoming", "xiaohong"]));
  for (const u of demo) {
    const ming = u.username === "xiaoming";
    await tx
      .insert(pupils)
      .values({
        userId: u.id,
        classId,
        grade: 4,
        gender: ming ? "male" : "female",
        birthYear: year - 10,
        guardianName: ming ? "张建国" : "李海燕",
        guardianPhone: ming ? "13803151234" : "13803155678",
        guardianEmail: ming ? "zhang.jianguo@example.test" : "li.haiyan@example.test",
      })
      .onConflictDoNothing();
    if (ming && recorder) {
      await tx.insert(consents).values({
        pupilId: u.id,
        method: "paper",
        guardianName: "张建国",
        rulesVersion: CONSENT_RULES_VERSION,
        signedOn: daysAgo(30),
        recordedBy: recorder,
        confirmedAt: new Date(),
      });
    }
  }
  // One pupil who joined with the class code and waits for the teacher.
  const [cls] = await tx.select({ id: classes.id, schoolId: classes.schoolId }).from(classes).where(eq(classes.id, classId));
  await insertPupilAccounts(tx, cls!, [
    {
      name: "赵雨萱",
      gender: "female",
      grade: 4,
      birthYear: year - 10,
      guardianName: "赵志刚",
      guardianPhone: "13903159876",
      guardianEmail: null,
      status: "pending",
      passwordHash: await hashPassword("shuxiang2026"),
      initialPasswordEnc: null,
    },
  ]);
}
