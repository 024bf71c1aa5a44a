import { getFormatter, getTranslations } from "next-intl/server";
import type { Campaign, CampaignPhase } from "@/lib/campaigns/queries";

/** The campaign's steps in order, the current one marked for eyes and screen readers. */
export async function Timeline({ campaign: c, phase }: { campaign: Campaign; phase: CampaignPhase }) {
  const [t, format] = await Promise.all([getTranslations("campaigns"), getFormatter()]);
  // The year is shown only where a step falls outside the campaign's year (e.g. a January deadline).
  const day = (d: Date) =>
    format.dateTime(d, { ...(d.getFullYear() !== c.year ? { year: "numeric" } : {}), month: "long", day: "numeric", hour: "2-digit", minute: "2-digit" });
  const steps = [
    { key: "registration", when: `${day(c.registrationOpensAt)} – ${day(c.registrationClosesAt)}` },
    { key: "submission", when: `${day(c.submissionOpensAt)} – ${day(c.submissionClosesAt)}` },
    { key: "judging", when: t("until", { date: day(c.judgingEndsAt) }) },
    { key: "results", when: day(c.resultsAt) },
  ] as const;
  return (
    <section aria-labelledby="timeline-heading">
      <h2 id="timeline-heading" className="mb-3 text-xl">
        {t("timeline")}
      </h2>
      <ol className="grid gap-2 sm:grid-cols-4">
        {steps.map((s, i) => {
          const current = s.key === phase;
          return (
            <li
              key={s.key}
              aria-current={current ? "step" : undefined}
              className={`rounded-lg border p-3 ${current ? "border-warm bg-warm text-white" : "border-line bg-white"}`}
            >
              <p className="text-sm">{i + 1}</p>
              <p className="font-bold">{t(`step.${s.key}`)}</p>
              <p className={`text-sm ${current ? "text-white" : "text-ink-soft"}`}>{s.when}</p>
              {current ? <p className="mt-1 text-sm font-bold">{t("now")}</p> : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
