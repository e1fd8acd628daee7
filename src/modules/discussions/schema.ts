// The discussions module's tables (issue #16 §8): threads and replies in a space that another module
// owns (a cohort today; a school's and the network's later), who follows each thread and how, and the
// posts people report. A space is named by its kind and the host's id; the host says who may do what.
import { sql } from "drizzle-orm";
import { check, index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { organizations, persons } from "../people/schema";

import type { FollowMode } from "./content";

export { FOLLOW_MODES, type FollowMode } from "./content";

export const discussionThreads = pgTable(
  "discussion_threads",
  {
    id: uuid("id").primaryKey(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    /** the host's kind of space ("cohort") and its id */
    spaceKind: text("space_kind").notNull(),
    spaceId: uuid("space_id").notNull(),
    authorId: uuid("author_id")
      .notNull()
      .references(() => persons.id),
    title: text("title").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastPostAt: timestamp("last_post_at", { withTimezone: true }).notNull().defaultNow(),
    /** set when a moderator hid its opening post: from then on only moderators see the thread, title included */
    hiddenAt: timestamp("hidden_at", { withTimezone: true }),
  },
  (t) => [
    index("discussion_threads_space_idx").on(t.spaceKind, t.spaceId, t.lastPostAt),
    index("discussion_threads_author_idx").on(t.authorId),
  ],
);

/** A post of a thread (the first one opens it). A hidden post is kept, with who hid it and why. */
export const discussionPosts = pgTable(
  "discussion_posts",
  {
    id: uuid("id").primaryKey(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    threadId: uuid("thread_id")
      .notNull()
      .references(() => discussionThreads.id, { onDelete: "cascade" }),
    authorId: uuid("author_id")
      .notNull()
      .references(() => persons.id),
    body: text("body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    hiddenAt: timestamp("hidden_at", { withTimezone: true }),
    hiddenBy: uuid("hidden_by").references(() => persons.id),
    hiddenReason: text("hidden_reason"),
  },
  (t) => [
    index("discussion_posts_thread_idx").on(t.threadId, t.createdAt),
    index("discussion_posts_author_idx").on(t.authorId),
    index("discussion_posts_hidden_by_idx").on(t.hiddenBy),
    check(
      "discussion_posts_hidden_ck",
      sql`(${t.hiddenAt} IS NULL) = (${t.hiddenBy} IS NULL) AND (${t.hiddenAt} IS NULL) = (${t.hiddenReason} IS NULL)`,
    ),
  ],
);

/**
 * Who follows a thread and how: an email per post, a daily digest (the default when one writes in
 * it), or nothing. `lastReadAt` says what is new for them; `digestedAt` what the last digest covered;
 * `notedAt` when the host last noted news for them that is not a post.
 */
export const discussionFollows = pgTable(
  "discussion_follows",
  {
    threadId: uuid("thread_id")
      .notNull()
      .references(() => discussionThreads.id, { onDelete: "cascade" }),
    personId: uuid("person_id")
      .notNull()
      .references(() => persons.id),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    mode: text("mode").notNull().$type<FollowMode>(),
    lastReadAt: timestamp("last_read_at", { withTimezone: true }).notNull().defaultNow(),
    digestedAt: timestamp("digested_at", { withTimezone: true }).notNull().defaultNow(),
    /**
     * the space's host noted news for this follower that is not a post (a practice's "me sirvió", for
     * its author): the next digest tells it, in the host's words (spaces.ts `digestNote`)
     */
    notedAt: timestamp("noted_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.threadId, t.personId] }),
    index("discussion_follows_person_idx").on(t.personId),
    // the digest sweep's "who is due" without reading every follow of a network
    index("discussion_follows_digest_idx").on(t.digestedAt).where(sql`${t.mode} = 'digest'`),
    check("discussion_follows_mode_ck", sql`${t.mode} IN ('post','digest','none')`),
  ],
);

/** A member reported a post to the space's moderators (once per person and post). */
export const discussionReports = pgTable(
  "discussion_reports",
  {
    id: uuid("id").primaryKey(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    postId: uuid("post_id")
      .notNull()
      .references(() => discussionPosts.id, { onDelete: "cascade" }),
    reporterId: uuid("reporter_id")
      .notNull()
      .references(() => persons.id),
    reason: text("reason").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("discussion_reports_uq").on(t.postId, t.reporterId),
    index("discussion_reports_reporter_idx").on(t.reporterId),
  ],
);
