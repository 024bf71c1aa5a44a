import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { EntrySlotList } from "@/components/entries/entry-slot-list";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/session";
import { getPupilForWriter, listEntrySlots } from "@/lib/entries/queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("entries"))("title") };
}

export default async function MyEntriesPage() {
  const user = await requirePagePermission("entries.submit", "/me/entries");
  if (user.mustChangePassword) redirect("/me/password");
  const [t, pupil] = await Promise.all([getTranslations("entries"), getPupilForWriter(user, user.id)]);
  return (
    <>
      <PageHeader title={t("title")} intro={t("intro")} />
      {pupil ? <EntrySlotList slots={await listEntrySlots(pupil)} hrefFor={(id) => `/me/entries/${id}`} emptyText={t("empty")} /> : <EmptyState>{t("noPupil")}</EmptyState>}
    </>
  );
}
