import { sql } from "drizzle-orm";
import { check, index, integer, pgEnum, pgTable, serial, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { campaignCategories, campaigns } from "./campaigns";
import { classes } from "./classes";
import { files } from "./files";
import { schools } from "./library";

export const entryStatusEnum = pgEnum("entry_status", ["draft", "submitted", "withdrawn"]);

/**
 * A pupil's entry in one category: one row per pupil per category (rule 5), whatever happens to
 * it. Withdrawing keeps the row (and its code); submitting again brings it back.
 */
export const entries = pgTable(
  "entries",
  {
    id: serial("id").primaryKey(),
    campaignId: integer("campaign_id")
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    categoryId: integer("category_id")
      .notNull()
      .references(() => campaignCategories.id, { onDelete: "restrict" }),
    pupilId: text("pupil_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** Where the pupil was when the entry began: staff filter by these, extensions are per school. */
    schoolId: integer("school_id")
      .notNull()
      .references(() => schools.id, { onDelete: "cascade" }),
    classId: integer("class_id").references(() => classes.id, { onDelete: "set null" }),
    status: entryStatusEnum("status").notNull().default("draft"),
    /** Human-readable, given at the first submission: 2026-YZ-A-00123 (unique within the campaign). */
    code: text("code"),
    title: text("title").notNull().default(""),
    bookTitle: text("book_title").notNull().default(""),
    bookAuthor: text("book_author").notNull().default(""),
    /** The essay as judges read it (after any redaction). */
    body: text("body").notNull().default(""),
    /** Characters as Chinese readers count them (lib/entries/count.ts). */
    charCount: integer("char_count").notNull().default(0),
    /** The pupil's own text, kept for staff only once staff have redacted `body`. */
    originalBody: text("original_body"),
    fileId: text("file_id").references(() => files.id, { onDelete: "set null" }),
    statement: text("statement").notNull().default(""),
    /** Personal information found in the entry: name, school, phone. Empty when none. */
    flags: text("flags").array().notNull().default(sql`'{}'::text[]`),
    redactedAt: timestamp("redacted_at", { withTimezone: true }),
    redactedBy: text("redacted_by").references(() => users.id, { onDelete: "set null" }),
    disqualifiedAt: timestamp("disqualified_at", { withTimezone: true }),
    disqualifiedReason: text("disqualified_reason"),
    disqualifiedBy: text("disqualified_by").references(() => users.id, { onDelete: "set null" }),
    /** Who last saved it: the pupil, or their teacher for them. */
    updatedBy: text("updated_by").references(() => users.id, { onDelete: "set null" }),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("entries_pupil_category_uq").on(t.pupilId, t.categoryId),
    uniqueIndex("entries_campaign_code_uq").on(t.campaignId, t.code),
    index("entries_campaign_status_idx").on(t.campaignId, t.status, t.id),
    index("entries_school_idx").on(t.schoolId, t.campaignId),
    index("entries_class_idx").on(t.classId),
    check("entries_submitted_has_code", sql`${t.status} = 'draft' or ${t.code} is not null`),
    check("entries_disqualified_reason", sql`${t.disqualifiedAt} is null or ${t.disqualifiedReason} is not null`),
  ],
);

/** A later submission deadline for one school, granted by staff. */
export const submissionExtensions = pgTable(
  "submission_extensions",
  {
    id: serial("id").primaryKey(),
    campaignId: integer("campaign_id")
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    schoolId: integer("school_id")
      .notNull()
      .references(() => schools.id, { onDelete: "cascade" }),
    closesAt: timestamp("closes_at", { withTimezone: true }).notNull(),
    reason: text("reason").notNull().default(""),
    grantedBy: text("granted_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("submission_extensions_uq").on(t.campaignId, t.schoolId)],
);
