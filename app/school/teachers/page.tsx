import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { IntlProvider } from "@/components/intl-provider";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/session";
import { INVITATION_DAYS } from "@/lib/schools/invitations";
import { getSchoolSummary, listOpenInvitations, listSchoolTeachers } from "@/lib/schools/queries";
import { InvitationRow } from "./invitation-row";
import { InviteForm } from "./invite-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("invite"))("teachersTitle") };
}

export default async function SchoolTeachersPage() {
  const user = await requirePagePermission("school.invite_teachers", "/school/teachers");
  const [t, ta, format] = await Promise.all([getTranslations("invite"), getTranslations("areas"), getFormatter()]);
  const school = user.schoolId ? await getSchoolSummary(user.schoolId) : null;
  if (!school) {
    return (
      <>
        <PageHeader title={t("teachersTitle")} />
        <EmptyState>{ta("schoolNone")}</EmptyState>
      </>
    );
  }
  const [teachers, invitations] = await Promise.all([listSchoolTeachers(school.id), listOpenInvitations(school.id)]);

  return (
    <IntlProvider namespaces={["invite", "errors"]}>
      <PageHeader title={t("teachersTitle")} intro={t("teachersIntro", { school: school.name, days: INVITATION_DAYS })}>
        <p>
          <Link href="/school" className="inline-flex min-h-11 items-center">
            ← {school.name}
          </Link>
        </p>
      </PageHeader>
      <div className="flex flex-col gap-8">
        <section aria-labelledby="invite-heading" className="rounded-xl border border-line bg-white p-5">
          <h2 id="invite-heading" className="mb-3 text-lg">
            {t("inviteHeading")}
          </h2>
          <InviteForm />
        </section>

        <section aria-labelledby="pending-heading">
          <h2 id="pending-heading" className="mb-3 text-lg">
            {t("pendingHeading", { count: invitations.length })}
          </h2>
          {invitations.length === 0 ? (
            <EmptyState>{t("pendingEmpty")}</EmptyState>
          ) : (
            <ul className="flex flex-col gap-3">
              {invitations.map((inv) => (
                <InvitationRow
                  key={inv.id}
                  invitation={{ ...inv, expiresLabel: format.dateTime(inv.expiresAt, { dateStyle: "medium", timeStyle: "short" }) }}
                />
              ))}
            </ul>
          )}
        </section>

        <section aria-labelledby="teachers-heading">
          <h2 id="teachers-heading" className="mb-3 text-lg">
            {t("teachersHeading", { count: teachers.length })}
          </h2>
          {teachers.length === 0 ? (
            <EmptyState>{t("teachersEmpty")}</EmptyState>
          ) : (
            <ul className="divide-y divide-line rounded-lg border border-line bg-white">
              {teachers.map((teacher) => (
                <li key={teacher.id} className="flex flex-wrap items-baseline gap-x-3 gap-y-1 px-4 py-3">
                  <span className="font-medium">{teacher.name ?? "—"}</span>
                  {teacher.isCoordinator ? <span className="rounded bg-accent-soft px-2 text-sm text-accent-deep">{t("coordinatorBadge")}</span> : null}
                  {teacher.disabled ? <span className="rounded bg-red-50 px-2 text-sm text-danger">{t("disabledBadge")}</span> : null}
                  <span className="break-all text-ink-soft">{teacher.email}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </IntlProvider>
  );
}
