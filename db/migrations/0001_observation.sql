CREATE TABLE "action_steps" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"teacher_id" uuid NOT NULL,
	"catalogue_step_id" uuid,
	"category" text,
	"title" text NOT NULL,
	"mastery" text,
	"status" text NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"opened_by" uuid,
	"closed_at" timestamp with time zone,
	"mastered_in_observation_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "catalogue_steps" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"category" text NOT NULL,
	"title" text NOT NULL,
	"mastery" text NOT NULL,
	"mbe_standard" smallint,
	"position" integer NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "feedback_meetings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"observation_id" uuid NOT NULL,
	"teacher_id" uuid NOT NULL,
	"observer_id" uuid NOT NULL,
	"held_at" timestamp with time zone NOT NULL,
	"praise" text NOT NULL,
	"model" text DEFAULT '' NOT NULL,
	"gap" text DEFAULT '' NOT NULL,
	"action_step_id" uuid NOT NULL,
	"plan" text DEFAULT '' NOT NULL,
	"practiced" boolean DEFAULT false NOT NULL,
	"practice_note" text DEFAULT '' NOT NULL,
	"follow_up_on" date,
	"acknowledged_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "instrument_versions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"instrument_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"status" text NOT NULL,
	"content" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "instruments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "observation_levels" (
	"observation_id" uuid NOT NULL,
	"indicator_key" text NOT NULL,
	"level" smallint NOT NULL,
	CONSTRAINT "observation_levels_observation_id_indicator_key_pk" PRIMARY KEY("observation_id","indicator_key"),
	CONSTRAINT "observation_levels_range" CHECK ("observation_levels"."level" BETWEEN 1 AND 4)
);
--> statement-breakpoint
CREATE TABLE "observation_notes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"observation_id" uuid NOT NULL,
	"minute" integer NOT NULL,
	"body" text NOT NULL,
	"indicator_keys" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "observation_snapshots" (
	"id" uuid PRIMARY KEY NOT NULL,
	"observation_id" uuid NOT NULL,
	"minute" integer NOT NULL,
	"on_task" integer NOT NULL,
	"present" integer NOT NULL,
	CONSTRAINT "observation_snapshots_counts" CHECK ("observation_snapshots"."present" > 0 AND "observation_snapshots"."on_task" >= 0 AND "observation_snapshots"."on_task" <= "observation_snapshots"."present")
);
--> statement-breakpoint
CREATE TABLE "observations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"teacher_id" uuid NOT NULL,
	"observer_id" uuid NOT NULL,
	"instrument_version_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"course" text NOT NULL,
	"subject" text NOT NULL,
	"status" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"submitted_at" timestamp with time zone,
	"focus_step_id" uuid,
	"focus_result" text,
	"proposed_catalogue_step_id" uuid,
	"proposed_step_title" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reflections" (
	"meeting_id" uuid PRIMARY KEY NOT NULL,
	"teacher_id" uuid NOT NULL,
	"body" text NOT NULL,
	"private" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "school_observation_settings" (
	"school_id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"visit_every_days" integer DEFAULT 14 NOT NULL,
	"meeting_within_hours" integer DEFAULT 48 NOT NULL,
	"default_purpose" text DEFAULT 'formativa' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "action_steps" ADD CONSTRAINT "action_steps_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_steps" ADD CONSTRAINT "action_steps_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_steps" ADD CONSTRAINT "action_steps_teacher_id_persons_id_fk" FOREIGN KEY ("teacher_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_steps" ADD CONSTRAINT "action_steps_catalogue_step_id_catalogue_steps_id_fk" FOREIGN KEY ("catalogue_step_id") REFERENCES "public"."catalogue_steps"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_steps" ADD CONSTRAINT "action_steps_opened_by_persons_id_fk" FOREIGN KEY ("opened_by") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_steps" ADD CONSTRAINT "catalogue_steps_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_meetings" ADD CONSTRAINT "feedback_meetings_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_meetings" ADD CONSTRAINT "feedback_meetings_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_meetings" ADD CONSTRAINT "feedback_meetings_observation_id_observations_id_fk" FOREIGN KEY ("observation_id") REFERENCES "public"."observations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_meetings" ADD CONSTRAINT "feedback_meetings_teacher_id_persons_id_fk" FOREIGN KEY ("teacher_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_meetings" ADD CONSTRAINT "feedback_meetings_observer_id_persons_id_fk" FOREIGN KEY ("observer_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_meetings" ADD CONSTRAINT "feedback_meetings_action_step_id_action_steps_id_fk" FOREIGN KEY ("action_step_id") REFERENCES "public"."action_steps"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instrument_versions" ADD CONSTRAINT "instrument_versions_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instrument_versions" ADD CONSTRAINT "instrument_versions_instrument_id_instruments_id_fk" FOREIGN KEY ("instrument_id") REFERENCES "public"."instruments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instrument_versions" ADD CONSTRAINT "instrument_versions_created_by_persons_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instruments" ADD CONSTRAINT "instruments_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observation_levels" ADD CONSTRAINT "observation_levels_observation_id_observations_id_fk" FOREIGN KEY ("observation_id") REFERENCES "public"."observations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observation_notes" ADD CONSTRAINT "observation_notes_observation_id_observations_id_fk" FOREIGN KEY ("observation_id") REFERENCES "public"."observations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observation_snapshots" ADD CONSTRAINT "observation_snapshots_observation_id_observations_id_fk" FOREIGN KEY ("observation_id") REFERENCES "public"."observations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observations" ADD CONSTRAINT "observations_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observations" ADD CONSTRAINT "observations_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observations" ADD CONSTRAINT "observations_teacher_id_persons_id_fk" FOREIGN KEY ("teacher_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observations" ADD CONSTRAINT "observations_observer_id_persons_id_fk" FOREIGN KEY ("observer_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observations" ADD CONSTRAINT "observations_instrument_version_id_instrument_versions_id_fk" FOREIGN KEY ("instrument_version_id") REFERENCES "public"."instrument_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observations" ADD CONSTRAINT "observations_focus_step_id_action_steps_id_fk" FOREIGN KEY ("focus_step_id") REFERENCES "public"."action_steps"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observations" ADD CONSTRAINT "observations_proposed_catalogue_step_id_catalogue_steps_id_fk" FOREIGN KEY ("proposed_catalogue_step_id") REFERENCES "public"."catalogue_steps"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reflections" ADD CONSTRAINT "reflections_meeting_id_feedback_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."feedback_meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reflections" ADD CONSTRAINT "reflections_teacher_id_persons_id_fk" FOREIGN KEY ("teacher_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_observation_settings" ADD CONSTRAINT "school_observation_settings_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_observation_settings" ADD CONSTRAINT "school_observation_settings_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "action_steps_one_open_uq" ON "action_steps" USING btree ("teacher_id") WHERE "action_steps"."status" = 'open';--> statement-breakpoint
CREATE INDEX "action_steps_teacher_idx" ON "action_steps" USING btree ("teacher_id","opened_at");--> statement-breakpoint
CREATE INDEX "action_steps_school_idx" ON "action_steps" USING btree ("school_id","opened_at");--> statement-breakpoint
CREATE INDEX "catalogue_steps_org_idx" ON "catalogue_steps" USING btree ("organization_id","category","position");--> statement-breakpoint
CREATE UNIQUE INDEX "feedback_meetings_obs_uq" ON "feedback_meetings" USING btree ("observation_id");--> statement-breakpoint
CREATE INDEX "feedback_meetings_teacher_idx" ON "feedback_meetings" USING btree ("teacher_id","held_at");--> statement-breakpoint
CREATE INDEX "feedback_meetings_school_idx" ON "feedback_meetings" USING btree ("school_id","held_at");--> statement-breakpoint
CREATE UNIQUE INDEX "instrument_versions_uq" ON "instrument_versions" USING btree ("instrument_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "instrument_versions_one_draft_uq" ON "instrument_versions" USING btree ("instrument_id") WHERE "instrument_versions"."status" = 'draft';--> statement-breakpoint
CREATE INDEX "instruments_org_idx" ON "instruments" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "observation_notes_obs_idx" ON "observation_notes" USING btree ("observation_id","minute");--> statement-breakpoint
CREATE INDEX "observation_snapshots_obs_idx" ON "observation_snapshots" USING btree ("observation_id");--> statement-breakpoint
CREATE INDEX "observations_teacher_idx" ON "observations" USING btree ("teacher_id","started_at");--> statement-breakpoint
CREATE INDEX "observations_school_idx" ON "observations" USING btree ("school_id","status","started_at");--> statement-breakpoint
CREATE INDEX "observations_observer_idx" ON "observations" USING btree ("observer_id","status","started_at");--> statement-breakpoint
CREATE INDEX "observations_version_idx" ON "observations" USING btree ("instrument_version_id");