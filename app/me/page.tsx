import { Link } from "@/components/ui/link";
import { redirect } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/session";
import { listOpenCampaignsForGrade } from "@/lib/campaigns/queries";
import { getOwnPupil } from "@/lib/pupils/queries";
import { classLabel } from "@/lib/classes/label";
import { ConsentBadge } from "@/app/school/classes/consent-badge";

export default async function MePage() {
  const user = await requirePagePermission("me.view", "/me");
  if (user.mustChangePassword) redirect("/me/password");
  const [ta, t, tc, te, format, pupil] = await Promise.all([
    getTranslations("areas"),
    getTranslations("me"),
    getTranslations("classes"),
    getTranslations("entries"),
    getFormatter(),
    getOwnPupil(user.id),
  ]);
  const header = <PageHeader title={ta("meTitle")} intro={ta("meIntro", { name: user.name ?? user.username ?? "" })} />;
  if (!pupil) {
    return (
      <>
        {header}
        <EmptyState>{t("noClass")}</EmptyState>
      </>
    );
  }
  const campaigns = await listOpenCampaignsForGrade(pupil.grade);
  const card = "rounded-xl border border-line bg-white p-5";

  return (
    <>
      {header}
      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="me-school" className={card}>
          <h2 id="me-school" className="mb-2 text-xl">
            {t("schoolTitle")}
          </h2>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
            <dt className="text-ink-soft">{t("school")}</dt>
            <dd>{pupil.schoolName}</dd>
            <dt className="text-ink-soft">{t("class")}</dt>
            <dd>{classLabel(tc, { grade: pupil.classGrade, name: pupil.className })}</dd>
            <dt className="text-ink-soft">{t("username")}</dt>
            <dd className="font-mono">{pupil.username}</dd>
          </dl>
        </section>

        <section aria-labelledby="me-consent" className={card}>
          <h2 id="me-consent" className="mb-2 flex flex-wrap items-center gap-3 text-xl">
            {t("consentTitle")} <ConsentBadge state={pupil.consent} />
          </h2>
          <p>{t(`consent.${pupil.consent}`)}</p>
        </section>

        <section aria-labelledby="me-campaigns" className={`${card} lg:col-span-2`}>
          <div className="mb-2 flex flex-wrap items-center justify-between gap-3">
            <h2 id="me-campaigns" className="text-xl">
              {t("campaignsTitle")}
            </h2>
            <ButtonLink href="/me/entries">{te("title")}</ButtonLink>
          </div>
          {campaigns.length === 0 ? (
            <EmptyState>{t("noCampaigns")}</EmptyState>
          ) : (
            <ul className="flex flex-col gap-3">
              {campaigns.map((c) => (
                <li key={c.id} className="rounded-lg border border-line p-4">
                  <Link href={`/campaigns/${c.slug}`} className="text-lg font-bold">
                    {c.title}
                  </Link>
                  {c.theme ? <p className="text-ink-soft">{c.theme}</p> : null}
                  <p className="text-sm">
                    {t("submissionWindow", {
                      opens: format.dateTime(c.submissionOpensAt, { dateStyle: "medium" }),
                      closes: format.dateTime(c.submissionClosesAt, { dateStyle: "medium", timeStyle: "short" }),
                    })}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </>
  );
}
