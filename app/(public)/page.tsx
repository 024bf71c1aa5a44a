import { Link } from "@/components/ui/link";
import { connection } from "next/server";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { getCachedHighlights } from "@/lib/content/queries";
import { isLocale } from "@/lib/i18n";
import { getLibraryInfo } from "@/lib/library/queries";

function Section({ title, href, viewAll, children }: { title: string; href: string; viewAll: string; children: React.ReactNode }) {
  return (
    <section className="flex flex-col gap-3" aria-labelledby={`${href.slice(1)}-heading`}>
      <div className="flex items-baseline justify-between gap-2">
        <h2 id={`${href.slice(1)}-heading`} className="text-xl">
          {title}
        </h2>
        <Link href={href} className="shrink-0 text-sm">
          {viewAll}
        </Link>
      </div>
      {children}
    </section>
  );
}

const cardClass = "block rounded-lg border border-line bg-white p-4 text-ink no-underline hover:border-accent";

export default async function HomePage() {
  await connection();
  const [t, format, locale] = await Promise.all([getTranslations(), getFormatter(), getLocale()]);
  const [library, current] = await Promise.all([
    getLibraryInfo(isLocale(locale) ? locale : "zh-CN"),
    getCachedHighlights(),
  ]);
  const day = (d: Date) => format.dateTime(d, { year: "numeric", month: "long", day: "numeric" });

  return (
    <div className="flex flex-col gap-10">
      <section className="rounded-xl bg-accent px-5 py-8 text-white sm:px-10 sm:py-12">
        <h1 className="text-2xl sm:text-4xl">{t("home.welcome", { name: library.name })}</h1>
        <p className="mt-3 max-w-2xl text-lg text-white/90">{t("home.intro")}</p>
      </section>

      <div className="grid gap-10 lg:grid-cols-3">
        <Section title={t("home.campaigns")} href="/campaigns" viewAll={t("common.viewAll")}>
          {current.campaigns.length === 0 ? (
            <EmptyState>{t("home.campaignsEmpty")}</EmptyState>
          ) : (
            <ul className="flex flex-col gap-3">
              {current.campaigns.map((c) => (
                <li key={c.slug}>
                  <Link href={`/campaigns/${c.slug}`} className={cardClass}>
                    <span className="block font-bold">{c.title}</span>
                    {c.theme ? <span className="block text-ink-soft">{c.theme}</span> : null}
                    <span className="mt-1 block text-sm text-warm">{t("home.until", { date: day(c.closesAt) })}</span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </Section>

        <Section title={t("home.events")} href="/events" viewAll={t("common.viewAll")}>
          {current.events.length === 0 ? (
            <EmptyState>{t("home.eventsEmpty")}</EmptyState>
          ) : (
            <ul className="flex flex-col gap-3">
              {current.events.map((e) => (
                <li key={e.slug}>
                  <Link href={`/events/${e.slug}`} className={cardClass}>
                    <span className="block text-sm text-accent">{t(`eventKind.${e.kind}`)}</span>
                    <span className="block font-bold">{e.title}</span>
                    <span className="block text-sm text-ink-soft">
                      {format.dateTimeRange(e.startsAt, e.endsAt, { year: "numeric", month: "long", day: "numeric" })}
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </Section>

        <Section title={t("home.drives")} href="/drives" viewAll={t("common.viewAll")}>
          {current.drives.length === 0 ? (
            <EmptyState>{t("home.drivesEmpty")}</EmptyState>
          ) : (
            <ul className="flex flex-col gap-3">
              {current.drives.map((d) => (
                <li key={d.slug}>
                  <Link href={`/drives/${d.slug}`} className={cardClass}>
                    <span className="block font-bold">{d.title}</span>
                    {d.destination ? <span className="block text-ink-soft">{d.destination}</span> : null}
                    <span className="mt-1 block text-sm text-warm">{t("home.until", { date: day(d.endsAt) })}</span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </Section>
      </div>

      <section aria-labelledby="visit-heading" className="rounded-xl border border-line bg-white p-5 sm:p-8">
        <h2 id="visit-heading" className="text-xl">
          {t("home.visit")}
        </h2>
        <dl className="mt-3 grid gap-3 sm:grid-cols-3">
          <div>
            <dt className="font-medium">{t("footer.hours")}</dt>
            <dd className="text-ink-soft">{library.hours}</dd>
          </div>
          <div>
            <dt className="font-medium">{t("footer.address")}</dt>
            <dd className="text-ink-soft">{library.address}</dd>
          </div>
          <div>
            <dt className="font-medium">{t("footer.contact")}</dt>
            <dd className="text-ink-soft">
              {[library.phone, library.email].filter(Boolean).join(" · ")}
            </dd>
          </div>
        </dl>
      </section>
    </div>
  );
}
