import type { Metadata } from "next";
import { connection } from "next/server";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { IntlProvider } from "@/components/intl-provider";
import { ButtonLink } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { signInPath } from "@/lib/schools/links";
import { getInvitationView } from "@/lib/schools/queries";
import { AcceptForm } from "./accept-form";

// A personal link: keep it out of search engines.
export const metadata: Metadata = { robots: { index: false, follow: false } };

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  await connection();
  const { token } = await params;
  const [t, format, locale, invitation] = await Promise.all([
    getTranslations("invite"),
    getFormatter(),
    getLocale(),
    getInvitationView(token),
  ]);

  if (!invitation) {
    return (
      <Notice title={t("invalidTitle")} home={t("backHome")}>
        <p>{t("invalidBody")}</p>
      </Notice>
    );
  }
  const school = invitation.schoolName;
  if (invitation.state === "accepted") {
    return (
      <Notice title={t("acceptedTitle")}>
        <p>{t("acceptedBody", { school, email: invitation.email })}</p>
        <ButtonLink href={signInPath(invitation.email)} className="self-start">
          {t("signIn")}
        </ButtonLink>
      </Notice>
    );
  }
  if (invitation.state === "expired") {
    return (
      <Notice title={t("expiredTitle")} home={t("backHome")}>
        <p>{t("expiredBody", { school, inviter: invitation.inviterName ?? t("theCoordinator") })}</p>
      </Notice>
    );
  }
  if (invitation.otherSchoolName) {
    return (
      <Notice title={t("otherSchoolTitle")} home={t("backHome")}>
        <p>{t("otherSchoolBody", { email: invitation.email, other: invitation.otherSchoolName, school })}</p>
      </Notice>
    );
  }

  return (
    <IntlProvider namespaces={["invite"]}>
      <PageHeader title={t("joinTitle", { school })} intro={t("joinIntro", { inviter: invitation.inviterName ?? t("theCoordinator") })} />
      <section aria-label={school} className="flex max-w-2xl flex-col gap-4 rounded-xl border border-line bg-white p-5">
        <dl className="grid gap-x-6 gap-y-1 sm:grid-cols-[auto_1fr]">
          <dt className="text-sm text-ink-soft">{t("school")}</dt>
          <dd className="font-medium">{school}</dd>
          <dt className="text-sm text-ink-soft">{t("town")}</dt>
          <dd>{locale === "en" ? invitation.townEn : invitation.townZh}</dd>
          <dt className="text-sm text-ink-soft">{t("yourEmail")}</dt>
          <dd className="break-all">{invitation.email}</dd>
          <dt className="text-sm text-ink-soft">{t("validUntilLabel")}</dt>
          <dd>{format.dateTime(invitation.expiresAt, { dateStyle: "medium", timeStyle: "short" })}</dd>
        </dl>
        <p className="text-ink-soft">{t("acceptExplain", { email: invitation.email })}</p>
        <AcceptForm token={token} />
      </section>
    </IntlProvider>
  );
}
