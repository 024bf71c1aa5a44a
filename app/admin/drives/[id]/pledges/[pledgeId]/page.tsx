import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { IntlProvider } from "@/components/intl-provider";
import { driveProgress, getPledgeForIntake } from "@/lib/drives/queries";
import { IntakeForm } from "../../intake-form";
import { staffDrive } from "../../drive";

type Props = { params: Promise<{ id: string; pledgeId: string }> };

/** One pledge at the intake desk: who, what was promised, what has arrived, and the intake form. */
export default async function PledgeIntakePage({ params }: Props) {
  const { pledgeId } = await params;
  const { drive: d } = await staffDrive(params, `/pledges/${pledgeId}`);
  const id = Number(pledgeId);
  const found = Number.isSafeInteger(id) && id > 0 ? await getPledgeForIntake(d.id, id) : null;
  if (!found) notFound();
  const { pledge: p, school, items, arrived } = found;
  const [t, format, { categories }] = await Promise.all([getTranslations("drivesAdmin"), getFormatter(), driveProgress(d.id)]);
  const promised = (categoryId: number) => items.find((i) => i.categoryId === categoryId);
  const came = (categoryId: number) => arrived.find((a) => a.categoryId === categoryId);
  // Lines the pledge names first, then the rest of the need-list (donors bring other books too).
  const lines = [...categories].sort((a, b) => Number(Boolean(promised(b.id))) - Number(Boolean(promised(a.id))));
  const facts: [string, string][] = [
    [t("col.donor"), p.name || t("anonymous")],
    [t("fig.school"), school ?? "—"],
    [t("col.email"), p.email],
    [t("col.phone"), p.phone || "—"],
    [t("col.handover"), p.handover === "pickup" ? `${t("handover.pickup")}：${p.pickupAddress}${p.pickupDays ? `（${p.pickupDays}）` : ""}` : t("handover.dropoff")],
    [t("col.date"), format.dateTime(p.createdAt, { dateStyle: "medium", timeStyle: "short" })],
  ];

  return (
    <IntlProvider namespaces={["drivesAdmin", "common"]}>
      <p className="mb-4">
        <Link href={`/admin/drives/${d.id}/pledges`}>← {t("backToPledges")}</Link>
      </p>
      <section aria-labelledby="pledge-heading" className="mb-8 flex flex-col gap-3 rounded-lg border border-line bg-white p-4">
        <h2 id="pledge-heading" className="flex flex-wrap items-center gap-3 text-xl">
          <span className="font-mono">{p.code}</span>
          <span className="rounded-full bg-paper-deep px-3 py-0.5 text-sm font-medium">{t(`status.${p.status}`)}</span>
        </h2>
        <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
          {facts.map(([k, v]) => (
            <div key={k} className="contents">
              <dt className="text-ink-soft">{k}</dt>
              <dd className="break-words">{v}</dd>
            </div>
          ))}
        </dl>
        <table className="w-full text-left text-sm">
          <thead>
            <tr className="border-b border-line">
              <th className="py-1 pr-3">{t("fig.category")}</th>
              <th className="py-1 pr-3 text-right">{t("fig.pledged")}</th>
              <th className="py-1 pr-3 text-right">{t("fig.accepted")}</th>
              <th className="py-1 text-right">{t("fig.declined")}</th>
            </tr>
          </thead>
          <tbody className="tabular-nums">
            {lines
              .filter((c) => promised(c.id) || came(c.id))
              .map((c) => (
                <tr key={c.id} className="border-b border-line/60 align-top">
                  <td className="py-1 pr-3">
                    {c.name}
                    {promised(c.id)?.titles ? <span className="block text-ink-soft">{promised(c.id)!.titles}</span> : null}
                  </td>
                  <td className="py-1 pr-3 text-right">{promised(c.id)?.count ?? 0}</td>
                  <td className="py-1 pr-3 text-right">{came(c.id)?.accepted ?? 0}</td>
                  <td className="py-1 text-right">{came(c.id)?.declined ?? 0}</td>
                </tr>
              ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="intake-heading" className="flex flex-col gap-3">
        <h2 id="intake-heading" className="text-xl">
          {t("recordIntake")}
        </h2>
        {p.status === "cancelled" ? (
          <p className="text-ink-soft">{t("pledgeCancelled")}</p>
        ) : (
          <>
            <p className="text-ink-soft">{p.status === "received" ? t("intakeMore") : t("intakeIntro")}</p>
            <IntakeForm
              driveId={d.id}
              pledgeId={p.id}
              lines={lines.map((c) => ({ id: c.id, name: c.name, expected: p.status === "pledged" ? (promised(c.id)?.count ?? 0) : undefined }))}
            />
          </>
        )}
      </section>
    </IntlProvider>
  );
}
