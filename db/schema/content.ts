import { index, pgEnum, pgTable, serial, text, timestamp } from "drizzle-orm/pg-core";
import { files } from "./files";

// Events and drives as the home page lists them. Their own issues add the details
// (sessions, need-lists); this is the part every page needs: a stable slug, a title in the
// library's language, a status and dates. Campaigns live in ./campaigns.ts.

export const publishStatusEnum = pgEnum("publish_status", ["draft", "published", "archived"]);

export const eventKindEnum = pgEnum("event_kind", ["exhibition", "activity", "lecture", "outreach"]);

export const events = pgTable(
  "events",
  {
    id: serial("id").primaryKey(),
    slug: text("slug").notNull().unique(),
    kind: eventKindEnum("kind").notNull(),
    title: text("title").notNull(),
    venue: text("venue").notNull().default(""),
    status: publishStatusEnum("status").notNull().default("draft"),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /** Markdown, sanitised when shown (components/markdown.tsx). */
    description: text("description").notNull().default(""),
    /** For outreach days: the village the library goes to (the venue then says where in it). */
    village: text("village").notNull().default(""),
    coverFileId: text("cover_file_id").references(() => files.id, { onDelete: "set null" }),
    /** A cancelled event stays visible (people look for it) but takes no bookings. */
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
  },
  (t) => [index("events_status_idx").on(t.status, t.endsAt)],
);

export const drives = pgTable(
  "drives",
  {
    id: serial("id").primaryKey(),
    slug: text("slug").notNull().unique(),
    title: text("title").notNull(),
    destination: text("destination").notNull().default(""),
    status: publishStatusEnum("status").notNull().default("draft"),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /** Markdown, sanitised when shown (components/markdown.tsx). */
    story: text("story").notNull().default(""),
    /** Where the books go: the village and town, and the library or reading room there. */
    village: text("village").notNull().default(""),
    town: text("town").notNull().default(""),
    readingRoom: text("reading_room").notNull().default(""),
    coverFileId: text("cover_file_id").references(() => files.id, { onDelete: "set null" }),
    /** A closed drive stays visible (its deliveries are news) but takes no pledges. */
    closedAt: timestamp("closed_at", { withTimezone: true }),
  },
  (t) => [index("drives_status_idx").on(t.status, t.endsAt)],
);
