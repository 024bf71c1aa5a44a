import { useTranslations } from "next-intl";
import { Field, SelectField } from "@/components/ui/field";

export type PledgeFieldsProps = {
  /** The drive's need-list: one count and one titles field per line, named `count_<id>` and `titles_<id>`. */
  categories: { id: number; name: string }[];
  schools: { id: number; name: string }[];
  library: { address: string; hours: string };
  /** What the fields start with: what was typed before an error, or the pledge as it stands. Checkboxes are "on". */
  values?: Record<string, string>;
  errors?: Record<string, string>;
};

/**
 * The pledge's own fields — books per category, the donor, how the books reach the library —
 * shared by the pledge form on the drive page and the change form behind the donor's link.
 */
export function PledgeFields({ categories, schools, library, values, errors }: PledgeFieldsProps) {
  const t = useTranslations("drives.form");
  const v = (name: string, fallback = "") => values?.[name] ?? fallback;
  const err = (name: string) => errors?.[name];
  return (
    <>
      {err("items") ? <p className="text-danger">{err("items")}</p> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        {categories.map((c) => (
          <div key={c.id} className="flex flex-col gap-2">
            <Field id={`count-${c.id}`} name={`count_${c.id}`} type="number" inputMode="numeric" min={1} max={10000} label={t("count", { category: c.name })} defaultValue={v(`count_${c.id}`)} error={err(`count_${c.id}`)} />
            <Field id={`titles-${c.id}`} name={`titles_${c.id}`} label={t("titles")} defaultValue={v(`titles_${c.id}`)} />
          </div>
        ))}
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="pledge-name" name="name" label={t("name")} autoComplete="name" defaultValue={v("name")} error={err("name")} />
        <div className="flex flex-col justify-end gap-2">
          <label className="flex items-center gap-2">
            <input type="checkbox" name="anonymous" defaultChecked={v("anonymous") === "on"} className="size-5" />
            {t("anonymous")}
          </label>
          <label className="flex items-center gap-2">
            <input type="checkbox" name="showName" defaultChecked={v("showName") === "on"} className="size-5" />
            {t("showName")}
          </label>
        </div>
        <Field id="pledge-email" name="email" type="email" label={t("email")} autoComplete="email" defaultValue={v("email")} error={err("email")} required />
        <Field id="pledge-phone" name="phone" type="tel" label={t("phone")} autoComplete="tel" inputMode="tel" defaultValue={v("phone")} error={err("phone")} />
        <SelectField id="pledge-kind" name="kind" label={t("kind")} defaultValue={v("kind", "person")}>
          <option value="person">{t("person")}</option>
          <option value="school">{t("school")}</option>
        </SelectField>
        <SelectField id="pledge-school" name="schoolId" label={t("schoolId")} defaultValue={v("schoolId")} error={err("schoolId")}>
          <option value="">—</option>
          {schools.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </SelectField>
      </div>
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 font-medium">{t("handover")}</legend>
        <label className="flex items-start gap-2">
          <input type="radio" name="handover" value="dropoff" defaultChecked={v("handover", "dropoff") === "dropoff"} className="mt-1 size-5" />
          {t("dropoff", { address: library.address || "—", hours: library.hours || "—" })}
        </label>
        <label className="flex items-start gap-2">
          <input type="radio" name="handover" value="pickup" defaultChecked={v("handover") === "pickup"} className="mt-1 size-5" />
          {t("pickup")}
        </label>
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="pledge-address" name="pickupAddress" label={t("pickupAddress")} defaultValue={v("pickupAddress")} error={err("pickupAddress")} />
        <Field id="pledge-days" name="pickupDays" label={t("pickupDays")} defaultValue={v("pickupDays")} />
      </div>
    </>
  );
}
