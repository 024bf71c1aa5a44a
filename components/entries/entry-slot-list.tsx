import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import type { listEntrySlots } from "@/lib/entries/queries";
import { EntryStatusBadge, entryStatusOf } from "./entry-status-badge";

type Slot = Awaited<ReturnType<typeof listEntrySlots>>[number];

/** The categories a pupil may enter (and the entries they have), grouped by campaign. */
export async function EntrySlotList({ slots, hrefFor, emptyText }: { slots: Slot[]; hrefFor: (categoryId: number) => string; emptyText: string }) {
  const [t, format] = await Promise.all([getTranslations("entries"), getFormatter()]);
  if (slots.length === 0) return <EmptyState>{emptyText}</EmptyState>;
  const campaigns = [...new Map(slots.map((s) => [s.campaign.id, s])).values()];
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  return (
    <div className="flex flex-col gap-8">
      {campaigns.map(({ campaign, window, windowState }) => (
        <section key={campaign.id} aria-labelledby={`campaign-${campaign.id}`}>
          <h2 id={`campaign-${campaign.id}`} className="text-xl">
            <Link href={`/campaigns/${campaign.slug}`}>{campaign.title}</Link>
          </h2>
          <p className="mb-3 text-ink-soft">
            {windowState === "not_open" ? t("opens", { date: when(window.opensAt) }) : t("deadline", { date: when(window.closesAt) })}
            {window.extended ? ` ${t("extended")}` : null}
          </p>
          <ul className="grid gap-3 md:grid-cols-2">
            {slots
              .filter((s) => s.campaign.id === campaign.id)
              .map(({ category, entry, windowState: state }) => {
                const status = entryStatusOf(entry);
                const verb = state !== "open" || status === "disqualified" ? "view" : status === "none" ? "start" : "continue";
                return (
                  <li key={category.id} className="flex flex-col gap-2 rounded-xl border border-line bg-white p-4">
                    <div className="flex flex-wrap items-center justify-between gap-2">
                      <h3 className="text-lg">{category.name}</h3>
                      <EntryStatusBadge status={status} />
                    </div>
                    <p className="text-ink-soft">
                      {t(`type.${category.entryType}`)} · {t("grades", { min: category.gradeMin, max: category.gradeMax })}
                    </p>
                    {entry?.title ? <p className="font-medium">{entry.title}</p> : null}
                    {entry?.code ? (
                      <p>
                        {t("code")} <span className="font-mono">{entry.code}</span>
                      </p>
                    ) : null}
                    {verb === "view" && status === "none" ? null : (
                      <Link href={hrefFor(category.id)} className="self-start font-medium">
                        {t(verb)}
                        <span className="sr-only">: {category.name}</span>
                      </Link>
                    )}
                  </li>
                );
              })}
          </ul>
        </section>
      ))}
    </div>
  );
}
