CREATE TABLE "activity_submissions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"activity_id" uuid NOT NULL,
	"registration_id" uuid NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"answers" jsonb,
	"score_percent" integer,
	"status" text NOT NULL,
	"attempts" integer DEFAULT 1 NOT NULL,
	"review_comment" text DEFAULT '' NOT NULL,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "activity_submissions_status_ck" CHECK ("activity_submissions"."status" IN ('submitted','accepted','to_revise')),
	CONSTRAINT "activity_submissions_score_ck" CHECK ("activity_submissions"."score_percent" IS NULL OR "activity_submissions"."score_percent" BETWEEN 0 AND 100)
);
--> statement-breakpoint
CREATE TABLE "course_activities" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"course_id" uuid NOT NULL,
	"module_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"instructions" text DEFAULT '' NOT NULL,
	"required" boolean DEFAULT true NOT NULL,
	"questions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"pass_percent" integer DEFAULT 70 NOT NULL,
	"position" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "course_activities_kind_ck" CHECK ("course_activities"."kind" IN ('reflection','quiz')),
	CONSTRAINT "course_activities_pass_ck" CHECK ("course_activities"."pass_percent" BETWEEN 0 AND 100)
);
--> statement-breakpoint
ALTER TABLE "activity_submissions" ADD CONSTRAINT "activity_submissions_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_submissions" ADD CONSTRAINT "activity_submissions_activity_id_course_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."course_activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_submissions" ADD CONSTRAINT "activity_submissions_registration_id_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registrations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_submissions" ADD CONSTRAINT "activity_submissions_reviewed_by_persons_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_activities" ADD CONSTRAINT "course_activities_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_activities" ADD CONSTRAINT "course_activities_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_activities" ADD CONSTRAINT "course_activities_module_id_course_modules_id_fk" FOREIGN KEY ("module_id") REFERENCES "public"."course_modules"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "activity_submissions_uq" ON "activity_submissions" USING btree ("activity_id","registration_id");--> statement-breakpoint
CREATE INDEX "activity_submissions_registration_idx" ON "activity_submissions" USING btree ("registration_id");--> statement-breakpoint
CREATE INDEX "activity_submissions_reviewed_by_idx" ON "activity_submissions" USING btree ("reviewed_by");--> statement-breakpoint
CREATE INDEX "course_activities_module_idx" ON "course_activities" USING btree ("module_id","position");--> statement-breakpoint
CREATE INDEX "course_activities_course_idx" ON "course_activities" USING btree ("course_id");