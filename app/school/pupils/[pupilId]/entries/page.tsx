import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { EntrySlotList } from "@/components/entries/entry-slot-list";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/session";
import { getPupilForWriter, listEntrySlots } from "@/lib/entries/queries";
import { classLabel } from "@/lib/classes/label";

type Props = { params: Promise<{ pupilId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("entries"))("forPupil") };
}

export default async function PupilEntriesPage({ params }: Props) {
  const { pupilId } = await params;
  const base = `/school/pupils/${encodeURIComponent(pupilId)}/entries`;
  const user = await requirePagePermission("entries.submit_for_pupils", base);
  const pupil = await getPupilForWriter(user, pupilId);
  if (!pupil) notFound();
  const [t, tc] = await Promise.all([getTranslations("entries"), getTranslations("classes")]);
  return (
    <>
      {/* Back to the pupil's page, where the teacher came from (consent and password live there). */}
      <p className="mb-2">
        <Link href={`/school/classes/${pupil.classId}/pupils/${encodeURIComponent(pupil.pupilId)}`} className="inline-flex min-h-11 items-center">
          ← {t("backToPupil", { name: pupil.pupilName ?? "" })}
        </Link>
      </p>
      <PageHeader title={t("pupilTitle", { name: pupil.pupilName ?? "" })} intro={t("pupilIntro")}>
        <p className="text-ink-soft">
          {pupil.schoolName} · {classLabel(tc, { grade: pupil.classGrade, name: pupil.className })}
          {/* A pupil may sit in a class of another grade; categories follow the pupil's own. */}
          {pupil.grade !== pupil.classGrade ? ` · ${tc("gradeLabel", { grade: pupil.grade })}` : null}
        </p>
      </PageHeader>
      <EntrySlotList slots={await listEntrySlots(pupil)} hrefFor={(id) => `${base}/${id}`} emptyText={t("emptyForPupil")} />
    </>
  );
}
