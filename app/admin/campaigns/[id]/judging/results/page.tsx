import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { connection } from "next/server";
import { getFormatter, getTranslations } from "next-intl/server";
import { IntlProvider } from "@/components/intl-provider";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination, pageParam } from "@/components/ui/pagination";
import { getResultsOverview, listResultRows, type ResultsOverview } from "@/lib/judging/results-admin";
import { judgingCampaign } from "../campaign";
import { CategoryResults } from "./category-results";
import { ComputeForm } from "./compute-form";
import { PublishForm } from "./publish-form";
import { SettingsForm } from "./settings-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("results.admin"))("title") };
}

/** Entries listed per category on the overview, and per page of one category. */
const TOP = 100;

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

async function Status({ overview, publicHref }: { overview: ResultsOverview; publicHref: string }) {
  const [t, format] = await Promise.all([getTranslations("results.admin"), getFormatter()]);
  const date = (d: Date) => format.dateTime(d, { dateStyle: "long", timeStyle: "short" });
  return (
    <div className="flex flex-col gap-1 rounded-md border border-line bg-white px-4 py-3">
      <p>{overview.computedAt ? t("computedAt", { date: date(overview.computedAt), count: overview.ranked }) : t("notComputed")}</p>
      {overview.publishedAt ? (
        <p className="font-medium text-accent-deep">
          {t("publishedAt", { date: date(overview.publishedAt) })} <Link href={publicHref} className="underline">
            {t("publicLink")}
          </Link>
        </p>
      ) : (
        <p className="text-ink-soft">{t("notPublished")}</p>
      )}
    </div>
  );
}

export default async function ResultsPage({ params, searchParams }: Props) {
  await connection();
  const { campaign } = await judgingCampaign(params, "/results");
  const sp = await searchParams;
  const [t, overview] = await Promise.all([getTranslations("results.admin"), getResultsOverview(campaign.id)]);
  const base = `/admin/campaigns/${campaign.id}/judging/results`;
  const focusId = Number(Array.isArray(sp.category) ? sp.category[0] : sp.category);
  const focus = overview.categories.find((c) => c.id === focusId);

  // One category, page by page: everything else stays out of the way.
  if (focus) {
    const pages = Math.max(1, Math.ceil(focus.ranked / TOP));
    const page = Math.min(pageParam(sp.page), pages);
    const from = (page - 1) * TOP + 1;
    const rows = await listResultRows(campaign.id, { categoryId: focus.id, from: Math.max(1, from - 1), to: page * TOP });
    const above = from > 1 ? rows.shift() : undefined;
    return (
      <IntlProvider namespaces={["results", "common"]}>
        <div className="flex flex-col gap-6">
          <Link href={base} className="inline-flex min-h-11 items-center self-start">
            ← {t("allCategories")}
          </Link>
          <CategoryResults
            campaignId={campaign.id}
            category={focus}
            rows={rows}
            above={above}
            normalise={overview.normalise}
            footer={<Pagination page={page} pages={pages} href={(p) => `${base}?category=${focus.id}&page=${p}`} />}
          />
        </div>
      </IntlProvider>
    );
  }

  const rows = await listResultRows(campaign.id, { from: 1, to: TOP });
  const awards = overview.categories.reduce((n, c) => n + c.ranked - c.tiers.none, 0);
  return (
    <IntlProvider namespaces={["results", "common"]}>
      <div className="flex flex-col gap-8">
        <div className="flex flex-col gap-3">
          <h2 className="text-xl">{t("heading")}</h2>
          <p className="max-w-prose text-ink-soft">{t("intro")}</p>
          <Status overview={overview} publicHref={`/campaigns/${campaign.slug}/results`} />
        </div>

        {overview.categories.length === 0 ? <EmptyState>{t("noCategories")}</EmptyState> : null}

        <section aria-labelledby="settings-heading" className="flex flex-col gap-3">
          <details open={overview.computedAt === null} className="group rounded-lg border border-line bg-paper-deep/50 p-4">
            <summary className="inline-flex min-h-11 cursor-pointer items-center gap-2">
              <span aria-hidden="true" className="text-accent transition-transform group-open:rotate-90">▸</span>
              <h3 id="settings-heading" className="text-lg">
                {t("settingsHeading")}
              </h3>
            </summary>
            <div className="pt-3">
              <SettingsForm campaignId={campaign.id} normalise={overview.normalise} categories={overview.categories} />
            </div>
          </details>
        </section>

        <div className="grid gap-4 md:grid-cols-2">
          <section aria-labelledby="compute-heading" className="flex flex-col gap-2 rounded-lg border border-line bg-white p-4">
            <h3 id="compute-heading" className="text-lg">
              {t("computeHeading")}
            </h3>
            <p className="text-ink-soft">{t("computeIntro")}</p>
            {overview.publishedAt ? <p className="text-sm text-warm-deep">{t("computeAfterPublication")}</p> : null}
            <ComputeForm campaignId={campaign.id} published={overview.publishedAt !== null} />
          </section>
          <section aria-labelledby="publish-heading" className="flex flex-col gap-2 rounded-lg border border-line bg-white p-4">
            <h3 id="publish-heading" className="text-lg">
              {t("publishHeading")}
            </h3>
            <p className="text-ink-soft">{t(campaign.maskNames ? "publishIntroMasked" : "publishIntroFull")}</p>
            <p className="text-sm text-ink-soft">{t("publishAgainSafe")}</p>
            <PublishForm campaignId={campaign.id} published={overview.publishedAt !== null} awards={awards} />
          </section>
        </div>

        {overview.categories.map((c) => (
          <CategoryResults
            key={c.id}
            campaignId={campaign.id}
            category={c}
            rows={rows.filter((r) => r.categoryId === c.id)}
            normalise={overview.normalise}
            footer={
              c.ranked > TOP ? (
                <Link href={`${base}?category=${c.id}`} className="inline-flex min-h-11 items-center self-start font-medium">
                  {t("showAll", { count: c.ranked, top: TOP })} →
                </Link>
              ) : null
            }
          />
        ))}
      </div>
    </IntlProvider>
  );
}
