CREATE TABLE "advisories" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"program_id" uuid,
	"title" text NOT NULL,
	"goals" text DEFAULT '' NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"status" text DEFAULT 'planned' NOT NULL,
	"closed_at" timestamp with time zone,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "advisories_status_ck" CHECK ("advisories"."status" IN ('planned','active','closed')),
	CONSTRAINT "advisories_dates_ck" CHECK ("advisories"."ends_on" IS NULL OR "advisories"."ends_on" >= "advisories"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "advisory_advisors" (
	"advisory_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	CONSTRAINT "advisory_advisors_advisory_id_person_id_pk" PRIMARY KEY("advisory_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "advisory_milestones" (
	"id" uuid PRIMARY KEY NOT NULL,
	"advisory_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"due_on" date,
	"done_on" date
);
--> statement-breakpoint
CREATE TABLE "advisory_visits" (
	"id" uuid PRIMARY KEY NOT NULL,
	"advisory_id" uuid NOT NULL,
	"visited_on" date NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"agreements" text DEFAULT '' NOT NULL,
	"author_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "funder_reports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"program_id" uuid,
	"from_on" date NOT NULL,
	"to_on" date NOT NULL,
	"locale" text DEFAULT 'es-CL' NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"progress" integer DEFAULT 0 NOT NULL,
	"pdf_key" text,
	"xlsx_key" text,
	"requested_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "funder_reports_status_ck" CHECK ("funder_reports"."status" IN ('pending','running','done','failed')),
	CONSTRAINT "funder_reports_period_ck" CHECK ("funder_reports"."to_on" >= "funder_reports"."from_on")
);
--> statement-breakpoint
CREATE TABLE "feedback_reviews" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"observer_id" uuid NOT NULL,
	"reviewer_id" uuid NOT NULL,
	"precise_praise" boolean NOT NULL,
	"one_action_step" boolean NOT NULL,
	"practiced" boolean NOT NULL,
	"follow_up_set" boolean NOT NULL,
	"feedback" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "mentor_candidacies" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"track_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"started_on" date NOT NULL,
	"interview_on" date,
	"interview_by" uuid,
	"interview_notes" text DEFAULT '' NOT NULL,
	"certified_at" timestamp with time zone,
	"certified_by" uuid,
	"certificate_id" uuid,
	"withdrawn_at" timestamp with time zone,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mentor_candidacies_certified_ck" CHECK (("mentor_candidacies"."certified_at" IS NULL) = ("mentor_candidacies"."certified_by" IS NULL))
);
--> statement-breakpoint
CREATE TABLE "mentor_pairings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"mentor_id" uuid NOT NULL,
	"teacher_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"ended_at" timestamp with time zone,
	"ended_by" uuid,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mentor_pairings_dates_ck" CHECK ("mentor_pairings"."ends_on" IS NULL OR "mentor_pairings"."ends_on" >= "mentor_pairings"."starts_on"),
	CONSTRAINT "mentor_pairings_self_ck" CHECK ("mentor_pairings"."mentor_id" <> "mentor_pairings"."teacher_id")
);
--> statement-breakpoint
CREATE TABLE "mentor_track_requirements" (
	"id" uuid PRIMARY KEY NOT NULL,
	"track_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"kind" text NOT NULL,
	"course_id" uuid,
	"count" integer,
	CONSTRAINT "mentor_track_requirements_kind_ck" CHECK (("mentor_track_requirements"."kind" = 'course_completed' AND "mentor_track_requirements"."course_id" IS NOT NULL)
        OR ("mentor_track_requirements"."kind" IN ('meetings_recorded','meetings_reviewed') AND "mentor_track_requirements"."count" BETWEEN 1 AND 100)
        OR "mentor_track_requirements"."kind" = 'final_interview')
);
--> statement-breakpoint
CREATE TABLE "mentor_tracks" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"program_id" uuid,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"hours" integer NOT NULL,
	"signer_name" text DEFAULT '' NOT NULL,
	"signer_title" text DEFAULT '' NOT NULL,
	"archived_at" timestamp with time zone,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mentor_tracks_hours_ck" CHECK ("mentor_tracks"."hours" BETWEEN 1 AND 1000)
);
--> statement-breakpoint
CREATE TABLE "mentoring_session_comments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"session_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mentoring_sessions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"pairing_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"focus" text NOT NULL,
	"agreements" text DEFAULT '' NOT NULL,
	"next_step" text DEFAULT '' NOT NULL,
	"next_on" date,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "programs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "certificates" ALTER COLUMN "registration_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "certificates" ALTER COLUMN "cohort_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "certificates" ADD COLUMN "kind" text DEFAULT 'course' NOT NULL;--> statement-breakpoint
ALTER TABLE "certificates" ADD COLUMN "person_id" uuid;--> statement-breakpoint
-- a course certificate's holder, when their registration is a person of the platform
UPDATE "certificates" SET "person_id" = r."person_id" FROM "registrations" r WHERE r."id" = "certificates"."registration_id";--> statement-breakpoint
ALTER TABLE "courses" ADD COLUMN "program_id" uuid;--> statement-breakpoint
ALTER TABLE "advisories" ADD CONSTRAINT "advisories_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advisories" ADD CONSTRAINT "advisories_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advisories" ADD CONSTRAINT "advisories_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advisories" ADD CONSTRAINT "advisories_created_by_persons_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advisory_advisors" ADD CONSTRAINT "advisory_advisors_advisory_id_advisories_id_fk" FOREIGN KEY ("advisory_id") REFERENCES "public"."advisories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advisory_advisors" ADD CONSTRAINT "advisory_advisors_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advisory_milestones" ADD CONSTRAINT "advisory_milestones_advisory_id_advisories_id_fk" FOREIGN KEY ("advisory_id") REFERENCES "public"."advisories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advisory_visits" ADD CONSTRAINT "advisory_visits_advisory_id_advisories_id_fk" FOREIGN KEY ("advisory_id") REFERENCES "public"."advisories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advisory_visits" ADD CONSTRAINT "advisory_visits_author_id_persons_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funder_reports" ADD CONSTRAINT "funder_reports_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funder_reports" ADD CONSTRAINT "funder_reports_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funder_reports" ADD CONSTRAINT "funder_reports_requested_by_persons_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_reviews" ADD CONSTRAINT "feedback_reviews_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_reviews" ADD CONSTRAINT "feedback_reviews_meeting_id_feedback_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."feedback_meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_reviews" ADD CONSTRAINT "feedback_reviews_observer_id_persons_id_fk" FOREIGN KEY ("observer_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_reviews" ADD CONSTRAINT "feedback_reviews_reviewer_id_persons_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentor_candidacies" ADD CONSTRAINT "mentor_candidacies_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentor_candidacies" ADD CONSTRAINT "mentor_candidacies_track_id_mentor_tracks_id_fk" FOREIGN KEY ("track_id") REFERENCES "public"."mentor_tracks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentor_candidacies" ADD CONSTRAINT "mentor_candidacies_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentor_candidacies" ADD CONSTRAINT "mentor_candidacies_interview_by_persons_id_fk" FOREIGN KEY ("interview_by") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentor_candidacies" ADD CONSTRAINT "mentor_candidacies_certified_by_persons_id_fk" FOREIGN KEY ("certified_by") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentor_candidacies" ADD CONSTRAINT "mentor_candidacies_certificate_id_certificates_id_fk" FOREIGN KEY ("certificate_id") REFERENCES "public"."certificates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentor_candidacies" ADD CONSTRAINT "mentor_candidacies_created_by_persons_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentor_pairings" ADD CONSTRAINT "mentor_pairings_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentor_pairings" ADD CONSTRAINT "mentor_pairings_mentor_id_persons_id_fk" FOREIGN KEY ("mentor_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentor_pairings" ADD CONSTRAINT "mentor_pairings_teacher_id_persons_id_fk" FOREIGN KEY ("teacher_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentor_pairings" ADD CONSTRAINT "mentor_pairings_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentor_pairings" ADD CONSTRAINT "mentor_pairings_ended_by_persons_id_fk" FOREIGN KEY ("ended_by") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentor_pairings" ADD CONSTRAINT "mentor_pairings_created_by_persons_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentor_track_requirements" ADD CONSTRAINT "mentor_track_requirements_track_id_mentor_tracks_id_fk" FOREIGN KEY ("track_id") REFERENCES "public"."mentor_tracks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentor_track_requirements" ADD CONSTRAINT "mentor_track_requirements_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentor_tracks" ADD CONSTRAINT "mentor_tracks_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentor_tracks" ADD CONSTRAINT "mentor_tracks_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentor_tracks" ADD CONSTRAINT "mentor_tracks_created_by_persons_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentoring_session_comments" ADD CONSTRAINT "mentoring_session_comments_session_id_mentoring_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."mentoring_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentoring_session_comments" ADD CONSTRAINT "mentoring_session_comments_author_id_persons_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentoring_sessions" ADD CONSTRAINT "mentoring_sessions_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentoring_sessions" ADD CONSTRAINT "mentoring_sessions_pairing_id_mentor_pairings_id_fk" FOREIGN KEY ("pairing_id") REFERENCES "public"."mentor_pairings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentoring_sessions" ADD CONSTRAINT "mentoring_sessions_created_by_persons_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programs" ADD CONSTRAINT "programs_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "advisories_school_idx" ON "advisories" USING btree ("school_id","starts_on");--> statement-breakpoint
CREATE INDEX "advisories_org_idx" ON "advisories" USING btree ("organization_id","status");--> statement-breakpoint
CREATE INDEX "advisories_program_idx" ON "advisories" USING btree ("program_id");--> statement-breakpoint
CREATE INDEX "advisories_created_by_idx" ON "advisories" USING btree ("created_by");--> statement-breakpoint
CREATE INDEX "advisory_advisors_person_idx" ON "advisory_advisors" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "advisory_milestones_advisory_idx" ON "advisory_milestones" USING btree ("advisory_id","position");--> statement-breakpoint
CREATE INDEX "advisory_visits_advisory_idx" ON "advisory_visits" USING btree ("advisory_id","visited_on");--> statement-breakpoint
CREATE INDEX "advisory_visits_author_idx" ON "advisory_visits" USING btree ("author_id");--> statement-breakpoint
CREATE INDEX "funder_reports_org_idx" ON "funder_reports" USING btree ("organization_id","created_at");--> statement-breakpoint
CREATE INDEX "funder_reports_program_idx" ON "funder_reports" USING btree ("program_id");--> statement-breakpoint
CREATE INDEX "funder_reports_requested_by_idx" ON "funder_reports" USING btree ("requested_by");--> statement-breakpoint
CREATE UNIQUE INDEX "feedback_reviews_meeting_reviewer_uq" ON "feedback_reviews" USING btree ("meeting_id","reviewer_id");--> statement-breakpoint
CREATE INDEX "feedback_reviews_observer_idx" ON "feedback_reviews" USING btree ("observer_id","created_at");--> statement-breakpoint
CREATE INDEX "feedback_reviews_reviewer_idx" ON "feedback_reviews" USING btree ("reviewer_id");--> statement-breakpoint
CREATE INDEX "feedback_reviews_org_idx" ON "feedback_reviews" USING btree ("organization_id");--> statement-breakpoint
CREATE UNIQUE INDEX "mentor_candidacies_person_track_uq" ON "mentor_candidacies" USING btree ("track_id","person_id");--> statement-breakpoint
CREATE INDEX "mentor_candidacies_person_idx" ON "mentor_candidacies" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "mentor_candidacies_org_idx" ON "mentor_candidacies" USING btree ("organization_id","certified_at");--> statement-breakpoint
CREATE INDEX "mentor_candidacies_certificate_idx" ON "mentor_candidacies" USING btree ("certificate_id");--> statement-breakpoint
CREATE INDEX "mentor_candidacies_interview_by_idx" ON "mentor_candidacies" USING btree ("interview_by");--> statement-breakpoint
CREATE INDEX "mentor_candidacies_certified_by_idx" ON "mentor_candidacies" USING btree ("certified_by");--> statement-breakpoint
CREATE INDEX "mentor_candidacies_created_by_idx" ON "mentor_candidacies" USING btree ("created_by");--> statement-breakpoint
CREATE UNIQUE INDEX "mentor_pairings_live_uq" ON "mentor_pairings" USING btree ("mentor_id","teacher_id","school_id") WHERE "mentor_pairings"."ended_at" IS NULL;--> statement-breakpoint
CREATE INDEX "mentor_pairings_mentor_idx" ON "mentor_pairings" USING btree ("mentor_id");--> statement-breakpoint
CREATE INDEX "mentor_pairings_teacher_idx" ON "mentor_pairings" USING btree ("teacher_id");--> statement-breakpoint
CREATE INDEX "mentor_pairings_school_idx" ON "mentor_pairings" USING btree ("school_id");--> statement-breakpoint
CREATE INDEX "mentor_pairings_org_idx" ON "mentor_pairings" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "mentor_pairings_created_by_idx" ON "mentor_pairings" USING btree ("created_by");--> statement-breakpoint
CREATE INDEX "mentor_pairings_ended_by_idx" ON "mentor_pairings" USING btree ("ended_by");--> statement-breakpoint
CREATE UNIQUE INDEX "mentor_track_requirements_position_uq" ON "mentor_track_requirements" USING btree ("track_id","position");--> statement-breakpoint
CREATE INDEX "mentor_track_requirements_course_idx" ON "mentor_track_requirements" USING btree ("course_id");--> statement-breakpoint
CREATE INDEX "mentor_tracks_org_idx" ON "mentor_tracks" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "mentor_tracks_program_idx" ON "mentor_tracks" USING btree ("program_id");--> statement-breakpoint
CREATE INDEX "mentor_tracks_created_by_idx" ON "mentor_tracks" USING btree ("created_by");--> statement-breakpoint
CREATE INDEX "mentoring_session_comments_session_idx" ON "mentoring_session_comments" USING btree ("session_id","created_at");--> statement-breakpoint
CREATE INDEX "mentoring_session_comments_author_idx" ON "mentoring_session_comments" USING btree ("author_id");--> statement-breakpoint
CREATE INDEX "mentoring_sessions_pairing_idx" ON "mentoring_sessions" USING btree ("pairing_id","held_on");--> statement-breakpoint
CREATE INDEX "mentoring_sessions_org_idx" ON "mentoring_sessions" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "mentoring_sessions_created_by_idx" ON "mentoring_sessions" USING btree ("created_by");--> statement-breakpoint
CREATE UNIQUE INDEX "programs_name_uq" ON "programs" USING btree ("organization_id","name");--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "courses" ADD CONSTRAINT "courses_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "certificates_person_idx" ON "certificates" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "courses_program_idx" ON "courses" USING btree ("program_id");--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_kind_ck" CHECK (("certificates"."kind" = 'course' AND "certificates"."registration_id" IS NOT NULL AND "certificates"."cohort_id" IS NOT NULL)
        OR ("certificates"."kind" = 'mentor' AND "certificates"."person_id" IS NOT NULL AND "certificates"."registration_id" IS NULL));