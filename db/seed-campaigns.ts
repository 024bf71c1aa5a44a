import type { DbOrTx } from "./client";
import { campaignBooks, campaignCategories, campaigns } from "./schema";

const DAY = 24 * 60 * 60 * 1000;

const description = `由县图书馆联合县教育局、团县委举办，面向全县中小学生。

今年的主题是**经典浸润人生 阅读成就梦想**：读一本好书，写下你的感受，或者画出书中打动你的一幕。

- 每位同学每个组别提交一件作品；
- 作品由评委匿名评审，获奖名单在活动页面公布；
- 获奖同学可获得图书馆颁发的证书。`;

const rules = `## 参加办法

1. 学校先在平台报名，老师为同学们建立账号，并登记监护人同意书（14 岁以下）。
2. 同学们在截止时间前提交作品，截止前可以修改或撤回。
3. 征文须为原创，请注明所读书目和作者；正文中请不要写自己的姓名、学校和电话。

## 评审

评委按评分标准独立打分，每件作品至少由两位评委评审。`;

/** The library's yearly youth reading campaign, timed around today so every step can be tried. */
/** `slug` lets tests on a shared PostgreSQL database each seed their own copy. */
export async function seedDemoCampaign(db: DbOrTx, createdBy: string | null, now = new Date(), slug = `yanzhao-${now.getFullYear()}`) {
  const at = (days: number, hour = 0) => new Date(Math.floor(now.getTime() / DAY) * DAY + days * DAY + (hour - 8) * 60 * 60 * 1000);
  const [campaign] = await db
    .insert(campaigns)
    .values({
      slug,
      title: `${now.getFullYear()} 燕赵少年读书活动`,
      theme: "经典浸润人生 阅读成就梦想",
      year: now.getFullYear(),
      codePrefix: "YZ",
      status: "published",
      description,
      rules,
      registrationOpensAt: at(-30, 8),
      registrationClosesAt: at(30, 18),
      submissionOpensAt: at(-20, 8),
      submissionClosesAt: at(50, 18),
      judgingEndsAt: at(80, 18),
      resultsAt: at(95, 9),
      createdBy,
    })
    .returning();
  const id = campaign!.id;
  await db.insert(campaignCategories).values([
    { campaignId: id, code: "A", name: "小学低年级组（绘画）", gradeMin: 1, gradeMax: 3, entryType: "drawing", maxFileMb: 10, sortOrder: 1 },
    { campaignId: id, code: "B", name: "小学高年级组（征文）", gradeMin: 4, gradeMax: 6, entryType: "essay", minChars: 400, maxChars: 1200, sortOrder: 2 },
    { campaignId: id, code: "C", name: "初中组（征文）", gradeMin: 7, gradeMax: 9, entryType: "essay", minChars: 800, maxChars: 2000, sortOrder: 3 },
    { campaignId: id, code: "D", name: "高中组（征文）", gradeMin: 10, gradeMax: 12, entryType: "essay", minChars: 1000, maxChars: 3000, sortOrder: 4 },
  ]);
  const books: [title: string, author: string, band: string, note: string][] = [
    ["小王子", "圣埃克苏佩里", "小学", "关于爱与责任的童话"],
    ["草房子", "曹文轩", "小学", "油麻地小学的童年故事"],
    ["稻草人", "叶圣陶", "小学", "中国第一部童话集"],
    ["城南旧事", "林海音", "小学", "老北京的童年记忆"],
    ["朝花夕拾", "鲁迅", "初中", "回忆童年与青年时代"],
    ["西游记", "吴承恩", "初中", "四大名著之一"],
    ["骆驼祥子", "老舍", "初中", "一个人力车夫的命运"],
    ["平凡的世界", "路遥", "高中", "黄土高原上的奋斗"],
    ["红楼梦", "曹雪芹", "高中", "中国古典小说的高峰"],
  ];
  await db.insert(campaignBooks).values(books.map(([title, author, gradeBand, note], i) => ({ campaignId: id, title, author, gradeBand, note, sortOrder: i + 1 })));
  return campaign!;
}
