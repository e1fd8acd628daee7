ALTER TABLE "practices" DROP CONSTRAINT "practices_consent_ck";--> statement-breakpoint
ALTER TABLE "practices" ADD COLUMN "consent_audience" text;--> statement-breakpoint
-- consent already on record covered the audience the practice had; a clip already uploaded shows students
UPDATE "practices" SET "consent_audience" = "visibility" WHERE "consent_recorded_at" IS NOT NULL;--> statement-breakpoint
UPDATE "practices" SET "shows_students" = true WHERE "video_key" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "practices" ADD CONSTRAINT "practices_clip_students_ck" CHECK ("practices"."video_key" IS NULL OR "practices"."shows_students");--> statement-breakpoint
ALTER TABLE "practices" ADD CONSTRAINT "practices_consent_audience_ck" CHECK ("practices"."consent_audience" IS NULL OR "practices"."consent_audience" IN ('school','network','public'));--> statement-breakpoint
ALTER TABLE "practices" ADD CONSTRAINT "practices_consent_ck" CHECK ("practices"."status" = 'draft' OR NOT "practices"."shows_students" OR ("practices"."consent_recorded_at" IS NOT NULL AND "practices"."consent_withdrawn_at" IS NULL
        AND ("practices"."consent_audience" = "practices"."visibility" OR "practices"."consent_audience" = 'public' OR ("practices"."consent_audience" = 'network' AND "practices"."visibility" = 'school'))));