import "server-only";
import { AppError } from "@/lib/errors";
import { hitRateLimits, limitFromEnv } from "@/lib/rate-limit";

/**
 * Bots: a filled-in honeypot field is refused, and one address or one email may only try so
 * often an hour (EVENTS_BOOKING_LIMIT_IP, default 30; EVENTS_BOOKING_LIMIT_EMAIL, default 8).
 * The counts live in PostgreSQL, so several server instances share them.
 */
export async function guardBooking(o: { honeypot: string; ip: string; email: string }) {
  if (o.honeypot.trim()) throw new AppError("invalid");
  const limits = [
    { key: `events-book:ip:${o.ip}`, limit: limitFromEnv("EVENTS_BOOKING_LIMIT_IP", 30) },
    { key: `events-book:email:${o.email.toLowerCase()}`, limit: limitFromEnv("EVENTS_BOOKING_LIMIT_EMAIL", 8) },
  ];
  if (!(await hitRateLimits(limits, 3600))) throw new AppError("rate_limited");
}
