import { getTranslations } from "next-intl/server";
import { IntlProvider } from "@/components/intl-provider";
import { ActionButton } from "@/components/ui/action-button";
import { driveProgress } from "@/lib/drives/queries";
import { shanghaiDay } from "@/lib/time";
import { changeCategoryAction } from "../../actions";
import { DriveForm } from "../../drive-form";
import { staffDrive } from "../drive";
import { CategoryForm } from "./category-form";

/** The need-list (what the village library asks for) and the drive's own details. */
export default async function EditDrivePage({ params }: { params: Promise<{ id: string }> }) {
  const { drive: d } = await staffDrive(params, "/edit");
  const [t, { categories, total }] = await Promise.all([getTranslations("drivesAdmin"), driveProgress(d.id)]);
  return (
    <IntlProvider namespaces={["drivesAdmin", "common"]}>
      <section aria-labelledby="needs-heading" className="mb-10 flex flex-col gap-3">
        <h2 id="needs-heading" className="text-xl">
          {t("needList")}
        </h2>
        <p className="max-w-3xl text-ink-soft">{categories.length ? t("needListTotal", { n: total.target }) : t("needListEmpty")}</p>
        <ol className="flex flex-col gap-3">
          {categories.map((c, i) => (
            <li key={c.id} className="rounded-lg border border-line bg-white p-4">
              <CategoryForm driveId={d.id} line={c} />
              <div className="mt-3 flex flex-wrap gap-2 border-t border-line pt-3">
                {i > 0 ? <ActionButton action={changeCategoryAction} fields={{ driveId: d.id, categoryId: c.id, op: "up" }} label={t("moveUp")} variant="ghost" /> : null}
                {i < categories.length - 1 ? <ActionButton action={changeCategoryAction} fields={{ driveId: d.id, categoryId: c.id, op: "down" }} label={t("moveDown")} variant="ghost" /> : null}
                <ActionButton action={changeCategoryAction} fields={{ driveId: d.id, categoryId: c.id, op: "delete" }} label={t("remove")} confirmText={t("removeConfirm", { name: c.name })} variant="ghost" />
              </div>
            </li>
          ))}
        </ol>
        <details className="rounded-lg border border-line bg-white p-4" open={categories.length === 0}>
          <summary className="cursor-pointer font-bold">{t("addCategory")}</summary>
          <div className="mt-4">
            <CategoryForm driveId={d.id} />
          </div>
        </details>
      </section>

      <section aria-labelledby="edit-heading" className="flex flex-col gap-3">
        <h2 id="edit-heading" className="text-xl">
          {t("details")}
        </h2>
        <DriveForm
          driveId={d.id}
          initial={{
            slug: d.slug,
            title: d.title,
            story: d.story,
            town: d.town,
            village: d.village,
            readingRoom: d.readingRoom,
            startsOn: shanghaiDay(d.startsAt),
            endsOn: shanghaiDay(new Date(d.endsAt.getTime() - 1)),
          }}
        />
      </section>
    </IntlProvider>
  );
}
