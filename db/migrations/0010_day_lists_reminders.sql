CREATE TABLE "reminders_sent" (
	"kind" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"due" text NOT NULL,
	"organization_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"email_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reminders_sent_kind_subject_id_due_pk" PRIMARY KEY("kind","subject_id","due")
);
--> statement-breakpoint
ALTER TABLE "emails" ADD COLUMN "attachments" jsonb;--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "reminders" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "reminders_sent" ADD CONSTRAINT "reminders_sent_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminders_sent" ADD CONSTRAINT "reminders_sent_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "reminders_sent_person_idx" ON "reminders_sent" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "feedback_meetings_follow_up_idx" ON "feedback_meetings" USING btree ("follow_up_on") WHERE "feedback_meetings"."follow_up_on" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "observations_teacher_school_submitted_idx" ON "observations" USING btree ("teacher_id","school_id","started_at") WHERE "observations"."status" = 'submitted';--> statement-breakpoint
CREATE INDEX "observations_submitted_idx" ON "observations" USING btree ("submitted_at") WHERE "observations"."status" = 'submitted';