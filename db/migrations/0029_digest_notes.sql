DROP TABLE "practice_author_notices" CASCADE;--> statement-breakpoint
DROP INDEX "practice_helpful_pending_idx";--> statement-breakpoint
ALTER TABLE "discussion_follows" ADD COLUMN "noted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "practice_helpful" DROP COLUMN "notified_at";