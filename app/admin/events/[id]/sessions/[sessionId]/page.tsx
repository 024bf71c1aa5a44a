import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { IntlProvider } from "@/components/intl-provider";
import { ActionButton } from "@/components/ui/action-button";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/session";
import { formatSessionWhen } from "@/lib/events/format";
import { getSessionRoster } from "@/lib/events/queries";
import { isLocale } from "@/lib/i18n";
import { toShanghaiInput } from "@/lib/time";
import { markNoShowsAction } from "../../../actions";
import { SessionEditForm } from "../../event-forms";
import { CheckIn } from "./check-in";

type Props = { params: Promise<{ id: string; sessionId: string }> };

export default async function SessionCheckInPage({ params }: Props) {
  const { id, sessionId: sid } = await params;
  await requirePagePermission("events.manage", `/admin/events/${id}/sessions/${sid}`);
  const [eventId, sessionId] = [Number(id), Number(sid)];
  const roster = Number.isSafeInteger(eventId) && Number.isSafeInteger(sessionId) ? await getSessionRoster(eventId, sessionId) : null;
  if (!roster) notFound();
  const { session: s, bookings } = roster;
  const [t, ts, format, rawLocale] = await Promise.all([getTranslations("eventsAdmin"), getTranslations("events.status"), getFormatter(), getLocale()]);
  const locale = isLocale(rawLocale) ? rawLocale : "zh-CN";
  const expected = bookings.filter((b) => b.status === "confirmed" || b.status === "no_show");
  const arrived = bookings.filter((b) => b.status === "attended");
  const people = (list: typeof bookings) => list.reduce((n, b) => n + b.partySize, 0);
  const started = s.startsAt <= new Date();

  const row = (b: (typeof bookings)[number]) => (
    <li key={b.id} className="flex flex-wrap items-baseline justify-between gap-x-3 rounded-md border border-line bg-white px-3 py-2">
      <span className="font-medium">
        {b.name || "—"}
        {b.schoolName ? <span className="ml-2 text-sm font-normal text-ink-soft">{b.schoolName}</span> : null}
      </span>
      <span className="text-sm">
        <span className="font-mono">{b.code}</span> · {b.kind === "class" ? `${b.partySize} (${b.pupils}+${b.adults})` : b.partySize} · {ts(b.status)}
        {b.checkedInAt ? ` · ${format.dateTime(b.checkedInAt, { timeStyle: "short" })}` : ""}
      </span>
    </li>
  );

  return (
    <IntlProvider namespaces={["eventsAdmin", "common"]}>
      <PageHeader title={t("checkInTitle", { when: formatSessionWhen(s.startsAt, s.endsAt, locale) })}>
        <Link href={`/admin/events/${eventId}`}>← {s.eventTitle}</Link>
      </PageHeader>
      <div className="flex max-w-3xl flex-col gap-6">
        <CheckIn eventId={eventId} sessionId={sessionId} />
        <p className="text-lg font-bold" aria-live="polite">
          {t("arrived", { a: people(arrived), b: people(expected) + people(arrived) })}
        </p>
        {bookings.length === 0 ? <p className="text-ink-soft">{t("nobody")}</p> : null}
        {expected.length ? (
          <section aria-labelledby="expected-heading" className="flex flex-col gap-2">
            <h2 id="expected-heading" className="text-xl">
              {t("notArrived")}
            </h2>
            <ul className="flex flex-col gap-2">{expected.map(row)}</ul>
          </section>
        ) : null}
        {arrived.length ? (
          <section aria-labelledby="arrived-heading" className="flex flex-col gap-2">
            <h2 id="arrived-heading" className="text-xl">
              {t("arrivedList")}
            </h2>
            <ul className="flex flex-col gap-2">{arrived.map(row)}</ul>
          </section>
        ) : null}
        <div className="flex flex-wrap items-center gap-3">
          {started ? <ActionButton action={markNoShowsAction} fields={{ eventId, sessionId }} label={t("markNoShows")} confirmText={t("markNoShowsConfirm")} /> : null}
          <a href={`/admin/events/${eventId}/export?session=${sessionId}&format=xlsx`}>{t("exportXlsx")}</a>
          <a href={`/admin/events/${eventId}/export?session=${sessionId}&format=csv`}>{t("exportCsv")}</a>
        </div>
        <details className="rounded-lg border border-line bg-white p-4">
          <summary className="cursor-pointer font-bold">{t("editSession")}</summary>
          <div className="mt-4">
            <SessionEditForm eventId={eventId} sessionId={sessionId} startsAt={toShanghaiInput(s.startsAt)} endsAt={toShanghaiInput(s.endsAt)} capacity={s.capacity} />
          </div>
        </details>
      </div>
    </IntlProvider>
  );
}
