import { describe, expect, it } from "vitest";
import { dateTimeFormat, numberFormat } from "./i18n";

describe("kept Intl formats", () => {
  it("formats in Beijing time and makes each format once per language and options", () => {
    const midnightUtc = new Date("2026-06-30T16:30:00Z"); // 00:30 on 1 July in Beijing
    expect(dateTimeFormat("en", { dateStyle: "medium", timeStyle: "short" }).format(midnightUtc)).toBe("Jul 1, 2026, 12:30 AM");
    expect(dateTimeFormat("zh-CN", { dateStyle: "long" }).format(midnightUtc)).toBe("2026年7月1日");
    expect(dateTimeFormat("en", { dateStyle: "medium", timeStyle: "short" })).toBe(dateTimeFormat("en", { dateStyle: "medium", timeStyle: "short" }));
    expect(dateTimeFormat("en", { dateStyle: "long" })).not.toBe(dateTimeFormat("zh-CN", { dateStyle: "long" }));
    expect(numberFormat("en", { maximumFractionDigits: 2 }).format(81.256)).toBe("81.26");
    expect(numberFormat("en", { maximumFractionDigits: 2 })).toBe(numberFormat("en", { maximumFractionDigits: 2 }));
  });
});
