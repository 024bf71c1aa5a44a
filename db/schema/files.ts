import { boolean, index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { users } from "./auth";

/** Uploaded files: the bytes live in lib/storage (local disk or S3-compatible), the facts here. */
export const files = pgTable(
  "files",
  {
    id: text("id").primaryKey().$defaultFn(() => crypto.randomUUID()),
    storageKey: text("storage_key").notNull().unique(),
    mimeType: text("mime_type").notNull(),
    size: integer("size").notNull(),
    sha256: text("sha256").notNull(),
    originalName: text("original_name").notNull().default(""),
    /** Public files (covers, gallery images) are served to anyone; the rest only through their owner's checks. */
    isPublic: boolean("is_public").notNull().default(false),
    uploadedBy: text("uploaded_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("files_uploaded_by_idx").on(t.uploadedBy)],
);
