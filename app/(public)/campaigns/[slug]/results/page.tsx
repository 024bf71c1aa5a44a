import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getFormatter, getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { getPublicCampaign } from "@/lib/campaigns/queries";
import { getPublicResults } from "@/lib/judging/public";
import type { Tier } from "@/lib/judging/results";

type Props = { params: Promise<{ slug: string }> };

const awarded: Exclude<Tier, "none">[] = ["first", "second", "third", "merit"];
/** Longer tiers (usually merit) fold away so a phone reaches the next category quickly. */
const FOLD_AFTER = 30;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [details, t] = await Promise.all([getPublicCampaign((await params).slug), getTranslations("results.public")]);
  return { title: details ? t("title", { campaign: details.campaign.title }) : undefined };
}

type Award = NonNullable<Awaited<ReturnType<typeof getPublicResults>>>["categories"][number]["awards"][number];

async function AwardList({ awards }: { awards: Award[] }) {
  const t = await getTranslations("results.public");
  return (
    <ul className="divide-y divide-line rounded-lg border border-line bg-white">
      {awards.map((a, i) => (
        <li key={i} className="flex flex-col px-4 py-2 sm:flex-row sm:items-baseline sm:gap-4">
          <span className="font-medium sm:w-32 sm:shrink-0">
            {a.name}
            {a.corrected ? <span className="ml-2 rounded bg-paper-deep px-1.5 text-sm font-normal text-warm-deep">{t("corrected")}</span> : null}
          </span>
          <span className="text-ink-soft sm:flex-1">{a.schoolName}</span>
          <span className="text-sm text-ink-soft sm:max-w-[40%] sm:text-right">《{a.title}》</span>
        </li>
      ))}
    </ul>
  );
}

export default async function PublicResultsPage({ params }: Props) {
  await connection();
  const { slug } = await params;
  const [details, results] = await Promise.all([getPublicCampaign(slug), getPublicResults(slug)]);
  if (!details) notFound();
  const c = details.campaign;
  const [t, tt, format] = await Promise.all([getTranslations("results.public"), getTranslations("resultsEmail.tier"), getFormatter()]);
  const date = (d: Date) => format.dateTime(d, { dateStyle: "long" });

  return (
    <article className="flex flex-col gap-8">
      <header className="flex flex-col gap-2">
        <Link href={`/campaigns/${c.slug}`} className="inline-flex min-h-11 items-center self-start">
          ← {c.title}
        </Link>
        <h1 className="text-2xl sm:text-3xl">{t("heading")}</h1>
        {results?.campaign.publishedAt ? <p className="text-ink-soft">{t("publishedOn", { date: date(results.campaign.publishedAt) })}</p> : null}
      </header>

      {!results ? (
        <EmptyState>{new Date() < c.resultsAt ? t("notYet", { date: date(c.resultsAt) }) : t("soon", { date: date(c.resultsAt) })}</EmptyState>
      ) : (
        <>
          <p className="max-w-prose text-ink-soft">
            {results.campaign.maskNames ? t("maskedNote") : null} {t("verifyNote")}
          </p>
          {results.categories.length === 0 ? <EmptyState>{t("noAwards")}</EmptyState> : null}
          {results.categories.length > 1 ? (
            <nav aria-label={t("categoriesNav")}>
              <ul className="flex flex-wrap gap-2">
                {results.categories.map((cat) => (
                  <li key={cat.id}>
                    <a href={`#category-${cat.id}`} className="inline-flex min-h-11 items-center rounded-full border border-line bg-white px-4 no-underline hover:border-accent">
                      {cat.name}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          ) : null}
          {results.categories.map((cat) => (
            <section key={cat.id} id={`category-${cat.id}`} aria-labelledby={`category-${cat.id}-heading`} className="flex scroll-mt-4 flex-col gap-4">
              <h2 id={`category-${cat.id}-heading`} className="border-b border-line pb-1 text-xl">
                {cat.name}
              </h2>
              {awarded.map((tier) => {
                const list = cat.awards.filter((a) => a.tier === tier);
                if (list.length === 0) return null;
                const heading = t("tierHeading", { tier: tt(tier), count: list.length });
                return list.length > FOLD_AFTER ? (
                  <details key={tier} className="flex flex-col gap-2">
                    <summary className="inline-flex min-h-11 cursor-pointer items-center text-lg font-bold text-accent">{heading}</summary>
                    <AwardList awards={list} />
                  </details>
                ) : (
                  <div key={tier} className="flex flex-col gap-2">
                    <h3 className="text-lg">{heading}</h3>
                    <AwardList awards={list} />
                  </div>
                );
              })}
            </section>
          ))}
        </>
      )}
    </article>
  );
}
