import { sql } from "drizzle-orm";
import { boolean, check, doublePrecision, index, integer, jsonb, pgEnum, pgTable, primaryKey, serial, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { campaignCategories, campaigns } from "./campaigns";
import { entries } from "./entries";
import { schools } from "./library";

/** One line of a criterion's guide: what a score from `from` to `to` looks like. */
export type ScoreBand = { from: number; to: number; text: string };

/** What judges score a category's entries on. The weights of a category need not add up to anything. */
export const rubricCriteria = pgTable(
  "rubric_criteria",
  {
    id: serial("id").primaryKey(),
    categoryId: integer("category_id")
      .notNull()
      .references(() => campaignCategories.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    maxPoints: integer("max_points").notNull(),
    weight: doublePrecision("weight").notNull().default(1),
    bands: jsonb("bands").$type<ScoreBand[]>().notNull().default([]),
    sortOrder: integer("sort_order").notNull().default(0),
  },
  (t) => [
    index("rubric_criteria_category_idx").on(t.categoryId),
    check("rubric_criteria_points", sql`${t.maxPoints} between 1 and 100`),
    check("rubric_criteria_weight", sql`${t.weight} > 0 and ${t.weight} <= 10`),
  ],
);

/** A campaign's panel of judges: assignments draw only from it. */
export const campaignJudges = pgTable(
  "campaign_judges",
  {
    campaignId: integer("campaign_id")
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    judgeId: text("judge_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.judgeId] }), index("campaign_judges_judge_idx").on(t.judgeId)],
);

/** A staff member's invitation to judge a campaign, accepted through the emailed link. */
export const judgeInvitations = pgTable(
  "judge_invitations",
  {
    id: serial("id").primaryKey(),
    campaignId: integer("campaign_id")
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    name: text("name").notNull().default(""),
    tokenHash: text("token_hash").notNull().unique(),
    invitedBy: text("invited_by").references(() => users.id, { onDelete: "set null" }),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    acceptedBy: text("accepted_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("judge_invitations_email_idx").on(t.email)],
);

/** Schools a judge must not judge (declared on accepting; a teacher's own school counts anyway). */
export const judgeConflicts = pgTable(
  "judge_conflicts",
  {
    judgeId: text("judge_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    schoolId: integer("school_id")
      .notNull()
      .references(() => schools.id, { onDelete: "cascade" }),
    note: text("note").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.judgeId, t.schoolId] })],
);

/** How a campaign is judged and how its results are made. One row per campaign, made on first use. */
export const judgingSettings = pgTable("judging_settings", {
  campaignId: integer("campaign_id")
    .primaryKey()
    .references(() => campaigns.id, { onDelete: "cascade" }),
  judgesPerEntry: integer("judges_per_entry").notNull().default(2),
  /** Two totals further apart than this share of the maximum call for one more judge. */
  disagreementShare: doublePrecision("disagreement_share").notNull().default(0.25),
  normalise: boolean("normalise").notNull().default(false),
  /** Tier rule per category id, see lib/judging/tiers.ts. */
  tierRules: jsonb("tier_rules").$type<Record<string, unknown>>().notNull().default({}),
  publishedAt: timestamp("published_at", { withTimezone: true }),
  correctedAt: timestamp("corrected_at", { withTimezone: true }),
});

export const assignmentStatusEnum = pgEnum("assignment_status", ["assigned", "recused"]);
export const scoreStatusEnum = pgEnum("score_status", ["draft", "submitted"]);

/** A judge's copy of one entry, with their score on it. */
export const assignments = pgTable(
  "assignments",
  {
    id: serial("id").primaryKey(),
    entryId: integer("entry_id")
      .notNull()
      .references(() => entries.id, { onDelete: "cascade" }),
    judgeId: text("judge_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    campaignId: integer("campaign_id")
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    status: assignmentStatusEnum("status").notNull().default("assigned"),
    recuseReason: text("recuse_reason"),
    /** 1 for the first judges, 2 for a judge added because the first ones disagreed. */
    round: integer("round").notNull().default(1),
    /** Points per criterion id. */
    points: jsonb("points").$type<Record<string, number>>().notNull().default({}),
    /** Weighted total on the rubric's own scale (sum of weight × points / sum of weight × max, × 100). */
    total: doublePrecision("total"),
    comment: text("comment").notNull().default(""),
    scoreStatus: scoreStatusEnum("score_status").notNull().default("draft"),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("assignments_entry_judge_uq").on(t.entryId, t.judgeId),
    index("assignments_judge_idx").on(t.judgeId, t.campaignId, t.status),
    // A judge's entries still to score, in order: "next entry" reads one row, not the judge's whole share.
    index("assignments_judge_todo_idx")
      .on(t.judgeId, t.campaignId, t.id)
      .where(sql`${t.status} = 'assigned' and ${t.scoreStatus} <> 'submitted'`),
    index("assignments_campaign_idx").on(t.campaignId, t.entryId),
    check("assignments_recused_reason", sql`${t.status} <> 'recused' or ${t.recuseReason} is not null`),
  ],
);

export const awardTierEnum = pgEnum("award_tier", ["first", "second", "third", "merit", "none"]);

/** An entry's computed result, its award, and the certificate that proves it. */
export const entryResults = pgTable(
  "entry_results",
  {
    entryId: integer("entry_id")
      .primaryKey()
      .references(() => entries.id, { onDelete: "cascade" }),
    campaignId: integer("campaign_id")
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    categoryId: integer("category_id")
      .notNull()
      .references(() => campaignCategories.id, { onDelete: "cascade" }),
    rawScore: doublePrecision("raw_score").notNull(),
    normScore: doublePrecision("norm_score"),
    rank: integer("rank").notNull(),
    /** The tier the rule gave. */
    computedTier: awardTierEnum("computed_tier").notNull(),
    /** The tier after staff moved it, with why (also in the audit log). */
    tier: awardTierEnum("tier").notNull(),
    overrideReason: text("override_reason"),
    /** Set when a published result was changed afterwards. */
    correctedAt: timestamp("corrected_at", { withTimezone: true }),
    certificateCode: text("certificate_code").unique(),
    computedAt: timestamp("computed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("entry_results_category_idx").on(t.categoryId, t.rank)],
);
