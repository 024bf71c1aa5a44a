CREATE TYPE "public"."entry_status" AS ENUM('draft', 'submitted', 'withdrawn');--> statement-breakpoint
CREATE TABLE "entries" (
	"id" serial PRIMARY KEY NOT NULL,
	"campaign_id" integer NOT NULL,
	"category_id" integer NOT NULL,
	"pupil_id" text NOT NULL,
	"school_id" integer NOT NULL,
	"class_id" integer,
	"status" "entry_status" DEFAULT 'draft' NOT NULL,
	"code" text,
	"title" text DEFAULT '' NOT NULL,
	"book_title" text DEFAULT '' NOT NULL,
	"book_author" text DEFAULT '' NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"char_count" integer DEFAULT 0 NOT NULL,
	"original_body" text,
	"file_id" text,
	"statement" text DEFAULT '' NOT NULL,
	"flags" text[] DEFAULT '{}'::text[] NOT NULL,
	"redacted_at" timestamp with time zone,
	"redacted_by" text,
	"disqualified_at" timestamp with time zone,
	"disqualified_reason" text,
	"disqualified_by" text,
	"updated_by" text,
	"submitted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "entries_submitted_has_code" CHECK ("entries"."status" = 'draft' or "entries"."code" is not null),
	CONSTRAINT "entries_disqualified_reason" CHECK ("entries"."disqualified_at" is null or "entries"."disqualified_reason" is not null)
);
--> statement-breakpoint
CREATE TABLE "submission_extensions" (
	"id" serial PRIMARY KEY NOT NULL,
	"campaign_id" integer NOT NULL,
	"school_id" integer NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"granted_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "campaign_categories" ADD COLUMN "entry_seq" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "code_prefix" text DEFAULT 'SX' NOT NULL;--> statement-breakpoint
ALTER TABLE "entries" ADD CONSTRAINT "entries_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entries" ADD CONSTRAINT "entries_category_id_campaign_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."campaign_categories"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entries" ADD CONSTRAINT "entries_pupil_id_users_id_fk" FOREIGN KEY ("pupil_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entries" ADD CONSTRAINT "entries_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entries" ADD CONSTRAINT "entries_class_id_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."classes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entries" ADD CONSTRAINT "entries_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entries" ADD CONSTRAINT "entries_redacted_by_users_id_fk" FOREIGN KEY ("redacted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entries" ADD CONSTRAINT "entries_disqualified_by_users_id_fk" FOREIGN KEY ("disqualified_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entries" ADD CONSTRAINT "entries_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submission_extensions" ADD CONSTRAINT "submission_extensions_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submission_extensions" ADD CONSTRAINT "submission_extensions_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submission_extensions" ADD CONSTRAINT "submission_extensions_granted_by_users_id_fk" FOREIGN KEY ("granted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "entries_pupil_category_uq" ON "entries" USING btree ("pupil_id","category_id");--> statement-breakpoint
CREATE UNIQUE INDEX "entries_campaign_code_uq" ON "entries" USING btree ("campaign_id","code");--> statement-breakpoint
CREATE INDEX "entries_campaign_status_idx" ON "entries" USING btree ("campaign_id","status","id");--> statement-breakpoint
CREATE INDEX "entries_school_idx" ON "entries" USING btree ("school_id","campaign_id");--> statement-breakpoint
CREATE INDEX "entries_class_idx" ON "entries" USING btree ("class_id");--> statement-breakpoint
CREATE UNIQUE INDEX "submission_extensions_uq" ON "submission_extensions" USING btree ("campaign_id","school_id");