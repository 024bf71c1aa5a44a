import { getTranslations } from "next-intl/server";
import type { ConsentState } from "@/lib/consent/rules";

const styles: Record<ConsentState, string> = {
  given: "bg-accent-soft text-accent-deep",
  not_required: "bg-paper-deep text-ink-soft",
  requested: "bg-paper-deep text-ink",
  missing: "bg-red-50 text-danger",
};

export async function ConsentBadge({ state }: { state: ConsentState }) {
  const t = await getTranslations("consent.state");
  return <span className={`inline-block rounded px-2 text-sm ${styles[state]}`}>{t(state)}</span>;
}
