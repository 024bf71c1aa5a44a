import { describe, expect, it } from "vitest";
import { inviteTeacherSchema, normalizePhone, registerSchoolSchema, rejectSchoolSchema, schoolNameKey, tidySchoolName } from "./schemas";

const form = (over: Record<string, unknown> = {}) => ({
  name: "滦南县第一实验小学",
  townId: "3",
  level: "primary",
  address: "倴城镇友谊路 1 号",
  coordinatorName: "李春华",
  coordinatorEmail: "Li.ChunHua@Example.COM ",
  coordinatorPhone: "138 0315 1234",
  ...over,
});

const issuesOf = (over: Record<string, unknown>) => {
  const r = registerSchoolSchema.safeParse(form(over));
  return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join("."), i.message]));
};

describe("normalizePhone", () => {
  it.each([
    ["13803151234", "13803151234"],
    ["138 0315 1234", "13803151234"],
    ["138-0315-1234", "13803151234"],
    ["+86 13803151234", "13803151234"],
    ["１３８０３１５１２３４", "13803151234"],
    ["0315-4112345", "0315-4112345"],
    ["03154112345", "0315-4112345"],
    ["(0315)4112345", "0315-4112345"],
    ["010-12345678", "010-12345678"],
    ["010-12345678-801", "010-12345678-801"],
  ])("accepts %s as %s", (raw, tidy) => {
    expect(normalizePhone(raw)).toBe(tidy);
  });

  it.each(["12803151234", "1380315123", "138031512345", "4112345", "0315-41123", "abc", "315-4112345", ""])("refuses %s", (raw) => {
    expect(normalizePhone(raw)).toBeNull();
  });
});

describe("school names", () => {
  it("stores a name with its spaces tidied but its characters as typed", () => {
    expect(tidySchoolName("  滦南县　第一   实验小学（南校区） ")).toBe("滦南县 第一 实验小学（南校区）");
  });

  it("compares names ignoring spaces, full-width forms and case", () => {
    const key = schoolNameKey("滦南县第一实验小学");
    expect(schoolNameKey("滦南县 第一实验小学")).toBe(key);
    expect(schoolNameKey("滦南县　第一实验小学")).toBe(key);
    expect(schoolNameKey("ＡＢＣ小学")).toBe(schoolNameKey("abc 小学"));
    expect(schoolNameKey("滦南县第二实验小学")).not.toBe(key);
  });
});

describe("registerSchoolSchema", () => {
  it("parses a good form, normalising email, phone and town", () => {
    const out = registerSchoolSchema.parse(form());
    expect(out).toMatchObject({ townId: 3, coordinatorEmail: "li.chunhua@example.com", coordinatorPhone: "13803151234", website: "" });
  });

  it("names each bad field with a message key the wrapper translates", () => {
    expect(issuesOf({ coordinatorPhone: "12345" })).toEqual({ coordinatorPhone: "schools.register.phoneInvalid" });
    expect(issuesOf({ townId: "" })).toEqual({ townId: "schools.register.townRequired" });
    expect(issuesOf({ townId: undefined })).toEqual({ townId: "schools.register.townRequired" });
    expect(issuesOf({ level: undefined })).toEqual({ level: "schools.register.levelRequired" });
    expect(issuesOf({ level: "college" })).toEqual({ level: "schools.register.levelRequired" });
    expect(issuesOf({ name: "小" })).toEqual({ name: "schools.register.nameTooShort" });
    expect(Object.keys(issuesOf({ name: "  ", coordinatorEmail: "not-an-email", address: "" })).sort()).toEqual([
      "address",
      "coordinatorEmail",
      "name",
    ]);
  });
});

describe("review and invitation inputs", () => {
  it("requires a reason to reject", () => {
    const r = rejectSchoolSchema.safeParse({ schoolId: "4", reason: "   " });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]).toMatchObject({ path: ["reason"], message: "schools.review.reasonRequired" });
    expect(rejectSchoolSchema.parse({ schoolId: "4", reason: " 名称有误 " })).toEqual({ schoolId: 4, reason: "名称有误" });
  });

  it("lower-cases an invited teacher's email", () => {
    expect(inviteTeacherSchema.parse({ name: "王老师", email: " Wang@School.CN" })).toEqual({ name: "王老师", email: "wang@school.cn" });
  });
});
