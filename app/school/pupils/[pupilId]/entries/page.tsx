import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { EntrySlotList } from "@/components/entries/entry-slot-list";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/session";
import { getPupilForWriter, listEntrySlots } from "@/lib/entries/queries";

type Props = { params: Promise<{ pupilId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("entries"))("title") };
}

export default async function PupilEntriesPage({ params }: Props) {
  const { pupilId } = await params;
  const base = `/school/pupils/${encodeURIComponent(pupilId)}/entries`;
  const user = await requirePagePermission("entries.submit_for_pupils", base);
  const pupil = await getPupilForWriter(user, pupilId);
  if (!pupil) notFound();
  const t = await getTranslations("entries");
  return (
    <>
      <PageHeader title={t("pupilTitle", { name: pupil.pupilName ?? "" })} intro={t("pupilIntro")} />
      <EntrySlotList slots={await listEntrySlots(pupil)} hrefFor={(id) => `${base}/${id}`} emptyText={t("empty")} />
    </>
  );
}
