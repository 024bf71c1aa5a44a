import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { routeDenial } from "@/lib/auth/session";
import { exportBookingRows } from "@/lib/events/export";
import { exportResponse, type Sheet } from "@/lib/export";
import { formatSessionWhen } from "@/lib/events/format";
import { getEventFigures } from "@/lib/events/queries";
import { isLocale } from "@/lib/i18n";
import { shanghaiDay } from "@/lib/time";

const query = z.object({ format: z.enum(["xlsx", "csv"]).default("xlsx"), session: z.coerce.number().int().positive().optional() });
const columns = ["session", "code", "name", "email", "phone", "kind", "school", "pupils", "adults", "places", "status", "checkedIn"] as const;

/** A session's list (?session=) or the whole event's bookings with its figures, as XLSX or CSV. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const eventId = Number((await params).id);
  const denied = await routeDenial("events.manage", `/admin/events/${eventId}`);
  if (denied) return denied;
  const url = new URL(request.url);
  const q = query.safeParse({ format: url.searchParams.get("format") ?? undefined, session: url.searchParams.get("session") ?? undefined });
  if (!q.success || !Number.isSafeInteger(eventId)) return new Response("Bad request", { status: 400 });

  const [t, ts, rawLocale, rows] = await Promise.all([getTranslations("eventsAdmin"), getTranslations("events.status"), getLocale(), exportBookingRows(eventId, q.data.session)]);
  const locale = isLocale(rawLocale) ? rawLocale : "zh-CN";
  const list: Sheet = {
    name: t("sessions"),
    rows: [
      columns.map((c) => t(`columns.${c}`)),
      ...rows.map((r) => [
        formatSessionWhen(r.sessionStartsAt, r.sessionEndsAt, locale),
        r.code,
        r.name,
        r.email,
        r.phone,
        r.kind === "class" ? t("kindClass") : t("kindVisitor"),
        r.school ?? "",
        r.pupils ?? "",
        r.adults ?? "",
        r.places,
        ts(r.status),
        r.checkedInAt ? r.checkedInAt.toLocaleString(locale, { timeZone: "Asia/Shanghai" }) : "",
      ]),
    ],
  };
  const sheets = [list];
  if (!q.data.session) {
    const f = await getEventFigures(eventId);
    sheets.push({
      name: t("figures"),
      rows: [
        [t("columns.school"), t("figBookings"), t("figBooked"), t("figAttended"), t("figNoShows"), t("figWaiting")],
        ...f.bySchool.map((r) => [r.schoolName ?? t("visitors"), r.bookings, r.booked, r.attended, r.noShows, r.waiting]),
        ["Σ", f.totals.bookings, f.totals.booked, f.totals.attended, f.totals.noShows, f.totals.waiting],
      ],
    });
  }
  return exportResponse(q.data.format, `event-${eventId}${q.data.session ? `-session-${q.data.session}` : ""}-${shanghaiDay(new Date())}`, sheets);
}
