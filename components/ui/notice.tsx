import { Link } from "@/components/ui/link";
import type { ReactNode } from "react";
import { PageHeader } from "./page-header";

/** A page that only has something to say (a link used, expired or withdrawn), with a way home. */
export function Notice({ title, home, children }: { title: string; home?: string; children: ReactNode }) {
  return (
    <>
      <PageHeader title={title} />
      <div className="flex max-w-2xl flex-col gap-4">
        {children}
        {home ? (
          <Link href="/" className="inline-flex min-h-11 items-center self-start">
            {home}
          </Link>
        ) : null}
      </div>
    </>
  );
}
