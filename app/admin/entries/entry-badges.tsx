import type { EntryStatusFilter } from "@/lib/entries/review-filters";

const styles: Record<EntryStatusFilter, string> = {
  submitted: "bg-accent-soft text-accent-deep",
  draft: "bg-paper-deep text-ink-soft",
  withdrawn: "bg-line text-ink",
  disqualified: "bg-red-50 text-danger ring-1 ring-danger/30",
};

export function EntryStatusBadge({ status, label }: { status: EntryStatusFilter; label: string }) {
  return <span className={`whitespace-nowrap rounded-full px-3 py-0.5 text-sm font-medium ${styles[status]}`}>{label}</span>;
}

/** Personal details still in the text: the warm colour, with a sign that does not rely on colour alone. */
export function FlagMarker({ label }: { label: string }) {
  return (
    <span className="inline-flex items-center gap-1 whitespace-nowrap rounded-full border border-warm/40 bg-orange-50 px-3 py-0.5 text-sm font-medium text-warm-deep">
      <span aria-hidden="true">⚑</span>
      {label}
    </span>
  );
}
