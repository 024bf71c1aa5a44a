import { describe, expect, it } from "vitest";
import { formatEntryCode } from "./code";
import { countChars } from "./count";
import { personalInfoFlags } from "./flags";
import { submissionWindow, windowState } from "./window";

describe("countChars", () => {
  it("counts Chinese characters and punctuation one each, and ignores spaces and line breaks", () => {
    expect(countChars("我读了《城南旧事》。")).toBe(10);
    expect(countChars("春 眠\n不觉晓，\r\n　处处闻啼鸟。")).toBe(12);
    expect(countChars("")).toBe(0);
    expect(countChars("   \n\t")).toBe(0);
  });
  it("counts an English word or a number as one", () => {
    expect(countChars("我喜欢 Harry Potter 这本书，读了 3 遍，共 2026 页!")).toBe(18);
    expect(countChars("café naïve")).toBe(2);
  });
  it("counts an emoji once", () => {
    expect(countChars("好书📚")).toBe(3);
  });
});

describe("personalInfoFlags", () => {
  const who = { pupilName: "王小明", schoolName: "滦南县第一实验小学" };
  it("finds the name even with spaces, the school with or without the county, and phone numbers", () => {
    expect(personalInfoFlags("我是王 小明。", who)).toEqual(["name"]);
    expect(personalInfoFlags("我在第一实验小学读四年级", who)).toEqual(["school"]);
    expect(personalInfoFlags("滦南县第一实验小学", who)).toEqual(["school"]);
    expect(personalInfoFlags("电话 138-1234-5678", who)).toEqual(["phone"]);
    expect(personalInfoFlags("电话 +86 13812345678", who)).toEqual(["phone"]);
    expect(personalInfoFlags("家里电话0315-4123456", who)).toEqual(["phone"]);
  });
  it("leaves ordinary text alone: years, page counts, a single shared character", () => {
    expect(personalInfoFlags("2026年我读了320页的书，小明是书里的人物。", who)).toEqual([]);
    expect(personalInfoFlags("编号 12345678901234", who)).toEqual([]);
  });
});

describe("entry codes and the submission window", () => {
  it("formats 2026-YZ-A-00123", () => {
    expect(formatEntryCode(2026, "YZ", "A", 123)).toBe("2026-YZ-A-00123");
    expect(formatEntryCode(2026, "", "B", 7)).toBe("2026-B-00007");
  });
  it("is open from the opening instant until (not at) the closing one, or the later extension", () => {
    const c = { submissionOpensAt: new Date("2026-04-01T00:00:00Z"), submissionClosesAt: new Date("2026-05-31T09:00:00Z") };
    const w = submissionWindow(c, null);
    expect(windowState(w, new Date("2026-03-31T23:59:59Z"))).toBe("not_open");
    expect(windowState(w, new Date("2026-04-01T00:00:00Z"))).toBe("open");
    expect(windowState(w, new Date("2026-05-31T08:59:59Z"))).toBe("open");
    expect(windowState(w, new Date("2026-05-31T09:00:00Z"))).toBe("closed");
    const ext = submissionWindow(c, new Date("2026-06-07T09:00:00Z"));
    expect(ext.extended).toBe(true);
    expect(windowState(ext, new Date("2026-06-01T00:00:00Z"))).toBe("open");
    // An "extension" earlier than the campaign's own deadline shortens nothing.
    expect(submissionWindow(c, new Date("2026-05-01T00:00:00Z"))).toMatchObject({ closesAt: c.submissionClosesAt, extended: false });
  });
});
