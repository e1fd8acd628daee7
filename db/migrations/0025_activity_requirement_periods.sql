CREATE TABLE "activity_requirement_periods" (
	"activity_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	CONSTRAINT "activity_requirement_periods_activity_id_started_at_pk" PRIMARY KEY("activity_id","started_at"),
	CONSTRAINT "activity_requirement_periods_order_ck" CHECK ("activity_requirement_periods"."ended_at" IS NULL OR "activity_requirement_periods"."ended_at" >= "activity_requirement_periods"."started_at")
);
--> statement-breakpoint
ALTER TABLE "activity_requirement_periods" ADD CONSTRAINT "activity_requirement_periods_activity_id_course_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."course_activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_requirement_periods" ADD CONSTRAINT "activity_requirement_periods_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "activity_requirement_periods_open_uq" ON "activity_requirement_periods" USING btree ("activity_id") WHERE "activity_requirement_periods"."ended_at" IS NULL;--> statement-breakpoint
-- what counted until now: one open period from when it began to count
INSERT INTO "activity_requirement_periods" ("activity_id", "organization_id", "started_at")
  SELECT "id", "organization_id", "counts_since" FROM "course_activities" WHERE "counts_since" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "course_activities" DROP COLUMN "counts_since";