import "server-only";
import { cache } from "react";
import { memoize } from "@/lib/cache";
import { getPublicDrive, listPledgeSchools } from "./queries";

/**
 * The public drive page is read far more often than a drive changes: each instance keeps what
 * the page shows (drive, progress, timeline, donors, ranking) for a moment instead of running
 * its queries on every view.
 *
 * - A change made through this instance — a pledge, its change or cancellation, an intake, a
 *   delivery, an edit of the drive or its need-list — calls `driveChanged()` and the next view
 *   reads the database again.
 * - A change made through another instance (several behind a load balancer) shows after at most
 *   `DRIVE_TTL_MS`, so every instance shows new totals within a second.
 */
export const DRIVE_TTL_MS = 500;

type Loaded = Awaited<ReturnType<typeof getPublicDrive>>;
type Entry = { get: () => Promise<Loaded>; driveId?: number };

const bySlug = new Map<string, Entry>();

function entry(slug: string): Entry {
  let e = bySlug.get(slug);
  if (!e) {
    // Unknown slugs are kept too (a miss is a query as well), but never without bound.
    if (bySlug.size >= 500) bySlug.clear();
    const created: Entry = {
      get: memoize(async () => {
        const data = await getPublicDrive(slug);
        created.driveId = data?.drive.id;
        return data;
      }, DRIVE_TTL_MS),
    };
    e = created;
    bySlug.set(slug, e);
  }
  return e;
}

/** What the public drive page shows, or null for an unknown or draft drive; read once per request. */
export const getCachedPublicDrive = cache((slug: string) => entry(slug).get());

/** The schools a donor can give for (the pledge form's list); a newly approved school shows within seconds. */
export const getCachedPledgeSchools = memoize(listPledgeSchools, 5_000);

/**
 * Call after anything that changes what a drive page shows. With a drive's id or slug only that
 * drive is read again; without one (or for a drive not read yet) every cached drive is.
 */
export function driveChanged(drive?: number | string) {
  for (const [slug, e] of bySlug) {
    if (drive === undefined || drive === slug || e.driveId === undefined || e.driveId === drive) bySlug.delete(slug);
  }
}
