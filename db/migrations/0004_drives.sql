CREATE TYPE "public"."pledge_handover" AS ENUM('dropoff', 'pickup');--> statement-breakpoint
CREATE TYPE "public"."pledge_kind" AS ENUM('person', 'school');--> statement-breakpoint
CREATE TYPE "public"."pledge_status" AS ENUM('pledged', 'received', 'cancelled');--> statement-breakpoint
CREATE TABLE "drive_categories" (
	"id" serial PRIMARY KEY NOT NULL,
	"drive_id" integer NOT NULL,
	"name" text NOT NULL,
	"target" integer NOT NULL,
	"welcome" text DEFAULT '' NOT NULL,
	"not_welcome" text DEFAULT '' NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "drive_categories_target" CHECK ("drive_categories"."target" BETWEEN 1 AND 100000)
);
--> statement-breakpoint
CREATE TABLE "drive_deliveries" (
	"id" serial PRIMARY KEY NOT NULL,
	"drive_id" integer NOT NULL,
	"delivered_on" date NOT NULL,
	"received_by" text NOT NULL,
	"photo_file_id" text,
	"recorded_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "drive_delivery_items" (
	"id" serial PRIMARY KEY NOT NULL,
	"delivery_id" integer NOT NULL,
	"category_id" integer NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "drive_delivery_items_count" CHECK ("drive_delivery_items"."count" BETWEEN 1 AND 100000)
);
--> statement-breakpoint
CREATE TABLE "drive_intakes" (
	"id" serial PRIMARY KEY NOT NULL,
	"drive_id" integer NOT NULL,
	"pledge_id" integer,
	"category_id" integer NOT NULL,
	"accepted" integer DEFAULT 0 NOT NULL,
	"declined" integer DEFAULT 0 NOT NULL,
	"decline_reason" text DEFAULT '' NOT NULL,
	"donor_name" text DEFAULT '' NOT NULL,
	"donor_email" text DEFAULT '' NOT NULL,
	"school_id" integer,
	"recorded_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "drive_intakes_counts" CHECK ("drive_intakes"."accepted" >= 0 AND "drive_intakes"."declined" >= 0 AND "drive_intakes"."accepted" + "drive_intakes"."declined" BETWEEN 1 AND 10000)
);
--> statement-breakpoint
CREATE TABLE "drive_pledge_items" (
	"id" serial PRIMARY KEY NOT NULL,
	"pledge_id" integer NOT NULL,
	"category_id" integer NOT NULL,
	"count" integer NOT NULL,
	"titles" text DEFAULT '' NOT NULL,
	CONSTRAINT "drive_pledge_items_count" CHECK ("drive_pledge_items"."count" BETWEEN 1 AND 10000)
);
--> statement-breakpoint
CREATE TABLE "drive_pledges" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"drive_id" integer NOT NULL,
	"name" text DEFAULT '' NOT NULL,
	"show_name" boolean DEFAULT false NOT NULL,
	"email" text NOT NULL,
	"phone" text DEFAULT '' NOT NULL,
	"kind" "pledge_kind" DEFAULT 'person' NOT NULL,
	"school_id" integer,
	"handover" "pledge_handover" DEFAULT 'dropoff' NOT NULL,
	"pickup_address" text DEFAULT '' NOT NULL,
	"pickup_days" text DEFAULT '' NOT NULL,
	"status" "pledge_status" DEFAULT 'pledged' NOT NULL,
	"token_hash" text NOT NULL,
	"nonce" text NOT NULL,
	"locale" "locale" DEFAULT 'zh-CN' NOT NULL,
	"cancelled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "drive_pledges_code_unique" UNIQUE("code"),
	CONSTRAINT "drive_pledges_token_hash_unique" UNIQUE("token_hash"),
	CONSTRAINT "drive_pledges_nonce_unique" UNIQUE("nonce"),
	CONSTRAINT "drive_pledges_school" CHECK ("drive_pledges"."kind" = 'person' OR "drive_pledges"."school_id" IS NOT NULL),
	CONSTRAINT "drive_pledges_pickup" CHECK ("drive_pledges"."handover" = 'dropoff' OR length("drive_pledges"."pickup_address") > 0)
);
--> statement-breakpoint
ALTER TABLE "drives" ADD COLUMN "story" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "drives" ADD COLUMN "village" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "drives" ADD COLUMN "town" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "drives" ADD COLUMN "reading_room" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "drives" ADD COLUMN "cover_file_id" text;--> statement-breakpoint
ALTER TABLE "drives" ADD COLUMN "closed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "drive_categories" ADD CONSTRAINT "drive_categories_drive_id_drives_id_fk" FOREIGN KEY ("drive_id") REFERENCES "public"."drives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drive_deliveries" ADD CONSTRAINT "drive_deliveries_drive_id_drives_id_fk" FOREIGN KEY ("drive_id") REFERENCES "public"."drives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drive_deliveries" ADD CONSTRAINT "drive_deliveries_photo_file_id_files_id_fk" FOREIGN KEY ("photo_file_id") REFERENCES "public"."files"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drive_deliveries" ADD CONSTRAINT "drive_deliveries_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drive_delivery_items" ADD CONSTRAINT "drive_delivery_items_delivery_id_drive_deliveries_id_fk" FOREIGN KEY ("delivery_id") REFERENCES "public"."drive_deliveries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drive_delivery_items" ADD CONSTRAINT "drive_delivery_items_category_id_drive_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."drive_categories"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drive_intakes" ADD CONSTRAINT "drive_intakes_drive_id_drives_id_fk" FOREIGN KEY ("drive_id") REFERENCES "public"."drives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drive_intakes" ADD CONSTRAINT "drive_intakes_pledge_id_drive_pledges_id_fk" FOREIGN KEY ("pledge_id") REFERENCES "public"."drive_pledges"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drive_intakes" ADD CONSTRAINT "drive_intakes_category_id_drive_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."drive_categories"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drive_intakes" ADD CONSTRAINT "drive_intakes_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drive_intakes" ADD CONSTRAINT "drive_intakes_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drive_pledge_items" ADD CONSTRAINT "drive_pledge_items_pledge_id_drive_pledges_id_fk" FOREIGN KEY ("pledge_id") REFERENCES "public"."drive_pledges"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drive_pledge_items" ADD CONSTRAINT "drive_pledge_items_category_id_drive_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."drive_categories"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drive_pledges" ADD CONSTRAINT "drive_pledges_drive_id_drives_id_fk" FOREIGN KEY ("drive_id") REFERENCES "public"."drives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drive_pledges" ADD CONSTRAINT "drive_pledges_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "drive_categories_drive_idx" ON "drive_categories" USING btree ("drive_id","sort_order");--> statement-breakpoint
CREATE INDEX "drive_deliveries_drive_idx" ON "drive_deliveries" USING btree ("drive_id","delivered_on");--> statement-breakpoint
CREATE UNIQUE INDEX "drive_delivery_items_uq" ON "drive_delivery_items" USING btree ("delivery_id","category_id");--> statement-breakpoint
CREATE INDEX "drive_intakes_drive_idx" ON "drive_intakes" USING btree ("drive_id","category_id");--> statement-breakpoint
CREATE INDEX "drive_intakes_pledge_idx" ON "drive_intakes" USING btree ("pledge_id");--> statement-breakpoint
CREATE UNIQUE INDEX "drive_pledge_items_uq" ON "drive_pledge_items" USING btree ("pledge_id","category_id");--> statement-breakpoint
CREATE INDEX "drive_pledges_drive_idx" ON "drive_pledges" USING btree ("drive_id","status");--> statement-breakpoint
CREATE INDEX "drive_pledges_phone_idx" ON "drive_pledges" USING btree ("phone");--> statement-breakpoint
ALTER TABLE "drives" ADD CONSTRAINT "drives_cover_file_id_files_id_fk" FOREIGN KEY ("cover_file_id") REFERENCES "public"."files"("id") ON DELETE set null ON UPDATE no action;