import { sql } from "drizzle-orm";
import { boolean, check, date, index, integer, pgEnum, pgTable, serial, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { localeEnum, users } from "./auth";
import { drives } from "./content";
import { files } from "./files";
import { schools } from "./library";

/** One line of a drive's need-list: a book category with its target and what is (not) welcome. */
export const driveCategories = pgTable(
  "drive_categories",
  {
    id: serial("id").primaryKey(),
    driveId: integer("drive_id")
      .notNull()
      .references(() => drives.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    target: integer("target").notNull(),
    welcome: text("welcome").notNull().default(""),
    notWelcome: text("not_welcome").notNull().default(""),
    sortOrder: integer("sort_order").notNull().default(0),
  },
  (t) => [index("drive_categories_drive_idx").on(t.driveId, t.sortOrder), check("drive_categories_target", sql`${t.target} BETWEEN 1 AND 100000`)],
);

export const pledgeKindEnum = pgEnum("pledge_kind", ["person", "school"]);
export const pledgeHandoverEnum = pgEnum("pledge_handover", ["dropoff", "pickup"]);
export const pledgeStatusEnum = pgEnum("pledge_status", ["pledged", "received", "cancelled"]);
export type PledgeStatus = (typeof pledgeStatusEnum.enumValues)[number];

/**
 * A promise of books, made without an account. `nonce` is a hidden value of the form the donor
 * filled in: the same form sent twice hits the unique index and gives one pledge.
 */
export const drivePledges = pgTable(
  "drive_pledges",
  {
    id: serial("id").primaryKey(),
    code: text("code").notNull().unique(),
    driveId: integer("drive_id")
      .notNull()
      .references(() => drives.id, { onDelete: "cascade" }),
    /** Empty when the donor gives anonymously. */
    name: text("name").notNull().default(""),
    showName: boolean("show_name").notNull().default(false),
    email: text("email").notNull(),
    phone: text("phone").notNull().default(""),
    kind: pledgeKindEnum("kind").notNull().default("person"),
    schoolId: integer("school_id").references(() => schools.id, { onDelete: "set null" }),
    handover: pledgeHandoverEnum("handover").notNull().default("dropoff"),
    pickupAddress: text("pickup_address").notNull().default(""),
    pickupDays: text("pickup_days").notNull().default(""),
    status: pledgeStatusEnum("status").notNull().default("pledged"),
    tokenHash: text("token_hash").notNull().unique(),
    nonce: text("nonce").notNull().unique(),
    locale: localeEnum("locale").notNull().default("zh-CN"),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("drive_pledges_drive_idx").on(t.driveId, t.status),
    index("drive_pledges_phone_idx").on(t.phone),
    check("drive_pledges_school", sql`${t.kind} = 'person' OR ${t.schoolId} IS NOT NULL`),
    check("drive_pledges_pickup", sql`${t.handover} = 'dropoff' OR length(${t.pickupAddress}) > 0`),
  ],
);

export const drivePledgeItems = pgTable(
  "drive_pledge_items",
  {
    id: serial("id").primaryKey(),
    pledgeId: integer("pledge_id")
      .notNull()
      .references(() => drivePledges.id, { onDelete: "cascade" }),
    categoryId: integer("category_id")
      .notNull()
      .references(() => driveCategories.id, { onDelete: "restrict" }),
    count: integer("count").notNull(),
    titles: text("titles").notNull().default(""),
  },
  (t) => [uniqueIndex("drive_pledge_items_uq").on(t.pledgeId, t.categoryId), check("drive_pledge_items_count", sql`${t.count} BETWEEN 1 AND 10000`)],
);

/** What arrived, per category: against a pledge, or a walk-in (no pledge) with the donor's contact. */
export const driveIntakes = pgTable(
  "drive_intakes",
  {
    id: serial("id").primaryKey(),
    driveId: integer("drive_id")
      .notNull()
      .references(() => drives.id, { onDelete: "cascade" }),
    pledgeId: integer("pledge_id").references(() => drivePledges.id, { onDelete: "set null" }),
    categoryId: integer("category_id")
      .notNull()
      .references(() => driveCategories.id, { onDelete: "restrict" }),
    accepted: integer("accepted").notNull().default(0),
    declined: integer("declined").notNull().default(0),
    declineReason: text("decline_reason").notNull().default(""),
    /** For walk-ins: who gave (may be empty), so they can be thanked. */
    donorName: text("donor_name").notNull().default(""),
    donorEmail: text("donor_email").notNull().default(""),
    schoolId: integer("school_id").references(() => schools.id, { onDelete: "set null" }),
    recordedBy: text("recorded_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("drive_intakes_drive_idx").on(t.driveId, t.categoryId),
    index("drive_intakes_pledge_idx").on(t.pledgeId),
    check("drive_intakes_counts", sql`${t.accepted} >= 0 AND ${t.declined} >= 0 AND ${t.accepted} + ${t.declined} BETWEEN 1 AND 10000`),
  ],
);

/** Books handed over at the destination; shown on the drive's timeline. */
export const driveDeliveries = pgTable(
  "drive_deliveries",
  {
    id: serial("id").primaryKey(),
    driveId: integer("drive_id")
      .notNull()
      .references(() => drives.id, { onDelete: "cascade" }),
    deliveredOn: date("delivered_on", { mode: "string" }).notNull(),
    receivedBy: text("received_by").notNull(),
    photoFileId: text("photo_file_id").references(() => files.id, { onDelete: "set null" }),
    recordedBy: text("recorded_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("drive_deliveries_drive_idx").on(t.driveId, t.deliveredOn)],
);

export const driveDeliveryItems = pgTable(
  "drive_delivery_items",
  {
    id: serial("id").primaryKey(),
    deliveryId: integer("delivery_id")
      .notNull()
      .references(() => driveDeliveries.id, { onDelete: "cascade" }),
    categoryId: integer("category_id")
      .notNull()
      .references(() => driveCategories.id, { onDelete: "restrict" }),
    count: integer("count").notNull(),
  },
  (t) => [uniqueIndex("drive_delivery_items_uq").on(t.deliveryId, t.categoryId), check("drive_delivery_items_count", sql`${t.count} BETWEEN 1 AND 100000`)],
);

export type DriveCategory = typeof driveCategories.$inferSelect;
export type DrivePledge = typeof drivePledges.$inferSelect;
