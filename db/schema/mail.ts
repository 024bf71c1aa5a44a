import { sql } from "drizzle-orm";
import { check, index, integer, pgEnum, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { localeEnum } from "./auth";

export const outboxStatusEnum = pgEnum("outbox_status", ["pending", "sending", "sent", "failed"]);
export type OutboxStatus = (typeof outboxStatusEnum.enumValues)[number];

/**
 * Every email passes through here. A row is written in the same transaction as the change it
 * confirms; the sender delivers it later, at least once, keyed by `idempotency_key`.
 */
export const outbox = pgTable(
  "outbox",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    idempotencyKey: text("idempotency_key").notNull().unique(),
    kind: text("kind").notNull(),
    toAddress: text("to_address").notNull(),
    locale: localeEnum("locale").notNull(),
    subject: text("subject").notNull(),
    html: text("html").notNull(),
    text: text("text").notNull(),
    status: outboxStatusEnum("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    sendAfter: timestamp("send_after", { withTimezone: true }).notNull().defaultNow(),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    providerId: text("provider_id"),
    lastError: text("last_error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (t) => [
    index("outbox_due_idx").on(t.status, t.sendAfter),
    check("outbox_attempts_nonneg", sql`${t.attempts} >= 0`),
  ],
);

/**
 * One row shared by every sender instance: the earliest moment the next provider request may go.
 * Taking a slot is one UPDATE, so several instances together keep to the provider's rate.
 */
export const mailPacer = pgTable("mail_pacer", {
  id: integer("id").primaryKey().default(1),
  nextAt: timestamp("next_at", { withTimezone: true }).notNull().defaultNow(),
});

export type OutboxMessage = typeof outbox.$inferSelect;
