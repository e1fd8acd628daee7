CREATE TABLE "observation_field_edits" (
	"id" uuid PRIMARY KEY NOT NULL,
	"observation_id" uuid NOT NULL,
	"field" text NOT NULL,
	"previous" text NOT NULL,
	"value" text NOT NULL,
	"written_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"device" text
);
--> statement-breakpoint
ALTER TABLE "observation_field_edits" ADD CONSTRAINT "observation_field_edits_observation_id_observations_id_fk" FOREIGN KEY ("observation_id") REFERENCES "public"."observations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "observation_field_edits_obs_idx" ON "observation_field_edits" USING btree ("observation_id","received_at");