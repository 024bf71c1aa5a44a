import { count } from "drizzle-orm";
import type { Db } from "./client";
import { createSchool, createUser } from "./factories";
import { seedDemoCampaign } from "./seed-campaigns";
import { seedClassesAndPupils } from "./seed-classes";
import { seedDrives } from "./seed-drives";
import { seedEntries } from "./seed-entries";
import { seedEvents } from "./seed-events";
import { seedJudging } from "./seed-judging";
import { campaignEnrolments, librarySettings, towns, type schools } from "./schema";

export const DEMO_PASSWORD = "shuxiang2026";

export const demoAccounts = {
  admin: "admin@shuxiang.test",
  staff: "staff@shuxiang.test",
  judge: "judge@shuxiang.test",
  coordinator: "coordinator@shuxiang.test",
  teacher: "teacher@shuxiang.test",
  pupils: ["xiaoming", "xiaohong"],
} as const;

// The county's 16 towns, in the order the county lists them.
export const luannanTowns: [string, string][] = [
  ["倴城镇", "Bencheng"],
  ["宋道口镇", "Songdaokou"],
  ["长凝镇", "Changning"],
  ["胡各庄镇", "Hugezhuang"],
  ["坨里镇", "Tuoli"],
  ["姚王庄镇", "Yaowangzhuang"],
  ["司各庄镇", "Sigezhuang"],
  ["安各庄镇", "Angezhuang"],
  ["扒齿港镇", "Bachigang"],
  ["程庄镇", "Chengzhuang"],
  ["青坨营镇", "Qingtuoying"],
  ["柏各庄镇", "Baigezhuang"],
  ["南堡镇", "Nanpu"],
  ["方各庄镇", "Fanggezhuang"],
  ["东黄坨镇", "Donghuangtuo"],
  ["马城镇", "Macheng"],
];

type Level = (typeof schools.$inferInsert)["level"];
const demoSchools: [name: string, town: string, level: Level, coordinator: string][] = [
  ["滦南县第一实验小学", "倴城镇", "primary", "李春华"],
  ["滦南县倴城镇第二小学", "倴城镇", "primary", "王丽娟"],
  ["滦南县第一中学", "倴城镇", "senior", "赵国强"],
  ["宋道口镇中心小学", "宋道口镇", "primary", "刘海燕"],
  ["长凝镇初级中学", "长凝镇", "junior", "张建军"],
  ["胡各庄镇中心小学", "胡各庄镇", "primary", "孙秀英"],
  ["坨里镇九年一贯制学校", "坨里镇", "nine_year", "周文静"],
  ["姚王庄镇中心小学", "姚王庄镇", "primary", "吴晓梅"],
  ["司各庄镇初级中学", "司各庄镇", "junior", "郑志刚"],
  ["扒齿港镇中心小学", "扒齿港镇", "primary", "冯玉兰"],
  ["柏各庄镇中心小学", "柏各庄镇", "primary", "陈立新"],
  ["方各庄镇九年一贯制学校", "方各庄镇", "nine_year", "杨淑芬"],
  ["马城镇中心小学", "马城镇", "primary", "何振华"],
];

/** True when the database already holds the library: a second start never seeds over real data. */
export async function isSeeded(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(librarySettings);
  return (row?.n ?? 0) > 0;
}

/** Demo data for Luannan County Library. Does nothing if the library is already there. */
export async function seedDemo(db: Db): Promise<boolean> {
  if (await isSeeded(db)) return false;
  const demo = await db.transaction(async (tx) => {
    await tx.insert(librarySettings).values({
      id: 1,
      nameZh: "滦南县图书馆",
      nameEn: "Luannan County Library",
      addressZh: "河北省唐山市滦南县倴城镇友谊路",
      addressEn: "Youyi Road, Bencheng, Luannan County, Tangshan, Hebei",
      hoursZh: "周二至周日 8:30–17:30（周一闭馆）",
      hoursEn: "Tuesday to Sunday 8:30–17:30 (closed on Mondays)",
      phone: "0315-4112345",
      email: "library@shuxiang.test",
    });
    const townRows = await tx
      .insert(towns)
      .values(luannanTowns.map(([nameZh, nameEn], i) => ({ nameZh, nameEn, sortOrder: i + 1 })))
      .returning();
    const townId = new Map(townRows.map((t) => [t.nameZh, t.id]));

    const schoolIds: number[] = [];
    for (const [i, [name, town, level, coordinatorName]] of demoSchools.entries()) {
      const school = await createSchool(tx, {
        name,
        townId: townId.get(town)!,
        level,
        status: "approved",
        coordinatorName,
        coordinatorEmail: i === 0 ? demoAccounts.coordinator : `school${i + 1}@shuxiang.test`,
        coordinatorPhone: `1380315${String(1000 + i).padStart(4, "0")}`,
        address: `滦南县${town}`,
      });
      schoolIds.push(school.id);
    }
    const firstSchool = schoolIds[0]!;

    const admin = await createUser(tx, { roles: ["admin", "staff"], name: "高馆长", email: demoAccounts.admin, username: null });
    await createUser(tx, { roles: ["staff"], name: "马馆员", email: demoAccounts.staff, username: null });
    await createUser(tx, { roles: ["judge"], name: "林评委", email: demoAccounts.judge, username: null });
    const coordinator = await createUser(tx, {
      roles: ["coordinator", "teacher"],
      name: "李春华",
      email: demoAccounts.coordinator,
      username: null,
      schoolId: firstSchool,
    });
    const teacher = await createUser(tx, { roles: ["teacher"], name: "王老师", email: demoAccounts.teacher, username: null, schoolId: firstSchool });
    await createUser(tx, { roles: ["student"], name: "张小明", email: null, username: "xiaoming", password: DEMO_PASSWORD, schoolId: firstSchool });
    await createUser(tx, { roles: ["student"], name: "李小红", email: null, username: "xiaohong", password: DEMO_PASSWORD, schoolId: firstSchool });
    const campaign = await seedDemoCampaign(tx, admin.id);
    await seedClassesAndPupils(tx, { schoolIds, teacherIdsBySchool: { [firstSchool]: [coordinator.id, teacher.id] } });
    // Every demo school has enrolled in the campaign.
    await tx.insert(campaignEnrolments).values(schoolIds.map((schoolId) => ({ campaignId: campaign.id, schoolId, enrolledBy: admin.id })));
    await seedEntries(tx, { campaignId: campaign.id });
    await seedEvents(tx, { adminId: admin.id, schoolId: firstSchool, teacherId: teacher.id });
    await seedDrives(tx, { adminId: admin.id, schoolIds });
    return { adminId: admin.id, campaignId: campaign.id, schoolIds };
  });
  // Judging runs through lib/judging, which opens its own transactions: after this one commits.
  await seedJudging(db, { ...demo, judgeEmail: demoAccounts.judge });
  return true;
}
