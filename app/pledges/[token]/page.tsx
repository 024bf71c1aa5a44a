import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getTranslations } from "next-intl/server";
import { IntlProvider } from "@/components/intl-provider";
import { ActionButton } from "@/components/ui/action-button";
import { getPledgeView } from "@/lib/drives/queries";
import { cancelPledgeAction } from "./actions";

type Props = { params: Promise<{ token: string }> };

export async function generateMetadata(): Promise<Metadata> {
  // The token is a credential: keep the page out of search engines and Referer headers.
  return { title: (await getTranslations("drives.manage"))("title"), robots: { index: false }, referrer: "no-referrer" };
}

export default async function PledgePage({ params }: Props) {
  await connection();
  const { token } = await params;
  const view = token.length >= 20 && token.length <= 100 ? await getPledgeView(token) : null;
  if (!view) notFound();
  const { pledge: p, drive, lines } = view;
  const t = await getTranslations("drives.manage");
  return (
    <article className="flex max-w-2xl flex-col gap-4">
      <h1 className="text-2xl sm:text-3xl">{t("title")}</h1>
      <p className="text-lg">{drive.title}</p>
      <p>{t("code", { code: p.code })}</p>
      <p>{t("status", { status: t(`statuses.${p.status}`) })}</p>
      <ul className="list-disc pl-6">
        {lines.map((l) => (
          <li key={l.name}>
            {t("line", { category: l.name, count: l.count })}
            {l.titles ? <span className="block text-sm text-ink-soft">{l.titles}</span> : null}
          </li>
        ))}
      </ul>
      <div className="flex flex-wrap items-start gap-3">
        <Link href={`/drives/${drive.slug}`} className="underline">
          {t("drive")}
        </Link>
        {p.status === "pledged" ? (
          <IntlProvider namespaces={["common"]}>
            <ActionButton action={cancelPledgeAction} fields={{ token }} label={t("cancel")} confirmText={t("cancelConfirm")} />
          </IntlProvider>
        ) : null}
      </div>
    </article>
  );
}
