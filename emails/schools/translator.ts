import { createTranslator } from "next-intl";
import type { Locale } from "@/lib/i18n";
import { emailMessages, perLocale } from "@/lib/mail/render";
import { TIME_ZONE } from "@/lib/i18n";

// The school emails keep their words in the "schools" and "invite" namespaces (this team's own),
// read from the same static catalogues as every other email.

export const schoolsEmailT = perLocale((locale: Locale) => createTranslator({ locale, messages: emailMessages(locale), namespace: "schools.email" }));

export const inviteEmailT = perLocale((locale: Locale) => createTranslator({ locale, messages: emailMessages(locale), namespace: "invite.email" }));

/** A date and time as a reader in the library's county would write it. */
export function formatEmailDateTime(d: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "long", timeStyle: "short", timeZone: TIME_ZONE }).format(d);
}
