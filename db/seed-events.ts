import { eq } from "drizzle-orm";
import type { DbOrTx } from "./client";
import { eventBookings, eventExhibits, eventSessions, events } from "./schema";
import { drawingPng } from "./seed-entries-content";
import { hashToken, readableCode } from "@/lib/crypto";
import { saveUpload } from "@/lib/storage";
import { parseShanghaiDateTime, shanghaiDay } from "@/lib/time";

// Demo events: a 中国梦 photo exhibition with a gallery and three weeks of sessions, a World Book
// Day reading week, a lecture and a 送书下乡 outreach day, all dated from today so they are upcoming.

const DAY = 86_400_000;
const at = (day: Date, time: string) => parseShanghaiDateTime(`${shanghaiDay(day)}T${time}`)!;

const exhibits: [string, string][] = [
  ["晨光中的倴城", "清晨的倴城镇友谊路，赶早市的人们。"],
  ["丰收", "宋道口镇的麦田，六月。"],
  ["书香校园", "第一实验小学的读书角。"],
  ["老手艺", "胡各庄镇的剪纸艺人。"],
  ["新农村", "村里新建的农家书屋。"],
  ["我的中国梦", "孩子们写下自己的梦想。"],
];

export async function seedEvents(tx: DbOrTx, o: { adminId: string; schoolId: number; teacherId: string; now?: Date }) {
  const today = new Date(Math.floor((o.now ?? new Date()).getTime() / DAY) * DAY);
  const start = new Date(today.getTime() + DAY);
  const worldBookDay = new Date(`${today.getUTCMonth() < 3 || (today.getUTCMonth() === 3 && today.getUTCDate() < 20) ? today.getUTCFullYear() : today.getUTCFullYear() + 1}-04-23T00:00:00Z`);

  const rows = await tx
    .insert(events)
    .values([
      {
        slug: "zhongguomeng-photos",
        kind: "exhibition",
        title: "“中国梦”摄影展",
        description: "滦南县摄影家协会与县图书馆联合举办。**六十余幅作品**记录家乡的变化与人们的梦想。\n\n- 免费参观，按场次预约\n- 学校可为整班预约",
        venue: "滦南县图书馆一楼展厅",
        status: "published",
        startsAt: at(start, "09:00"),
        endsAt: at(new Date(start.getTime() + 20 * DAY), "16:00"),
      },
      {
        slug: "world-book-day-reading-week",
        kind: "activity",
        title: "世界读书日·读书周",
        description: "4 月 23 日世界读书日前后一周：亲子共读、图书漂流、小小讲解员。",
        venue: "滦南县图书馆少儿阅览室",
        status: "published",
        startsAt: at(new Date(worldBookDay.getTime() - 3 * DAY), "09:00"),
        endsAt: at(new Date(worldBookDay.getTime() + 3 * DAY), "16:00"),
      },
      {
        slug: "lecture-reading-with-children",
        kind: "lecture",
        title: "讲座：怎样陪孩子读书",
        description: "县实验小学语文教师主讲，适合家长参加。",
        venue: "滦南县图书馆二楼报告厅",
        status: "published",
        startsAt: at(new Date(today.getTime() + 10 * DAY), "14:30"),
        endsAt: at(new Date(today.getTime() + 10 * DAY), "16:00"),
      },
      {
        slug: "books-to-the-village",
        kind: "outreach",
        title: "送书下乡：西河村农家书屋",
        description: "图书馆送去 500 册图书，现场办理借书证、讲故事。",
        venue: "村委会农家书屋",
        village: "胡各庄镇西河村",
        status: "published",
        startsAt: at(new Date(today.getTime() + 14 * DAY), "09:00"),
        endsAt: at(new Date(today.getTime() + 14 * DAY), "12:00"),
      },
    ])
    .returning({ id: events.id, slug: events.slug });
  const id = Object.fromEntries(rows.map((r) => [r.slug, r.id])) as Record<string, number>;

  const sessions: (typeof eventSessions.$inferInsert)[] = [];
  for (let d = 0; d < 21; d++) {
    const day = new Date(start.getTime() + d * DAY);
    // The library is closed on Mondays.
    if (new Date(`${shanghaiDay(day)}T00:00:00Z`).getUTCDay() === 1) continue;
    for (const [from, to] of [["09:00", "11:00"], ["14:00", "16:00"]]) sessions.push({ eventId: id["zhongguomeng-photos"]!, startsAt: at(day, from!), endsAt: at(day, to!), capacity: 40 });
  }
  for (let d = -3; d <= 3; d++) sessions.push({ eventId: id["world-book-day-reading-week"]!, startsAt: at(new Date(worldBookDay.getTime() + d * DAY), "09:30"), endsAt: at(new Date(worldBookDay.getTime() + d * DAY), "11:00"), capacity: 30 });
  sessions.push({ eventId: id["lecture-reading-with-children"]!, startsAt: at(new Date(today.getTime() + 10 * DAY), "14:30"), endsAt: at(new Date(today.getTime() + 10 * DAY), "16:00"), capacity: 120 });
  sessions.push({ eventId: id["books-to-the-village"]!, startsAt: at(new Date(today.getTime() + 14 * DAY), "09:00"), endsAt: at(new Date(today.getTime() + 14 * DAY), "12:00"), capacity: 60 });
  const sessionRows = await tx.insert(eventSessions).values(sessions).returning({ id: eventSessions.id, eventId: eventSessions.eventId });

  for (const [i, [title, caption]] of exhibits.entries()) {
    const file = await saveUpload(tx, "image", new File([drawingPng(i + 3)], `exhibit-${i + 1}.png`, { type: "image/png" }), { allowed: ["image/png"], maxBytes: 1024 * 1024, isPublic: true }, o.adminId);
    await tx.insert(eventExhibits).values({ eventId: id["zhongguomeng-photos"]!, fileId: file.id, title, caption, sortOrder: i + 1 });
  }

  // A few bookings on the exhibition's first sessions: a class visit and some families. The demo
  // links are unknown (only hashes are kept); real bookings get theirs by email.
  const [first, second] = sessionRows.filter((s) => s.eventId === id["zhongguomeng-photos"]);
  const booking = (sessionId: number, v: Partial<typeof eventBookings.$inferInsert> & { name: string; email: string; partySize: number }) => ({
    code: readableCode(8).toUpperCase(),
    sessionId,
    kind: "visitor" as const,
    phone: "13803150000",
    status: "confirmed" as const,
    tokenHash: hashToken(`demo-${v.email}-${sessionId}`),
    ...v,
  });
  await tx.insert(eventBookings).values([
    booking(first!.id, { kind: "class", name: "王老师", email: "teacher@shuxiang.test", partySize: 35, pupils: 32, adults: 3, schoolId: o.schoolId, teacherId: o.teacherId }),
    booking(first!.id, { name: "刘芳", email: "liufang@example.test", partySize: 3 }),
    booking(second!.id, { name: "陈伟", email: "chenwei@example.test", partySize: 2 }),
  ]);
  await tx.update(eventSessions).set({ booked: 38 }).where(eq(eventSessions.id, first!.id));
  await tx.update(eventSessions).set({ booked: 2 }).where(eq(eventSessions.id, second!.id));
}
