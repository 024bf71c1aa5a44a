import "server-only";
import { and, asc, eq, gte } from "drizzle-orm";
import { getDb } from "@/db/client";
import { memoize } from "@/lib/cache";
import { destinationOf } from "@/lib/drives/emails";
import { campaigns, drives, events } from "@/db/schema";

/** What the home page calls current: published and not yet over (a campaign until its results), soonest first. */
export async function getCurrentHighlights(now = new Date(), limit = 4) {
  const db = getDb();
  const [openCampaigns, upcomingEvents, openDrives] = await Promise.all([
    db
      .select({ slug: campaigns.slug, title: campaigns.title, theme: campaigns.theme, closesAt: campaigns.submissionClosesAt })
      .from(campaigns)
      .where(and(eq(campaigns.status, "published"), gte(campaigns.resultsAt, now)))
      .orderBy(asc(campaigns.submissionClosesAt))
      .limit(limit),
    db
      .select({ slug: events.slug, title: events.title, kind: events.kind, venue: events.venue, startsAt: events.startsAt, endsAt: events.endsAt })
      .from(events)
      .where(and(eq(events.status, "published"), gte(events.endsAt, now)))
      .orderBy(asc(events.startsAt))
      .limit(limit),
    db
      .select({ slug: drives.slug, title: drives.title, destination: drives.destination, town: drives.town, village: drives.village, readingRoom: drives.readingRoom, endsAt: drives.endsAt })
      .from(drives)
      .where(and(eq(drives.status, "published"), gte(drives.endsAt, now)))
      .orderBy(asc(drives.endsAt))
      .limit(limit),
  ]);
  return { campaigns: openCampaigns, events: upcomingEvents, drives: openDrives.map((d) => ({ slug: d.slug, title: d.title, destination: destinationOf(d), endsAt: d.endsAt })) };
}

/** The home page's lists, read at most every few seconds: the busiest page need not query each time. */
export const getCachedHighlights = memoize(() => getCurrentHighlights(), 5_000);
