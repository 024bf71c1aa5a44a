import type { ReactNode } from "react";

export function PageHeader({ title, intro, children }: { title: ReactNode; intro?: ReactNode; children?: ReactNode }) {
  return (
    <header className="mb-6 flex flex-col gap-2 border-b border-line pb-4">
      <h1 className="text-2xl sm:text-3xl">{title}</h1>
      {intro ? <p className="max-w-prose text-ink-soft">{intro}</p> : null}
      {children}
    </header>
  );
}
