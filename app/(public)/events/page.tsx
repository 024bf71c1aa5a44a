import type { Metadata } from "next";
import { connection } from "next/server";
import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("events"))("title") };
}

export default async function Page() {
  await connection();
  const t = await getTranslations("events");
  return (
    <>
      <PageHeader title={t("title")} intro={t("intro")} />
      <EmptyState>{t("empty")}</EmptyState>
    </>
  );
}
