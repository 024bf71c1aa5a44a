import { randomBytes } from "node:crypto";
import type { DbOrTx } from "./client";
import { createCategoryRows, createDriveRow } from "./factories-drives";
import { driveDeliveries, driveDeliveryItems, driveIntakes, drivePledgeItems, drivePledges } from "./schema";
import { newToken, readableCode } from "@/lib/crypto";
import type { Locale } from "@/lib/i18n";
import { parseShanghaiDateTime, shanghaiDay } from "@/lib/time";

// Demo book drives: 方各庄镇东万坨村, open for three weeks with pledges in every state, books
// received (some declined) and a first delivery; and 宋道口镇杜土村, opened last week. Rows are
// written directly, like the demo bookings: no confirmation or thank-you mails are queued, and the
// donors' links are unknown (only hashes are kept).

const DAY = 86_400_000;

type Line = { name: string; target: number; welcome: string; notWelcome: string };

/** Accepted, and optionally declined with the reason given to the donor. */
type Received = [accepted: number, declined?: number, reason?: string];

type PledgeSeed = {
  name: string;
  showName?: boolean;
  email: string;
  phone?: string;
  /** Index into the demo schools: a school's pledge, given in its name. */
  school?: number;
  pickup?: { address: string; days: string };
  locale?: Locale;
  daysAgo: number;
  items: Record<string, number>;
} & ({ status: "pledged" } | { status: "cancelled"; cancelledDaysAgo: number } | { status: "received"; receivedDaysAgo: number; received: Record<string, Received> });

type WalkIn = { donorName: string; donorEmail: string; school?: number; daysAgo: number; received: Record<string, Received> };

type DriveSeed = {
  slug: string;
  title: string;
  town: string;
  village: string;
  story: string;
  startedDaysAgo: number;
  endsInDays: number;
  lines: Line[];
  pledges: PledgeSeed[];
  walkIns: WalkIn[];
  delivery?: { daysAgo: number; receivedBy: string; items: Record<string, number> };
};

const NO_TEXTBOOKS = "不收教材教辅、试卷习题、盗版书";

const dongwantuo: Omit<DriveSeed, "slug"> = {
  title: "为方各庄镇东万坨村农家书屋募书",
  town: "方各庄镇",
  village: "东万坨村",
  story: `东万坨村的农家书屋建于 2012 年，现有藏书一千余册，大多是当年配送的政策和农业读物，适合孩子们读的书很少。放学后和寒暑假，村里三十多个孩子常来书屋写作业、看书，几本绘本早已翻得卷了边。

县图书馆联合方各庄镇文化站发起这次募书，目标 **500 册**：以绘本、儿童文学和科普读物为主，也为村里的种植户征集实用的农业技术书。

- 请按需求清单认捐，送书时在书里夹一张写有认捐码的纸条；
- 图书可送到县图书馆一楼服务台（周二至周日 8:30–17:30），也可预约上门取书；
- 馆员整理登记后分批送到村里，每一批都会在本页公布。`,
  startedDaysAgo: 21,
  endsInDays: 60,
  lines: [
    { name: "绘本", target: 120, welcome: "适合 3–8 岁孩子的中文绘本，八成新以上", notWelcome: "不收破损、涂画严重或缺页的书；不收点读书、玩具书" },
    { name: "儿童文学", target: 130, welcome: "适合小学生的童话、小说、诗歌，如《草房子》《夏洛的网》", notWelcome: NO_TEXTBOOKS },
    { name: "科普读物", target: 100, welcome: "面向中小学生的自然、科技、地理、历史科普书", notWelcome: `${NO_TEXTBOOKS}；不收 2010 年以前出版的科技书` },
    { name: "农业技术", target: 70, welcome: "蔬菜大棚、果树栽培、畜禽养殖、病虫害防治等实用技术书", notWelcome: "不收 2010 年以前出版的农技书（品种和用药已经变了）" },
    { name: "经典名著", target: 80, welcome: "中外名著的完整版或青少年版，如四大名著、《红星照耀中国》", notWelcome: `${NO_TEXTBOOKS}；不收缩写到只剩故事梗概的“名著速读”` },
  ],
  pledges: [
    // Still to come.
    { status: "pledged", name: "李春华", showName: true, email: "coordinator@shuxiang.test", school: 0, daysAgo: 18, items: { 绘本: 30, 儿童文学: 25 } },
    {
      status: "pledged",
      name: "杨淑芬",
      showName: true,
      email: "school12@shuxiang.test",
      phone: "13803151011",
      school: 11,
      pickup: { address: "方各庄镇九年一贯制学校传达室", days: "周二、周四下午" },
      daysAgo: 15,
      items: { 儿童文学: 20, 科普读物: 15, 经典名著: 10 },
    },
    { status: "pledged", name: "张丽", showName: true, email: "zhangli@shuxiang.test", daysAgo: 9, items: { 绘本: 8 } },
    { status: "pledged", name: "", email: "donor-a@shuxiang.test", daysAgo: 6, items: { 科普读物: 6, 经典名著: 4 } },
    {
      status: "pledged",
      name: "赵建国",
      email: "zhaojianguo@shuxiang.test",
      phone: "13933152468",
      pickup: { address: "滦南县倴城镇友谊路 12 号院 3 单元", days: "周六、周日上午" },
      daysAgo: 4,
      items: { 农业技术: 12, 经典名著: 6 },
    },
    { status: "pledged", name: "刘思远", showName: true, email: "liusiyuan@shuxiang.test", locale: "en", daysAgo: 2, items: { 儿童文学: 10, 绘本: 5 } },
    // Arrived and checked in.
    {
      status: "received",
      name: "王丽娟",
      showName: true,
      email: "school2@shuxiang.test",
      school: 1,
      daysAgo: 20,
      receivedDaysAgo: 14,
      items: { 绘本: 30, 儿童文学: 30 },
      received: { 绘本: [28, 2, "破损"], 儿童文学: [30] },
    },
    {
      status: "received",
      name: "赵国强",
      showName: true,
      email: "school3@shuxiang.test",
      school: 2,
      daysAgo: 19,
      receivedDaysAgo: 12,
      items: { 经典名著: 30, 科普读物: 20 },
      received: { 经典名著: [26, 4, "教辅（名著阅读练习册）"], 科普读物: [20] },
    },
    { status: "received", name: "王海军", showName: true, email: "wanghaijun@shuxiang.test", daysAgo: 17, receivedDaysAgo: 11, items: { 农业技术: 25 }, received: { 农业技术: [25] } },
    {
      status: "received",
      name: "孙美玲",
      email: "sunmeiling@shuxiang.test",
      daysAgo: 13,
      receivedDaysAgo: 8,
      items: { 绘本: 10, 儿童文学: 8 },
      received: { 绘本: [10], 儿童文学: [6, 2, "盗版"] },
    },
    { status: "received", name: "", email: "donor-b@shuxiang.test", daysAgo: 12, receivedDaysAgo: 7, items: { 科普读物: 12 }, received: { 科普读物: [10, 2, "破损、缺页"] } },
    // Withdrawn by the donor through their link.
    { status: "cancelled", name: "陈晓", email: "chenxiao@shuxiang.test", daysAgo: 16, cancelledDaysAgo: 10, items: { 儿童文学: 20 } },
    { status: "cancelled", name: "陈立新", email: "school11@shuxiang.test", school: 10, daysAgo: 14, cancelledDaysAgo: 5, items: { 科普读物: 15 } },
  ],
  walkIns: [{ donorName: "李秀芝", donorEmail: "lixiuzhi@shuxiang.test", daysAgo: 9, received: { 绘本: [12], 农业技术: [8, 3, "内容过时（1998 年版）"] } }],
  delivery: { daysAgo: 4, receivedBy: "东万坨村农家书屋管理员 王秀兰", items: { 绘本: 30, 儿童文学: 20, 科普读物: 10, 农业技术: 20 } },
};

const dutu: Omit<DriveSeed, "slug"> = {
  title: "为宋道口镇杜土村农家书屋募书",
  town: "宋道口镇",
  village: "杜土村",
  story: `杜土村有四百多户人家，不少年轻人在外打工，孩子跟着爷爷奶奶生活。村委会去年腾出一间房重新布置了农家书屋，书架有了，书还不够。

这次募书目标 **500 册**。孩子们最想要绘本和故事书；老人们希望有字大一点的养生保健书，种地、养殖的乡亲们需要新一些的农业技术书。

请按需求清单认捐，图书送到县图书馆一楼服务台，或预约上门取书。`,
  startedDaysAgo: 7,
  endsInDays: 75,
  lines: [
    { name: "绘本", target: 100, welcome: "适合学龄前和低年级孩子的中文绘本", notWelcome: "不收破损、涂画严重或缺页的书" },
    { name: "儿童文学", target: 120, welcome: "适合小学生的童话、故事、小说", notWelcome: NO_TEXTBOOKS },
    { name: "科普读物", target: 90, welcome: "自然、科技、安全常识类少儿科普书", notWelcome: NO_TEXTBOOKS },
    { name: "农业技术", target: 110, welcome: "小麦玉米种植、设施蔬菜、生猪和肉鸡养殖等实用技术书", notWelcome: "不收 2010 年以前出版的农技书" },
    { name: "生活健康", target: 80, welcome: "大字版的养生保健、常见病预防、家庭急救读物", notWelcome: "不收保健品宣传册和药品广告" },
  ],
  pledges: [
    { status: "pledged", name: "刘海燕", showName: true, email: "school4@shuxiang.test", school: 3, daysAgo: 6, items: { 绘本: 20, 儿童文学: 20 } },
    {
      status: "pledged",
      name: "周志强",
      showName: true,
      email: "zhouzhiqiang@shuxiang.test",
      phone: "13785153690",
      pickup: { address: "宋道口镇宋道口村南街 8 号", days: "工作日晚上" },
      daysAgo: 5,
      items: { 农业技术: 15 },
    },
    { status: "pledged", name: "", email: "donor-c@shuxiang.test", daysAgo: 3, items: { 生活健康: 6 } },
    { status: "received", name: "高桂芳", showName: true, email: "gaoguifang@shuxiang.test", daysAgo: 6, receivedDaysAgo: 2, items: { 儿童文学: 12, 科普读物: 8 }, received: { 儿童文学: [12], 科普读物: [7, 1, "教辅"] } },
    { status: "cancelled", name: "韩冬", email: "handong@shuxiang.test", daysAgo: 5, cancelledDaysAgo: 1, items: { 科普读物: 10 } },
  ],
  walkIns: [],
};

/** The demo drives and what was given to them, dated from `now`. Returns the drives' ids by slug. */
export async function seedDrives(tx: DbOrTx, o: { adminId: string; schoolIds: number[]; now?: Date }) {
  const now = o.now ?? new Date();
  const today = new Date(Math.floor(now.getTime() / DAY) * DAY);
  const at = (daysAgo: number, time: string) => parseShanghaiDateTime(`${shanghaiDay(new Date(today.getTime() - daysAgo * DAY))}T${time}`)!;
  const school = (i: number | undefined) => (i === undefined ? null : o.schoolIds[i % o.schoolIds.length]!);
  const year = shanghaiDay(now).slice(0, 4);

  const ids: Record<string, number> = {};
  for (const seed of [
    { slug: `dongwantuo-${year}`, ...dongwantuo },
    { slug: `dutu-${year}`, ...dutu },
  ] satisfies DriveSeed[]) {
    const drive = await createDriveRow(tx, {
      slug: seed.slug,
      title: seed.title,
      story: seed.story,
      town: seed.town,
      village: seed.village,
      readingRoom: "农家书屋",
      status: "published",
      startsAt: at(seed.startedDaysAgo, "09:00"),
      endsAt: at(-seed.endsInDays, "17:30"),
      createdAt: at(seed.startedDaysAgo + 2, "10:00"),
    });
    ids[seed.slug] = drive.id;
    const category = new Map((await createCategoryRows(tx, drive.id, seed.lines)).map((c) => [c.name, c.id]));
    const cat = (name: string) => {
      const id = category.get(name);
      if (id === undefined) throw new Error(`seedDrives: no category ${name} in ${seed.slug}`);
      return id;
    };
    const intakeRows = (received: Record<string, Received>, v: Partial<typeof driveIntakes.$inferInsert> & { createdAt: Date }) =>
      Object.entries(received).map(([name, [accepted, declined = 0, reason = ""]]) => ({ driveId: drive.id, categoryId: cat(name), accepted, declined, declineReason: reason, recordedBy: o.adminId, ...v }));

    for (const [i, p] of seed.pledges.entries()) {
      const [row] = await tx
        .insert(drivePledges)
        .values({
          code: readableCode(8).toUpperCase(),
          driveId: drive.id,
          name: p.name,
          showName: p.name !== "" && (p.showName ?? false),
          email: p.email,
          phone: p.phone ?? "",
          kind: p.school === undefined ? "person" : "school",
          schoolId: school(p.school),
          handover: p.pickup ? "pickup" : "dropoff",
          pickupAddress: p.pickup?.address ?? "",
          pickupDays: p.pickup?.days ?? "",
          status: p.status,
          tokenHash: newToken().hash,
          nonce: `seed-${randomBytes(16).toString("hex")}`,
          locale: p.locale ?? "zh-CN",
          cancelledAt: p.status === "cancelled" ? at(p.cancelledDaysAgo, "20:15") : null,
          createdAt: at(p.daysAgo, `${String(9 + (i % 12)).padStart(2, "0")}:${String((i * 17) % 60).padStart(2, "0")}`),
        })
        .returning({ id: drivePledges.id });
      await tx.insert(drivePledgeItems).values(Object.entries(p.items).map(([name, count]) => ({ pledgeId: row!.id, categoryId: cat(name), count })));
      if (p.status === "received") await tx.insert(driveIntakes).values(intakeRows(p.received, { pledgeId: row!.id, createdAt: at(p.receivedDaysAgo, "10:30") }));
    }
    for (const w of seed.walkIns) {
      await tx.insert(driveIntakes).values(intakeRows(w.received, { donorName: w.donorName, donorEmail: w.donorEmail, schoolId: school(w.school), createdAt: at(w.daysAgo, "15:00") }));
    }
    if (seed.delivery) {
      const [delivery] = await tx
        .insert(driveDeliveries)
        .values({ driveId: drive.id, deliveredOn: shanghaiDay(at(seed.delivery.daysAgo, "12:00")), receivedBy: seed.delivery.receivedBy, recordedBy: o.adminId, createdAt: at(seed.delivery.daysAgo, "16:00") })
        .returning({ id: driveDeliveries.id });
      await tx.insert(driveDeliveryItems).values(Object.entries(seed.delivery.items).map(([name, count]) => ({ deliveryId: delivery!.id, categoryId: cat(name), count })));
    }
  }
  return ids;
}
