// Reminders before each live session (issue #16 §10): 24 hours and 1 hour before, by email, to everyone
// confirmed at that moment, each in their own zone and language. Planning a session queues two durable
// jobs (platform/jobs) due at those instants; the job writes a `session_reminders` row per person in
// the transaction that queues their email, and skips whoever already has one, so a retry, a restart or
// a second process never sends a reminder twice.
import { sql } from "drizzle-orm";
import { translator } from "../../messages";
import { config } from "../../platform/config";
import { type DbOrTx, db, rowsOf } from "../../platform/db/client";
import { formatDateTime, formatZoneName } from "../../platform/i18n/format";
import { isLocale, type Locale } from "../../platform/i18n/i18n";
import { enqueue, registerJob } from "../../platform/jobs/queue";
import { queueEmail } from "../../platform/mail/mail";
import type { ReminderKind } from "./schema";

const BEFORE: Record<ReminderKind, number> = { day: 24 * 3_600_000, hour: 3_600_000 };

/** Queues a session's reminders, in the caller's transaction; a reminder whose time has passed is not queued. */
export async function scheduleSessionReminders(
  tx: DbOrTx,
  session: { id: string; startsAt: Date },
  now = new Date(),
): Promise<number> {
  let queued = 0;
  for (const kind of Object.keys(BEFORE) as ReminderKind[]) {
    const runAt = new Date(session.startsAt.getTime() - BEFORE[kind]);
    if (runAt <= now) continue;
    await enqueue("learning.session_reminder", { sessionId: session.id, kind }, tx, { runAt });
    queued++;
  }
  return queued;
}

/**
 * Sends one kind of reminder of a session to every confirmed person who has not had it. Nothing is
 * sent for a session that was removed, one that has started, or a cancelled or unpublished cohort.
 */
export async function sendSessionReminders(
  sessionId: string,
  kind: ReminderKind,
  now = new Date(),
): Promise<number> {
  return db().transaction(async (tx) => {
    const [session] = await rowsOf<{
      id: string;
      title: string;
      starts_at: Date | string;
      meeting_url: string;
      organization_id: string;
      course_title: string;
      slug: string;
    }>(
      tx,
      sql`
      SELECT s.id, s.title, s.starts_at, s.meeting_url, s.organization_id, c.title AS course_title, c.slug
      FROM live_sessions s JOIN cohorts k ON k.id = s.cohort_id AND k.status = 'published'
      JOIN courses c ON c.id = k.course_id
      WHERE s.id = ${sessionId} AND s.starts_at > ${now.toISOString()}::timestamptz
        -- a day's reminder that comes late (the queue was stopped) would say "mañana" for a session
        -- about to start: the hour's reminder says it then
        AND (${kind} = 'hour' OR s.starts_at > ${new Date(now.getTime() + 2 * 3_600_000).toISOString()}::timestamptz)`,
    );
    if (!session) return 0;
    // Claims the reminder for each confirmed person who has none of this kind: the rows written are
    // the emails to send (a concurrent or repeated run finds them taken).
    const people = await rowsOf<{ email: string; full_name: string; time_zone: string; locale: string }>(
      tx,
      sql`
      WITH claimed AS (
        INSERT INTO session_reminders (session_id, registration_id, kind)
        SELECT ${sessionId}, r.id, ${kind}
        FROM registrations r JOIN live_sessions s ON s.cohort_id = r.cohort_id
        WHERE s.id = ${sessionId} AND r.status = 'confirmed'
        ON CONFLICT DO NOTHING
        RETURNING registration_id
      )
      SELECT r.email, r.full_name, r.time_zone, r.locale
      FROM claimed JOIN registrations r ON r.id = claimed.registration_id`,
    );
    const startsAt = new Date(session.starts_at);
    const page = `${config().appUrl}/talleres/${session.slug}`;
    for (const person of people) {
      const locale: Locale = isLocale(person.locale) ? person.locale : "es-CL";
      const t = translator(locale);
      const when = formatDateTime(startsAt, locale, person.time_zone);
      await queueEmail(
        {
          to: person.email,
          organizationId: session.organization_id,
          subject: t(kind === "day" ? "learning.reminder.subject_day" : "learning.reminder.subject_hour", {
            session: session.title,
          }),
          text: [
            t("email.greeting", { name: person.full_name }),
            t("learning.reminder.body", {
              course: session.course_title,
              session: session.title,
              when,
              zone: formatZoneName(person.time_zone, locale),
            }),
            session.meeting_url ? t("learning.reminder.join", { link: session.meeting_url }) : "",
            t("learning.email.page", { link: page }),
            t("email.signature"),
          ]
            .filter(Boolean)
            .join("\n\n"),
        },
        tx,
      );
    }
    return people.length;
  });
}

registerJob("learning.session_reminder", async (payload) => {
  const kind = payload.kind === "hour" ? "hour" : "day";
  await sendSessionReminders(String(payload.sessionId), kind);
});
