CREATE TYPE "public"."booking_kind" AS ENUM('visitor', 'class');--> statement-breakpoint
CREATE TYPE "public"."booking_status" AS ENUM('confirmed', 'waiting', 'offered', 'cancelled', 'attended', 'no_show');--> statement-breakpoint
CREATE TABLE "event_bookings" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"session_id" integer NOT NULL,
	"kind" "booking_kind" NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"phone" text DEFAULT '' NOT NULL,
	"party_size" integer NOT NULL,
	"school_id" integer,
	"pupils" integer,
	"adults" integer,
	"teacher_id" text,
	"status" "booking_status" NOT NULL,
	"offer_expires_at" timestamp with time zone,
	"token_hash" text NOT NULL,
	"locale" "locale" DEFAULT 'zh-CN' NOT NULL,
	"checked_in_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"anonymised_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "event_bookings_code_unique" UNIQUE("code"),
	CONSTRAINT "event_bookings_token_hash_unique" UNIQUE("token_hash"),
	CONSTRAINT "event_bookings_party" CHECK (("event_bookings"."kind" = 'visitor' AND "event_bookings"."party_size" BETWEEN 1 AND 6) OR ("event_bookings"."kind" = 'class' AND "event_bookings"."pupils" >= 1 AND "event_bookings"."adults" >= 0 AND "event_bookings"."party_size" = "event_bookings"."pupils" + "event_bookings"."adults"))
);
--> statement-breakpoint
CREATE TABLE "event_exhibits" (
	"id" serial PRIMARY KEY NOT NULL,
	"event_id" integer NOT NULL,
	"file_id" text NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"caption" text DEFAULT '' NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "event_sessions" (
	"id" serial PRIMARY KEY NOT NULL,
	"event_id" integer NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"capacity" integer NOT NULL,
	"booked" integer DEFAULT 0 NOT NULL,
	"cancelled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "event_sessions_booked_range" CHECK ("event_sessions"."booked" >= 0 AND "event_sessions"."booked" <= "event_sessions"."capacity"),
	CONSTRAINT "event_sessions_capacity_pos" CHECK ("event_sessions"."capacity" > 0),
	CONSTRAINT "event_sessions_time_order" CHECK ("event_sessions"."ends_at" > "event_sessions"."starts_at")
);
--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "description" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "village" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "cover_file_id" text;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "cancelled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "event_bookings" ADD CONSTRAINT "event_bookings_session_id_event_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."event_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_bookings" ADD CONSTRAINT "event_bookings_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_bookings" ADD CONSTRAINT "event_bookings_teacher_id_users_id_fk" FOREIGN KEY ("teacher_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_exhibits" ADD CONSTRAINT "event_exhibits_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_exhibits" ADD CONSTRAINT "event_exhibits_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_sessions" ADD CONSTRAINT "event_sessions_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "event_bookings_session_email_uq" ON "event_bookings" USING btree ("session_id",lower("email")) WHERE "event_bookings"."status" IN ('confirmed', 'waiting', 'offered', 'attended') AND "event_bookings"."anonymised_at" IS NULL;--> statement-breakpoint
CREATE INDEX "event_bookings_queue_idx" ON "event_bookings" USING btree ("session_id","status","id");--> statement-breakpoint
CREATE INDEX "event_bookings_offer_idx" ON "event_bookings" USING btree ("status","offer_expires_at");--> statement-breakpoint
CREATE INDEX "event_exhibits_event_idx" ON "event_exhibits" USING btree ("event_id","sort_order");--> statement-breakpoint
CREATE INDEX "event_sessions_event_idx" ON "event_sessions" USING btree ("event_id","starts_at");--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_cover_file_id_files_id_fk" FOREIGN KEY ("cover_file_id") REFERENCES "public"."files"("id") ON DELETE set null ON UPDATE no action;