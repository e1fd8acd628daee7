CREATE TABLE "wellbeing_answers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"pulse_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"q1" smallint,
	"q2" smallint,
	"q3" smallint,
	"q4" smallint,
	"q5" smallint,
	"q6" smallint,
	"q7" smallint,
	"q8" smallint,
	"free_text" text
);
--> statement-breakpoint
CREATE TABLE "wellbeing_contacts" (
	"school_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	CONSTRAINT "wellbeing_contacts_school_id_person_id_pk" PRIMARY KEY("school_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "wellbeing_participation" (
	"pulse_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	CONSTRAINT "wellbeing_participation_pulse_id_person_id_pk" PRIMARY KEY("pulse_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "wellbeing_pulses" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"school_id" uuid,
	"opened_by" uuid NOT NULL,
	"title" text NOT NULL,
	"question_keys" text[] NOT NULL,
	"allows_text" boolean DEFAULT false NOT NULL,
	"opens_at" timestamp with time zone NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	"trend_answers" integer,
	"trend_mean" real
);
--> statement-breakpoint
CREATE TABLE "wellbeing_support_requests" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"message" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"handled_at" timestamp with time zone,
	"handled_by" uuid
);
--> statement-breakpoint
ALTER TABLE "wellbeing_answers" ADD CONSTRAINT "wellbeing_answers_pulse_id_wellbeing_pulses_id_fk" FOREIGN KEY ("pulse_id") REFERENCES "public"."wellbeing_pulses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wellbeing_answers" ADD CONSTRAINT "wellbeing_answers_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wellbeing_contacts" ADD CONSTRAINT "wellbeing_contacts_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wellbeing_contacts" ADD CONSTRAINT "wellbeing_contacts_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wellbeing_contacts" ADD CONSTRAINT "wellbeing_contacts_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wellbeing_participation" ADD CONSTRAINT "wellbeing_participation_pulse_id_wellbeing_pulses_id_fk" FOREIGN KEY ("pulse_id") REFERENCES "public"."wellbeing_pulses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wellbeing_participation" ADD CONSTRAINT "wellbeing_participation_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wellbeing_pulses" ADD CONSTRAINT "wellbeing_pulses_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wellbeing_pulses" ADD CONSTRAINT "wellbeing_pulses_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wellbeing_pulses" ADD CONSTRAINT "wellbeing_pulses_opened_by_persons_id_fk" FOREIGN KEY ("opened_by") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wellbeing_support_requests" ADD CONSTRAINT "wellbeing_support_requests_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wellbeing_support_requests" ADD CONSTRAINT "wellbeing_support_requests_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wellbeing_support_requests" ADD CONSTRAINT "wellbeing_support_requests_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wellbeing_support_requests" ADD CONSTRAINT "wellbeing_support_requests_handled_by_persons_id_fk" FOREIGN KEY ("handled_by") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "wellbeing_answers_pulse_school_idx" ON "wellbeing_answers" USING btree ("pulse_id","school_id");--> statement-breakpoint
CREATE INDEX "wellbeing_contacts_person_idx" ON "wellbeing_contacts" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "wellbeing_participation_person_idx" ON "wellbeing_participation" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "wellbeing_pulses_scope_idx" ON "wellbeing_pulses" USING btree ("organization_id","school_id","opens_at");--> statement-breakpoint
CREATE INDEX "wellbeing_pulses_opened_by_idx" ON "wellbeing_pulses" USING btree ("opened_by");--> statement-breakpoint
CREATE INDEX "wellbeing_support_requests_school_idx" ON "wellbeing_support_requests" USING btree ("school_id","created_at");--> statement-breakpoint
CREATE INDEX "wellbeing_support_requests_person_idx" ON "wellbeing_support_requests" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "wellbeing_support_requests_handled_by_idx" ON "wellbeing_support_requests" USING btree ("handled_by");