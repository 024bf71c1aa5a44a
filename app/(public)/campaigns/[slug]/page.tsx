import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getFormatter, getTranslations } from "next-intl/server";
import { Markdown } from "@/components/markdown";
import { ButtonLink } from "@/components/ui/button";
import { campaignPhase, getPublicCampaign } from "@/lib/campaigns/queries";
import { resultsPublishedAt } from "@/lib/judging/certificates";
import { Timeline } from "./timeline";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const details = await getPublicCampaign((await params).slug);
  return { title: details?.campaign.title };
}

export default async function CampaignPage({ params }: Props) {
  await connection();
  const details = await getPublicCampaign((await params).slug);
  if (!details) notFound();
  const { campaign: c, categories, books } = details;
  const [t, tg, tr, format, published] = await Promise.all([getTranslations("campaigns"), getTranslations("grades"), getTranslations("results.public"), getFormatter(), resultsPublishedAt(c.id)]);
  const bands = [...new Set(books.map((b) => b.gradeBand))];

  return (
    <article className="flex flex-col gap-8">
      <header className="flex flex-col gap-2">
        {c.coverFileId ? (
          // eslint-disable-next-line @next/next/no-img-element -- a stored upload of unknown size; no optimiser in this deployment
          <img src={`/files/${c.coverFileId}`} alt="" className="mb-2 max-h-72 w-full rounded-xl object-cover" />
        ) : null}
        <p className="text-sm font-medium text-accent">{t("yearLabel", { year: c.year })}</p>
        <h1 className="text-2xl sm:text-3xl">{c.title}</h1>
        {c.theme ? <p className="text-lg text-ink-soft">{c.theme}</p> : null}
      </header>

      <Timeline campaign={c} phase={campaignPhase(c)} />

      {published ? (
        <section aria-labelledby="results-heading" className="flex flex-col gap-2 rounded-lg border border-accent/30 bg-accent-soft p-4 sm:flex-row sm:items-center sm:justify-between">
          <h2 id="results-heading" className="text-xl text-accent-deep">
            {tr("campaignBanner", { date: format.dateTime(published, { dateStyle: "long" }) })}
          </h2>
          <ButtonLink href={`/campaigns/${c.slug}/results`} className="self-start sm:self-auto">
            {tr("campaignLink")}
          </ButtonLink>
        </section>
      ) : null}

      {c.description ? <Markdown>{c.description}</Markdown> : null}

      <section aria-labelledby="categories-heading">
        <h2 id="categories-heading" className="mb-3 text-xl">
          {t("categories")}
        </h2>
        {categories.length === 0 ? (
          <p className="text-ink-soft">{t("categoriesEmpty")}</p>
        ) : (
          <ul className="grid gap-3 sm:grid-cols-2">
            {categories.map((cat) => (
              <li key={cat.id} className="rounded-lg border border-line bg-white p-4">
                <p className="font-bold">{cat.name}</p>
                <p className="text-sm text-ink-soft">
                  {tg(`g${cat.gradeMin}`)}–{tg(`g${cat.gradeMax}`)} · {t(`type.${cat.entryType}`)}
                </p>
                <p className="text-sm">
                  {cat.entryType === "essay"
                    ? t("essayLimits", { min: cat.minChars ?? 0, max: cat.maxChars ?? 0, hasMax: cat.maxChars ? "yes" : "no" })
                    : t("drawingLimits", { mb: cat.maxFileMb })}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>

      {c.rules ? (
        <section aria-labelledby="rules-heading">
          <h2 id="rules-heading" className="mb-3 text-xl">
            {t("rules")}
          </h2>
          <Markdown>{c.rules}</Markdown>
        </section>
      ) : null}

      {books.length ? (
        <section aria-labelledby="books-heading">
          <h2 id="books-heading" className="mb-3 text-xl">
            {t("books")}
          </h2>
          <div className="grid gap-4 md:grid-cols-2">
            {bands.map((band) => (
              <div key={band} className="rounded-lg border border-line bg-white p-4">
                {band ? <h3 className="mb-2 font-bold">{band}</h3> : null}
                <ul className="flex flex-col gap-1">
                  {books
                    .filter((b) => b.gradeBand === band)
                    .map((b) => (
                      <li key={b.id}>
                        《{b.title}》<span className="text-ink-soft">{b.author}</span>
                        {b.note ? <span className="block text-sm text-ink-soft">{b.note}</span> : null}
                      </li>
                    ))}
                </ul>
              </div>
            ))}
          </div>
        </section>
      ) : null}

      <p className="text-sm text-ink-soft">
        {t("updated", { date: format.dateTime(c.updatedAt, { dateStyle: "long" }) })}
      </p>
    </article>
  );
}
