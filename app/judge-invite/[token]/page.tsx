import type { Metadata } from "next";
import { connection } from "next/server";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { IntlProvider } from "@/components/intl-provider";
import { ButtonLink } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { getCurrentUser } from "@/lib/auth/session";
import { getJudgeInvitationView, judgeSignInPath, listConflictSchools } from "@/lib/judging/invitations";
import { MAX_CONFLICTS } from "@/lib/judging/schemas";
import { AcceptJudgeForm, type SchoolGroup } from "./accept-form";

// A personal link: keep it out of search engines.
export const metadata: Metadata = { robots: { index: false, follow: false } };

export default async function JudgeInvitationPage({ params }: { params: Promise<{ token: string }> }) {
  await connection();
  const { token } = await params;
  const [t, format, locale, invitation] = await Promise.all([getTranslations("judgingAdmin.accept"), getFormatter(), getLocale(), getJudgeInvitationView(token)]);
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });

  if (!invitation) {
    return (
      <Notice title={t("invalidTitle")} home={t("backHome")}>
        <p>{t("invalidBody")}</p>
      </Notice>
    );
  }
  if (invitation.state === "accepted") {
    const user = await getCurrentUser();
    const signedIn = user?.email?.toLowerCase() === invitation.email.toLowerCase();
    return (
      <Notice title={t("acceptedTitle")}>
        <p>{t("acceptedBody", { campaign: invitation.campaignTitle, email: invitation.email })}</p>
        <ButtonLink href={signedIn ? "/judging" : judgeSignInPath(invitation.email)} className="self-start">
          {signedIn ? t("toQueue") : t("signIn")}
        </ButtonLink>
      </Notice>
    );
  }
  if (invitation.state === "expired") {
    return (
      <Notice title={t("expiredTitle")} home={t("backHome")}>
        <p>{t("expiredBody", { campaign: invitation.campaignTitle })}</p>
      </Notice>
    );
  }

  const schools = await listConflictSchools();
  const groups: SchoolGroup[] = [];
  for (const s of schools) {
    const town = locale === "en" ? s.townEn : s.townZh;
    if (groups.at(-1)?.town !== town) groups.push({ town, schools: [] });
    groups.at(-1)!.schools.push({ id: s.id, name: s.name });
  }

  return (
    <IntlProvider namespaces={["judgingAdmin"]}>
      <PageHeader title={t("title", { campaign: invitation.campaignTitle })} intro={t("intro", { inviter: invitation.inviterName ?? t("theLibrary") })} />
      <div className="flex max-w-3xl flex-col gap-6">
        <section aria-label={t("detailsLabel")} className="flex flex-col gap-3 rounded-xl border border-line bg-white p-5">
          <dl className="grid gap-x-6 gap-y-1 sm:grid-cols-[auto_1fr]">
            <dt className="text-sm text-ink-soft">{t("campaign")}</dt>
            <dd className="font-medium">{invitation.campaignTitle}</dd>
            <dt className="text-sm text-ink-soft">{t("yourEmail")}</dt>
            <dd className="break-all">{invitation.email}</dd>
            <dt className="text-sm text-ink-soft">{t("judgingEnds")}</dt>
            <dd>{when(invitation.judgingEndsAt)}</dd>
            <dt className="text-sm text-ink-soft">{t("validUntil")}</dt>
            <dd>{when(invitation.expiresAt)}</dd>
          </dl>
          <p>{t("blind")}</p>
        </section>
        <section className="rounded-xl border border-line bg-white p-5">
          <AcceptJudgeForm token={token} groups={groups} maxRows={MAX_CONFLICTS} />
          <p className="mt-4 text-sm text-ink-soft">{t("afterAccept", { email: invitation.email })}</p>
        </section>
      </div>
    </IntlProvider>
  );
}
