import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { connection } from "next/server";
import { getFormatter, getTranslations } from "next-intl/server";
import { listOpenJudgeInvitations } from "@/lib/judging/invitations";
import { listPanel } from "@/lib/judging/panel";
import { listRubric } from "@/lib/judging/rubric";
import { categoryProgress } from "@/lib/judging/staff-assign";
import { judgingCampaign } from "./campaign";
import { ProgressBar } from "./progress-bar";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("judgingAdmin"))("tabs.overview") };
}

function Card({ title, href, link, children }: { title: string; href: string; link: string; children: React.ReactNode }) {
  return (
    <section className="flex flex-col gap-2 rounded-lg border border-line bg-white p-4">
      <h3 className="text-lg">{title}</h3>
      <div className="flex flex-1 flex-col gap-1">{children}</div>
      <Link href={href} className="inline-flex min-h-11 items-center self-start">
        {link} →
      </Link>
    </section>
  );
}

export default async function JudgingOverviewPage({ params }: { params: Promise<{ id: string }> }) {
  await connection();
  const { campaign } = await judgingCampaign(params);
  const [t, format, rubric, panel, invitations, progress] = await Promise.all([
    getTranslations("judgingAdmin.overview"),
    getFormatter(),
    listRubric(campaign.id),
    listPanel(campaign.id),
    listOpenJudgeInvitations(campaign.id),
    categoryProgress(campaign.id),
  ]);
  const base = `/admin/campaigns/${campaign.id}/judging`;
  const withRubric = rubric.filter((c) => c.criteria.length > 0).length;
  const missing = rubric.filter((c) => c.criteria.length === 0);
  const sum = (k: "entries" | "held" | "short" | "assignments" | "submitted" | "scored") => progress.categories.reduce((n, c) => n + c[k], 0);
  const open = new Date() < campaign.judgingEndsAt;
  const steps = [
    missing.length > 0 ? t("next.rubric") : null,
    panel.length === 0 ? t("next.judges") : null,
    panel.length > 0 && sum("short") > 0 ? t("next.assign", { count: sum("short") }) : null,
  ].filter((s): s is string => s !== null);

  return (
    <div className="flex flex-col gap-6">
      <h2 className="text-xl">{t("heading")}</h2>
      <p className={open ? "" : "font-medium text-danger"}>
        {t(open ? "judgingOpen" : "judgingClosed", { date: format.dateTime(campaign.judgingEndsAt, { dateStyle: "medium", timeStyle: "short" }) })}
      </p>
      {steps.length > 0 ? (
        <div role="status" className="rounded-md bg-accent-soft px-4 py-3 text-accent-deep">
          <p className="font-medium">{t("nextHeading")}</p>
          <ul className="list-disc pl-5">
            {steps.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Card title={t("rubricTitle")} href={`${base}/rubric`} link={t("rubricLink")}>
          <p>{t("rubricCount", { done: withRubric, total: rubric.length })}</p>
          {missing.length > 0 ? <p className="text-sm text-danger">{t("rubricMissing", { names: format.list(missing.map((c) => c.name)) })}</p> : null}
        </Card>
        <Card title={t("judgesTitle")} href={`${base}/judges`} link={t("judgesLink")}>
          <p>{t("judgesCount", { count: panel.length })}</p>
          <p className="text-sm text-ink-soft">{t("invitationsCount", { count: invitations.length })}</p>
        </Card>
        <Card title={t("assignTitle")} href={`${base}/assign`} link={t("assignLink")}>
          <p>{t("entriesCount", { count: sum("entries"), k: progress.judgesPerEntry })}</p>
          <p className={`text-sm ${sum("short") > 0 ? "text-danger" : "text-ink-soft"}`}>{t("shortCount", { count: sum("short") })}</p>
          {sum("held") > 0 ? (
            <p className="text-sm">
              <Link href={`/admin/entries?${new URLSearchParams({ campaign: String(campaign.id), flagged: "1" })}`}>{t("heldCount", { count: sum("held") })}</Link>
            </p>
          ) : null}
        </Card>
        <Card title={t("scoringTitle")} href={`${base}/judges`} link={t("scoringLink")}>
          <p>{t("scoresCount", { done: sum("submitted"), total: sum("assignments") })}</p>
          <ProgressBar done={sum("submitted")} total={sum("assignments")} label={t("scoringTitle")} />
          <p className="text-sm text-ink-soft">{t("scoredEntries", { done: sum("scored"), total: sum("entries") })}</p>
        </Card>
      </div>
    </div>
  );
}
