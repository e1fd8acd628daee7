CREATE TABLE "calibration_participants" (
	"calibration_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"submitted_at" timestamp with time zone,
	CONSTRAINT "calibration_participants_calibration_id_person_id_pk" PRIMARY KEY("calibration_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "calibration_scores" (
	"calibration_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"indicator_key" text NOT NULL,
	"level" smallint NOT NULL,
	CONSTRAINT "calibration_scores_calibration_id_person_id_indicator_key_pk" PRIMARY KEY("calibration_id","person_id","indicator_key"),
	CONSTRAINT "calibration_scores_range" CHECK ("calibration_scores"."level" BETWEEN 1 AND 4)
);
--> statement-breakpoint
CREATE TABLE "calibrations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"title" text NOT NULL,
	"instrument_version_id" uuid NOT NULL,
	"observation_id" uuid,
	"video_url" text,
	"school_id" uuid,
	"class_context" text DEFAULT '' NOT NULL,
	"held_on" date,
	"reference_scorer_id" uuid NOT NULL,
	"status" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "calibration_participants" ADD CONSTRAINT "calibration_participants_calibration_id_calibrations_id_fk" FOREIGN KEY ("calibration_id") REFERENCES "public"."calibrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calibration_participants" ADD CONSTRAINT "calibration_participants_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calibration_scores" ADD CONSTRAINT "calibration_scores_calibration_id_calibrations_id_fk" FOREIGN KEY ("calibration_id") REFERENCES "public"."calibrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calibration_scores" ADD CONSTRAINT "calibration_scores_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calibrations" ADD CONSTRAINT "calibrations_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calibrations" ADD CONSTRAINT "calibrations_instrument_version_id_instrument_versions_id_fk" FOREIGN KEY ("instrument_version_id") REFERENCES "public"."instrument_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calibrations" ADD CONSTRAINT "calibrations_observation_id_observations_id_fk" FOREIGN KEY ("observation_id") REFERENCES "public"."observations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calibrations" ADD CONSTRAINT "calibrations_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calibrations" ADD CONSTRAINT "calibrations_reference_scorer_id_persons_id_fk" FOREIGN KEY ("reference_scorer_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calibrations" ADD CONSTRAINT "calibrations_created_by_persons_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "calibration_participants_person_idx" ON "calibration_participants" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "calibrations_org_idx" ON "calibrations" USING btree ("organization_id","created_at");