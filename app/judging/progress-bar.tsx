/** A thin bar with its figures in words beside it: the words carry the meaning, the bar the glance. */
export function ProgressBar({ done, total, label }: { done: number; total: number; label: string }) {
  const percent = total ? Math.round((done / total) * 100) : 0;
  return (
    <div className="flex items-center gap-3">
      <div aria-hidden className="h-2 max-w-60 flex-1 overflow-hidden rounded-full bg-paper-deep">
        <div className="h-full rounded-full bg-accent" style={{ width: `${percent}%` }} />
      </div>
      <span className="text-sm text-ink-soft">{label}</span>
    </div>
  );
}
