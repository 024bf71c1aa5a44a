import type { Metadata } from "next";
import { connection } from "next/server";
import { getTranslations } from "next-intl/server";
import { IntlProvider } from "@/components/intl-provider";
import { PageHeader } from "@/components/ui/page-header";
import { JoinForm } from "./join-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("join"))("title") };
}

export default async function JoinPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  await connection();
  const { code } = await searchParams;
  const t = await getTranslations("join");
  return (
    <IntlProvider namespaces={["join", "pupils", "classes", "common", "errors"]}>
      <PageHeader title={t("title")} intro={t("intro")} />
      <JoinForm code={code?.slice(0, 20)} />
    </IntlProvider>
  );
}
