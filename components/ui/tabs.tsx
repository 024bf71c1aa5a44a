"use client";

import { Link } from "@/components/ui/link";
import { usePathname } from "next/navigation";

/**
 * An area's sections as tabs; the current one (the longest that holds the page, so a pledge's
 * page marks "Pledges") is marked for screen readers and the eye.
 */
export function Tabs({ label, tabs }: { label: string; tabs: { href: string; label: string }[] }) {
  const path = usePathname();
  const current = tabs
    .filter((tab) => path === tab.href || path.startsWith(`${tab.href}/`))
    .reduce<string | null>((best, tab) => (!best || tab.href.length > best.length ? tab.href : best), null);
  return (
    <nav aria-label={label} className="no-print -mx-1 mb-6 border-b border-line">
      <ul className="flex flex-wrap gap-x-1">
        {tabs.map((tab) => {
          const here = tab.href === current;
          return (
            <li key={tab.href}>
              <Link
                href={tab.href}
                aria-current={here ? "page" : undefined}
                className={`block min-h-11 whitespace-nowrap border-b-2 px-3 py-2 no-underline ${here ? "border-accent font-bold text-accent-deep" : "border-transparent text-ink hover:bg-paper-deep"}`}
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
