// The discussions module's personal data (see platform/personal-data.ts): what the person wrote (threads'
// titles and posts), how they follow threads, and the posts they reported. Anonymizing replaces what they
// wrote and the reasons they gave (reporting, hiding) with the marker; threads and posts stay, so the
// conversation keeps its shape and others' replies their place.
import { asc, eq, sql } from "drizzle-orm";
import { registerPersonalData } from "../../platform/personal-data";
import { iso } from "../../platform/time";
import { discussionFollows, discussionPosts, discussionReports, discussionThreads } from "./schema";

registerPersonalData({
  name: "discussions",
  order: 67,
  tables: [discussionThreads, discussionPosts, discussionFollows, discussionReports],

  async exportFor(db, person) {
    const threads = await db
      .select({ title: discussionThreads.title, createdAt: discussionThreads.createdAt })
      .from(discussionThreads)
      .where(eq(discussionThreads.authorId, person.id))
      .orderBy(asc(discussionThreads.createdAt));
    // a thread hidden by moderation keeps its title from everyone but its author (and moderators):
    // someone who replied to it or followed it gets null
    const titleFor = sql<string | null>`CASE WHEN ${discussionThreads.hiddenAt} IS NULL
      OR ${discussionThreads.authorId} = ${person.id} THEN ${discussionThreads.title} END`;
    const posts = await db
      .select({
        thread: titleFor,
        body: discussionPosts.body,
        createdAt: discussionPosts.createdAt,
      })
      .from(discussionPosts)
      .innerJoin(discussionThreads, eq(discussionThreads.id, discussionPosts.threadId))
      .where(eq(discussionPosts.authorId, person.id))
      .orderBy(asc(discussionPosts.createdAt));
    const follows = await db
      .select({ thread: titleFor, mode: discussionFollows.mode })
      .from(discussionFollows)
      .innerJoin(discussionThreads, eq(discussionThreads.id, discussionFollows.threadId))
      .where(eq(discussionFollows.personId, person.id));
    const hidden = await db
      .select({ reason: discussionPosts.hiddenReason, hiddenAt: discussionPosts.hiddenAt })
      .from(discussionPosts)
      .where(eq(discussionPosts.hiddenBy, person.id));
    const reports = await db
      .select({ reason: discussionReports.reason, createdAt: discussionReports.createdAt })
      .from(discussionReports)
      .where(eq(discussionReports.reporterId, person.id));
    return {
      json: {
        threads: threads.map((t) => ({ ...t, createdAt: iso(t.createdAt) })),
        posts: posts.map((p) => ({ ...p, createdAt: iso(p.createdAt) })),
        follows,
        reports: reports.map((r) => ({ ...r, createdAt: iso(r.createdAt) })),
        postsHidden: hidden.map((h) => ({ ...h, hiddenAt: iso(h.hiddenAt) })),
      },
    };
  },

  async anonymize(tx, person, context) {
    await tx
      .update(discussionThreads)
      .set({ title: context.marker })
      .where(eq(discussionThreads.authorId, person.id));
    await tx
      .update(discussionPosts)
      .set({ body: context.marker })
      .where(eq(discussionPosts.authorId, person.id));
    await tx
      .update(discussionPosts)
      .set({ hiddenReason: context.marker })
      .where(eq(discussionPosts.hiddenBy, person.id));
    await tx
      .update(discussionReports)
      .set({ reason: context.marker })
      .where(eq(discussionReports.reporterId, person.id));
    await tx.delete(discussionFollows).where(eq(discussionFollows.personId, person.id));
  },
});
