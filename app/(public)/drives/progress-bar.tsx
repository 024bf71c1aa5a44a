/** Two bars against one target: pledged (light) and received (dark), with the numbers in words. */
export function ProgressBar({ pledged, received, target, pledgedLabel, receivedLabel }: { pledged: number; received: number; target: number; pledgedLabel: string; receivedLabel: string }) {
  const pct = (n: number) => `${Math.min(100, target > 0 ? (n / target) * 100 : 0)}%`;
  return (
    <div className="flex flex-col gap-1">
      <div className="relative h-3 w-full overflow-hidden rounded-full bg-paper-deep" aria-hidden>
        <div className="absolute inset-y-0 left-0 bg-accent-soft" style={{ width: pct(pledged) }} />
        <div className="absolute inset-y-0 left-0 bg-accent" style={{ width: pct(received) }} />
      </div>
      <p className="text-sm text-ink-soft">
        {receivedLabel} · {pledgedLabel}
      </p>
    </div>
  );
}
