import { Link } from "@/components/ui/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/ui/button";
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
                const verb = state !== "open" || status === "disqualified" ? "view" : status === "none" ? "start" : status === "submitted" ? "change" : "continue";
                return (
                  <li key={category.id} className="flex flex-col gap-2 rounded-xl border border-line bg-white p-4">
                    <div className="flex flex-wrap items-start justify-between gap-x-3 gap-y-1">
                      <h3 className="text-lg">{category.name}</h3>
                      <EntryStatusBadge status={status} />
                    </div>
                    <p className="text-ink-soft">
                      {t(`type.${category.entryType}`)} · {t("grades", { min: category.gradeMin, max: category.gradeMax })} ·{" "}
                      {category.entryType === "essay"
                        ? category.maxChars !== null
                          ? t("lengthRule", { min: category.minChars ?? 1, max: category.maxChars })
                          : t("lengthRuleMin", { min: category.minChars ?? 1 })
                        : t("fileRule", { max: category.maxFileMb })}
                    </p>
                    {entry ? (
                      <div className="rounded-md bg-paper px-3 py-2">
                        {entry.title ? <p className="font-bold">{entry.title}</p> : null}
                        {entry.code ? (
                          <p>
                            {t("code")} <span className="font-mono font-bold tracking-wide text-accent-deep">{entry.code}</span>
                          </p>
                        ) : null}
                        <p className="text-sm text-ink-soft">
                          {status === "submitted" && entry.submittedAt ? t("submittedOn", { date: when(entry.submittedAt) }) : t("savedOn", { date: when(entry.updatedAt) })}
                        </p>
                      </div>
                    ) : null}
                    {verb === "view" && status === "none" ? null : (
                      <ButtonLink href={hrefFor(category.id)} variant={verb === "start" ? "primary" : "secondary"} className="mt-auto self-start">
                        {t(verb)}
                        <span className="sr-only">: {category.name}</span>
                      </ButtonLink>
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
