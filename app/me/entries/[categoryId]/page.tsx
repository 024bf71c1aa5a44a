import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { EntryEditor } from "@/components/entries/entry-editor";
import { requirePagePermission } from "@/lib/auth/session";

type Props = { params: Promise<{ categoryId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("entries"))("title") };
}

export default async function MyEntryPage({ params }: Props) {
  const { categoryId } = await params;
  const path = `/me/entries/${categoryId}`;
  const user = await requirePagePermission("entries.submit", path);
  if (user.mustChangePassword) redirect("/me/password");
  return <EntryEditor user={user} pupilId={user.id} categoryId={categoryId} backHref="/me/entries" selfPath={path} />;
}
