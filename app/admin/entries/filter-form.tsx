import { Link } from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { entryStatusFilters, type EntryFilters } from "@/lib/entries/review-filters";

type Option = { id: number; name: string };
export type FilterOptions = {
  campaigns: { id: number; title: string }[];
  categories: (Option & { campaignId: number; code: string })[];
  schools: (Option & { townId: number })[];
  towns: Option[];
};

const control = "min-h-11 w-full rounded-md border border-line bg-white px-3 py-2 text-base text-ink";

function Labelled({ id, label, children, className = "" }: { id: string; label: string; children: React.ReactNode; className?: string }) {
  return (
    <div className={`flex min-w-0 flex-col gap-1 ${className}`}>
      <label htmlFor={id} className="font-medium">
        {label}
      </label>
      {children}
    </div>
  );
}

/**
 * A plain GET form: it works without JavaScript, and the filtered list has an address of its own
 * that the export links reuse. Category and school choices are grouped by campaign and by town.
 */
export async function FilterForm({ filters, options }: { filters: EntryFilters; options: FilterOptions }) {
  const t = await getTranslations("entriesAdmin");
  const campaigns = filters.campaignId ? options.campaigns.filter((c) => c.id === filters.campaignId) : options.campaigns;
  return (
    <form role="search" aria-label={t("filters.label")} action="/admin/entries" className="mb-6 rounded-lg border border-line bg-white p-4">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Labelled id="entries-q" label={t("filters.q")} className="sm:col-span-2">
          <input id="entries-q" name="q" type="search" defaultValue={filters.q ?? ""} maxLength={60} autoComplete="off" className={control} />
        </Labelled>
        <Labelled id="entries-campaign" label={t("filters.campaign")}>
          <select id="entries-campaign" name="campaign" defaultValue={filters.campaignId ?? ""} className={control}>
            <option value="">{t("filters.allCampaigns")}</option>
            {options.campaigns.map((c) => (
              <option key={c.id} value={c.id}>
                {c.title}
              </option>
            ))}
          </select>
        </Labelled>
        <Labelled id="entries-category" label={t("filters.category")}>
          <select id="entries-category" name="category" defaultValue={filters.categoryId ?? ""} className={control}>
            <option value="">{t("filters.allCategories")}</option>
            {campaigns.map((c) => (
              <optgroup key={c.id} label={c.title}>
                {options.categories
                  .filter((cat) => cat.campaignId === c.id)
                  .map((cat) => (
                    <option key={cat.id} value={cat.id}>
                      {cat.code} · {cat.name}
                    </option>
                  ))}
              </optgroup>
            ))}
          </select>
        </Labelled>
        <Labelled id="entries-town" label={t("filters.town")}>
          <select id="entries-town" name="town" defaultValue={filters.townId ?? ""} className={control}>
            <option value="">{t("filters.allTowns")}</option>
            {options.towns.map((town) => (
              <option key={town.id} value={town.id}>
                {town.name}
              </option>
            ))}
          </select>
        </Labelled>
        <Labelled id="entries-school" label={t("filters.school")}>
          <select id="entries-school" name="school" defaultValue={filters.schoolId ?? ""} className={control}>
            <option value="">{t("filters.allSchools")}</option>
            {options.towns.map((town) => {
              const schools = options.schools.filter((s) => s.townId === town.id);
              return schools.length === 0 ? null : (
                <optgroup key={town.id} label={town.name}>
                  {schools.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.name}
                    </option>
                  ))}
                </optgroup>
              );
            })}
          </select>
        </Labelled>
        <Labelled id="entries-status" label={t("filters.status")}>
          <select id="entries-status" name="status" defaultValue={filters.status ?? ""} className={control}>
            <option value="">{t("filters.allStatuses")}</option>
            {entryStatusFilters.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </Labelled>
        <label className="flex min-h-11 items-center gap-2 sm:col-span-2 lg:self-end">
          <input type="checkbox" name="flagged" value="1" defaultChecked={filters.flagged} className="h-5 w-5 shrink-0 accent-accent" />
          {t("filters.flagged")}
        </label>
      </div>
      <div className="mt-4 flex flex-wrap items-center gap-3">
        <Button type="submit">{t("filters.apply")}</Button>
        <Link href="/admin/entries" className="inline-flex min-h-11 items-center px-2">
          {t("filters.clear")}
        </Link>
      </div>
    </form>
  );
}
