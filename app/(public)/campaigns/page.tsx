import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { connection } from "next/server";
import { getFormatter, getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { campaignPhase, listPublicCampaigns } from "@/lib/campaigns/queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("campaigns"))("title") };
}

export default async function CampaignsPage() {
  await connection();
  const [t, format, rows] = await Promise.all([getTranslations("campaigns"), getFormatter(), listPublicCampaigns()]);
  const now = new Date();
  return (
    <>
      <PageHeader title={t("title")} intro={t("intro")} />
      {rows.length === 0 ? (
        <EmptyState>{t("empty")}</EmptyState>
      ) : (
        <ul className="grid gap-4 md:grid-cols-2">
          {rows.map((c) => (
            <li key={c.id}>
              <Link href={`/campaigns/${c.slug}`} className="flex h-full flex-col gap-1 rounded-xl border border-line bg-white p-5 text-ink no-underline hover:border-accent">
                <span className="text-sm font-medium text-accent">{t(`phaseNow.${campaignPhase(c, now)}`)}</span>
                <span className="text-xl font-bold">{c.title}</span>
                {c.theme ? <span className="text-ink-soft">{c.theme}</span> : null}
                <span className="mt-2 text-sm text-ink-soft">
                  {t("submissionWindow", {
                    start: format.dateTime(c.submissionOpensAt, { dateStyle: "long" }),
                    end: format.dateTime(c.submissionClosesAt, { dateStyle: "long" }),
                  })}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
