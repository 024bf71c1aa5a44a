import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { IntlProvider } from "@/components/intl-provider";
import { ActionButton } from "@/components/ui/action-button";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/session";
import { listAllCampaigns } from "@/lib/campaigns/queries";
import { listEnrolledSchools, listExtensions } from "@/lib/entries/review-queries";
import { toShanghaiInput } from "@/lib/time";
import { removeExtensionAction } from "../actions";
import { ExtensionForm } from "./extension-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("entriesAdmin"))("extensions.title") };
}

export default async function ExtensionsPage({ searchParams }: { searchParams: Promise<{ campaign?: string }> }) {
  const { campaign: param } = await searchParams;
  await requirePagePermission("entries.review", `/admin/entries/extensions${param ? `?campaign=${encodeURIComponent(param)}` : ""}`);
  const [t, format, locale, campaigns] = await Promise.all([getTranslations("entriesAdmin"), getFormatter(), getLocale(), listAllCampaigns()]);
  // The newest campaign unless one is chosen: it is the one taking entries.
  const campaign = campaigns.find((c) => String(c.id) === param) ?? campaigns[0];
  const en = locale === "en";
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });

  const header = (
    <PageHeader title={t("extensions.title")} intro={t("extensions.intro")}>
      <Link href="/admin/entries" className="self-start">
        ← {t("detail.back")}
      </Link>
    </PageHeader>
  );
  if (!campaign) {
    return (
      <>
        {header}
        <EmptyState>{t("extensions.noCampaigns")}</EmptyState>
      </>
    );
  }
  const [schools, extensions] = await Promise.all([listEnrolledSchools(campaign.id), listExtensions(campaign.id)]);

  return (
    <IntlProvider namespaces={["entriesAdmin", "common", "errors"]}>
      {header}
      <form action="/admin/entries/extensions" className="mb-6 flex flex-col gap-3 sm:flex-row sm:items-end">
        <div className="flex min-w-0 flex-col gap-1">
          <label htmlFor="extensions-campaign" className="font-medium">
            {t("extensions.campaign")}
          </label>
          <select
            id="extensions-campaign"
            name="campaign"
            defaultValue={campaign.id}
            className="min-h-11 w-full rounded-md border border-line bg-white px-3 sm:w-auto"
          >
            {campaigns.map((c) => (
              <option key={c.id} value={c.id}>
                {c.title}
              </option>
            ))}
          </select>
        </div>
        <Button type="submit" variant="secondary" className="self-start sm:self-auto">
          {t("extensions.show")}
        </Button>
      </form>
      <p className="mb-6 font-medium">{t("extensions.deadline", { date: when(campaign.submissionClosesAt) })}</p>

      <div className="grid gap-8 lg:grid-cols-2">
        <section aria-labelledby="grant-heading" className="flex flex-col gap-3">
          <h2 id="grant-heading" className="text-xl">
            {t("extensions.grantHeading")}
          </h2>
          {schools.length === 0 ? (
            <EmptyState>{t("extensions.noSchools")}</EmptyState>
          ) : (
            <div className="rounded-lg border border-line bg-white p-4">
              <ExtensionForm
                campaignId={campaign.id}
                schools={schools.map((s) => ({ id: s.id, label: `${s.name}（${en ? s.townEn : s.townZh}）` }))}
                suggested={toShanghaiInput(campaign.submissionClosesAt)}
                judgingEnds={when(campaign.judgingEndsAt)}
              />
            </div>
          )}
        </section>

        <section aria-labelledby="list-heading" className="flex flex-col gap-3">
          <h2 id="list-heading" className="text-xl">
            {t("extensions.listHeading")}
          </h2>
          {extensions.length === 0 ? (
            <EmptyState>{t("extensions.empty")}</EmptyState>
          ) : (
            <ul className="divide-y divide-line rounded-lg border border-line bg-white">
              {extensions.map((x) => (
                <li key={x.id} className="flex flex-col gap-2 p-4 sm:flex-row sm:items-start sm:justify-between">
                  <div className="min-w-0">
                    <p className="font-bold">
                      {x.schoolName} <span className="font-normal text-ink-soft">· {en ? x.townEn : x.townZh}</span>
                    </p>
                    <p>{t("extensions.until", { date: when(x.closesAt) })}</p>
                    {x.reason ? <p className="break-words text-ink-soft">{x.reason}</p> : null}
                    <p className="text-sm text-ink-soft">
                      {t("extensions.grantedBy", { name: x.grantedByName ?? t("detail.someone"), date: when(x.grantedAt) })}
                    </p>
                  </div>
                  <ActionButton
                    action={removeExtensionAction}
                    fields={{ extensionId: x.id }}
                    label={t("extensions.remove")}
                    variant="ghost"
                    confirmText={t("extensions.removeConfirm", { school: x.schoolName })}
                  />
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </IntlProvider>
  );
}
