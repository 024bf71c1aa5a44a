import "server-only";
import { _createCache, _createIntlFormatters, createTranslator } from "next-intl";
import { getLocale, getMessages, getTimeZone, type getTranslations } from "next-intl/server";

/** The same function next-intl's getTranslations("drives") gives. */
type Translator = Awaited<ReturnType<typeof getTranslations<"drives">>>;

const translators = new Map<string, Translator>();

/**
 * The "drives" messages for server components, compiled once per language and process. The drive
 * page formats a few dozen messages with numbers on every view, and next-intl's own translator
 * compiles each message and builds its number formats anew for every request. The messages of a
 * language never change while the server runs, so neither does their compiled form.
 */
export async function getDrivesTranslator(): Promise<Translator> {
  const [locale, messages, timeZone] = await Promise.all([getLocale(), getMessages(), getTimeZone()]);
  let t = translators.get(locale);
  if (!t) {
    const cache = _createCache();
    t = createTranslator({ locale, messages, namespace: "drives", timeZone, _cache: cache, _formatters: _createIntlFormatters(cache) }) as unknown as Translator;
    translators.set(locale, t);
  }
  return t;
}
