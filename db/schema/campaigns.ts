import { sql } from "drizzle-orm";
import { boolean, check, index, integer, pgEnum, pgTable, serial, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { files } from "./files";
import { publishStatusEnum } from "./content";
import { schools } from "./library";

export const entryTypeEnum = pgEnum("entry_type", ["essay", "drawing"]);

export const campaigns = pgTable(
  "campaigns",
  {
    id: serial("id").primaryKey(),
    slug: text("slug").notNull().unique(),
    title: text("title").notNull(),
    theme: text("theme").notNull().default(""),
    /** Markdown; rendered without raw HTML. */
    description: text("description").notNull().default(""),
    rules: text("rules").notNull().default(""),
    year: integer("year").notNull(),
    /** Letters in entry codes, e.g. YZ in 2026-YZ-A-00123. */
    codePrefix: text("code_prefix").notNull().default("SX"),
    status: publishStatusEnum("status").notNull().default("draft"),
    coverFileId: text("cover_file_id").references(() => files.id, { onDelete: "set null" }),
    registrationOpensAt: timestamp("registration_opens_at", { withTimezone: true }).notNull(),
    registrationClosesAt: timestamp("registration_closes_at", { withTimezone: true }).notNull(),
    submissionOpensAt: timestamp("submission_opens_at", { withTimezone: true }).notNull(),
    submissionClosesAt: timestamp("submission_closes_at", { withTimezone: true }).notNull(),
    judgingEndsAt: timestamp("judging_ends_at", { withTimezone: true }).notNull(),
    resultsAt: timestamp("results_at", { withTimezone: true }).notNull(),
    /** Public result lists show 张*明 unless the campaign says otherwise. */
    maskNames: boolean("mask_names").notNull().default(true),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("campaigns_status_idx").on(t.status, t.submissionClosesAt),
    check(
      "campaigns_timeline_order",
      sql`${t.registrationOpensAt} <= ${t.registrationClosesAt} and ${t.submissionOpensAt} <= ${t.submissionClosesAt} and ${t.submissionClosesAt} <= ${t.judgingEndsAt} and ${t.judgingEndsAt} <= ${t.resultsAt}`,
    ),
  ],
);

export const campaignCategories = pgTable(
  "campaign_categories",
  {
    id: serial("id").primaryKey(),
    campaignId: integer("campaign_id")
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    /** Short letter used in entry codes, e.g. A in 2026-YZ-A-00123. */
    code: text("code").notNull(),
    gradeMin: integer("grade_min").notNull(),
    gradeMax: integer("grade_max").notNull(),
    entryType: entryTypeEnum("entry_type").notNull(),
    minChars: integer("min_chars"),
    maxChars: integer("max_chars"),
    maxFileMb: integer("max_file_mb").notNull().default(10),
    /** The last number given to an entry of this category (the 123 in 2026-YZ-A-00123). */
    entrySeq: integer("entry_seq").notNull().default(0),
    sortOrder: integer("sort_order").notNull().default(0),
  },
  (t) => [
    uniqueIndex("campaign_categories_code_uq").on(t.campaignId, t.code),
    check("campaign_categories_grades", sql`${t.gradeMin} between 1 and 12 and ${t.gradeMax} between ${t.gradeMin} and 12`),
    check("campaign_categories_chars", sql`${t.minChars} is null or ${t.maxChars} is null or ${t.minChars} <= ${t.maxChars}`),
    check("campaign_categories_file", sql`${t.maxFileMb} between 1 and 50`),
  ],
);

export const campaignBooks = pgTable(
  "campaign_books",
  {
    id: serial("id").primaryKey(),
    campaignId: integer("campaign_id")
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    author: text("author").notNull().default(""),
    gradeBand: text("grade_band").notNull().default(""),
    note: text("note").notNull().default(""),
    sortOrder: integer("sort_order").notNull().default(0),
  },
  (t) => [index("campaign_books_campaign_idx").on(t.campaignId)],
);

/** An approved school taking part in a campaign. */
export const campaignEnrolments = pgTable(
  "campaign_enrolments",
  {
    id: serial("id").primaryKey(),
    campaignId: integer("campaign_id")
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    schoolId: integer("school_id")
      .notNull()
      .references(() => schools.id, { onDelete: "cascade" }),
    enrolledBy: text("enrolled_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("campaign_enrolments_uq").on(t.campaignId, t.schoolId)],
);
