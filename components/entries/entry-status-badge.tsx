import { getTranslations } from "next-intl/server";

export type EntryStatus = "none" | "draft" | "submitted" | "withdrawn" | "disqualified";

export function entryStatusOf(entry: { status: "draft" | "submitted" | "withdrawn"; disqualifiedAt: Date | null } | null): EntryStatus {
  if (!entry) return "none";
  return entry.disqualifiedAt ? "disqualified" : entry.status;
}

const styles: Record<EntryStatus, string> = {
  none: "bg-paper-deep text-ink-soft",
  draft: "bg-amber-50 text-ink",
  submitted: "bg-accent-soft text-accent-deep",
  withdrawn: "bg-paper-deep text-ink-soft",
  disqualified: "bg-red-50 text-danger",
};

export async function EntryStatusBadge({ status }: { status: EntryStatus }) {
  const t = await getTranslations("entries.status");
  return <span className={`inline-block rounded px-2 text-sm ${styles[status]}`}>{t(status)}</span>;
}
