import { getLocale, getTranslations } from "next-intl/server";
import { isLocale } from "@/lib/i18n";
import { getLibraryInfo } from "@/lib/library/queries";

export async function SiteFooter() {
  const [t, locale] = await Promise.all([getTranslations("footer"), getLocale()]);
  const library = await getLibraryInfo(isLocale(locale) ? locale : "zh-CN");
  return (
    <footer className="no-print mt-16 border-t border-line bg-paper-deep">
      <div className="mx-auto grid max-w-6xl gap-4 px-4 py-8 text-sm text-ink-soft sm:grid-cols-3">
        <div>
          <p className="font-bold text-ink">{library.name}</p>
          <p>{t("poweredBy")}</p>
        </div>
        {library.hours ? (
          <div>
            <p className="font-medium text-ink">{t("hours")}</p>
            <p>{library.hours}</p>
          </div>
        ) : null}
        <div>
          {library.address ? (
            <>
              <p className="font-medium text-ink">{t("address")}</p>
              <p>{library.address}</p>
            </>
          ) : null}
          {library.phone ? <p>{library.phone}</p> : null}
        </div>
      </div>
    </footer>
  );
}
