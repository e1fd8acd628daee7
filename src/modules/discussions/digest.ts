// The daily digest (issue #16 §8): each person who follows threads with "digest" gets at most one email
// a day listing the threads with posts by others since their last digest. A sweep (every few minutes,
// in each process that runs the job worker: server/app.ts) claims each person's follows by moving
// their `digested_at` forward in the same transaction that queues the email, so two processes never
// send the same digest twice.
import { sql } from "drizzle-orm";
import { translator } from "../../messages";
import { config } from "../../platform/config";
import { db, rowsOf } from "../../platform/db/client";
import { isLocale } from "../../platform/i18n/i18n";
import { queueEmail } from "../../platform/mail/mail";

const DAY_MS = 24 * 60 * 60_000;

/** One sweep: queues the digests due at `now`; answers how many were queued. */
export async function sendDueDigests(now = new Date()): Promise<number> {
  const due = await rowsOf<{ person_id: string }>(
    db(),
    sql`
    SELECT DISTINCT f.person_id FROM discussion_follows f JOIN discussion_threads t ON t.id = f.thread_id
    WHERE f.mode = 'digest' AND f.digested_at <= ${new Date(now.getTime() - DAY_MS).toISOString()}::timestamptz
      AND EXISTS (SELECT 1 FROM discussion_posts d WHERE d.thread_id = t.id AND d.created_at > f.digested_at
        AND d.author_id <> f.person_id AND d.hidden_at IS NULL)
    LIMIT 500`,
  );
  let queued = 0;
  for (const { person_id: personId } of due) {
    const sent = await db().transaction(async (tx) => {
      // the claim: only the process that moves digested_at forward sends
      const threads = await rowsOf<{ id: string; title: string; new_posts: number; organization_id: string }>(
        tx,
        sql`
        WITH claimed AS (
          UPDATE discussion_follows f SET digested_at = ${now.toISOString()}::timestamptz
          FROM discussion_follows old
          WHERE f.thread_id = old.thread_id AND f.person_id = old.person_id
            AND f.person_id = ${personId} AND f.mode = 'digest'
            AND f.digested_at <= ${new Date(now.getTime() - DAY_MS).toISOString()}::timestamptz
          RETURNING f.thread_id, old.digested_at AS since
        )
        SELECT t.id, t.title, t.organization_id,
          (SELECT count(*)::int FROM discussion_posts d WHERE d.thread_id = t.id AND d.created_at > c.since
            AND d.author_id <> ${personId} AND d.hidden_at IS NULL) AS new_posts
        FROM claimed c JOIN discussion_threads t ON t.id = c.thread_id
        ORDER BY t.last_post_at DESC`,
      );
      const news = threads.filter((t) => t.new_posts > 0);
      if (news.length === 0) return false;
      const [person] = await rowsOf<{ email: string; locale: string; given_names: string; status: string }>(
        tx,
        sql`SELECT email, locale, given_names, status FROM persons WHERE id = ${personId}`,
      );
      if (!person || person.status !== "active") return false;
      const t = translator(isLocale(person.locale) ? person.locale : "es-CL");
      await queueEmail(
        {
          to: person.email,
          organizationId: news[0]?.organization_id,
          subject: t("discussions.email.digest_subject", { count: news.length }),
          text: [
            t("email.greeting", { name: person.given_names }),
            t("discussions.email.digest_intro"),
            ...news.map(
              (n) =>
                `${n.title}: ${t("discussions.new_posts", { count: n.new_posts })}\n${config().appUrl}/conversaciones/${n.id}`,
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
