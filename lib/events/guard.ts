import "server-only";
import { AppError } from "@/lib/errors";
import { limitFromEnv, type RateLimit } from "@/lib/rate-limit";

/** The window of the booking limits below. */
export const BOOKING_LIMIT_WINDOW_SECONDS = 3600;

/**
 * Bots: a filled-in honeypot field is refused here, and one address or one email may only try so
 * often an hour (EVENTS_BOOKING_LIMIT_IP, default 30; EVENTS_BOOKING_LIMIT_EMAIL, default 8): the
 * limits this returns, which bookSession checks and counts in the booking's own statement. The
 * counts live in PostgreSQL, so several server instances share them.
 */
export function bookingLimits(o: { honeypot: string; ip: string; email: string }): RateLimit[] {
  if (o.honeypot.trim()) throw new AppError("invalid");
  return [
    { key: `events-book:ip:${o.ip}`, limit: limitFromEnv("EVENTS_BOOKING_LIMIT_IP", 30) },
    { key: `events-book:email:${o.email.toLowerCase()}`, limit: limitFromEnv("EVENTS_BOOKING_LIMIT_EMAIL", 8) },
  ];
}
