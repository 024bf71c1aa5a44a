import { check, index, integer, pgEnum, pgTable, serial, smallint, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";

/** The library running the portal: one row, edited by an admin. */
export const librarySettings = pgTable(
  "library_settings",
  {
    id: smallint("id").primaryKey().default(1),
    nameZh: text("name_zh").notNull(),
    nameEn: text("name_en").notNull(),
    addressZh: text("address_zh").notNull(),
    addressEn: text("address_en").notNull(),
    hoursZh: text("hours_zh").notNull(),
    hoursEn: text("hours_en").notNull(),
    phone: text("phone").notNull().default(""),
    email: text("email").notNull().default(""),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("library_settings_single_row", sql`${t.id} = 1`)],
);

export const towns = pgTable("towns", {
  id: serial("id").primaryKey(),
  nameZh: text("name_zh").notNull().unique(),
  nameEn: text("name_en").notNull(),
  sortOrder: integer("sort_order").notNull().default(0),
});

export const schoolLevelEnum = pgEnum("school_level", ["primary", "junior", "nine_year", "senior"]);
export const schoolStatusEnum = pgEnum("school_status", ["pending", "approved", "rejected"]);

export const schools = pgTable(
  "schools",
  {
    id: serial("id").primaryKey(),
    name: text("name").notNull(),
    townId: integer("town_id")
      .notNull()
      .references(() => towns.id),
    level: schoolLevelEnum("level").notNull(),
    address: text("address").notNull().default(""),
    status: schoolStatusEnum("status").notNull().default("pending"),
    coordinatorName: text("coordinator_name").notNull(),
    coordinatorEmail: text("coordinator_email").notNull(),
    coordinatorPhone: text("coordinator_phone").notNull().default(""),
    rejectionReason: text("rejection_reason"),
    reviewedAt: timestamp("reviewed_at", { withTimezone: true }),
    // No FK to users here (users reference schools); the audit log names the reviewer too.
    reviewedBy: text("reviewed_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("schools_status_idx").on(t.status), uniqueIndex("schools_town_name_uq").on(t.townId, t.name)],
);
