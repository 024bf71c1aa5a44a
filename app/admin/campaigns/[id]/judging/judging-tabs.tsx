"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

/** The judging area's sections; the current one is marked for screen readers and the eye. */
export function JudgingTabs({ label, tabs }: { label: string; tabs: { href: string; label: string }[] }) {
  const path = usePathname();
  return (
    <nav aria-label={label} className="no-print -mx-1 mb-6 overflow-x-auto border-b border-line">
      <ul className="flex gap-1">
        {tabs.map((tab) => {
          const current = path === tab.href;
          return (
            <li key={tab.href}>
              <Link
                href={tab.href}
                aria-current={current ? "page" : undefined}
                className={`block min-h-11 whitespace-nowrap border-b-2 px-3 py-2 no-underline ${current ? "border-accent font-bold text-accent-deep" : "border-transparent text-ink hover:bg-paper-deep"}`}
              >
                {tab.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
