ALTER TABLE "discussion_threads" ADD COLUMN "hidden_at" timestamp with time zone;--> statement-breakpoint
-- threads whose opening post is already hidden are hidden from now on
UPDATE "discussion_threads" t SET "hidden_at" = o."hidden_at"
  FROM (SELECT DISTINCT ON ("thread_id") "thread_id", "hidden_at" FROM "discussion_posts"
        ORDER BY "thread_id", "created_at", "id") o
  WHERE o."thread_id" = t."id" AND o."hidden_at" IS NOT NULL;
