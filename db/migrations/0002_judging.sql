CREATE TYPE "public"."assignment_status" AS ENUM('assigned', 'recused');--> statement-breakpoint
CREATE TYPE "public"."award_tier" AS ENUM('first', 'second', 'third', 'merit', 'none');--> statement-breakpoint
CREATE TYPE "public"."score_status" AS ENUM('draft', 'submitted');--> statement-breakpoint
CREATE TABLE "assignments" (
	"id" serial PRIMARY KEY NOT NULL,
	"entry_id" integer NOT NULL,
	"judge_id" text NOT NULL,
	"campaign_id" integer NOT NULL,
	"status" "assignment_status" DEFAULT 'assigned' NOT NULL,
	"recuse_reason" text,
	"round" integer DEFAULT 1 NOT NULL,
	"points" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"total" double precision,
	"comment" text DEFAULT '' NOT NULL,
	"score_status" "score_status" DEFAULT 'draft' NOT NULL,
	"submitted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assignments_recused_reason" CHECK ("assignments"."status" <> 'recused' or "assignments"."recuse_reason" is not null)
);
--> statement-breakpoint
CREATE TABLE "campaign_judges" (
	"campaign_id" integer NOT NULL,
	"judge_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "campaign_judges_campaign_id_judge_id_pk" PRIMARY KEY("campaign_id","judge_id")
);
--> statement-breakpoint
CREATE TABLE "entry_results" (
	"entry_id" integer PRIMARY KEY NOT NULL,
	"campaign_id" integer NOT NULL,
	"category_id" integer NOT NULL,
	"raw_score" double precision NOT NULL,
	"norm_score" double precision,
	"rank" integer NOT NULL,
	"computed_tier" "award_tier" NOT NULL,
	"tier" "award_tier" NOT NULL,
	"override_reason" text,
	"corrected_at" timestamp with time zone,
	"certificate_code" text,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "entry_results_certificate_code_unique" UNIQUE("certificate_code")
);
--> statement-breakpoint
CREATE TABLE "judge_conflicts" (
	"judge_id" text NOT NULL,
	"school_id" integer NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "judge_conflicts_judge_id_school_id_pk" PRIMARY KEY("judge_id","school_id")
);
--> statement-breakpoint
CREATE TABLE "judge_invitations" (
	"id" serial PRIMARY KEY NOT NULL,
	"campaign_id" integer NOT NULL,
	"email" text NOT NULL,
	"name" text DEFAULT '' NOT NULL,
	"token_hash" text NOT NULL,
	"invited_by" text,
	"expires_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"accepted_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "judge_invitations_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "judging_settings" (
	"campaign_id" integer PRIMARY KEY NOT NULL,
	"judges_per_entry" integer DEFAULT 2 NOT NULL,
	"disagreement_share" double precision DEFAULT 0.25 NOT NULL,
	"normalise" boolean DEFAULT false NOT NULL,
	"tier_rules" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"published_at" timestamp with time zone,
	"corrected_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "rubric_criteria" (
	"id" serial PRIMARY KEY NOT NULL,
	"category_id" integer NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"max_points" integer NOT NULL,
	"weight" double precision DEFAULT 1 NOT NULL,
	"bands" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "rubric_criteria_points" CHECK ("rubric_criteria"."max_points" between 1 and 100),
	CONSTRAINT "rubric_criteria_weight" CHECK ("rubric_criteria"."weight" > 0 and "rubric_criteria"."weight" <= 10)
);
--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_entry_id_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."entries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_judge_id_users_id_fk" FOREIGN KEY ("judge_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_judges" ADD CONSTRAINT "campaign_judges_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_judges" ADD CONSTRAINT "campaign_judges_judge_id_users_id_fk" FOREIGN KEY ("judge_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entry_results" ADD CONSTRAINT "entry_results_entry_id_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."entries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entry_results" ADD CONSTRAINT "entry_results_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entry_results" ADD CONSTRAINT "entry_results_category_id_campaign_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."campaign_categories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "judge_conflicts" ADD CONSTRAINT "judge_conflicts_judge_id_users_id_fk" FOREIGN KEY ("judge_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "judge_conflicts" ADD CONSTRAINT "judge_conflicts_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "judge_invitations" ADD CONSTRAINT "judge_invitations_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "judge_invitations" ADD CONSTRAINT "judge_invitations_invited_by_users_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "judge_invitations" ADD CONSTRAINT "judge_invitations_accepted_by_users_id_fk" FOREIGN KEY ("accepted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "judging_settings" ADD CONSTRAINT "judging_settings_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rubric_criteria" ADD CONSTRAINT "rubric_criteria_category_id_campaign_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."campaign_categories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "assignments_entry_judge_uq" ON "assignments" USING btree ("entry_id","judge_id");--> statement-breakpoint
CREATE INDEX "assignments_judge_idx" ON "assignments" USING btree ("judge_id","campaign_id","status");--> statement-breakpoint
CREATE INDEX "assignments_campaign_idx" ON "assignments" USING btree ("campaign_id","entry_id");--> statement-breakpoint
CREATE INDEX "campaign_judges_judge_idx" ON "campaign_judges" USING btree ("judge_id");--> statement-breakpoint
CREATE INDEX "entry_results_category_idx" ON "entry_results" USING btree ("category_id","rank");--> statement-breakpoint
CREATE INDEX "judge_invitations_email_idx" ON "judge_invitations" USING btree ("email");--> statement-breakpoint
CREATE INDEX "rubric_criteria_category_idx" ON "rubric_criteria" USING btree ("category_id");