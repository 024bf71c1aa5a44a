import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getLocale } from "next-intl/server";
import { IntlProvider } from "@/components/intl-provider";
import { Markdown } from "@/components/markdown";
import { destinationOf } from "@/lib/drives/emails";
import { getCachedPledgeSchools, getCachedPublicDrive } from "@/lib/drives/cache";
import { isLocale } from "@/lib/i18n";
import { getLibraryInfo } from "@/lib/library/queries";
import { ProgressBar } from "../progress-bar";
import { getDrivesTranslator } from "../translator";
import { PledgeForm } from "./pledge-form";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await getCachedPublicDrive((await params).slug))?.drive.title };
}

export default async function DrivePage({ params }: Props) {
  await connection();
  const details = await getCachedPublicDrive((await params).slug);
  if (!details) notFound();
  const { drive: d, progress, deliveries, donors, ranking } = details;
  const [t, rawLocale] = await Promise.all([getDrivesTranslator(), getLocale()]);
  const open = d.status === "published" && !d.closedAt && d.endsAt > new Date();
  const [schoolList, library] = open ? await Promise.all([getCachedPledgeSchools(), getLibraryInfo(isLocale(rawLocale) ? rawLocale : "zh-CN")]) : [[], null];
  const bar = (x: { pledged: number; accepted: number; target: number }) => (
    <ProgressBar pledged={x.pledged} received={x.accepted} target={x.target} pledgedLabel={t("pledgedOf", { pledged: x.pledged, target: x.target })} receivedLabel={t("receivedOf", { received: x.accepted, target: x.target })} />
  );
  return (
    <article className="flex flex-col gap-8">
      <header className="flex flex-col gap-2">
        {d.coverFileId ? (
          // eslint-disable-next-line @next/next/no-img-element -- a stored upload of unknown size; no optimiser in this deployment
          <img src={`/files/${d.coverFileId}`} alt="" className="mb-2 max-h-72 w-full rounded-xl object-cover" />
        ) : null}
        <h1 className="text-2xl sm:text-3xl">{d.title}</h1>
        <p className="text-ink-soft">
          {t("destination")}: {destinationOf(d)}
        </p>
      </header>
      {d.closedAt || d.status === "archived" ? (
        <p role="status" className="rounded-md border border-line bg-paper-deep px-3 py-2">
          {t("closed")}
        </p>
      ) : null}
      {d.story ? <Markdown>{d.story}</Markdown> : null}

      <section aria-labelledby="progress-heading" className="flex flex-col gap-4">
        <h2 id="progress-heading" className="text-xl">
          {t("overall")}
        </h2>
        {bar(progress.total)}
        <h3 className="text-lg">{t("byCategory")}</h3>
        <ul className="flex flex-col gap-4">
          {progress.categories.map((c) => (
            <li key={c.id} className="flex flex-col gap-1">
              <span className="font-medium">{c.name}</span>
              {bar(c)}
              {c.welcome ? <span className="text-sm">{t("welcome", { text: c.welcome })}</span> : null}
              {c.notWelcome ? <span className="text-sm">{t("notWelcome", { text: c.notWelcome })}</span> : null}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="deliveries-heading">
        <h2 id="deliveries-heading" className="mb-3 text-xl">
          {t("deliveries")}
        </h2>
        {deliveries.length ? (
          <ol className="flex flex-col gap-3 border-l-2 border-line pl-4">
            {deliveries.map((x) => (
              <li key={x.id} className="flex flex-col gap-2">
                <span>{t("deliveryLine", { date: x.deliveredOn, count: x.count, by: x.receivedBy })}</span>
                {x.photoFileId ? (
                  // eslint-disable-next-line @next/next/no-img-element -- stored uploads; no optimiser in this deployment
                  <img src={`/files/${x.photoFileId}`} alt="" loading="lazy" className="max-h-60 w-full max-w-md rounded-md border border-line object-cover" />
                ) : null}
              </li>
            ))}
          </ol>
        ) : (
          <p className="text-ink-soft">{t("noDeliveries")}</p>
        )}
      </section>

      {ranking.length ? (
        <section aria-labelledby="schools-heading">
          <h2 id="schools-heading" className="mb-3 text-xl">
            {t("schools")}
          </h2>
          <ol className="list-decimal pl-6">
            {ranking.map((s) => (
              <li key={s.id}>{t("schoolLine", { name: s.name, accepted: s.accepted, pledged: s.pledged })}</li>
            ))}
          </ol>
        </section>
      ) : null}

      {open && library ? (
        <section aria-labelledby="pledge-heading" className="rounded-xl border border-line p-4">
          <h2 id="pledge-heading" className="mb-3 text-xl">
            {t("form.heading")}
          </h2>
          <IntlProvider namespaces={["drives.form", "drives.overNote"]}>
            <PledgeForm driveId={d.id} categories={progress.categories.map((c) => ({ id: c.id, name: c.name }))} schools={schoolList} library={library} />
          </IntlProvider>
        </section>
      ) : null}

      {donors.length ? (
        <section aria-labelledby="donors-heading">
          <h2 id="donors-heading" className="mb-3 text-xl">
            {t("donors")}
          </h2>
          <p className="break-words">{donors.join("、")}</p>
        </section>
      ) : null}
    </article>
  );
}
