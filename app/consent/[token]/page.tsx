import type { Metadata } from "next";
import { connection } from "next/server";
import { getFormatter, getTranslations } from "next-intl/server";
import { IntlProvider } from "@/components/intl-provider";
import { PageHeader } from "@/components/ui/page-header";
import { getConsentByToken } from "@/lib/consent/queries";
import { CONSENT_RULES_VERSION } from "@/lib/consent/rules";
import { ConfirmConsentForm } from "./confirm-form";

export async function generateMetadata(): Promise<Metadata> {
  // The token is a secret: it stays out of the title, history and referrers.
  return { title: (await getTranslations("consent.page"))("title"), referrer: "no-referrer", robots: { index: false } };
}

const points = ["p1", "p2", "p3", "p4", "p5"] as const;

/** The consent text, in Chinese and in English: the guardian reads the one they know. */
async function ConsentText({ locale, names }: { locale: "zh-CN" | "en"; names: { pupil: string; school: string; className: string } }) {
  const t = await getTranslations({ locale, namespace: "consent.text" });
  return (
    <section lang={locale} aria-labelledby={`text-${locale}`} className="rounded-xl border border-line bg-white p-5">
      <h2 id={`text-${locale}`} className="mb-2 text-xl">
        {t("title")}
      </h2>
      <p className="mb-2">{t("intro", names)}</p>
      <ul className="list-disc space-y-1 pl-5">
        {points.map((p) => (
          <li key={p}>{t(p)}</li>
        ))}
      </ul>
      <p className="mt-3 text-sm text-ink-soft">{t("version", { version: CONSENT_RULES_VERSION })}</p>
    </section>
  );
}

export default async function ConsentPage({ params }: { params: Promise<{ token: string }> }) {
  await connection();
  const { token } = await params;
  const [consent, t, format] = await Promise.all([getConsentByToken(token), getTranslations("consent.page"), getFormatter()]);
  if (!consent) {
    return (
      <>
        <PageHeader title={t("title")} />
        <p role="alert" className="rounded-md border border-danger/30 bg-red-50 px-3 py-2 text-danger">
          {t("invalid")}
        </p>
      </>
    );
  }
  const names = { pupil: consent.pupilName ?? "", school: consent.schoolName, className: consent.className };
  return (
    <IntlProvider namespaces={["consent", "errors"]}>
      <PageHeader title={t("title")} intro={t("for", names)} />
      {consent.state === "confirmed" ? (
        <p role="status" className="mb-6 rounded-md border border-accent/30 bg-accent-soft px-3 py-2 text-accent-deep">
          {t("thanks", { guardian: consent.guardianName, date: format.dateTime(consent.confirmedAt!, { dateStyle: "long" }) })}
        </p>
      ) : consent.state === "expired" ? (
        <p role="alert" className="mb-6 rounded-md border border-danger/30 bg-red-50 px-3 py-2 text-danger">
          {t("expired")}
        </p>
      ) : null}
      <div className="mb-6 grid gap-4 lg:grid-cols-2">
        <ConsentText locale="zh-CN" names={names} />
        <ConsentText locale="en" names={names} />
      </div>
      {consent.state === "open" ? (
        <div className="flex flex-col gap-2 rounded-xl border border-accent/40 bg-white p-5">
          <p>{t("declaration", { guardian: consent.guardianName, pupil: names.pupil })}</p>
          <p className="text-sm text-ink-soft">{t("validUntil", { date: format.dateTime(consent.expiresAt!, { dateStyle: "long" }) })}</p>
          <ConfirmConsentForm token={token} />
        </div>
      ) : null}
    </IntlProvider>
  );
}
