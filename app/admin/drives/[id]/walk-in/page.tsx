import { getTranslations } from "next-intl/server";
import { IntlProvider } from "@/components/intl-provider";
import { driveProgress, listPledgeSchools } from "@/lib/drives/queries";
import { IntakeForm } from "../intake-form";
import { staffDrive } from "../drive";

/** Books brought to the desk without a pledge. */
export default async function WalkInPage({ params }: { params: Promise<{ id: string }> }) {
  const { drive: d } = await staffDrive(params, "/walk-in");
  const [t, { categories }, schools] = await Promise.all([getTranslations("drivesAdmin"), driveProgress(d.id), listPledgeSchools()]);
  return (
    <IntlProvider namespaces={["drivesAdmin", "common"]}>
      <p className="mb-4 max-w-3xl text-ink-soft">{t("walkInIntro")}</p>
      {categories.length === 0 ? <p className="text-ink-soft">{t("noCategories")}</p> : <IntakeForm driveId={d.id} lines={categories.map((c) => ({ id: c.id, name: c.name }))} schools={schools} />}
    </IntlProvider>
  );
}
