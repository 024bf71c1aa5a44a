import "server-only";
import { createElement } from "react";
import QRCode from "qrcode";
import { BookingEmail, bookingEmailSubject, type BookingEmailVariant } from "@/emails/events/booking";
import type { DbOrTx } from "@/db/client";
import { formatMailDate } from "@/lib/consent/emails";
import type { Locale } from "@/lib/i18n";
import { enqueueMail, libraryName, renderEmail } from "@/lib/mail";
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

/** The QR code staff scan at the door holds only the booking code: nothing personal. */
export function bookingQr(code: string): Promise<string> {
  return QRCode.toDataURL(code, { margin: 1, width: 240, errorCorrectionLevel: "M" });
}

/**
 * Queues one message about a booking. The key is `event-<variant>/<booking id>`, so a retried
 * action never mails twice; `token` (when the booker's link is known) makes the button open the
 * booking, otherwise it opens the event page.
 */
export async function sendBookingMail(
  db: DbOrTx,
  variant: BookingEmailVariant,
  b: BookingMail,
  o: { origin: string; token?: string; sendAfter?: Date; offerUntil?: Date },
): Promise<boolean> {
  const url = o.token ? manageUrl(o.origin, o.token) : `${o.origin}/events/${b.eventSlug}`;
  const withExtras = variant === "confirmed" && o.token;
  const { html, text } = await renderEmail(
    createElement(BookingEmail, {
      locale: b.locale,
      variant,
      libraryName: await libraryName(db, b.locale),
      name: b.name,
      eventTitle: b.eventTitle,
      when: formatSessionWhen(b.startsAt, b.endsAt, b.locale),
      venue: b.venue,
      places: b.partySize,
      code: b.code,
      manageUrl: url,
      icsUrl: withExtras ? icsUrl(o.origin, o.token!) : undefined,
      qrDataUrl: withExtras ? await bookingQr(b.code) : undefined,
      offerUntil: o.offerUntil ? formatMailDate(o.offerUntil, b.locale, true) : "",
    }),
  );
  return enqueueMail(db, {
    kind: `event-${variant}`,
    entityId: b.bookingId,
    to: b.email,
    locale: b.locale,
    subject: bookingEmailSubject(b.locale, variant, b.eventTitle),
    html,
    text,
    sendAfter: o.sendAfter,
  });
}

/** 09:00 Beijing on the day before the session; none when that moment has already passed. */
export function reminderTime(startsAt: Date, now: Date): Date | null {
  const dayBefore = new Date(startsAt.getTime() + 8 * 3600_000 - 86_400_000).toISOString().slice(0, 10);
  const at = new Date(`${dayBefore}T09:00:00+08:00`);
  return at > now ? at : null;
}
