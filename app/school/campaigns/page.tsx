import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { IntlProvider } from "@/components/intl-provider";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/session";
import { getEnrolmentOverview } from "@/lib/enrolment/queries";
import { classLabel } from "@/lib/classes/label";
import { EnrolForm } from "./enrol-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("enrolment"))("title") };
}

export default async function SchoolCampaignsPage() {
  const user = await requirePagePermission("campaigns.enrol", "/school/campaigns");
  const [t, tc, format] = await Promise.all([getTranslations("enrolment"), getTranslations("classes"), getFormatter()]);
  const overview = user.schoolId ? await getEnrolmentOverview(user.schoolId) : { open: [], enrolled: [] };
  const date = (d: Date) => format.dateTime(d, { dateStyle: "medium" });

  return (
    <IntlProvider namespaces={["enrolment", "errors"]}>
      <PageHeader title={t("title")} intro={t("intro")}>
        <ButtonLink href="/school" variant="ghost" className="self-start">
          {t("backToSchool")}
        </ButtonLink>
      </PageHeader>

      <section aria-labelledby="open-heading" className="mb-10">
        <h2 id="open-heading" className="mb-3 text-xl">
          {t("openTitle")}
        </h2>
        {overview.open.length === 0 ? (
          <EmptyState>{t("noneOpen")}</EmptyState>
        ) : (
          <ul className="flex flex-col gap-3">
            {overview.open.map((c) => (
              <li key={c.id} className="flex flex-col gap-2 rounded-xl border border-line bg-white p-5">
                <Link href={`/campaigns/${c.slug}`} className="text-lg font-bold">
                  {c.title}
                </Link>
                {c.theme ? <p className="text-ink-soft">{c.theme}</p> : null}
                <p className="text-sm">{t("registrationCloses", { date: date(c.registrationClosesAt) })}</p>
                {c.enrolled ? (
                  <p className="self-start rounded bg-accent-soft px-3 py-1 font-medium text-accent-deep">{t("enrolled")}</p>
                ) : (
                  <EnrolForm campaignId={c.id} title={c.title} />
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      {overview.enrolled.map(({ campaign, categories, rows }) => (
        <section key={campaign.id} aria-labelledby={`enrolled-${campaign.id}`} className="mb-10">
          <h2 id={`enrolled-${campaign.id}`} className="text-xl">
            {t("pupilsTitle", { title: campaign.title })}
          </h2>
          <p className="mb-3 text-sm text-ink-soft">{t("pupilsIntro")}</p>
          {rows.length === 0 ? (
            <EmptyState>{t("noPupils")}</EmptyState>
          ) : (
            <div className="overflow-x-auto rounded-lg border border-line bg-white">
              <table className="w-full min-w-max border-collapse text-left">
                <thead className="bg-paper-deep">
                  <tr>
                    <th scope="col" className="px-3 py-2">
                      {t("class")}
                    </th>
                    {categories.map((cat) => (
                      <th key={cat.id} scope="col" className="whitespace-nowrap px-3 py-2">
                        {cat.name}
                        <span className="block text-sm font-normal text-ink-soft">{t("grades", { min: cat.gradeMin, max: cat.gradeMax })}</span>
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr key={r.id} className="border-t border-line">
                      <th scope="row" className="whitespace-nowrap px-3 py-2 font-medium">
                        <Link href={`/school/classes/${r.id}`}>{classLabel(tc, r)}</Link>
                      </th>
                      {r.counts.map((n, i) => (
                        <td key={categories[i]!.id} className="px-3 py-2">
                          {n.eligible === 0 ? (
                            <span className="text-ink-soft">—</span>
                          ) : (
                            <>
                              {t("eligible", { count: n.eligible })}
                              <span className={`block text-sm ${n.ready < n.eligible ? "text-danger" : "text-ink-soft"}`}>{t("ready", { count: n.ready })}</span>
                            </>
                          )}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      ))}
    </IntlProvider>
  );
}
