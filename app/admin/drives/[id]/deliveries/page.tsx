import { getFormatter, getTranslations } from "next-intl/server";
import { IntlProvider } from "@/components/intl-provider";
import { driveProgress, listDeliveries } from "@/lib/drives/queries";
import { shanghaiDay } from "@/lib/time";
import { staffDrive } from "../drive";
import { DeliveryForm } from "./delivery-form";

/** Deliveries to the village: the timeline the public page shows, and the form for the next one. */
export default async function DeliveriesPage({ params }: { params: Promise<{ id: string }> }) {
  const { drive: d } = await staffDrive(params, "/deliveries");
  const [t, format, { categories }, deliveries] = await Promise.all([getTranslations("drivesAdmin"), getFormatter(), driveProgress(d.id), listDeliveries(d.id)]);
  const inStock = categories.map((c) => ({ id: c.id, name: c.name, inStock: Math.max(0, c.accepted - c.delivered) }));
  return (
    <IntlProvider namespaces={["drivesAdmin", "common"]}>
      <section aria-labelledby="deliveries-heading" className="mb-10 flex flex-col gap-3">
        <h2 id="deliveries-heading" className="text-xl">
          {t("tabs.deliveries")}
        </h2>
        {deliveries.length === 0 ? (
          <p className="text-ink-soft">{t("noDeliveries")}</p>
        ) : (
          <ol className="flex flex-col gap-2">
            {deliveries.map((x) => (
              <li key={x.id} className="flex items-center gap-3 rounded-md border border-line bg-white p-3">
                {x.photoFileId ? (
                  // eslint-disable-next-line @next/next/no-img-element -- stored uploads; no optimiser in this deployment
                  <img src={`/files/${x.photoFileId}`} alt="" className="size-16 shrink-0 rounded object-cover" />
                ) : null}
                <div>
                  <p className="font-medium">{t("deliveryLine", { date: format.dateTime(new Date(`${x.deliveredOn}T00:00:00+08:00`), { dateStyle: "long" }), n: x.count })}</p>
                  <p className="text-sm text-ink-soft">{t("receivedByLine", { name: x.receivedBy })}</p>
                </div>
              </li>
            ))}
          </ol>
        )}
      </section>
      <section aria-labelledby="delivery-form-heading" className="flex flex-col gap-3">
        <h2 id="delivery-form-heading" className="text-xl">
          {t("recordDelivery")}
        </h2>
        {inStock.every((c) => c.inStock === 0) ? <p className="text-ink-soft">{t("nothingInStock")}</p> : <DeliveryForm driveId={d.id} lines={inStock.filter((c) => c.inStock > 0)} today={shanghaiDay(new Date())} />}
      </section>
    </IntlProvider>
  );
}
