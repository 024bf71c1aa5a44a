import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { EntryEditor } from "@/components/entries/entry-editor";
import { requirePagePermission } from "@/lib/auth/session";

type Props = { params: Promise<{ pupilId: string; categoryId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("entries"))("forPupil") };
}

export default async function PupilEntryPage({ params }: Props) {
  const { pupilId, categoryId } = await params;
  const base = `/school/pupils/${encodeURIComponent(pupilId)}/entries`;
  const user = await requirePagePermission("entries.submit_for_pupils", `${base}/${categoryId}`);
  return <EntryEditor user={user} pupilId={pupilId} categoryId={categoryId} backHref={base} selfPath={`${base}/${categoryId}`} />;
}
