import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getLocale, getTranslations } from "next-intl/server";
import { IntlProvider } from "@/components/intl-provider";
import { ActionButton } from "@/components/ui/action-button";
import type { DrivePledge } from "@/db/schema";
import { getCachedPledgeSchools } from "@/lib/drives/cache";
import { driveProgress, getPledgeView } from "@/lib/drives/queries";
import { isLocale } from "@/lib/i18n";
import { getLibraryInfo } from "@/lib/library/queries";
import { cancelPledgeAction } from "./actions";
import { ChangeForm } from "./change-form";

type Props = { params: Promise<{ token: string }> };

export async function generateMetadata(): Promise<Metadata> {
  // The token is a credential: keep the page out of search engines and Referer headers.
  return { title: (await getTranslations("drives.manage"))("title"), robots: { index: false }, referrer: "no-referrer" };
}

/** The pledge in the change form's field names, so the form opens with it filled in. */
function formValues(p: DrivePledge, lines: { categoryId: number; count: number; titles: string }[]): Record<string, string> {
  const values: Record<string, string> = {
    name: p.name,
    email: p.email,
    phone: p.phone,
    kind: p.kind,
    schoolId: p.schoolId ? String(p.schoolId) : "",
    handover: p.handover,
    pickupAddress: p.pickupAddress,
    pickupDays: p.pickupDays,
  };
  // A pledge without a name was given anonymously (the name is not kept then).
  if (!p.name) values.anonymous = "on";
  if (p.showName) values.showName = "on";
  for (const l of lines) {
    values[`count_${l.categoryId}`] = String(l.count);
    values[`titles_${l.categoryId}`] = l.titles;
  }
  return values;
}

export default async function PledgePage({ params }: Props) {
  await connection();
  const { token } = await params;
  const view = token.length >= 20 && token.length <= 100 ? await getPledgeView(token) : null;
  if (!view) notFound();
  const { pledge: p, drive, lines } = view;
  const [t, rawLocale] = await Promise.all([getTranslations("drives.manage"), getLocale()]);
  const driveOpen = drive.status === "published" && !drive.closedAt && drive.endsAt > new Date();
  const changeable = p.status === "pledged" && driveOpen;
  const [progress, schools, library] = changeable
    ? await Promise.all([driveProgress(drive.id), getCachedPledgeSchools(), getLibraryInfo(isLocale(rawLocale) ? rawLocale : "zh-CN")])
    : [null, [], null];
  return (
    <article className="flex max-w-2xl flex-col gap-4">
      <h1 className="text-2xl sm:text-3xl">{t("title")}</h1>
      <p className="text-lg">{drive.title}</p>
      <p>{t("code", { code: p.code })}</p>
      <p>{t("status", { status: t(`statuses.${p.status}`) })}</p>
      <ul className="list-disc pl-6">
        {lines.map((l) => (
          <li key={l.categoryId}>
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
      {p.status === "pledged" && !driveOpen ? <p className="text-ink-soft">{t("changeClosed")}</p> : null}
      {progress && library ? (
        <section aria-labelledby="change-heading" className="mt-4 rounded-xl border border-line p-4">
          <h2 id="change-heading" className="mb-3 text-xl">
            {t("change")}
          </h2>
          <IntlProvider namespaces={["drives.form", "drives.overNote", "drives.manage"]}>
            <ChangeForm token={token} current={formValues(p, lines)} categories={progress.categories.map((c) => ({ id: c.id, name: c.name }))} schools={schools} library={library} />
          </IntlProvider>
        </section>
      ) : null}
    </article>
  );
}
