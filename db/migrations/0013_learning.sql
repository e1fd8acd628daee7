CREATE TABLE "cohorts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"course_id" uuid NOT NULL,
	"name" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"capacity" integer,
	"status" text DEFAULT 'draft' NOT NULL,
	"last_position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cohorts_status_ck" CHECK ("cohorts"."status" IN ('draft','published','cancelled')),
	CONSTRAINT "cohorts_capacity_ck" CHECK ("cohorts"."capacity" IS NULL OR "cohorts"."capacity" BETWEEN 1 AND 100000),
	CONSTRAINT "cohorts_dates_ck" CHECK ("cohorts"."ends_on" >= "cohorts"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "course_facilitators" (
	"course_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	CONSTRAINT "course_facilitators_course_id_person_id_pk" PRIMARY KEY("course_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "courses" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"slug" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"hours" integer NOT NULL,
	"topic" text DEFAULT '' NOT NULL,
	"level" text NOT NULL,
	"modality" text NOT NULL,
	"min_attendance_percent" integer DEFAULT 75 NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "courses_kind_ck" CHECK ("courses"."kind" IN ('workshop','course')),
	CONSTRAINT "courses_level_ck" CHECK ("courses"."level" IN ('introductory','intermediate','advanced')),
	CONSTRAINT "courses_modality_ck" CHECK ("courses"."modality" IN ('online','in_person','blended')),
	CONSTRAINT "courses_hours_ck" CHECK ("courses"."hours" BETWEEN 1 AND 1000),
	CONSTRAINT "courses_attendance_ck" CHECK ("courses"."min_attendance_percent" BETWEEN 0 AND 100)
);
--> statement-breakpoint
CREATE TABLE "live_sessions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"cohort_id" uuid NOT NULL,
	"title" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"planned_time_zone" text NOT NULL,
	"duration_minutes" integer NOT NULL,
	"meeting_url" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "live_sessions_duration_ck" CHECK ("live_sessions"."duration_minutes" BETWEEN 5 AND 720)
);
--> statement-breakpoint
CREATE TABLE "registrations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"cohort_id" uuid NOT NULL,
	"person_id" uuid,
	"full_name" text NOT NULL,
	"email" text NOT NULL,
	"country" text NOT NULL,
	"role" text NOT NULL,
	"institution" text DEFAULT '' NOT NULL,
	"rut" text,
	"time_zone" text DEFAULT 'America/Santiago' NOT NULL,
	"locale" text DEFAULT 'es-CL' NOT NULL,
	"status" text NOT NULL,
	"position" integer NOT NULL,
	"cancel_token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"confirmed_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	CONSTRAINT "registrations_status_ck" CHECK ("registrations"."status" IN ('confirmed','waiting','cancelled')),
	CONSTRAINT "registrations_role_ck" CHECK ("registrations"."role" IN ('teacher','leader','student','other'))
);
--> statement-breakpoint
ALTER TABLE "memberships" DROP CONSTRAINT "memberships_scope";--> statement-breakpoint
ALTER TABLE "cohorts" ADD CONSTRAINT "cohorts_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cohorts" ADD CONSTRAINT "cohorts_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_facilitators" ADD CONSTRAINT "course_facilitators_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_facilitators" ADD CONSTRAINT "course_facilitators_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_facilitators" ADD CONSTRAINT "course_facilitators_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "courses" ADD CONSTRAINT "courses_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "courses" ADD CONSTRAINT "courses_created_by_persons_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "live_sessions" ADD CONSTRAINT "live_sessions_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "live_sessions" ADD CONSTRAINT "live_sessions_cohort_id_cohorts_id_fk" FOREIGN KEY ("cohort_id") REFERENCES "public"."cohorts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_cohort_id_cohorts_id_fk" FOREIGN KEY ("cohort_id") REFERENCES "public"."cohorts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cohorts_course_idx" ON "cohorts" USING btree ("course_id");--> statement-breakpoint
CREATE INDEX "cohorts_org_starts_idx" ON "cohorts" USING btree ("organization_id","starts_on");--> statement-breakpoint
CREATE INDEX "course_facilitators_person_idx" ON "course_facilitators" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "courses_slug_uq" ON "courses" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "courses_org_idx" ON "courses" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "courses_created_by_idx" ON "courses" USING btree ("created_by");--> statement-breakpoint
CREATE INDEX "live_sessions_cohort_idx" ON "live_sessions" USING btree ("cohort_id","starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "registrations_cohort_email_uq" ON "registrations" USING btree ("cohort_id","email");--> statement-breakpoint
CREATE UNIQUE INDEX "registrations_cohort_position_uq" ON "registrations" USING btree ("cohort_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "registrations_cancel_token_uq" ON "registrations" USING btree ("cancel_token_hash");--> statement-breakpoint
CREATE INDEX "registrations_person_idx" ON "registrations" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "registrations_email_idx" ON "registrations" USING btree ("email");--> statement-breakpoint
CREATE INDEX "registrations_cohort_status_idx" ON "registrations" USING btree ("cohort_id","status","position");--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_scope" CHECK (("memberships"."role" IN ('teacher','leader','mentor') AND "memberships"."school_id" IS NOT NULL) OR ("memberships"."role" IN ('coordinator','admin','facilitator') AND "memberships"."school_id" IS NULL));