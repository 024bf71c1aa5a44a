import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { StatusBadge } from "@/app/admin/campaigns/status-badge";
import { IntlProvider } from "@/components/intl-provider";
import { ActionButton } from "@/components/ui/action-button";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/session";
import { formatSessionWhen } from "@/lib/events/format";
import { getEventFigures, getEventForStaff } from "@/lib/events/queries";
import { isLocale } from "@/lib/i18n";
import { shanghaiDay, toShanghaiInput } from "@/lib/time";
import { cancelEventAction, cancelSessionAction, changeExhibitAction, setEventStatusAction } from "../actions";
import { EventForm } from "../event-form";
import { ExhibitForm, SessionRunForm } from "./event-forms";

type Props = { params: Promise<{ id: string }> };
const statusKey = { draft: "statusDraft", published: "statusPublished", archived: "statusArchived" } as const;

export default async function AdminEventPage({ params }: Props) {
  const { id } = await params;
  await requirePagePermission("events.manage", `/admin/events/${id}`);
  const eventId = Number(id);
  const details = Number.isSafeInteger(eventId) ? await getEventForStaff(eventId) : null;
  if (!details) notFound();
  const { event: e, sessions, exhibits } = details;
  const [t, format, rawLocale, figures] = await Promise.all([getTranslations("eventsAdmin"), getFormatter(), getLocale(), getEventFigures(eventId)]);
  const locale = isLocale(rawLocale) ? rawLocale : "zh-CN";
  const figureCells: [string, number][] = [
    [t("figBookings"), figures.totals.bookings],
    [t("figBooked"), figures.totals.booked],
    [t("figAttended"), figures.totals.attended],
    [t("figNoShows"), figures.totals.noShows],
    [t("figWaiting"), figures.totals.waiting],
  ];

  return (
    <IntlProvider namespaces={["eventsAdmin", "eventKind", "common"]}>
      <PageHeader title={e.title}>
        <div className="flex flex-wrap items-center gap-2">
          <StatusBadge status={e.status} label={t(statusKey[e.status])} />
          {e.cancelledAt ? <span className="text-danger">{t("cancelledAt", { date: format.dateTime(e.cancelledAt, { dateStyle: "medium" }) })}</span> : null}
          <Link href={`/events/${e.slug}`}>/events/{e.slug}</Link>
        </div>
      </PageHeader>
      <div className="mb-8 flex flex-wrap gap-3">
        {e.status !== "published" ? <ActionButton action={setEventStatusAction} fields={{ eventId, status: "published" }} label={t("publish")} variant="primary" /> : null}
        {e.status === "published" ? <ActionButton action={setEventStatusAction} fields={{ eventId, status: "draft" }} label={t("unpublish")} /> : null}
        {e.status !== "archived" ? <ActionButton action={setEventStatusAction} fields={{ eventId, status: "archived" }} label={t("archive")} /> : null}
        {!e.cancelledAt ? <ActionButton action={cancelEventAction} fields={{ eventId }} label={t("cancelEvent")} confirmText={t("cancelEventConfirm")} variant="ghost" /> : null}
      </div>

      <section aria-labelledby="figures-heading" className="mb-10 flex flex-col gap-3">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="figures-heading" className="text-xl">
            {t("figures")}
          </h2>
          <p className="flex gap-3">
            <a href={`/admin/events/${eventId}/export?format=xlsx`}>{t("exportXlsx")}</a>
            <a href={`/admin/events/${eventId}/export?format=csv`}>{t("exportCsv")}</a>
          </p>
        </div>
        <dl className="grid grid-cols-2 gap-2 sm:grid-cols-5">
          {figureCells.map(([k, n]) => (
            <div key={k} className="rounded-md border border-line bg-white p-3">
              <dt className="text-sm text-ink-soft">{k}</dt>
              <dd className="text-2xl font-bold">{n}</dd>
            </div>
          ))}
        </dl>
        <h3 className="font-bold">{t("bySchool")}</h3>
        {figures.bySchool.length === 0 ? (
          <p className="text-ink-soft">{t("noSchools")}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead>
                <tr className="border-b border-line">
                  <th className="py-1 pr-3">{t("columns.school")}</th>
                  <th className="py-1 pr-3">{t("figBooked")}</th>
                  <th className="py-1 pr-3">{t("figAttended")}</th>
                  <th className="py-1">{t("figNoShows")}</th>
                </tr>
              </thead>
              <tbody>
                {figures.bySchool.map((r) => (
                  <tr key={r.schoolName ?? "-"} className="border-b border-line/60">
                    <td className="py-1 pr-3">{r.schoolName ?? t("visitors")}</td>
                    <td className="py-1 pr-3">{r.booked}</td>
                    <td className="py-1 pr-3">{r.attended}</td>
                    <td className="py-1">{r.noShows}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="sessions-heading" className="mb-10 flex flex-col gap-3">
        <h2 id="sessions-heading" className="text-xl">
          {t("sessions")}
        </h2>
        {sessions.length === 0 ? <p className="text-ink-soft">{t("noSessions")}</p> : null}
        <ul className="flex flex-col gap-2">
          {sessions.map((s) => (
            <li key={s.id} className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-line bg-white px-3 py-2">
              <span className={s.cancelledAt ? "text-ink-soft line-through" : ""}>{formatSessionWhen(s.startsAt, s.endsAt, locale)}</span>
              <span className="text-sm">
                {t("booked")} {s.booked}/{s.capacity}
                {s.waiting ? ` · ${t("waiting")} ${s.waiting}` : ""}
              </span>
              <span className="flex flex-wrap items-center gap-2">
                <Link href={`/admin/events/${eventId}/sessions/${s.id}`} className="inline-flex min-h-11 items-center px-2">
                  {t("checkIn")}
                </Link>
                {!s.cancelledAt ? <ActionButton action={cancelSessionAction} fields={{ eventId, sessionId: s.id }} label={t("cancelSession")} confirmText={t("cancelSessionConfirm")} variant="ghost" /> : null}
              </span>
            </li>
          ))}
        </ul>
        <details className="rounded-lg border border-line bg-white p-4" open={sessions.length === 0}>
          <summary className="cursor-pointer font-bold">{t("generate")}</summary>
          <div className="mt-4">
            <SessionRunForm eventId={eventId} fromDay={shanghaiDay(e.startsAt)} toDay={shanghaiDay(e.endsAt)} />
          </div>
        </details>
      </section>

      <section aria-labelledby="gallery-heading" className="mb-10 flex flex-col gap-3">
        <h2 id="gallery-heading" className="text-xl">
          {t("gallery")}
        </h2>
        {exhibits.length === 0 ? <p className="text-ink-soft">{t("galleryEmpty")}</p> : null}
        <ol className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {exhibits.map((x, i) => (
            <li key={x.id} className="flex gap-3 rounded-md border border-line bg-white p-2">
              {/* eslint-disable-next-line @next/next/no-img-element -- stored uploads; no optimiser in this deployment */}
              <img src={`/files/${x.fileId}`} alt={x.title} className="size-20 shrink-0 rounded object-cover" />
              <div className="flex min-w-0 flex-col gap-1">
                <p className="font-medium">{x.title}</p>
                <p className="truncate text-sm text-ink-soft">{x.caption}</p>
                <div className="flex flex-wrap gap-1">
                  {i > 0 ? <ActionButton action={changeExhibitAction} fields={{ eventId, exhibitId: x.id, direction: "up" }} label={t("moveUp")} variant="ghost" /> : null}
                  {i < exhibits.length - 1 ? <ActionButton action={changeExhibitAction} fields={{ eventId, exhibitId: x.id, direction: "down" }} label={t("moveDown")} variant="ghost" /> : null}
                  <ActionButton action={changeExhibitAction} fields={{ eventId, exhibitId: x.id, direction: "delete" }} label={t("remove")} confirmText={t("remove")} variant="ghost" />
                </div>
              </div>
            </li>
          ))}
        </ol>
        <details className="rounded-lg border border-line bg-white p-4">
          <summary className="cursor-pointer font-bold">{t("addExhibit")}</summary>
          <div className="mt-4">
            <ExhibitForm eventId={eventId} />
          </div>
        </details>
      </section>

      <section aria-labelledby="edit-heading" className="flex flex-col gap-3">
        <h2 id="edit-heading" className="text-xl">
          {t("edit")}
        </h2>
        <EventForm
          eventId={eventId}
          initial={{ slug: e.slug, kind: e.kind, title: e.title, description: e.description, venue: e.venue, village: e.village, startsAt: toShanghaiInput(e.startsAt), endsAt: toShanghaiInput(e.endsAt) }}
        />
      </section>
    </IntlProvider>
  );
}
