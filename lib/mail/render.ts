import type { ReactElement } from "react";
import { render } from "@react-email/render";
import { createTranslator } from "next-intl";
import en from "@/messages/en.json";
import zhCN from "@/messages/zh-CN.json";
import { dateTimeFormat, type Locale } from "@/lib/i18n";

// No `server-only` here: templates import the translator, and the React Email preview
// renders templates outside Next.js. Nothing in this file touches the database.

// Imported statically so a template renders the same way in a route, a script or a test,
// without next-intl's request config (emails are often sent outside any request).
const catalogs = { "zh-CN": zhCN, en } as const;

export type EmailMessages = (typeof catalogs)["zh-CN"];

export function emailMessages(locale: Locale): EmailMessages {
  return catalogs[locale] ?? catalogs["zh-CN"];
}

/**
 * `make(locale)`, made once per language and kept. A translator keeps the messages it has parsed
 * (with their Intl objects); one made afresh for every email parses each message again.
 */
export function perLocale<T>(make: (locale: Locale) => T): (locale: Locale) => T {
  const made = new Map<Locale, T>();
  return (locale) => {
    let t = made.get(locale);
    if (t === undefined) made.set(locale, (t = make(locale)));
    return t;
  };
}

/** A date (and time) in an email, as a reader in the library's county would write it. */
export function formatMailDate(date: Date, locale: Locale, withTime = false): string {
  return dateTimeFormat(locale, withTime ? { dateStyle: "long", timeStyle: "short" } : { dateStyle: "long" }).format(date);
}

/** A translator for the `emails.*` keys: `emailTranslator(locale)("magicLink.subject")`. */
export const emailTranslator = perLocale((locale: Locale) => createTranslator({ locale, messages: emailMessages(locale), namespace: "emails" }));

export type EmailTranslator = ReturnType<typeof emailTranslator>;

/** HTML for mail clients and the plain-text part (clients that block HTML, spam filters, screen readers). */
export async function renderEmail(element: ReactElement): Promise<{ html: string; text: string }> {
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { html, text };
}

/**
 * For mail sent to many at once (results): the template is rendered once with a placeholder
 * `[[key]]` in place of each value, and every copy is filled in by replacement, the values
 * escaped for the HTML part. Rendering takes milliseconds a message; filling, microseconds.
 */
export async function renderEmailTemplate(element: ReactElement): Promise<(values: Record<string, string>) => { html: string; text: string }> {
  const { html, text } = await renderEmail(element);
  const escape = (v: string) => v.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#x27;");
  const fill = (template: string, values: Record<string, string>, transform: (v: string) => string) =>
    template.replace(/\[\[(\w+)\]\]/g, (whole, key: string) => (key in values ? transform(values[key]!) : whole));
  return (values) => ({ html: fill(html, values, escape), text: fill(text, values, (v) => v) });
}

type EmailFiller = Awaited<ReturnType<typeof renderEmailTemplate>>;

// Templates kept for the life of the process, by their key: they hold no one's data, only the
// layout, the language and the library's name that their key names.
const templates = new Map<string, Promise<EmailFiller>>();

/**
 * The template for `key`, rendered (by `element`) the first time it is asked for. Rendering a React
 * Email takes milliseconds; filling a rendered template, microseconds.
 */
export function cachedEmailTemplate(key: string, element: () => ReactElement): Promise<EmailFiller> {
  let t = templates.get(key);
  if (!t) {
    t = renderEmailTemplate(element());
    templates.set(key, t);
    t.catch(() => templates.delete(key));
  }
  return t;
}

/** The placeholders renderEmailTemplate fills, for the props of a template rendered once. */
export function placeholders<K extends string>(keys: readonly K[]): Record<K, string> {
  return Object.fromEntries(keys.map((k) => [k, `[[${k}]]`])) as Record<K, string>;
}
