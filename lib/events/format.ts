import { dateTimeFormat, type Locale } from "@/lib/i18n";

/** "2026年5月4日 周一 09:00–11:00": a session as people read it, in Beijing time. */
export function formatSessionWhen(startsAt: Date, endsAt: Date, locale: Locale): string {
  const day = dateTimeFormat(locale, { dateStyle: "medium" });
  const weekday = dateTimeFormat(locale, { weekday: "short" });
  const time = dateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit" });
  return `${day.format(startsAt)} ${weekday.format(startsAt)} ${time.format(startsAt)}–${time.format(endsAt)}`;
}

/** How a session's free places read on the event page. */
export type Availability = "open" | "few" | "full" | "cancelled" | "past";

export function availability(s: { capacity: number; booked: number; cancelledAt: Date | null; startsAt: Date }, now = new Date()): Availability {
  if (s.cancelledAt) return "cancelled";
  if (s.startsAt <= now) return "past";
  const left = s.capacity - s.booked;
  if (left <= 0) return "full";
  // "Few left" once a tenth or fewer remain (at least 3, so a small workshop says so too).
  return left <= Math.max(3, Math.ceil(s.capacity / 10)) ? "few" : "open";
}
