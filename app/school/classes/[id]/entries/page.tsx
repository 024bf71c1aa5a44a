import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getFormatter, getTranslations } from "next-intl/server";
import { IntlProvider } from "@/components/intl-provider";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requireClassPage } from "@/lib/classes/page-guard";
import { getClassEntryProgress, type CampaignProgress } from "@/lib/entries/progress";
import { classLabel } from "@/lib/classes/label";
import { CategoryProgressBlock } from "./category-progress";
import { ReminderForm } from "./reminder-form";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const { cls } = await requireClassPage(id, `/school/classes/${id}/entries`);
  const [t, tc] = await Promise.all([getTranslations("entriesProgress"), getTranslations("classes")]);
  return { title: t("metaTitle", { class: classLabel(tc, cls) }) };
}

export default async function ClassEntriesPage({ params }: Props) {
  await connection();
  const { id } = await params;
  const { user, cls } = await requireClassPage(id, `/school/classes/${id}/entries`);
  const [t, tc, format, progress] = await Promise.all([getTranslations("entriesProgress"), getTranslations("classes"), getFormatter(), getClassEntryProgress(user, cls.id)]);
  if (!progress) notFound();
  const canWrite = cls.canManage && can(user, "entries.submit_for_pupils");
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });

  const reminder = (c: CampaignProgress) => {
    const headingId = `remind-${c.campaign.id}`;
    let body;
    if (c.windowState !== "open") body = <p className="text-ink-soft">{t("reminder.closed")}</p>;
    else if (c.notSubmitted === 0) body = <p className="text-ink-soft">{t("reminder.allSubmitted")}</p>;
    else
      body = (
        <>
          <p>
            {t("reminder.intro", { count: c.notSubmitted })}
            {c.withoutEmail ? ` ${t("reminder.noEmail", { count: c.withoutEmail })}` : ""}
          </p>
          {c.notSubmitted > c.withoutEmail ? (
            <ReminderForm classId={cls.id} campaignId={c.campaign.id} targets={c.notSubmitted - c.withoutEmail} closesAt={when(c.window.closesAt)} />
          ) : null}
        </>
      );
    return (
      <section aria-labelledby={headingId} className="flex flex-col gap-2 rounded-xl border border-line bg-white p-5">
        <h3 id={headingId} className="text-lg">
          {t("reminder.title")}
        </h3>
        {body}
      </section>
    );
  };

  return (
    <IntlProvider namespaces={["entriesProgress", "errors"]}>
      <PageHeader
        title={t("title")}
        intro={
          <>
            <strong className="font-bold text-ink">{classLabel(tc, cls)}</strong> · {cls.schoolName}
          </>
        }
      >
        <p className="max-w-prose text-ink-soft">{t(canWrite ? "intro" : "introView")}</p>
        <ButtonLink href={`/school/classes/${cls.id}`} variant="ghost" className="self-start">
          {t("backToClass")}
        </ButtonLink>
      </PageHeader>

      {progress.campaigns.length === 0 ? (
        <EmptyState action={user.roles.includes("coordinator") ? <ButtonLink href="/school/campaigns" variant="secondary">{t("emptyAction")}</ButtonLink> : undefined}>
          {t("empty")}
        </EmptyState>
      ) : (
        <div className="flex flex-col gap-12">
          {progress.campaigns.map((c) => (
            <section key={c.campaign.id} aria-labelledby={`campaign-${c.campaign.id}`} className="flex flex-col gap-6">
              <div>
                <h2 id={`campaign-${c.campaign.id}`} className="text-xl">
                  <Link href={`/campaigns/${c.campaign.slug}`}>{c.campaign.title}</Link>
                </h2>
                <p className="text-ink-soft">
                  {c.windowState === "open" ? t("deadline", { date: when(c.window.closesAt) }) : t("closedOn", { date: when(c.window.closesAt) })}
                  {c.window.extended ? ` ${t("extended")}` : null}
                </p>
              </div>
              {c.categories.map((item) => (
                <CategoryProgressBlock key={item.category.id} classId={cls.id} item={item} windowState={c.windowState} canWrite={canWrite} />
              ))}
              {cls.canManage ? reminder(c) : null}
            </section>
          ))}
        </div>
      )}
    </IntlProvider>
  );
}
