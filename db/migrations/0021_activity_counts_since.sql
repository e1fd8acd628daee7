ALTER TABLE "course_activities" ADD COLUMN "counts_since" timestamp with time zone;--> statement-breakpoint
-- activities that count today have counted since they were created (the best this migration knows)
UPDATE "course_activities" SET "counts_since" = "created_at"
  WHERE "required" AND ("kind" = 'reflection' OR "questions" <> '[]'::jsonb);
