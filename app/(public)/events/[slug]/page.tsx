import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { IntlProvider } from "@/components/intl-provider";
import { Markdown } from "@/components/markdown";
import { can } from "@/lib/auth/permissions";
import { getCurrentUser } from "@/lib/auth/session";
import { availability, formatSessionWhen, type Availability } from "@/lib/events/format";
import { getPublicEvent, getSchoolName } from "@/lib/events/queries";
import { isLocale } from "@/lib/i18n";
import { siteOrigin } from "@/lib/schools/request";
import { BookingForm } from "./booking-form";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const details = await getPublicEvent((await params).slug, await siteOrigin());
  return { title: details?.event.title };
}

const badge: Record<Availability, string> = {
  open: "bg-accent-soft text-accent-deep",
  few: "bg-amber-100 text-amber-900",
  full: "bg-paper-deep text-ink",
  cancelled: "bg-red-50 text-danger",
  past: "bg-paper-deep text-ink-soft",
};

export default async function EventPage({ params }: Props) {
  await connection();
  const details = await getPublicEvent((await params).slug, await siteOrigin());
  if (!details) notFound();
  const { event: e, sessions, exhibits } = details;
  const [t, tAll, format, rawLocale, user] = await Promise.all([getTranslations("events"), getTranslations(), getFormatter(), getLocale(), getCurrentUser()]);
  const locale = isLocale(rawLocale) ? rawLocale : "zh-CN";
  const now = new Date();
  const rows = sessions.map((s) => ({ ...s, state: availability(s, now), when: formatSessionWhen(s.startsAt, s.endsAt, locale), left: s.capacity - s.booked }));
  const bookable = e.cancelledAt ? [] : rows.filter((s) => s.state !== "cancelled" && s.state !== "past");
  const label = (s: (typeof rows)[number]) => `${s.when} · ${s.state === "full" ? t("full") : t("placesLeft", { n: s.left })}`;
  const options = bookable.map((s) => ({ id: s.id, label: label(s), full: s.state === "full" }));
  const teacherSchool = user && user.schoolId && can(user, "classes.manage") ? await getSchoolName(user.schoolId) : null;

  return (
    <article className="flex flex-col gap-8">
      <header className="flex flex-col gap-2">
        {e.coverFileId ? (
          // eslint-disable-next-line @next/next/no-img-element -- a stored upload of unknown size; no optimiser in this deployment
          <img src={`/files/${e.coverFileId}`} alt="" className="mb-2 max-h-72 w-full rounded-xl object-cover" />
        ) : null}
        <p className="text-sm font-medium text-accent">{tAll(`eventKind.${e.kind}`)}</p>
        <h1 className="text-2xl sm:text-3xl">{e.title}</h1>
        <p className="text-ink-soft">{format.dateTimeRange(e.startsAt, e.endsAt, { dateStyle: "long" })}</p>
        <p className="text-ink-soft">
          {t("venueLabel")}: {[e.village, e.venue].filter(Boolean).join(" · ")}
        </p>
      </header>

      {e.cancelledAt ? (
        <p role="status" className="rounded-md border border-danger/30 bg-red-50 px-3 py-2 text-danger">
          {t("eventCancelled")}
        </p>
      ) : null}

      {e.description ? <Markdown>{e.description}</Markdown> : null}

      {exhibits.length ? (
        <section aria-labelledby="gallery-heading">
          <h2 id="gallery-heading" className="mb-3 text-xl">
            {t("gallery")}
          </h2>
          <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4">
            {exhibits.map((x) => (
              <li key={x.id}>
                <figure className="flex flex-col gap-1">
                  <a href={`/files/${x.fileId}`}>
                    {/* eslint-disable-next-line @next/next/no-img-element -- stored uploads; no optimiser in this deployment */}
                    <img src={`/files/${x.fileId}`} alt={x.title} loading="lazy" className="aspect-[4/3] w-full rounded-md border border-line object-cover" />
                  </a>
                  <figcaption className="text-sm">
                    <span className="font-medium">{x.title}</span>
                    {x.caption ? <span className="block text-ink-soft">{x.caption}</span> : null}
                  </figcaption>
                </figure>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="sessions-heading">
        <h2 id="sessions-heading" className="mb-3 text-xl">
          {t("sessions")}
        </h2>
        {rows.length === 0 ? (
          <p className="text-ink-soft">{t("noSessions")}</p>
        ) : (
          <ul className="grid gap-2 sm:grid-cols-2">
            {rows.map((s) => (
              <li key={s.id} className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-line bg-white px-3 py-2">
                <span>{s.when}</span>
                <span className={`rounded px-2 py-0.5 text-sm ${badge[s.state]}`}>
                  {s.state === "open" ? t("placesLeft", { n: s.left }) : s.state === "few" ? `${t("few")} · ${t("placesLeft", { n: s.left })}` : s.state === "full" ? t("full") : s.state === "cancelled" ? t("sessionCancelled") : t("sessionPast")}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      {options.length ? (
        <IntlProvider namespaces={["events", "common"]}>
          <section aria-labelledby="book-heading" className="flex max-w-2xl flex-col gap-3 rounded-lg border border-line bg-white p-4 sm:p-6">
            <h2 id="book-heading" className="text-xl">
              {t("bookTitle")}
            </h2>
            <p className="text-ink-soft">{t("bookIntro")}</p>
            <BookingForm sessions={options} />
          </section>
          {teacherSchool ? (
            <section aria-labelledby="class-heading" className="flex max-w-2xl flex-col gap-3 rounded-lg border border-line bg-white p-4 sm:p-6">
              <h2 id="class-heading" className="text-xl">
                {t("classTitle")}
              </h2>
              <p className="text-ink-soft">{t("classIntro", { school: teacherSchool })}</p>
              <BookingForm sessions={options} teacher={{ school: teacherSchool, name: user?.name ?? "", email: user?.email ?? "" }} />
            </section>
          ) : !user ? (
            <p className="text-ink-soft">
              {t("teacherHint")}{" "}
              <Link href={`/signin?callbackUrl=${encodeURIComponent(`/events/${e.slug}`)}`}>{t("signInToBookClass")}</Link>
            </p>
          ) : null}
        </IntlProvider>
      ) : null}
    </article>
  );
}
