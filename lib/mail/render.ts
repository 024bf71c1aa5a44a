import type { ReactElement } from "react";
import { render } from "@react-email/render";
import { createTranslator } from "next-intl";
import en from "@/messages/en.json";
import zhCN from "@/messages/zh-CN.json";
import type { Locale } from "@/lib/i18n";

// No `server-only` here: templates import the translator, and the React Email preview
// renders templates outside Next.js. Nothing in this file touches the database.

// Imported statically so a template renders the same way in a route, a script or a test,
// without next-intl's request config (emails are often sent outside any request).
const catalogs = { "zh-CN": zhCN, en } as const;

export type EmailMessages = (typeof catalogs)["zh-CN"];

export function emailMessages(locale: Locale): EmailMessages {
  return catalogs[locale] ?? catalogs["zh-CN"];
}

/** A translator for the `emails.*` keys: `emailTranslator(locale)("magicLink.subject")`. */
export function emailTranslator(locale: Locale) {
  return createTranslator({ locale, messages: emailMessages(locale), namespace: "emails" });
}

export type EmailTranslator = ReturnType<typeof emailTranslator>;

/** HTML for mail clients and the plain-text part (clients that block HTML, spam filters, screen readers). */
export async function renderEmail(element: ReactElement): Promise<{ html: string; text: string }> {
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { html, text };
}
