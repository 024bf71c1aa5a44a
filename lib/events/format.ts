import { TIME_ZONE, type Locale } from "@/lib/i18n";

/** "2026年5月4日 周一 09:00–11:00": a session as people read it, in Beijing time. */
export function formatSessionWhen(startsAt: Date, endsAt: Date, locale: Locale): string {
  const f = formatters(locale);
  return `${f.day.format(startsAt)} ${f.weekday.format(startsAt)} ${f.time.format(startsAt)}–${f.time.format(endsAt)}`;
}

// Making an Intl.DateTimeFormat costs far more than using one; an event page formats dozens.
const cached = new Map<Locale, { day: Intl.DateTimeFormat; weekday: Intl.DateTimeFormat; time: Intl.DateTimeFormat }>();
function formatters(locale: Locale) {
  let f = cached.get(locale);
  if (!f) {
    f = {
      day: new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: TIME_ZONE }),
      weekday: new Intl.DateTimeFormat(locale, { weekday: "short", timeZone: TIME_ZONE }),
      time: new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", timeZone: TIME_ZONE }),
    };
    cached.set(locale, f);
  }
  return f;
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
