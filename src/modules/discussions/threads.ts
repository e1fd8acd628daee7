// Threads and replies in a space (issue #16 §8): plain text (links become links when shown, nothing
// else is markup), works without JavaScript. Whoever writes in a thread follows it with a daily digest
// unless they chose otherwise; followers who chose "each post" get an email per reply, in their
// language. A moderator hides a post with a reason (kept for the audit); members report a post once.
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { translator } from "../../messages";
import { audit } from "../../platform/audit/audit";
import { config } from "../../platform/config";
import { type DbOrTx, db, rowsOf } from "../../platform/db/client";
import { DomainError, NotFoundError } from "../../platform/errors";
import { isLocale } from "../../platform/i18n/i18n";
import { isUuid, newId } from "../../platform/ids";
import { queueEmail } from "../../platform/mail/mail";
import { type Actor, authorize, can } from "../../platform/policy";
import { parseInput } from "../../platform/validation";
import { loadActor } from "../people";
import {
  discussionFollows,
  discussionPosts,
  discussionReports,
  discussionThreads,
  FOLLOW_MODES,
  type FollowMode,
} from "./schema";
import { findSpace, readersOf, type Space } from "./spaces";

const body = z.string().trim().min(1, "errors.required").max(5000, "errors.too_long");
const threadInput = z.object({
  title: z.string().trim().min(1, "errors.required").max(160, "errors.too_long"),
  body,
});
const reasonInput = z.object({
  reason: z.string().trim().min(1, "errors.required").max(500, "errors.too_long"),
});

async function spaceFor(actor: Actor, kind: string, spaceId: string): Promise<Space> {
  if (!isUuid(spaceId)) throw new NotFoundError();
  const space = await findSpace(actor, kind, spaceId);
  if (!space) throw new NotFoundError();
  authorize(actor, "read", "discussion", space);
  return space;
}

async function threadOf(actor: Actor, threadId: string) {
  if (!isUuid(threadId)) throw new NotFoundError();
  const [thread] = await db()
    .select()
    .from(discussionThreads)
    .where(
      and(eq(discussionThreads.id, threadId), eq(discussionThreads.organizationId, actor.organizationId)),
    );
  if (!thread) throw new NotFoundError();
  const space = await spaceFor(actor, thread.spaceKind, thread.spaceId);
  // a thread whose opening post was hidden is the moderators' alone: to anyone else it is not there
  if (thread.hiddenAt && !can(actor, "moderate", "discussion", space)) throw new NotFoundError();
  return { thread, space };
}

/** Threads on one page of a space's list. */
export const THREADS_PER_PAGE = 30;

/**
 * A space's threads, the latest activity first, a page at a time (`page` from 1), with how many posts
 * each has and how many the actor has not read.
 */
export async function spaceThreads(actor: Actor, kind: string, spaceId: string, page = 1) {
  const space = await spaceFor(actor, kind, spaceId);
  const moderates = can(actor, "moderate", "discussion", space);
  const pageNumber = Number.isSafeInteger(page) && page > 0 ? Math.min(page, 10_000) : 1;
  const visible = moderates ? sql`` : sql` AND t.hidden_at IS NULL`;
  const threads = await rowsOf<{
    id: string;
    title: string;
    author: string;
    posts: number;
    last_post_at: Date | string;
    unread: number;
    hidden: boolean;
  }>(
    db(),
    sql`
    SELECT t.id, t.title, p.given_names || ' ' || p.family_names AS author, t.last_post_at,
      t.hidden_at IS NOT NULL AS hidden,
      (SELECT count(*)::int FROM discussion_posts d WHERE d.thread_id = t.id) AS posts,
      (SELECT count(*)::int FROM discussion_posts d JOIN discussion_follows f
         ON f.thread_id = t.id AND f.person_id = ${actor.personId}
        WHERE d.thread_id = t.id AND d.created_at > f.last_read_at AND d.author_id <> ${actor.personId}) AS unread
    FROM discussion_threads t JOIN persons p ON p.id = t.author_id
    WHERE t.space_kind = ${kind} AND t.space_id = ${spaceId}${visible}
    ORDER BY t.last_post_at DESC, t.id
    LIMIT ${THREADS_PER_PAGE} OFFSET ${(pageNumber - 1) * THREADS_PER_PAGE}`,
  );
  const [{ total }] = (await rowsOf<{ total: number }>(
    db(),
    sql`SELECT count(*)::int AS total FROM discussion_threads t
      WHERE t.space_kind = ${kind} AND t.space_id = ${spaceId}${visible}`,
  )) as [{ total: number }];
  return {
    space,
    threads: threads.map((t) => ({
      id: t.id,
      title: t.title,
      author: t.author,
      posts: t.posts,
      unread: t.unread,
      hidden: t.hidden,
      lastPostAt: new Date(t.last_post_at),
    })),
    can: { post: can(actor, "post", "discussion", space) },
    page: pageNumber,
    pages: Math.max(1, Math.ceil(total / THREADS_PER_PAGE)),
  };
}

/** Follows the thread with the default (a daily digest) unless the person already chose. */
async function followByDefault(tx: DbOrTx, threadId: string, actor: Actor, at: Date) {
  await tx
    .insert(discussionFollows)
    .values({
      threadId,
      personId: actor.personId,
      organizationId: actor.organizationId,
      mode: "digest",
      lastReadAt: at,
      digestedAt: at,
    })
    .onConflictDoUpdate({
      target: [discussionFollows.threadId, discussionFollows.personId],
      set: { lastReadAt: at },
    });
}

export async function startThread(
  actor: Actor,
  kind: string,
  spaceId: string,
  input: Record<string, unknown>,
): Promise<{ id: string }> {
  const space = await spaceFor(actor, kind, spaceId);
  authorize(actor, "post", "discussion", space);
  const data = parseInput(threadInput, input);
  const id = newId();
  const now = new Date();
  await db().transaction(async (tx) => {
    await tx.insert(discussionThreads).values({
      id,
      organizationId: space.organizationId,
      spaceKind: kind,
      spaceId,
      authorId: actor.personId,
      title: data.title,
      createdAt: now,
      lastPostAt: now,
    });
    await tx.insert(discussionPosts).values({
      id: newId(),
      organizationId: space.organizationId,
      threadId: id,
      authorId: actor.personId,
      body: data.body,
      createdAt: now,
    });
    await followByDefault(tx, id, actor, now);
  });
  return { id };
}

/**
 * A thread as the actor reads it: its posts in order (a hidden post's text only for moderators), who
 * wrote them, the reports moderators should see, and the actor's follow mode. Reading marks it read.
 */
export async function readThread(actor: Actor, threadId: string) {
  const { thread, space } = await threadOf(actor, threadId);
  const moderates = can(actor, "moderate", "discussion", space);
  const posts = await rowsOf<{
    id: string;
    author_id: string;
    author: string;
    body: string;
    created_at: Date | string;
    hidden_at: Date | string | null;
    hidden_reason: string | null;
    reports: number;
    report_reasons: string[] | string | null;
    reported_by_me: boolean;
  }>(
    db(),
    sql`
    SELECT d.id, d.author_id, p.given_names || ' ' || p.family_names AS author, d.body, d.created_at,
      d.hidden_at, d.hidden_reason,
      (SELECT count(*)::int FROM discussion_reports r WHERE r.post_id = d.id) AS reports,
      ${
        moderates
          ? sql`(SELECT json_agg(r.reason ORDER BY r.created_at, r.id) FROM discussion_reports r WHERE r.post_id = d.id)`
          : sql`NULL::json`
      } AS report_reasons,
      EXISTS (SELECT 1 FROM discussion_reports r WHERE r.post_id = d.id AND r.reporter_id = ${actor.personId}) AS reported_by_me
    FROM discussion_posts d JOIN persons p ON p.id = d.author_id
    WHERE d.thread_id = ${threadId}
    ORDER BY d.created_at, d.id`,
  );
  const [follow] = await db()
    .select({ mode: discussionFollows.mode })
    .from(discussionFollows)
    .where(and(eq(discussionFollows.threadId, threadId), eq(discussionFollows.personId, actor.personId)));
  if (follow)
    await db()
      .update(discussionFollows)
      .set({ lastReadAt: new Date() })
      .where(and(eq(discussionFollows.threadId, threadId), eq(discussionFollows.personId, actor.personId)));
  return {
    space,
    thread: { id: thread.id, title: thread.title, hidden: thread.hiddenAt !== null },
    posts: posts.map((p) => {
      const hidden = p.hidden_at !== null;
      return {
        id: p.id,
        author: p.author,
        mine: p.author_id === actor.personId,
        createdAt: new Date(p.created_at),
        hidden,
        // a hidden post's text and the reason stay for moderators (and the audit)
        body: hidden && !moderates ? "" : p.body,
        hiddenReason: moderates ? p.hidden_reason : null,
        reports: moderates ? p.reports : 0,
        // what the reports say, for moderators; who sent them stays out (no one is singled out)
        reportReasons: moderates ? reasonsOf(p.report_reasons) : [],
        reportedByMe: p.reported_by_me,
      };
    }),
    follow: (follow?.mode ?? "none") as FollowMode,
    can: { post: can(actor, "post", "discussion", space), moderate: moderates },
  };
}

function reasonsOf(value: string[] | string | null): string[] {
  if (value === null) return [];
  const parsed: unknown = typeof value === "string" ? JSON.parse(value) : value;
  return Array.isArray(parsed) ? parsed.filter((r): r is string => typeof r === "string") : [];
}

/** A reply; followers who chose "each post" get it by email (not its author). */
export async function reply(
  actor: Actor,
  threadId: string,
  input: Record<string, unknown>,
): Promise<{ id: string }> {
  const { thread, space } = await threadOf(actor, threadId);
  authorize(actor, "post", "discussion", space);
  // a hidden thread takes no replies (its followers no longer see it), not even a moderator's
  if (thread.hiddenAt) throw new DomainError("discussions.errors.thread_hidden");
  const data = parseInput(z.object({ body }), input);
  const id = newId();
  const now = new Date();
  const following = await rowsOf<{ id: string; email: string; locale: string; given_names: string }>(
    db(),
    sql`
    SELECT p.id, p.email, p.locale, p.given_names FROM discussion_follows f JOIN persons p ON p.id = f.person_id
    WHERE f.thread_id = ${threadId} AND f.mode = 'post' AND f.person_id <> ${actor.personId}
      AND p.status = 'active'`,
  );
  const [author] = await rowsOf<{ name: string }>(
    db(),
    sql`SELECT given_names || ' ' || family_names AS name FROM persons WHERE id = ${actor.personId}`,
  );
  // only those who may still read the thread (a place cancelled, a facilitator removed: no more mail)
  const followers = await stillReading(following, thread.spaceKind, thread.spaceId);
  await db().transaction(async (tx) => {
    // first, and only while the thread is not hidden: the row lock orders a reply and a hiding, so a
    // reply never lands in (nor mails the title of) a thread hidden meanwhile
    const open = await tx
      .update(discussionThreads)
      .set({ lastPostAt: now })
      .where(and(eq(discussionThreads.id, threadId), isNull(discussionThreads.hiddenAt)))
      .returning({ id: discussionThreads.id });
    if (open.length === 0) throw new DomainError("discussions.errors.thread_hidden");
    await tx.insert(discussionPosts).values({
      id,
      organizationId: space.organizationId,
      threadId,
      authorId: actor.personId,
      body: data.body,
      createdAt: now,
    });
    await followByDefault(tx, threadId, actor, now);
    const link = `${config().appUrl}/conversaciones/${threadId}`;
    for (const follower of followers) {
      const t = translator(isLocale(follower.locale) ? follower.locale : "es-CL");
      await queueEmail(
        {
          to: follower.email,
          organizationId: space.organizationId,
          subject: t("discussions.email.post_subject", { thread: thread.title }),
          text: [
            t("email.greeting", { name: follower.given_names }),
            t("discussions.email.post_intro", {
              author: author?.name ?? "",
              thread: thread.title,
              space: space.title,
            }),
            data.body,
            t("discussions.email.link", { link }),
            t("discussions.email.unfollow"),
            t("email.signature"),
          ].join("\n\n"),
        },
        tx,
      );
    }
  });
  return { id };
}

/** The people, of those given, who may still read a space (the host answers, as for any reader). */
export async function stillReading<T extends { id: string }>(
  people: T[],
  kind: string,
  spaceId: string,
): Promise<T[]> {
  const batch = readersOf(kind);
  if (batch) {
    if (!isUuid(spaceId) || people.length === 0) return [];
    const readers = await batch(spaceId, [...new Set(people.map((p) => p.id))]);
    return people.filter((p) => readers.has(p.id));
  }
  const reading: T[] = [];
  for (const person of people) {
    const loaded = await loadActor(person.id);
    const space = loaded ? await findSpace(loaded.actor, kind, spaceId) : null;
    if (loaded && space && can(loaded.actor, "read", "discussion", space)) reading.push(person);
  }
  return reading;
}

/**
 * A host notes news for a follower of its space's threads that is not a post (a practice's "me sirvió",
 * for its author): their next daily digest tells it, in the host's words (registerSpaceKind's
 * digestNote). Only a "digest" follow takes notes; someone who chose each post by email, or nothing,
 * gets none. Done in the host's transaction.
 */
export async function noteForFollower(tx: DbOrTx, kind: string, spaceId: string, personId: string) {
  await tx.execute(sql`
    UPDATE discussion_follows f SET noted_at = clock_timestamp()
    FROM discussion_threads t
    WHERE t.id = f.thread_id AND t.space_kind = ${kind} AND t.space_id = ${spaceId}
      AND f.person_id = ${personId} AND f.mode = 'digest'`);
}

/** How the actor follows a thread: each post by email, a daily digest, or not at all. */
export async function setFollow(actor: Actor, threadId: string, input: Record<string, unknown>) {
  const { space } = await threadOf(actor, threadId);
  const { mode } = parseInput(
    z.object({ mode: z.enum(FOLLOW_MODES, { message: "errors.invalid_choice" }) }),
    input,
  );
  const now = new Date();
  await db()
    .insert(discussionFollows)
    .values({
      threadId,
      personId: actor.personId,
      organizationId: space.organizationId,
      mode,
      lastReadAt: now,
      digestedAt: now,
    })
    .onConflictDoUpdate({
      target: [discussionFollows.threadId, discussionFollows.personId],
      // a new way of following starts from now (what "each post" already sent is not digested again)
      set: {
        mode,
        digestedAt: sql`CASE WHEN ${discussionFollows.mode} <> excluded.mode THEN excluded.digested_at ELSE ${discussionFollows.digestedAt} END`,
      },
    });
}

async function postIn(actor: Actor, threadId: string, postId: string) {
  const { thread, space } = await threadOf(actor, threadId);
  if (!isUuid(postId)) throw new NotFoundError();
  const [post] = await db()
    .select()
    .from(discussionPosts)
    .where(and(eq(discussionPosts.id, postId), eq(discussionPosts.threadId, thread.id)));
  if (!post) throw new NotFoundError();
  return { post, space };
}

/** A moderator hides a post, saying why; it stays stored (and in the audit log), shown as hidden. */
export async function hidePost(
  actor: Actor,
  threadId: string,
  postId: string,
  input: Record<string, unknown>,
) {
  const { post, space } = await postIn(actor, threadId, postId);
  authorize(actor, "moderate", "discussion", space);
  const { reason } = parseInput(reasonInput, input);
  if (post.hiddenAt) throw new DomainError("discussions.errors.already_hidden");
  await db().transaction(async (tx) => {
    const hidden = await tx
      .update(discussionPosts)
      .set({ hiddenAt: new Date(), hiddenBy: actor.personId, hiddenReason: reason })
      .where(and(eq(discussionPosts.id, postId), isNull(discussionPosts.hiddenAt)))
      .returning({ id: discussionPosts.id });
    // two moderators at once: the second is told, nothing is overwritten
    if (hidden.length === 0) throw new DomainError("discussions.errors.already_hidden");
    // the opening post hidden hides the thread: its title says what the post said
    const [opening] = await tx
      .select({ id: discussionPosts.id })
      .from(discussionPosts)
      .where(eq(discussionPosts.threadId, threadId))
      .orderBy(asc(discussionPosts.createdAt), asc(discussionPosts.id))
      .limit(1);
    const threadHidden = opening?.id === postId;
    if (threadHidden)
      await tx
        .update(discussionThreads)
        .set({ hiddenAt: new Date() })
        .where(eq(discussionThreads.id, threadId));
    await audit(
      {
        personId: actor.personId,
        organizationId: space.organizationId,
        ip: actor.ip,
        requestId: actor.requestId,
      },
      {
        action: "discussion.post_hidden",
        subjectType: "discussion_post",
        subjectId: postId,
        details: threadHidden ? { reason, threadHidden } : { reason },
      },
      tx,
    );
  });
}

/** A member reports a post to the moderators, once. */
export async function reportPost(
  actor: Actor,
  threadId: string,
  postId: string,
  input: Record<string, unknown>,
) {
  const { space } = await postIn(actor, threadId, postId);
  const { reason } = parseInput(reasonInput, input);
  const inserted = await db()
    .insert(discussionReports)
    .values({ id: newId(), organizationId: space.organizationId, postId, reporterId: actor.personId, reason })
    .onConflictDoNothing()
    .returning({ id: discussionReports.id });
  if (inserted.length === 0) throw new DomainError("discussions.errors.already_reported");
}

/** Followed threads with posts by others since the person last read them (their home page; at most 5). */
export async function followedUpdates(actor: Actor) {
  const rows = await rowsOf<{
    id: string;
    title: string;
    space_kind: string;
    space_id: string;
    new_posts: number;
    last_post_at: Date | string;
  }>(
    db(),
    sql`
    SELECT t.id, t.title, t.space_kind, t.space_id, t.last_post_at,
      (SELECT count(*)::int FROM discussion_posts d WHERE d.thread_id = t.id AND d.created_at > f.last_read_at
        AND d.author_id <> ${actor.personId} AND d.hidden_at IS NULL) AS new_posts
    FROM discussion_follows f JOIN discussion_threads t ON t.id = f.thread_id
    WHERE f.person_id = ${actor.personId} AND f.mode <> 'none' AND t.last_post_at > f.last_read_at
      AND t.organization_id = ${actor.organizationId} AND t.hidden_at IS NULL
    ORDER BY t.last_post_at DESC
    LIMIT 5`,
  );
  const updates: Array<{ threadId: string; title: string; newPosts: number }> = [];
  // a thread of a space the person may no longer read is not news for them (each space asked once)
  const readable = new Map<string, boolean>();
  for (const r of rows.filter((row) => row.new_posts > 0)) {
    const key = `${r.space_kind}:${r.space_id}`;
    if (!readable.has(key)) {
      const space = await findSpace(actor, r.space_kind, r.space_id);
      readable.set(key, Boolean(space && can(actor, "read", "discussion", space)));
    }
    if (readable.get(key)) updates.push({ threadId: r.id, title: r.title, newPosts: r.new_posts });
  }
  return updates;
}
