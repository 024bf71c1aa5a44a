import "server-only";
import { anonymiseOldBookings, expireOffers } from "./booking";

/**
 * Work that time alone makes due: waiting-list offers that lapsed pass on to the next booking,
 * and bookers' details are anonymised once the retention period is over. Started once per
 * server process (instrumentation.ts); both steps are single idempotent statements, so several
 * instances may run them at once. Offers are also expired when an event's pages are read.
 */
export function startEventHousekeeping(intervalMs = 10 * 60_000): void {
  const g = globalThis as { __shuxiangEventTimer?: NodeJS.Timeout };
  if (g.__shuxiangEventTimer) return;
  const origin = new URL(process.env.AUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).origin;
  const run = () =>
    Promise.all([expireOffers(new Date(), { origin }), anonymiseOldBookings()]).catch((e) => console.error("[events] housekeeping failed", e));
  g.__shuxiangEventTimer = setInterval(run, intervalMs);
  // Never keep a script or a test run alive for this.
  g.__shuxiangEventTimer.unref();
}
