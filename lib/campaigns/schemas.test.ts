import { describe, expect, it } from "vitest";
import { campaignSchema, categorySchema, timelineFields } from "./schemas";

// What the staff form posts: every value a string, timeline in datetime-local format (Beijing time).
const form = (over: Record<string, string> = {}) => ({
  slug: "yanzhao-2031",
  title: "2031 燕赵少年读书活动",
  theme: "经典浸润人生",
  year: "2031",
  codePrefix: "yz",
  description: "",
  rules: "",
  maskNames: "on",
  registrationOpensAt: "2031-03-01T08:00",
  registrationClosesAt: "2031-04-01T18:00",
  submissionOpensAt: "2031-03-10T08:00",
  submissionClosesAt: "2031-05-20T18:00",
  judgingEndsAt: "2031-06-20T18:00",
  resultsAt: "2031-07-01T09:00",
  ...over,
});

const issues = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  (r.error?.issues ?? []).map((i) => ({ field: i.path.join("."), message: i.message }));

describe("campaignSchema", () => {
  it("accepts a well-formed campaign, reading the timeline as Beijing time", () => {
    const r = campaignSchema.safeParse(form());
    expect(issues(r)).toEqual([]);
    expect(r.data!.registrationOpensAt.toISOString()).toBe("2031-03-01T00:00:00.000Z");
    expect(r.data!.year).toBe(2031);
    expect(r.data!.maskNames).toBe(true);
    expect(campaignSchema.parse(form({ maskNames: undefined as unknown as string })).maskNames).toBe(false);
  });

  it("lowercases the slug and refuses one that is not a clean address part", () => {
    expect(campaignSchema.parse(form({ slug: "  YanZhao-2031 " })).slug).toBe("yanzhao-2031");
    for (const slug of ["燕赵读书活动", "yanzhao 2031", "yanzhao_2031", "-yanzhao", "yanzhao-", "yan--zhao", "a/b", "../x"]) {
      expect(issues(campaignSchema.safeParse(form({ slug }))), slug).toEqual([{ field: "slug", message: "campaigns.slugFormat" }]);
    }
    expect(issues(campaignSchema.safeParse(form({ slug: "ab" })))[0]?.field).toBe("slug");
    expect(issues(campaignSchema.safeParse(form({ slug: "a".repeat(61) })))[0]?.field).toBe("slug");
  });

  it("names the later field of each pair that is out of order", () => {
    const pairs: [string, string][] = [
      ["registrationOpensAt", "registrationClosesAt"],
      ["submissionOpensAt", "submissionClosesAt"],
      ["submissionClosesAt", "judgingEndsAt"],
      ["judgingEndsAt", "resultsAt"],
    ];
    for (const [before, after] of pairs) {
      const values = form();
      // One minute before the step it must follow.
      const earlier = new Date(`${values[before as keyof typeof values]}:00+08:00`);
      earlier.setUTCMinutes(earlier.getUTCMinutes() - 1);
      const typed = new Date(earlier.getTime() + 8 * 3600_000).toISOString().slice(0, 16);
      expect(issues(campaignSchema.safeParse({ ...values, [after]: typed })), after).toEqual([{ field: after, message: "campaigns.timelineOrder" }]);
    }
  });

  it("allows two steps at the same minute", () => {
    expect(campaignSchema.safeParse(form({ judgingEndsAt: "2031-07-01T09:00" })).success).toBe(true);
  });

  it("refuses what is not a date-time, naming the field", () => {
    for (const name of timelineFields) {
      for (const value of ["2031-02-30", "2031-03-01T25:00", "明天"]) {
        expect(issues(campaignSchema.safeParse(form({ [name]: value }))), `${name}=${value}`).toEqual([{ field: name, message: "errors.invalidDate" }]);
      }
    }
  });

  // An empty field must come back as "required" beside it, not throw inside the order check.
  it("asks for every timeline field left empty", () => {
    for (const name of timelineFields) {
      expect(issues(campaignSchema.safeParse(form({ [name]: "" }))), name).toEqual([{ field: name, message: expect.any(String) }]);
    }
  });

  it("wants a title and a sensible year", () => {
    expect(issues(campaignSchema.safeParse(form({ title: "   " })))[0]?.field).toBe("title");
    expect(issues(campaignSchema.safeParse(form({ year: "1999" })))[0]?.field).toBe("year");
    expect(issues(campaignSchema.safeParse(form({ year: "二〇三一" })))[0]?.field).toBe("year");
  });
});

const category = (over: Record<string, string | undefined> = {}) => ({
  campaignId: "7",
  name: "小学高年级组（征文）",
  code: "b",
  gradeMin: "4",
  gradeMax: "6",
  entryType: "essay",
  minChars: "400",
  maxChars: "1200",
  maxFileMb: "10",
  ...over,
});

describe("categorySchema", () => {
  it("accepts a category, with the code in capitals and empty limits as none", () => {
    const r = categorySchema.safeParse(category({ minChars: "", maxChars: " " }));
    expect(issues(r)).toEqual([]);
    expect(r.data).toMatchObject({ campaignId: 7, code: "B", gradeMin: 4, gradeMax: 6, minChars: null, maxChars: null });
  });

  it("refuses a highest grade below the lowest, naming gradeMax", () => {
    expect(issues(categorySchema.safeParse(category({ gradeMin: "7", gradeMax: "6" })))).toEqual([{ field: "gradeMax", message: "campaigns.gradeOrder" }]);
    expect(categorySchema.safeParse(category({ gradeMin: "6", gradeMax: "6" })).success).toBe(true);
    expect(issues(categorySchema.safeParse(category({ gradeMax: "13" })))[0]?.field).toBe("gradeMax");
    expect(issues(categorySchema.safeParse(category({ gradeMin: "0" })))[0]?.field).toBe("gradeMin");
  });

  it("refuses a maximum length below the minimum, naming maxChars", () => {
    expect(issues(categorySchema.safeParse(category({ minChars: "1300" })))).toEqual([{ field: "maxChars", message: "campaigns.charsOrder" }]);
    expect(categorySchema.safeParse(category({ minChars: "1200" })).success).toBe(true);
    expect(issues(categorySchema.safeParse(category({ maxChars: "12.5" })))[0]?.field).toBe("maxChars");
  });

  it("refuses a code that is not one to three letters", () => {
    for (const code of ["", "ABCD", "1", "甲", "A-"]) {
      expect(issues(categorySchema.safeParse(category({ code }))), code).toEqual([{ field: "code", message: "campaigns.codeFormat" }]);
    }
  });

  // The staff form shows only the limits of the chosen entry type, so the other fields are not posted.
  it("accepts an essay category posted without a file size, and a drawing one without lengths", () => {
    expect(issues(categorySchema.safeParse(category({ maxFileMb: undefined })))).toEqual([]);
    expect(issues(categorySchema.safeParse(category({ entryType: "drawing", minChars: undefined, maxChars: undefined, maxFileMb: "5" })))).toEqual([]);
  });
});
