import { jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Idempotency keys (issue #6): one row per write a client may send twice (a double click, a retry
 * after a timeout). The row is inserted inside the write's own transaction, so it exists exactly when
 * the write committed; `result` is what the first request answered, replayed to a repeat.
 */
export const requestKeys = pgTable("request_keys", {
  /** SHA-256 of the form's key, its path and its fields (src/platform/requests/idempotency.ts) */
  digest: text("digest").primaryKey(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  /** { value } once the first request finished; null while it runs (or if it died after committing) */
  result: jsonb("result").$type<{ value: unknown }>(),
});
