import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { connection } from "next/server";
import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { destinationOf } from "@/lib/drives/emails";
import { listPublicDrives } from "@/lib/drives/queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("drives"))("title") };
}

export default async function Page() {
  await connection();
  const [t, list] = await Promise.all([getTranslations("drives"), listPublicDrives()]);
  return (
    <>
      <PageHeader title={t("title")} intro={t("intro")} />
      {list.length ? (
        <ul className="flex flex-col gap-4">
          {list.map((d) => (
            <li key={d.id} className="rounded-xl border border-line p-4">
              <h2 className="text-xl">
                <Link href={`/drives/${d.slug}`} className="underline-offset-4 hover:underline">
                  {d.title}
                </Link>
              </h2>
              <p className="text-ink-soft">
                {t("destination")}: {destinationOf(d)}
              </p>
            </li>
          ))}
        </ul>
      ) : (
        <EmptyState>{t("empty")}</EmptyState>
      )}
    </>
  );
}
