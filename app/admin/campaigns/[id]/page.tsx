import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { IntlProvider } from "@/components/intl-provider";
import { ActionButton } from "@/components/ui/action-button";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/session";
import { getCampaignForStaff } from "@/lib/campaigns/queries";
import { campaignIdSchema } from "@/lib/campaigns/schemas";
import { toShanghaiInput } from "@/lib/time";
import { deleteBookAction, deleteCategoryAction, setStatusAction } from "../actions";
import { CampaignForm } from "../campaign-form";
import { StatusBadge } from "../status-badge";
import { BookForm } from "./book-form";
import { CategoryForm } from "./category-form";

export default async function EditCampaignPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string }> }) {
  const { id } = await params;
  await requirePagePermission("campaigns.manage", `/admin/campaigns/${id}`);
  const parsed = campaignIdSchema.safeParse({ campaignId: id });
  const details = parsed.success ? await getCampaignForStaff(parsed.data.campaignId) : null;
  if (!details) notFound();
  const { campaign: c, categories, books } = details;
  const [t, tg, tj] = await Promise.all([getTranslations("campaigns"), getTranslations("grades"), getTranslations("judgingAdmin")]);
  const created = (await searchParams).created === "1";

  const nextStatuses = { draft: ["published"], published: ["draft", "archived"], archived: ["published"] } as const;

  return (
    <IntlProvider namespaces={["campaigns", "common", "grades"]}>
      <PageHeader title={c.title}>
        <div className="flex flex-wrap items-center gap-3">
          <StatusBadge status={c.status} label={t(`status.${c.status}`)} />
          {c.status !== "draft" ? <Link href={`/campaigns/${c.slug}`}>{t("viewPublic")}</Link> : null}
          <Link href={`/admin/campaigns/${c.id}/judging`}>{tj("link")}</Link>
        </div>
        {created ? (
          <p role="status" className="rounded-md bg-accent-soft px-3 py-2 text-accent-deep">
            {t("createdNext")}
          </p>
        ) : null}
        <div className="flex flex-wrap gap-3">
          {nextStatuses[c.status].map((s) => (
            <ActionButton
              // A new key after categories change clears an earlier "needs a category" message.
              key={`${s}-${categories.length}`}
              action={setStatusAction}
              fields={{ campaignId: c.id, status: s }}
              label={t(`to.${s}`)}
              variant={s === "published" ? "warm" : "secondary"}
              confirmText={t(`confirm.${s}`, { title: c.title })}
            />
          ))}
        </div>
      </PageHeader>

      <div className="flex flex-col gap-10">
        <section aria-labelledby="details-heading">
          <h2 id="details-heading" className="mb-3 text-xl">
            {t("details")}
          </h2>
          <CampaignForm
            campaignId={c.id}
            initial={{
              slug: c.slug,
              title: c.title,
              theme: c.theme,
              year: String(c.year),
              codePrefix: c.codePrefix,
              description: c.description,
              rules: c.rules,
              maskNames: c.maskNames,
              registrationOpensAt: toShanghaiInput(c.registrationOpensAt),
              registrationClosesAt: toShanghaiInput(c.registrationClosesAt),
              submissionOpensAt: toShanghaiInput(c.submissionOpensAt),
              submissionClosesAt: toShanghaiInput(c.submissionClosesAt),
              judgingEndsAt: toShanghaiInput(c.judgingEndsAt),
              resultsAt: toShanghaiInput(c.resultsAt),
            }}
          />
        </section>

        <section aria-labelledby="categories-heading" className="flex flex-col gap-4">
          <h2 id="categories-heading" className="text-xl">
            {t("categories")}
          </h2>
          {categories.length === 0 ? <p className="text-ink-soft">{t("categoriesEmpty")}</p> : null}
          {categories.map((cat) => (
            <div key={cat.id} className="rounded-lg border border-line bg-white p-4">
              <p className="mb-2 font-bold">
                {cat.code} · {cat.name} · {tg(`g${cat.gradeMin}`)}–{tg(`g${cat.gradeMax}`)}
              </p>
              <CategoryForm campaignId={c.id} category={cat} />
              <div className="mt-3 border-t border-line pt-3">
                <ActionButton
                  action={deleteCategoryAction}
                  fields={{ campaignId: c.id, categoryId: cat.id }}
                  label={t("deleteCategory")}
                  variant="ghost"
                  confirmText={t("confirmDeleteCategory", { name: cat.name })}
                />
              </div>
            </div>
          ))}
          <div className="rounded-lg border border-dashed border-line bg-white/60 p-4">
            <h3 className="mb-2 font-bold">{t("addCategory")}</h3>
            <CategoryForm campaignId={c.id} />
          </div>
        </section>

        <section aria-labelledby="books-heading" className="flex flex-col gap-4">
          <h2 id="books-heading" className="text-xl">
            {t("books")}
          </h2>
          {books.length === 0 ? (
            <p className="text-ink-soft">{t("booksEmpty")}</p>
          ) : (
            <ul className="flex flex-col divide-y divide-line rounded-lg border border-line bg-white">
              {books.map((b) => (
                <li key={b.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-2">
                  <span>
                    《{b.title}》 {b.author} <span className="text-sm text-ink-soft">{[b.gradeBand, b.note].filter(Boolean).join(" · ")}</span>
                  </span>
                  <ActionButton
                    action={deleteBookAction}
                    fields={{ campaignId: c.id, bookId: b.id }}
                    label={t("deleteBook")}
                    variant="ghost"
                    confirmText={t("confirmDeleteBook", { title: b.title })}
                  />
                </li>
              ))}
            </ul>
          )}
          <BookForm campaignId={c.id} />
        </section>
      </div>
    </IntlProvider>
  );
}
