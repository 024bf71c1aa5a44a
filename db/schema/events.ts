import { sql } from "drizzle-orm";
import { check, index, integer, pgEnum, pgTable, serial, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { localeEnum, users } from "./auth";
import { events } from "./content";
import { files } from "./files";
import { schools } from "./library";

/**
 * A time slot of an event. `booked` counts the places held by confirmed, offered and attended
 * bookings; it is only ever changed by one conditional UPDATE (DESIGN rule 5), and the CHECK
 * makes overselling impossible even for code that forgets the condition.
 */
export const eventSessions = pgTable(
  "event_sessions",
  {
    id: serial("id").primaryKey(),
    eventId: integer("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    capacity: integer("capacity").notNull(),
    booked: integer("booked").notNull().default(0),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("event_sessions_event_idx").on(t.eventId, t.startsAt),
    check("event_sessions_booked_range", sql`${t.booked} >= 0 AND ${t.booked} <= ${t.capacity}`),
    check("event_sessions_capacity_pos", sql`${t.capacity} > 0`),
    check("event_sessions_time_order", sql`${t.endsAt} > ${t.startsAt}`),
  ],
);

export const bookingKindEnum = pgEnum("booking_kind", ["visitor", "class"]);
export const bookingStatusEnum = pgEnum("booking_status", ["confirmed", "waiting", "offered", "cancelled", "attended", "no_show"]);
export type BookingStatus = (typeof bookingStatusEnum.enumValues)[number];

/**
 * One booking: a visitor's party (1–6) or a teacher's class (pupils + adults) as one row.
 * `party_size` is the number of places it needs. Names, emails and phones are blanked some
 * months after the session (`anonymised_at`); the counts stay.
 */
export const eventBookings = pgTable(
  "event_bookings",
  {
    id: serial("id").primaryKey(),
    /** Printed and shown as a QR code; staff type it at the door. */
    code: text("code").notNull().unique(),
    sessionId: integer("session_id")
      .notNull()
      .references(() => eventSessions.id, { onDelete: "cascade" }),
    kind: bookingKindEnum("kind").notNull(),
    name: text("name").notNull(),
    email: text("email").notNull(),
    phone: text("phone").notNull().default(""),
    partySize: integer("party_size").notNull(),
    schoolId: integer("school_id").references(() => schools.id, { onDelete: "set null" }),
    pupils: integer("pupils"),
    adults: integer("adults"),
    teacherId: text("teacher_id").references(() => users.id, { onDelete: "set null" }),
    status: bookingStatusEnum("status").notNull(),
    offerExpiresAt: timestamp("offer_expires_at", { withTimezone: true }),
    /** sha256 of the manage-link token; the token itself is only ever in the booker's email. */
    tokenHash: text("token_hash").notNull().unique(),
    locale: localeEnum("locale").notNull().default("zh-CN"),
    checkedInAt: timestamp("checked_in_at", { withTimezone: true }),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    anonymisedAt: timestamp("anonymised_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // One live booking per email per session: a second attempt is pointed to the first.
    uniqueIndex("event_bookings_session_email_uq")
      .on(t.sessionId, sql`lower(${t.email})`)
      .where(sql`${t.status} IN ('confirmed', 'waiting', 'offered', 'attended') AND ${t.anonymisedAt} IS NULL`),
    index("event_bookings_queue_idx").on(t.sessionId, t.status, t.id),
    index("event_bookings_offer_idx").on(t.status, t.offerExpiresAt),
    check(
      "event_bookings_party",
      sql`(${t.kind} = 'visitor' AND ${t.partySize} BETWEEN 1 AND 6) OR (${t.kind} = 'class' AND ${t.pupils} >= 1 AND ${t.adults} >= 0 AND ${t.partySize} = ${t.pupils} + ${t.adults})`,
    ),
  ],
);

/** An exhibition's gallery: one image per exhibit, in the order staff set. */
export const eventExhibits = pgTable(
  "event_exhibits",
  {
    id: serial("id").primaryKey(),
    eventId: integer("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    fileId: text("file_id")
      .notNull()
      .references(() => files.id, { onDelete: "restrict" }),
    title: text("title").notNull().default(""),
    caption: text("caption").notNull().default(""),
    sortOrder: integer("sort_order").notNull().default(0),
  },
  (t) => [index("event_exhibits_event_idx").on(t.eventId, t.sortOrder)],
);

export type EventSession = typeof eventSessions.$inferSelect;
export type EventBooking = typeof eventBookings.$inferSelect;
