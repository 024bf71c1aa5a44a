import { Button, Heading, Img, Link, Section, Text } from "@react-email/components";
import { createTranslator } from "next-intl";
import type { Locale } from "@/lib/i18n";
import { emailMessages, perLocale } from "@/lib/mail/render";
import { EmailLayout, textStyles } from "../layout";

/**
 * Every message about one booking shares this layout: what happened (the variant), the session's
 * details, and the link to view or cancel it. Only the confirmation carries the QR code and the
 * calendar file; an offer's button accepts the places.
 */
export type BookingEmailVariant = "confirmed" | "waiting" | "offer" | "reminder" | "cancelled" | "sessionCancelled";

export type BookingEmailProps = {
  locale: Locale;
  variant: BookingEmailVariant;
  libraryName: string;
  name: string;
  eventTitle: string;
  /** Already formatted in Beijing time, in the email's language. */
  when: string;
  venue: string;
  /** A number, or a placeholder when the template is rendered once and filled (lib/events/emails.ts). */
  places: number | string;
  code: string;
  manageUrl: string;
  icsUrl?: string;
  /** The address of the QR code of the booking code, shown at the door. */
  qrUrl?: string;
  /** For an offer: when it lapses, formatted. */
  offerUntil?: string;
};

const translator = perLocale((locale: Locale) => createTranslator({ locale, messages: emailMessages(locale), namespace: "events.email" }));

export function BookingEmail({
  locale = "zh-CN",
  variant = "confirmed",
  libraryName = "书香",
  name = "李明",
  eventTitle = "中国梦摄影展",
  when = "2026年5月4日 09:00–11:00",
  venue = "滦南县图书馆一楼展厅",
  places = 3,
  code = "K7MQ3XPA",
  manageUrl = "http://localhost:3000/bookings/example",
  icsUrl,
  qrUrl,
  offerUntil = "",
}: Partial<BookingEmailProps>) {
  const t = translator(locale);
  return (
    <EmailLayout locale={locale} libraryName={libraryName} preview={t(`${variant}.subject`, { event: eventTitle })}>
      <Heading as="h1" style={textStyles.heading}>
        {t(`${variant}.heading`)}
      </Heading>
      <Text style={textStyles.body}>{t("greeting", { name })}</Text>
      <Text style={textStyles.body}>{t(`${variant}.body`, { event: eventTitle, until: offerUntil })}</Text>
      <Text style={textStyles.body}>
        {t("event", { event: eventTitle })}
        <br />
        {t("when", { when })}
        <br />
        {t("venue", { venue })}
        <br />
        {t("places", { places })}
        <br />
        {t("code", { code })}
      </Text>
      {qrUrl ? <Img src={qrUrl} width="160" height="160" alt={t("qrAlt", { code })} /> : null}
      <Section style={{ margin: "8px 0 24px" }}>
        <Button href={manageUrl} style={textStyles.button}>
          {t(variant === "offer" ? "offer.button" : "manage")}
        </Button>
      </Section>
      {icsUrl ? (
        <Text style={textStyles.small}>
          <Link href={icsUrl}>{t("calendar")}</Link>
        </Text>
      ) : null}
      <Text style={textStyles.small}>{t("linkNote")}</Text>
    </EmailLayout>
  );
}

BookingEmail.PreviewProps = {
  locale: "zh-CN",
  variant: "confirmed",
  libraryName: "滦南县图书馆",
  name: "李明",
  eventTitle: "中国梦摄影展",
  when: "2026年5月4日 09:00–11:00",
  venue: "滦南县图书馆一楼展厅",
  places: 3,
  code: "K7MQ3XPA",
  manageUrl: "http://localhost:3000/bookings/example",
  icsUrl: "http://localhost:3000/bookings/example/calendar",
} satisfies BookingEmailProps;

export default BookingEmail;

export function bookingEmailSubject(locale: Locale, variant: BookingEmailVariant, eventTitle: string): string {
  return translator(locale)(`${variant}.subject`, { event: eventTitle });
}
