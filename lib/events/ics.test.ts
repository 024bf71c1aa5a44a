import { describe, expect, it } from "vitest";
import { buildIcs, foldLine } from "./ics";

describe("buildIcs", () => {
  it("writes one VEVENT in UTC with escaped text and CRLF lines", () => {
    const ics = buildIcs({
      uid: "booking-12@shuxiang",
      startsAt: new Date("2031-05-04T01:00:00Z"),
      endsAt: new Date("2031-05-04T03:00:00Z"),
      title: "中国梦摄影展; 第一场, 上午",
      location: "滦南县图书馆",
      description: "预约码 ABCD\n请准时",
      url: "http://localhost:3000/bookings/x",
      stamp: new Date("2031-05-01T00:00:00Z"),
    });
    expect(ics.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")).toBe(true);
    expect(ics).toContain("DTSTART:20310504T010000Z\r\n");
    expect(ics).toContain("DTEND:20310504T030000Z\r\n");
    expect(ics).toContain("SUMMARY:中国梦摄影展\\; 第一场\\, 上午\r\n");
    expect(ics).toContain("DESCRIPTION:预约码 ABCD\\n请准时\r\n");
    expect(ics.endsWith("END:VCALENDAR\r\n")).toBe(true);
  });

  it("folds long lines at 75 octets without splitting a character", () => {
    const folded = foldLine(`SUMMARY:${"书".repeat(60)}`);
    for (const line of folded.split("\r\n")) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, "")).toBe(`SUMMARY:${"书".repeat(60)}`);
  });
});
