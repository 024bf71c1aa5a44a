// Blind judging as the demo judge meets it: the queue, every assignment page they can reach (its
// HTML, with the page title, and its React Server Components payload), every drawing they can
// open, and the answers of the score form carry no pupil's name, guardian, class, school or town.
// Another judge's assignment is a 404 in every form.
//
// NEEDS the demo data to give judge@shuxiang.test a rubric and assignments in the demo campaign,
// with at least one other judge on the same entries (db/seed*.ts); and no entry whose text still
// holds the personal information the seed slips into a few essays (flagged, not yet redacted):
// judges read `body` as it is, so such an entry would rightly fail this spec.
import { readFileSync } from "node:fs";
import type { APIRequest, APIRequestContext } from "@playwright/test";
import { expect, storageStateFor, test } from "./fixtures/auth";
import { fill, zh } from "./fixtures/i18n";

// Copied from the demo data (db/seed.ts, db/seed-classes.ts). The controls at the end prove the
// lists still match what the seed makes, so a changed seed fails here instead of passing blind.
const schools = ["滦南县第一实验小学", "滦南县倴城镇第二小学", "滦南县第一中学", "宋道口镇中心小学", "长凝镇初级中学", "胡各庄镇中心小学", "坨里镇九年一贯制学校", "姚王庄镇中心小学", "司各庄镇初级中学", "扒齿港镇中心小学", "柏各庄镇中心小学", "方各庄镇九年一贯制学校", "马城镇中心小学"];
const coordinators = ["李春华", "王丽娟", "赵国强", "刘海燕", "张建军", "孙秀英", "周文静", "吴晓梅", "郑志刚", "冯玉兰", "陈立新", "杨淑芬", "何振华"];
const towns = ["倴城镇", "宋道口镇", "长凝镇", "胡各庄镇", "坨里镇", "姚王庄镇", "司各庄镇", "安各庄镇", "扒齿港镇", "程庄镇", "青坨营镇", "柏各庄镇", "南堡镇", "方各庄镇", "东黄坨镇", "马城镇"];
const townsEn = ["Bencheng", "Songdaokou", "Changning", "Hugezhuang", "Tuoli", "Yaowangzhuang", "Sigezhuang", "Angezhuang", "Bachigang", "Chengzhuang", "Qingtuoying", "Baigezhuang", "Nanpu", "Fanggezhuang", "Donghuangtuo", "Macheng"];
const surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡杜叶程苏魏吕丁沈".split("");
const given = {
  girls: ["欣怡", "雨桐", "思彤", "佳怡", "语桐", "诗涵", "梦琪", "嘉怡", "雅琪", "可馨", "若汐", "子涵", "梓萱", "一诺", "婉清", "静怡", "晓雪", "玥", "琳", "婷"],
  boys: ["浩然", "梓轩", "宇航", "俊杰", "子墨", "浩宇", "明轩", "天佑", "博文", "皓轩", "晨阳", "一鸣", "思远", "家豪", "俊熙", "志鹏", "睿", "阳", "鑫", "涛"],
  fathers: ["建国", "志强", "国华", "建军", "海涛", "立新", "永胜", "振华", "文斌", "春生"],
  mothers: ["海燕", "丽娟", "秀英", "春梅", "玉兰", "文静", "晓梅", "淑芬", "桂芝", "红霞"],
};
/** Every name the seed can give a pupil or a guardian (a superset of those it does give). */
const people = [...surnames.flatMap((s) => Object.values(given).flatMap((g) => g.map((n) => s + n))), "张小明", "李小红", "赵雨萱", "张建国", "李海燕", "赵志刚", "王老师", "xiaoming", "xiaohong"];
// Classes are named 四年级（1）班, 高一（2）班: the "（n）班" part is never in an entry's text.
const className = /[一二三四五六七八九]年级（\d）班|高[一二三]（\d）班/;
const needles = [...schools, ...schools.map((s) => s.replace(/^滦南县/, "")), ...coordinators, ...towns, ...townsEn, ...people];

/** The library's own address is in every page's footer; it names the library's town, not a pupil's. */
const libraryFacts = ["河北省唐山市滦南县倴城镇友谊路", "Youyi Road, Bencheng, Luannan County, Tangshan, Hebei"];

function expectBlind(where: string, raw: string) {
  // React separates adjacent text with <!-- -->; a name is never split, but join them anyway.
  const text = libraryFacts.reduce((t, fact) => t.replaceAll(fact, ""), raw.replace(/<!-- -->/g, ""));
  expect(needles.filter((n) => text.includes(n)), `${where} names a pupil, school or town`).toEqual([]);
  expect(text, `${where} names a class`).not.toMatch(className);
}

/** Plain HTTP with a signed-in role's cookies, in one language (the language is a cookie too). */
function requestsAs(request: APIRequest, baseURL: string | undefined, storageFile: string, locale: "zh-CN" | "en" = "zh-CN") {
  const state = JSON.parse(readFileSync(storageFile, "utf8"));
  state.cookies.push({ name: "NEXT_LOCALE", value: locale, domain: "localhost", path: "/", expires: -1, httpOnly: false, secure: false, sameSite: "Lax" });
  return request.newContext({ baseURL, storageState: state });
}

/** The assignment pages listed in the judge's queue: every entry, scored or not, page after page. */
async function queueLinks(api: APIRequestContext): Promise<string[]> {
  const links = new Set<string>();
  for (let page = 1; ; page++) {
    const html = await (await api.get(`/judging?show=all&page=${page}`)).text();
    const before = links.size;
    for (const m of html.matchAll(/href="(\/judging\/\d+)"/g)) links.add(m[1]!);
    // Past the last page only the "next entry" button links anywhere, and it is listed already.
    if (links.size === before) return [...links];
  }
}

test.describe("blind judging", () => {
  test.use({ role: "judge" });

  test("the queue, each assignment page, its RSC payload and its drawing name no pupil, school or town", async ({ playwright, browser, baseURL }) => {
    const judge = await storageStateFor(browser, baseURL, "judge");
    for (const locale of ["zh-CN", "en"] as const) {
      const api = await requestsAs(playwright.request, baseURL, judge, locale);
      const links = await queueLinks(api);
      expect(links.length, "the demo judge has assignments in the seed").toBeGreaterThan(0);
      for (const path of ["/judging", "/judging?show=all", ...links]) {
        const page = await api.get(path);
        expect(page.status(), path).toBe(200);
        const html = await page.text();
        expectBlind(`${path} (${locale}) HTML`, html);
        const rsc = await api.get(path, { headers: { RSC: "1" } });
        expect(rsc.status(), `${path} RSC`).toBe(200);
        expect(rsc.headers()["content-type"]).toContain("text/x-component");
        expectBlind(`${path} (${locale}) RSC payload`, await rsc.text());
        if (!/^\/judging\/\d+$/.test(path)) continue;
        // The browser tab shows the entry code, never a name.
        expect(/<title>([^<]*)<\/title>/.exec(html)?.[1]).toMatch(/\d{4}-[A-Z]+-[A-Z]+-\d+/);
        for (const file of new Set([...html.matchAll(/href="(\/judging\/\d+\/file)"/g)].map((m) => m[1]!))) {
          const response = await api.get(file);
          expect(response.status(), file).toBe(200);
          expect(response.headers()["content-disposition"]).toMatch(/^inline; filename="\d{4}-[A-Z]+-[A-Z]+-\d+\.(png|jpg|webp|pdf)"$/);
          expectBlind(`${file} headers`, decodeURIComponent(JSON.stringify(response.headers())));
          expectBlind(`${file} body`, (await response.body()).toString("utf8"));
        }
      }
      await api.dispose();
    }
  });

  test("another judge's assignment is a 404 as a page, as RSC and as a file", async ({ page, playwright, browser, baseURL }) => {
    const api = await requestsAs(playwright.request, baseURL, await storageStateFor(browser, baseURL, "judge"));
    const own = new Set((await queueLinks(api)).map((l) => Number(l.split("/").pop())));
    expect(own.size, "the demo judge has assignments in the seed").toBeGreaterThan(0);
    // Assignment ids are a sequence shared by all judges: the gaps below the judge's highest id
    // are other judges' assignments (two judges or more per entry in the demo data).
    const others = Array.from({ length: Math.max(...own) }, (_, i) => i + 1).filter((id) => !own.has(id));
    expect(others.length, "another judge has assignments on the demo entries").toBeGreaterThan(0);
    for (const id of others.slice(0, 8)) {
      for (const path of [`/judging/${id}`, `/judging/${id}/file`]) {
        const response = await api.get(path);
        expect(response.status(), path).toBe(404);
        expectBlind(`${path} refusal`, await response.text());
      }
      // Next streams RSC with a 200 before the page decides; the payload is the not-found page.
      const rsc = await (await api.get(`/judging/${id}`, { headers: { RSC: "1" } })).text();
      expect(rsc).toContain(zh.notFound.title);
      expect(rsc).not.toContain(zh.judging.score.backToQueue);
      expectBlind(`/judging/${id} RSC refusal`, rsc);
    }
    await api.dispose();
    const response = await page.goto(`/judging/${others[0]}`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(zh.notFound.title);
  });

  test("the score form's answers name no one, and its errors sit by their criterion", async ({ page }) => {
    const answers: string[] = [];
    page.on("response", async (r) => {
      if (r.request().method() === "POST") answers.push(await r.text().catch(() => ""));
    });
    await page.goto("/judging");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(zh.areas.judgingTitle);
    // The last entry of the first (open) campaign: the other specs' judging starts from the first.
    await page.locator('main section[aria-labelledby^="campaign-"]').first().locator('a[href^="/judging/"]').last().click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(zh.judging.score.heading);
    const inputs = page.locator('main input[type="number"]');
    const first = inputs.first();
    const max = Number(await first.getAttribute("max"));
    await first.fill(String(max + 1));
    await page.getByRole("button", { name: zh.judging.score.saveDraft }).click();
    await expect(first).toHaveAttribute("aria-invalid", "true");
    const errorId = (await first.getAttribute("aria-describedby"))!.split(" ").find((id) => id.endsWith("-error"))!;
    await expect(page.locator(`[id="${errorId}"]`)).toBeVisible();
    await first.fill(String(max));
    await expect(page.getByText(fill(zh.judging.score.totalOf, { scored: 1, count: await inputs.count() }))).toBeVisible();
    await page.getByRole("button", { name: zh.judging.score.saveDraft }).click();
    await expect(page.getByRole("status").filter({ hasText: zh.judging.score.draftSaved })).toBeVisible();
    // The listener reads each answer's body after it arrives: wait for the second to be read.
    await expect.poll(() => answers.length).toBeGreaterThanOrEqual(2);
    answers.forEach((a, i) => expectBlind(`score action answer ${i + 1}`, a));
  });
});

// Apart from the judge's describe: a test that uses a role makes every context in it that role's.
test("controls: the lists above are the demo data's own", async ({ pageAs }) => {
  const staff = await pageAs("staff");
  await staff.goto("/admin/schools?status=approved");
  const list = (await staff.locator("main").textContent()) ?? "";
  expect(schools.filter((s) => list.includes(s)).length, "demo schools on the staff's school list").toBeGreaterThanOrEqual(5);
  expect(towns.filter((t) => list.includes(t)).length, "demo towns on the staff's school list").toBeGreaterThanOrEqual(3);
  const teacher = await pageAs("teacher");
  await teacher.goto("/school");
  // A class the seed made (other specs add classes of their own to this teacher).
  await teacher.locator('main a[href^="/school/classes/"]').filter({ hasText: className }).first().click();
  await expect(teacher).toHaveURL(/\/school\/classes\/\d+$/);
  const roster = (await teacher.locator("main").textContent()) ?? "";
  expect(roster).toMatch(className);
  expect(people.filter((p) => roster.includes(p)).length, "seeded pupils' names on a class page").toBeGreaterThanOrEqual(5);
});
