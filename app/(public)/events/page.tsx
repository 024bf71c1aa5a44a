import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { connection } from "next/server";
import { getFormatter, getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { SelectField, Field } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { eventKinds, listPublicEvents, type EventKind } from "@/lib/events/queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("events"))("title") };
}

type Props = { searchParams: Promise<{ kind?: string; month?: string }> };

export default async function EventsPage({ searchParams }: Props) {
  await connection();
  const sp = await searchParams;
  const kind = eventKinds.includes(sp.kind as EventKind) ? (sp.kind as EventKind) : undefined;
  const month = /^\d{4}-(0[1-9]|1[0-2])$/.test(sp.month ?? "") ? sp.month : undefined;
  const now = new Date();
  const [t, tAll, format, rows] = await Promise.all([getTranslations("events"), getTranslations(), getFormatter(), listPublicEvents({ kind, month }, now)]);
  return (
    <>
      <PageHeader title={t("title")} intro={t("intro")} />
      <form method="get" className="mb-6 flex flex-wrap items-end gap-3" aria-label={t("filter")}>
        <SelectField name="kind" label={t("filterKind")} defaultValue={kind ?? ""} className="min-w-40">
          <option value="">{t("allKinds")}</option>
          {eventKinds.map((k) => (
            <option key={k} value={k}>
              {tAll(`eventKind.${k}`)}
            </option>
          ))}
        </SelectField>
        <Field name="month" type="month" label={t("filterMonth")} defaultValue={month ?? ""} className="min-w-40" />
        <Button type="submit" variant="secondary">
          {t("filter")}
        </Button>
      </form>
      {rows.length === 0 ? (
        <EmptyState>{kind || month ? t("emptyFiltered") : t("empty")}</EmptyState>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2">
          {rows.map((e) => {
            const over = e.endsAt < now;
            return (
              <li key={e.id} className={`flex flex-col overflow-hidden rounded-lg border border-line bg-white ${over ? "opacity-75" : ""}`}>
                {e.coverFileId ? (
                  // eslint-disable-next-line @next/next/no-img-element -- a stored upload; no optimiser in this deployment
                  <img src={`/files/${e.coverFileId}`} alt="" className="h-40 w-full object-cover" loading="lazy" />
                ) : null}
                <div className="flex flex-col gap-1 p-4">
                  <p className="flex flex-wrap gap-2 text-sm">
                    <span className="font-medium text-accent">{tAll(`eventKind.${e.kind}`)}</span>
                    {e.cancelledAt ? <span className="rounded bg-red-50 px-2 text-danger">{t("cancelledBadge")}</span> : over ? <span className="rounded bg-paper-deep px-2">{t("past")}</span> : null}
                  </p>
                  <Link href={`/events/${e.slug}`} className="text-lg font-bold">
                    {e.title}
                  </Link>
                  <p className="text-sm text-ink-soft">{format.dateTimeRange(e.startsAt, e.endsAt, { dateStyle: "medium" })}</p>
                  <p className="text-sm text-ink-soft">{[e.village, e.venue].filter(Boolean).join(" · ")}</p>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
