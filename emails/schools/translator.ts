import { createTranslator } from "next-intl";
import type { Locale } from "@/lib/i18n";
import { emailMessages, perLocale } from "@/lib/mail/render";

// The school emails keep their words in the "schools" and "invite" namespaces (this team's own),
// read from the same static catalogues as every other email.

export const schoolsEmailT = perLocale((locale: Locale) => createTranslator({ locale, messages: emailMessages(locale), namespace: "schools.email" }));

export const inviteEmailT = perLocale((locale: Locale) => createTranslator({ locale, messages: emailMessages(locale), namespace: "invite.email" }));
