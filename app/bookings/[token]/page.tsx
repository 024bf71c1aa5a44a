import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { connection } from "next/server";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { IntlProvider } from "@/components/intl-provider";
import { ActionButton } from "@/components/ui/action-button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { qrPath } from "@/lib/events/emails";
import { formatSessionWhen } from "@/lib/events/format";
import { getBookingByToken } from "@/lib/events/queries";
import { isLocale } from "@/lib/i18n";
import { siteOrigin } from "@/lib/schools/request";
import { acceptOfferAction, cancelBookingAction } from "./actions";

type Props = { params: Promise<{ token: string }> };

export async function generateMetadata(): Promise<Metadata> {
  // The address carries a secret: keep it out of search engines and referrers.
  return { title: (await getTranslations("events.manage"))("title"), robots: { index: false }, referrer: "no-referrer" };
}

export default async function BookingPage({ params }: Props) {
  await connection();
  const { token } = await params;
  const [b, t, ts, format, rawLocale] = await Promise.all([getBookingByToken(token, { origin: await siteOrigin() }), getTranslations("events.manage"), getTranslations("events.status"), getFormatter(), getLocale()]);
  if (!b) {
    return (
      <>
        <PageHeader title={t("title")} />
        <EmptyState>{t("notFound")}</EmptyState>
      </>
    );
  }
  const locale = isLocale(rawLocale) ? rawLocale : "zh-CN";
  const live = b.status === "confirmed" || b.status === "attended";
  const rows: [string, string][] = [
    [t("event"), b.eventTitle],
    [t("when"), formatSessionWhen(b.startsAt, b.endsAt, locale)],
    [t("venue"), [b.village, b.venue].filter(Boolean).join(" · ")],
    [t("places"), b.kind === "class" ? `${b.partySize} (${b.pupils} + ${b.adults})` : String(b.partySize)],
    ...(b.schoolName ? [[t("school"), b.schoolName] as [string, string]] : []),
    [t("status"), ts(b.status)],
  ];
  return (
    <>
      <PageHeader title={t("title")} />
      <div className="flex max-w-2xl flex-col gap-6">
        <div className="flex flex-col gap-4 rounded-lg border border-line bg-white p-4 sm:flex-row sm:p-6">
          <dl className="grid flex-1 grid-cols-[auto_1fr] gap-x-4 gap-y-2">
            <dt className="text-ink-soft">{t("code")}</dt>
            <dd className="font-mono text-xl font-bold tracking-widest" data-testid="booking-code">
              {b.code}
            </dd>
            {rows.map(([k, v]) => (
              <div key={k} className="contents">
                <dt className="text-ink-soft">{k}</dt>
                <dd>{v}</dd>
              </div>
            ))}
          </dl>
          {live ? (
            <figure className="flex flex-col items-center gap-1 self-center">
              {/* eslint-disable-next-line @next/next/no-img-element -- a PNG of our own (app/qr); no optimiser in this deployment */}
              <img src={qrPath(b.code)} alt={b.code} width={180} height={180} />
              <figcaption className="max-w-48 text-center text-sm text-ink-soft">{t("qr")}</figcaption>
            </figure>
          ) : null}
        </div>
        {b.status === "offered" && b.offerExpiresAt ? <p className="rounded-md bg-amber-50 px-3 py-2">{t("offerUntil", { until: format.dateTime(b.offerExpiresAt, { dateStyle: "medium", timeStyle: "short" }) })}</p> : null}
        <IntlProvider namespaces={["common"]}>
          <div className="flex flex-wrap gap-3">
            {b.status === "offered" ? <ActionButton action={acceptOfferAction} fields={{ token }} label={t("accept")} variant="warm" /> : null}
            {live ? (
              <a href={`/bookings/${token}/calendar`} className="inline-flex min-h-11 items-center rounded-md border border-line px-4">
                {t("calendar")}
              </a>
            ) : null}
            {["confirmed", "waiting", "offered"].includes(b.status) ? <ActionButton action={cancelBookingAction} fields={{ token }} label={t("cancel")} confirmText={t("cancelConfirm")} /> : null}
          </div>
        </IntlProvider>
        <Link href={`/events/${b.eventSlug}`}>{t("eventPage")}</Link>
      </div>
    </>
  );
}
