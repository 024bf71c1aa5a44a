import { describe, expect, it } from "vitest";
import { parseShanghaiDate, parseShanghaiDateTime, shanghaiDay, toShanghaiInput } from "./time";

describe("Asia/Shanghai form values", () => {
  it("reads a datetime-local value as Beijing time", () => {
    expect(parseShanghaiDateTime("2026-03-01T09:00")?.toISOString()).toBe("2026-03-01T01:00:00.000Z");
    expect(parseShanghaiDateTime("2026-03-01T00:30")?.toISOString()).toBe("2026-02-28T16:30:00.000Z");
  });
  it("refuses what is not a date-time", () => {
    expect(parseShanghaiDateTime("2026-03-01")).toBeNull();
    expect(parseShanghaiDateTime("2026-13-45T99:00")).toBeNull();
    expect(parseShanghaiDateTime("tomorrow")).toBeNull();
    expect(parseShanghaiDateTime("2031-02-30T09:00")).toBeNull();
    expect(parseShanghaiDate("2030-04-31")).toBeNull();
    expect(parseShanghaiDateTime("2028-02-29T09:00:30")?.toISOString()).toBe("2028-02-29T01:00:30.000Z");
  });
  it("round-trips through the input format", () => {
    const d = new Date("2026-06-30T15:59:00Z");
    expect(toShanghaiInput(d)).toBe("2026-06-30T23:59");
    expect(parseShanghaiDateTime(toShanghaiInput(d))?.getTime()).toBe(d.getTime());
  });
  it("names the Beijing calendar day", () => {
    expect(shanghaiDay(new Date("2026-06-30T16:00:00Z"))).toBe("2026-07-01");
    expect(parseShanghaiDate("2026-07-01")?.toISOString()).toBe("2026-06-30T16:00:00.000Z");
  });
});
