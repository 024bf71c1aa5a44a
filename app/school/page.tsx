import { Link } from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { IntlProvider } from "@/components/intl-provider";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requirePagePermission } from "@/lib/auth/session";
import { listClassesForUser, listSchoolTeachers } from "@/lib/classes/queries";
import { getSchoolSummary } from "@/lib/schools/queries";
import { classLabel } from "@/lib/classes/label";
import { CreateClassForm } from "./classes/create-class-form";

export default async function SchoolPage() {
  const user = await requirePagePermission("school.view", "/school");
  const [t, ta, tr] = await Promise.all([getTranslations("classes"), getTranslations("areas"), getTranslations("results.school")]);
  const school = user.schoolId ? await getSchoolSummary(user.schoolId) : null;
  if (!school) {
    return (
      <>
        <PageHeader title={ta("schoolTitle")} intro={ta("schoolIntro")} />
        <EmptyState>{ta("schoolNone")}</EmptyState>
      </>
    );
  }
  const coordinator = user.roles.includes("coordinator");
  const [list, teachers] = await Promise.all([listClassesForUser(user), coordinator ? listSchoolTeachers(school.id) : Promise.resolve([])]);

  return (
    <IntlProvider namespaces={["classes", "errors", "common"]}>
      <PageHeader title={school.name} intro={ta("schoolIntro")}>
        <p className="text-ink-soft">{school.townName}</p>
        {school.status !== "approved" ? (
          <p className="rounded-md border border-warm/40 bg-paper-deep px-3 py-2">{t(school.status === "pending" ? "schoolPending" : "schoolRejected")}</p>
        ) : null}
        <div className="mt-2 flex flex-wrap gap-2">
          {can(user, "school.invite_teachers") ? (
            <ButtonLink href="/school/teachers" variant="secondary">
              {t("teachersLink")}
            </ButtonLink>
          ) : null}
          {can(user, "campaigns.enrol") ? (
            <ButtonLink href="/school/campaigns" variant="secondary">
              {t("campaignsLink")}
            </ButtonLink>
          ) : null}
          <ButtonLink href="/school/certificates" variant="secondary">
            {tr("title")}
          </ButtonLink>
        </div>
      </PageHeader>

      <section aria-labelledby="classes-heading" className="mb-10">
        <h2 id="classes-heading" className="mb-3 text-xl">
          {coordinator ? t("schoolClasses") : t("myClasses")}
        </h2>
        {list.length === 0 ? (
          <EmptyState>{t("noClasses")}</EmptyState>
        ) : (
          <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
            {list.map((c) => (
              <li key={c.id}>
                <Link href={`/school/classes/${c.id}`} className="flex min-h-11 flex-col rounded-lg border border-line bg-white p-4 text-ink no-underline hover:border-accent">
                  <span className="text-lg font-bold text-accent">{classLabel(t, c)}</span>
                  <span className="text-sm text-ink-soft">{c.teacherName ? t("teacherIs", { name: c.teacherName }) : t("noTeacher")}</span>
                  <span>
                    {t("pupilCount", { count: c.pupils })}
                    {c.pending > 0 ? <span className="ml-2 rounded bg-accent-soft px-2 text-sm text-accent-deep">{t("pendingCount", { count: c.pending })}</span> : null}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="new-class-heading" className="rounded-xl border border-line bg-white p-5">
        <h2 id="new-class-heading" className="mb-1 text-xl">
          {t("newClass")}
        </h2>
        <p className="mb-4 text-ink-soft">{t("newClassIntro")}</p>
        <CreateClassForm teachers={teachers} selfId={user.id} />
      </section>
    </IntlProvider>
  );
}
