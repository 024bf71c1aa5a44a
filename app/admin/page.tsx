import { Link } from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/session";
import { countOutboxByStatus } from "@/lib/mail";

export default async function AdminHome() {
  await requirePagePermission("admin.view", "/admin");
  const [t, counts] = await Promise.all([getTranslations(), countOutboxByStatus()]);
  return (
    <>
      <PageHeader title={t("areas.adminTitle")} intro={t("areas.adminIntro")} />
      <section aria-labelledby="mail-heading" className="rounded-xl border border-line bg-white p-5">
        <h2 id="mail-heading" className="text-lg">
          <Link href="/admin/outbox">{t("admin.outbox")}</Link>
        </h2>
        <dl className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-4">
          {(["pending", "sending", "sent", "failed"] as const).map((s) => (
            <div key={s} className="rounded-md bg-paper-deep p-3">
              <dt className="text-sm text-ink-soft">{t(`outbox.status.${s}`)}</dt>
              <dd className={`text-2xl font-bold ${s === "failed" && counts[s] > 0 ? "text-danger" : ""}`}>{counts[s]}</dd>
            </div>
          ))}
        </dl>
      </section>
    </>
  );
}
