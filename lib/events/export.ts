import "server-only";
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { and, asc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { eventBookings, eventSessions, schools } from "@/db/schema";

/** Bookings of an event (or one session), in session then name order, for the staff export. */
export async function exportBookingRows(eventId: number, sessionId?: number) {
  return getDb()
    .select({
      sessionStartsAt: eventSessions.startsAt,
      sessionEndsAt: eventSessions.endsAt,
      code: eventBookings.code,
      name: eventBookings.name,
      email: eventBookings.email,
      phone: eventBookings.phone,
      kind: eventBookings.kind,
      school: schools.name,
      pupils: eventBookings.pupils,
      adults: eventBookings.adults,
      places: eventBookings.partySize,
      status: eventBookings.status,
      checkedInAt: eventBookings.checkedInAt,
    })
    .from(eventBookings)
    .innerJoin(eventSessions, eq(eventSessions.id, eventBookings.sessionId))
    .leftJoin(schools, eq(schools.id, eventBookings.schoolId))
    .where(and(eq(eventSessions.eventId, eventId), sessionId ? eq(eventSessions.id, sessionId) : undefined))
    .orderBy(asc(eventSessions.startsAt), asc(eventBookings.name), asc(eventBookings.id));
}

export type Sheet = { name: string; rows: (string | number)[][] };

/** CSV of the first sheet, with a BOM so Excel opens Chinese text correctly. */
export function toCsv(sheet: Sheet): string {
  return `\uFEFF${Papa.unparse(sheet.rows, { newline: "\r\n" })}\r\n`;
}

export async function toXlsx(sheets: Sheet[]): Promise<ArrayBuffer> {
  const book = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = book.addWorksheet(s.name.slice(0, 31));
    ws.addRows(s.rows);
    ws.getRow(1).font = { bold: true };
    ws.columns.forEach((c) => (c.width = 16));
  }
  return (await book.xlsx.writeBuffer()) as ArrayBuffer;
}
