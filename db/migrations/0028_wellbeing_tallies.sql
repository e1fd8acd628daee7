CREATE TABLE "wellbeing_tallies" (
	"pulse_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"answers" integer NOT NULL,
	"counts" integer[] NOT NULL,
	CONSTRAINT "wellbeing_tallies_pulse_id_school_id_pk" PRIMARY KEY("pulse_id","school_id")
);
--> statement-breakpoint
ALTER TABLE "wellbeing_tallies" ADD CONSTRAINT "wellbeing_tallies_pulse_id_wellbeing_pulses_id_fk" FOREIGN KEY ("pulse_id") REFERENCES "public"."wellbeing_pulses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wellbeing_tallies" ADD CONSTRAINT "wellbeing_tallies_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "wellbeing_tallies_school_idx" ON "wellbeing_tallies" USING btree ("school_id");--> statement-breakpoint
CREATE INDEX "wellbeing_answers_texts_idx" ON "wellbeing_answers" USING btree ("pulse_id","id") WHERE "wellbeing_answers"."free_text" IS NOT NULL;