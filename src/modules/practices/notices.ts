// "Me sirvió" reaches a practice's author by email at most once a day (issue #17): a sweep, beside the
// discussions' digest (server/app.ts), finds the authors with marks they have not been told of and who
// were not written to in the last day, and sends each one email listing their practices and how many
// colleagues found each useful since. Under a lock per author, in the transaction that queues the email,
// so two processes never send it twice. Comments reach the author through the discussions' digest (they
// follow their practice's thread from its publication).
import { sql } from "drizzle-orm";
import { translator } from "../../messages";
import { config } from "../../platform/config";
import { db, rowsOf } from "../../platform/db/client";
import { isLocale } from "../../platform/i18n/i18n";
import { queueEmail } from "../../platform/mail/mail";

const DAY_MS = 24 * 60 * 60_000;

export async function sendHelpfulNotices(now = new Date()): Promise<number> {
  const cut = new Date(now.getTime() - DAY_MS).toISOString();
  const due = await rowsOf<{ author_id: string }>(
    db(),
    sql`
    SELECT DISTINCT p.author_id FROM practice_helpful h JOIN practices p ON p.id = h.practice_id
    WHERE h.notified_at IS NULL AND p.status = 'published'
      AND NOT EXISTS (SELECT 1 FROM practice_author_notices n
        WHERE n.person_id = p.author_id AND n.last_sent_at > ${cut}::timestamptz)
    LIMIT 500`,
  );
  let queued = 0;
  for (const { author_id: authorId } of due) {
    const sent = await db().transaction(async (tx) => {
      await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`practices.helpful:${authorId}`}))`);
      const [recent] = await rowsOf<{ recent: boolean }>(
        tx,
        sql`SELECT true AS recent FROM practice_author_notices
          WHERE person_id = ${authorId} AND last_sent_at > ${cut}::timestamptz`,
      );
      if (recent) return false;
      const marked = await rowsOf<{ id: string; title: string; organization_id: string; count: number }>(
        tx,
        sql`
        WITH told AS (
          UPDATE practice_helpful h SET notified_at = ${now.toISOString()}::timestamptz
          FROM practices p
          WHERE p.id = h.practice_id AND p.author_id = ${authorId} AND p.status = 'published'
            AND h.notified_at IS NULL
          RETURNING h.practice_id
        )
        SELECT p.id, p.title, p.organization_id, count(*)::int AS count
        FROM told JOIN practices p ON p.id = told.practice_id
        GROUP BY p.id, p.title, p.organization_id
        ORDER BY count(*) DESC, p.title`,
      );
      if (marked.length === 0) return false;
      const organizationId = marked[0]?.organization_id as string;
      await tx.execute(sql`
        INSERT INTO practice_author_notices (person_id, organization_id, last_sent_at)
        VALUES (${authorId}, ${organizationId}, ${now.toISOString()}::timestamptz)
        ON CONFLICT (person_id) DO UPDATE SET last_sent_at = EXCLUDED.last_sent_at`);
      const [person] = await rowsOf<{ email: string; locale: string; given_names: string; status: string }>(
        tx,
        sql`SELECT email, locale, given_names, status FROM persons WHERE id = ${authorId}`,
      );
      if (!person || person.status !== "active") return false;
      const t = translator(isLocale(person.locale) ? person.locale : "es-CL");
      await queueEmail(
        {
          to: person.email,
          organizationId,
          subject: t("practices.email.helpful_subject"),
          text: [
            t("email.greeting", { name: person.given_names }),
            t("practices.email.helpful_intro"),
            ...marked.map(
              (m) =>
                `${m.title}: ${t("practices.helpful_count", { count: m.count })}\n${config().appUrl}/practicas/${m.id}`,
            ),
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
