import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { IntlProvider } from "@/components/intl-provider";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { requireClassPage } from "@/lib/classes/page-guard";
import { listConsents } from "@/lib/consent/queries";
import { getPupilForUser } from "@/lib/pupils/queries";
import { shanghaiDay } from "@/lib/time";
import { classLabel } from "@/lib/classes/label";
import { ConsentBadge } from "../../../consent-badge";
import { PaperConsentForm } from "./paper-consent-form";
import { ResetPasswordForm } from "./reset-password-form";

type Props = { params: Promise<{ id: string; pupilId: string }> };

export default async function PupilPage({ params }: Props) {
  const { id, pupilId } = await params;
  const { user, cls } = await requireClassPage(id, `/school/classes/${id}/pupils/${pupilId}`);
  const pupil = await getPupilForUser(user, pupilId);
  if (!pupil || pupil.classId !== cls.id) notFound();
  const [t, tc, tk, format, history] = await Promise.all([
    getTranslations("pupils"),
    getTranslations("classes"),
    getTranslations("consent"),
    getFormatter(),
    listConsents(pupil.userId),
  ]);
  const manage = pupil.canManage && pupil.status === "active";
  const details: [string, string][] = [
    [t("username"), pupil.username ?? ""],
    [tc("grade"), tc("gradeLabel", { grade: pupil.grade })],
    [t("gender"), pupil.gender ? t(pupil.gender) : "—"],
    [t("birthYear"), pupil.birthYear ? String(pupil.birthYear) : "—"],
    [t("guardianName"), pupil.guardianName],
    [t("guardianPhone"), pupil.guardianPhone ?? "—"],
    [t("guardianEmail"), pupil.guardianEmail ?? "—"],
  ];

  return (
    <IntlProvider namespaces={["pupils", "consent", "errors", "common"]}>
      <PageHeader title={pupil.name ?? ""} intro={`${cls.schoolName} · ${classLabel(tc, cls)}`}>
        <div className="flex flex-wrap gap-3">
          {manage ? <ButtonLink href={`/school/pupils/${pupil.userId}/entries`}>{(await getTranslations("entries"))("forPupil")}</ButtonLink> : null}
          <ButtonLink href={`/school/classes/${cls.id}`} variant="ghost">
            {t("backToClass")}
          </ButtonLink>
        </div>
      </PageHeader>

      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="details-heading" className="rounded-xl border border-line bg-white p-5">
          <h2 id="details-heading" className="mb-3 text-xl">
            {t("detailsTitle")}
          </h2>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
            {details.map(([k, v]) => (
              <div key={k} className="contents">
                <dt className="text-ink-soft">{k}</dt>
                <dd className="break-all">{v}</dd>
              </div>
            ))}
          </dl>
          <p className="mt-3">{pupil.mustChangePassword ? t("passwordInitial") : t("passwordChanged")}</p>
          {manage ? <ResetPasswordForm classId={cls.id} pupilId={pupil.userId} name={pupil.name ?? ""} /> : null}
        </section>

        <section aria-labelledby="consent-heading" className="rounded-xl border border-line bg-white p-5">
          <h2 id="consent-heading" className="mb-3 flex flex-wrap items-center gap-3 text-xl">
            {tk("pupilTitle")} <ConsentBadge state={pupil.consent} />
          </h2>
          <p className="mb-3 text-ink-soft">{tk(`explain.${pupil.consent}`)}</p>
          {history.length ? (
            <ul className="mb-4 flex flex-col gap-2">
              {history.map((c) => (
                <li key={c.id} className="rounded-md border border-line px-3 py-2 text-sm">
                  {c.method === "paper"
                    ? tk("historyPaper", { guardian: c.guardianName, date: c.signedOn ?? "", teacher: c.recordedByName ?? "—", version: c.rulesVersion })
                    : c.confirmedAt
                      ? tk("historyEmailConfirmed", { guardian: c.guardianName, email: c.sentTo ?? "", date: format.dateTime(c.confirmedAt, { dateStyle: "medium" }), version: c.rulesVersion })
                      : tk("historyEmailSent", { email: c.sentTo ?? "", date: format.dateTime(c.createdAt, { dateStyle: "medium" }), until: c.expiresAt ? format.dateTime(c.expiresAt, { dateStyle: "medium" }) : "" })}
                </li>
              ))}
            </ul>
          ) : null}
          {manage && pupil.consent !== "given" ? (
            <PaperConsentForm classId={cls.id} pupilId={pupil.userId} guardianName={pupil.guardianName} today={shanghaiDay(new Date())} />
          ) : null}
        </section>
      </div>
    </IntlProvider>
  );
}
