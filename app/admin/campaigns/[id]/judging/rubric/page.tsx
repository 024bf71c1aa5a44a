import type { Metadata } from "next";
import { connection } from "next/server";
import { getTranslations } from "next-intl/server";
import { IntlProvider } from "@/components/intl-provider";
import { ActionButton } from "@/components/ui/action-button";
import { EmptyState } from "@/components/ui/empty-state";
import { listRubric, type RubricCategory } from "@/lib/judging/rubric";
import { formatBands } from "@/lib/judging/schemas";
import { judgingCampaign } from "../campaign";
import { deleteCriterionAction } from "./actions";
import { CriterionForm } from "./criterion-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("judgingAdmin"))("tabs.rubric") };
}

const detailsSummary = "inline-flex min-h-11 cursor-pointer items-center font-medium text-accent";

async function Category({ campaignId, category }: { campaignId: number; category: RubricCategory }) {
  const t = await getTranslations("judgingAdmin.rubric");
  const scale = category.criteria.reduce((n, c) => n + c.weight * c.maxPoints, 0);
  const nextOrder = Math.min(99, Math.max(0, ...category.criteria.map((c) => c.sortOrder)) + 1);
  return (
    <section aria-labelledby={`cat-${category.id}`} className="flex flex-col gap-3">
      <h3 id={`cat-${category.id}`} className="text-lg">
        {category.code} · {category.name}
      </h3>
      {category.locked ? (
        <p role="note" className="rounded-md border border-warm/30 bg-paper-deep px-3 py-2">
          {t("locked", { count: category.submittedScores })}
        </p>
      ) : null}
      {category.criteria.length === 0 ? (
        <EmptyState>{t("empty")}</EmptyState>
      ) : (
        <ol className="flex flex-col gap-3">
          {category.criteria.map((c) => (
            <li key={c.id} className="flex flex-col gap-2 rounded-lg border border-line bg-white p-4">
              <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
                <p className="font-bold">{c.name}</p>
                <p className="text-sm text-ink-soft">{t("figures", { max: c.maxPoints, weight: c.weight, share: Math.round(((c.weight * c.maxPoints) / scale) * 100) })}</p>
              </div>
              {c.description ? <p className="text-ink-soft">{c.description}</p> : null}
              {c.bands.length > 0 ? (
                <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
                  {c.bands.map((b) => (
                    <div key={`${b.from}-${b.to}`} className="contents">
                      <dt className="whitespace-nowrap font-medium tabular-nums">{b.from === b.to ? b.from : `${b.from}–${b.to}`}</dt>
                      <dd>{b.text}</dd>
                    </div>
                  ))}
                </dl>
              ) : null}
              {category.locked ? null : (
                <div className="flex flex-col gap-2 border-t border-line pt-2">
                  <details>
                    <summary className={detailsSummary}>{t("edit", { name: c.name })}</summary>
                    <div className="pt-2">
                      <CriterionForm
                        campaignId={campaignId}
                        categoryId={category.id}
                        initial={{
                          id: c.id,
                          name: c.name,
                          description: c.description,
                          maxPoints: String(c.maxPoints),
                          weight: String(c.weight),
                          sortOrder: String(c.sortOrder),
                          bands: formatBands(c.bands),
                        }}
                      />
                    </div>
                  </details>
                  <div className="self-start">
                    <ActionButton
                      action={deleteCriterionAction}
                      fields={{ campaignId, criterionId: c.id }}
                      label={t("delete")}
                      variant="ghost"
                      confirmText={t("confirmDelete", { name: c.name })}
                    />
                  </div>
                </div>
              )}
            </li>
          ))}
        </ol>
      )}
      {category.locked ? null : (
        <div className="rounded-lg border border-dashed border-line bg-white/60 p-4">
          <h4 className="mb-2 font-bold">{t("addHeading")}</h4>
          <CriterionForm
            campaignId={campaignId}
            categoryId={category.id}
            initial={{ name: "", description: "", maxPoints: "10", weight: "1", sortOrder: String(nextOrder), bands: "" }}
          />
        </div>
      )}
    </section>
  );
}

export default async function RubricPage({ params }: { params: Promise<{ id: string }> }) {
  await connection();
  const { campaign } = await judgingCampaign(params, "/rubric");
  const [t, rubric] = await Promise.all([getTranslations("judgingAdmin.rubric"), listRubric(campaign.id)]);
  return (
    <IntlProvider namespaces={["judgingAdmin", "common"]}>
      <div className="flex flex-col gap-8">
        <div className="flex flex-col gap-1">
          <h2 className="text-xl">{t("heading")}</h2>
          <p className="max-w-prose text-ink-soft">{t("intro")}</p>
        </div>
        {rubric.length === 0 ? <EmptyState>{t("noCategories")}</EmptyState> : null}
        {rubric.map((category) => (
          <Category key={category.id} campaignId={campaign.id} category={category} />
        ))}
      </div>
    </IntlProvider>
  );
}
