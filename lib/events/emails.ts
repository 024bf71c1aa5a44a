import "server-only";
import { createElement } from "react";
import { BookingEmail, bookingEmailSubject, type BookingEmailVariant } from "@/emails/events/booking";
import type { DbOrTx } from "@/db/client";
import type { Locale } from "@/lib/i18n";
import { cachedEmailTemplate, enqueueMail, formatMailDate, libraryName, placeholders, type NewMail } from "@/lib/mail";
import { formatSessionWhen } from "./format";

export type BookingMail = {
  bookingId: number;
  code: string;
  name: string;
  email: string;
  locale: Locale;
  partySize: number;
  eventTitle: string;
  eventSlug: string;
  venue: string;
  startsAt: Date;
  endsAt: Date;
};

export const manageUrl = (origin: string, token: string) => `${origin}/bookings/${token}`;
export const icsUrl = (origin: string, token: string) => `${origin}/bookings/${token}/calendar`;

/** The QR code staff scan at the door holds only the booking code: nothing personal (app/qr). */
export const qrPath = (code: string) => `/qr/${code}`;

const fields = ["name", "eventTitle", "when", "venue", "places", "code", "manageUrl", "icsUrl", "qrUrl", "offerUntil"] as const;
// Each variant is rendered once per language, library name and layout (with or without QR code
// and calendar link), then filled for each booking.
function template(variant: BookingEmailVariant, locale: Locale, library: string, extras: boolean) {
  return cachedEmailTemplate(JSON.stringify(["booking", variant, locale, library, extras]), () => {
    const values = placeholders(fields);
    return createElement(BookingEmail, { locale, variant, libraryName: library, ...values, icsUrl: extras ? values.icsUrl : undefined, qrUrl: extras ? values.qrUrl : undefined });
  });
}

type MailOpts = { origin: string; token?: string; sendAfter?: Date; offerUntil?: Date };

/**
 * One message about a booking, ready to queue. The key is `event-<variant>/<booking id>`, so a
 * retried action never mails twice; `token` (when the booker's link is known) makes the button
 * open the booking, otherwise it opens the event page.
 */
export async function bookingMessage(db: DbOrTx, variant: BookingEmailVariant, b: BookingMail, o: MailOpts): Promise<NewMail> {
  const extras = variant === "confirmed" && Boolean(o.token);
  const fill = await template(variant, b.locale, await libraryName(db, b.locale), extras);
  const { html, text } = fill({
    name: b.name,
    eventTitle: b.eventTitle,
    when: formatSessionWhen(b.startsAt, b.endsAt, b.locale),
    venue: b.venue,
    places: String(b.partySize),
    code: b.code,
    manageUrl: o.token ? manageUrl(o.origin, o.token) : `${o.origin}/events/${b.eventSlug}`,
    icsUrl: extras ? icsUrl(o.origin, o.token!) : "",
    qrUrl: extras ? `${o.origin}${qrPath(b.code)}` : "",
    offerUntil: o.offerUntil ? formatMailDate(o.offerUntil, b.locale, true) : "",
  });
  return {
    kind: `event-${variant}`,
    entityId: b.bookingId,
    to: b.email,
    locale: b.locale,
    subject: bookingEmailSubject(b.locale, variant, b.eventTitle),
    html,
    text,
    sendAfter: o.sendAfter,
  };
}

/** Queues one message about a booking (see bookingMessage); false when it was queued before. */
export async function sendBookingMail(db: DbOrTx, variant: BookingEmailVariant, b: BookingMail, o: MailOpts): Promise<boolean> {
  return enqueueMail(db, await bookingMessage(db, variant, b, o));
}

/** A confirmed booking's messages: the confirmation, and the reminder for the day before when that is still ahead. */
export async function confirmationMessages(db: DbOrTx, b: BookingMail, o: { origin: string; token: string; now: Date }): Promise<NewMail[]> {
  const at = reminderTime(b.startsAt, o.now);
  return Promise.all([
    bookingMessage(db, "confirmed", b, { origin: o.origin, token: o.token }),
    ...(at ? [bookingMessage(db, "reminder", b, { origin: o.origin, token: o.token, sendAfter: at })] : []),
  ]);
}

/** 09:00 Beijing on the day before the session; none when that moment has already passed. */
function reminderTime(startsAt: Date, now: Date): Date | null {
  const dayBefore = new Date(startsAt.getTime() + 8 * 3600_000 - 86_400_000).toISOString().slice(0, 10);
  const at = new Date(`${dayBefore}T09:00:00+08:00`);
  return at > now ? at : null;
}
