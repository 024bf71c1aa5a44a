"use server";

import { getLocale } from "next-intl/server";
import { defineAction } from "@/lib/actions";
import { AppError } from "@/lib/errors";
import { bookSession, type BookResult } from "@/lib/events/booking";
import { bookingLimits } from "@/lib/events/guard";
import { classBookingSchema, visitorBookingSchema } from "@/lib/events/schemas";
import { isLocale } from "@/lib/i18n";
import { clientIp, siteOrigin } from "@/lib/schools/request";

/** What the form shows after booking; the manage link only to the person who just booked. */
export type BookingOutcome = Extract<BookResult, { outcome: "duplicate" | "full" }> | { outcome: "confirmed" | "waiting"; code: string; manageHref: string };

function shown(r: BookResult): BookingOutcome {
  if (r.outcome === "confirmed" || r.outcome === "waiting") return { outcome: r.outcome, code: r.code, manageHref: `/bookings/${r.token}` };
  return r as Extract<BookResult, { outcome: "duplicate" | "full" }>;
}

async function context() {
  const locale = await getLocale();
  return { locale: isLocale(locale) ? locale : ("zh-CN" as const), origin: await siteOrigin(), ip: await clientIp() };
}

export const bookVisitorAction = defineAction({ schema: visitorBookingSchema, access: "public" }, async (input) => {
  const c = await context();
  const limits = bookingLimits({ honeypot: input.website, ip: c.ip, email: input.email });
  return shown(await bookSession({ ...input, kind: "visitor", locale: c.locale }, { origin: c.origin, limits }));
});

export const bookClassAction = defineAction({ schema: classBookingSchema, permission: "classes.manage" }, async (input, { user }) => {
  // The school comes from the teacher's account, never from the form.
  if (!user.schoolId) throw new AppError("forbidden");
  const c = await context();
  const limits = bookingLimits({ honeypot: input.website, ip: c.ip, email: input.email });
  return shown(await bookSession({ ...input, kind: "class", schoolId: user.schoolId, teacherId: user.id, locale: c.locale }, { origin: c.origin, limits }));
});
