const styles = {
  draft: "bg-paper-deep text-ink-soft",
  published: "bg-accent-soft text-accent-deep",
  archived: "bg-line text-ink",
} as const;

export function StatusBadge({ status, label }: { status: keyof typeof styles; label: string }) {
  return <span className={`rounded-full px-3 py-0.5 text-sm font-medium ${styles[status]}`}>{label}</span>;
}
