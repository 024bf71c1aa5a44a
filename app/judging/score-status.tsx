import { getLocale, getTranslations } from "next-intl/server";
import { numberFormat } from "@/lib/i18n";

export type ScoreState = "todo" | "draft" | "submitted";

/** Never saved, saved as a draft (saving always records a total), or submitted. */
export function scoreStateOf(a: { scoreStatus: "draft" | "submitted"; total: number | null }): ScoreState {
  if (a.scoreStatus === "submitted") return "submitted";
  return a.total === null ? "todo" : "draft";
}

const styles: Record<ScoreState, string> = {
  todo: "border border-line bg-white text-ink",
  draft: "bg-amber-50 text-ink",
  submitted: "bg-accent-soft text-accent-deep",
};

export async function ScoreStatusBadge({ state, total }: { state: ScoreState; total: number | null }) {
  const [t, locale] = await Promise.all([getTranslations("judging.status"), getLocale()]);
  return (
    <span className={`inline-block whitespace-nowrap rounded px-2 text-sm ${styles[state]}`}>
      {state === "submitted" && total !== null ? t("submittedWithTotal", { total: numberFormat(locale, { maximumFractionDigits: 2 }).format(total) }) : t(state)}
    </span>
  );
}
