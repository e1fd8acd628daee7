// The daily digest (issue #16 §8): each person who follows threads with "digest" gets at most one email
// a day listing the threads with posts by others since their last digest. A sweep (every few minutes,
// in each process that runs the job worker: server/app.ts) claims each person's follows by moving
// all their digest follows' `digested_at` forward, under a lock of their own, in the transaction that
// queues the email: two processes never send the same digest, and a person gets one a day. Threads of
// spaces the person may no longer read are left out.
import { sql } from "drizzle-orm";
import { translator } from "../../messages";
import { config } from "../../platform/config";
import { db, rowsOf } from "../../platform/db/client";
import { isLocale } from "../../platform/i18n/i18n";
import { queueEmail } from "../../platform/mail/mail";
import { digestNoteOf } from "./spaces";
import { stillReading } from "./threads";

const DAY_MS = 24 * 60 * 60_000;

/** One sweep: queues the digests due at `now`; answers how many were queued. */
export async function sendDueDigests(now = new Date()): Promise<number> {
  const cut = new Date(now.getTime() - DAY_MS).toISOString();
  const due = await rowsOf<{ person_id: string }>(
    db(),
    sql`
    SELECT DISTINCT f.person_id FROM discussion_follows f JOIN discussion_threads t ON t.id = f.thread_id
    WHERE f.mode = 'digest' AND f.digested_at <= ${cut}::timestamptz AND t.hidden_at IS NULL
      AND (f.noted_at > f.digested_at
        OR EXISTS (SELECT 1 FROM discussion_posts d WHERE d.thread_id = t.id AND d.created_at > f.digested_at
          AND d.author_id <> f.person_id AND d.hidden_at IS NULL))
    LIMIT 500`,
  );
  let queued = 0;
  for (const { person_id: personId } of due) {
    // the threads of spaces the person may still read (asked before the transaction: the hosts read
    // with their own queries)
    const followed = await rowsOf<{ id: string; space_kind: string; space_id: string }>(
      db(),
      sql`SELECT t.id, t.space_kind, t.space_id FROM discussion_follows f JOIN discussion_threads t ON t.id = f.thread_id
        WHERE f.person_id = ${personId} AND f.mode = 'digest'`,
    );
    const readable = new Set<string>();
    for (const thread of followed)
      if ((await stillReading([{ id: personId }], thread.space_kind, thread.space_id)).length)
        readable.add(thread.id);
    const sent = await db().transaction(async (tx) => {
      // one process at a time per person; then: still due? (another sweep may have just sent it)
      await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`discussions.digest:${personId}`}))`);
      const [stillDue] = await rowsOf<{ due: boolean }>(
        tx,
        sql`SELECT true AS due FROM discussion_follows WHERE person_id = ${personId} AND mode = 'digest'
          AND digested_at <= ${cut}::timestamptz LIMIT 1`,
      );
      if (!stillDue) return false;
      // all of the person's digest follows at once: one email a day, whatever thread came first
      const threads = await rowsOf<{
        id: string;
        title: string;
        new_posts: number;
        organization_id: string;
        space_kind: string;
        space_id: string;
        since: Date | string;
        noted: boolean;
      }>(
        tx,
        sql`
        WITH claimed AS (
          UPDATE discussion_follows f SET digested_at = ${now.toISOString()}::timestamptz
          FROM discussion_follows old
          WHERE f.thread_id = old.thread_id AND f.person_id = old.person_id
            AND f.person_id = ${personId} AND f.mode = 'digest'
          RETURNING f.thread_id, old.digested_at AS since, coalesce(old.noted_at > old.digested_at, false) AS noted
        )
        SELECT t.id, t.title, t.organization_id, t.space_kind, t.space_id, c.since, c.noted,
          (SELECT count(*)::int FROM discussion_posts d WHERE d.thread_id = t.id AND d.created_at > c.since
            AND d.author_id <> ${personId} AND d.hidden_at IS NULL) AS new_posts
        FROM claimed c JOIN discussion_threads t ON t.id = c.thread_id
        WHERE t.hidden_at IS NULL
        ORDER BY t.last_post_at DESC`,
      );
      const [person] = await rowsOf<{ email: string; locale: string; given_names: string; status: string }>(
        tx,
        sql`SELECT email, locale, given_names, status FROM persons WHERE id = ${personId}`,
      );
      if (!person || person.status !== "active") return false;
      const t = translator(isLocale(person.locale) ? person.locale : "es-CL");
      // each thread's news: its new posts, and what its host noted (in the host's words)
      const news: Array<{ id: string; title: string; organization_id: string; lines: string[] }> = [];
      for (const thread of threads) {
        if (!readable.has(thread.id)) continue;
        const lines = thread.new_posts > 0 ? [t("discussions.new_posts", { count: thread.new_posts })] : [];
        const note = thread.noted ? digestNoteOf(thread.space_kind) : undefined;
        const noted = note
          ? await note(tx, { spaceId: thread.space_id, personId, since: new Date(thread.since), t })
          : null;
        if (noted) lines.push(noted);
        if (lines.length) news.push({ ...thread, lines });
      }
      if (news.length === 0) return false;
      await queueEmail(
        {
          to: person.email,
          organizationId: news[0]?.organization_id,
          subject: t("discussions.email.digest_subject", { count: news.length }),
          text: [
            t("email.greeting", { name: person.given_names }),
            t("discussions.email.digest_intro"),
            ...news.map(
              (n) => `${n.title}: ${n.lines.join("; ")}\n${config().appUrl}/conversaciones/${n.id}`,
            ),
            t("discussions.email.unfollow"),
            t("email.signature"),
          ].join("\n\n"),
        },
        tx,
      );
      return true;
    });
    if (sent) queued++;
  }
  return queued;
}
