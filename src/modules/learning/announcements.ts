// Announcements (issue #16 §10): a cohort's facilitator (or a coordinator) writes to everyone confirmed
// in it; each gets an email, queued in the transaction that stores the announcement, and the cohort's
// page lists what was sent. Plain text: the email is text, and the page shows it as text.
import { and, desc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { translator } from "../../messages";
import { config } from "../../platform/config";
import { db, rowsOf } from "../../platform/db/client";
import { NotFoundError } from "../../platform/errors";
import { isLocale, type Locale } from "../../platform/i18n/i18n";
import { isUuid, newId } from "../../platform/ids";
import { queueEmail } from "../../platform/mail/mail";
import { type Actor, authorize } from "../../platform/policy";
import { parseInput } from "../../platform/validation";
import { courseSubject } from "./courses";
import { cohortAnnouncements, cohorts, courses } from "./schema";

const announcementInput = z.object({
  subject: z.string().trim().min(1, "errors.required").max(160, "errors.too_long"),
  body: z.string().trim().min(1, "errors.required").max(10_000, "errors.too_long"),
});

async function cohortToFacilitate(actor: Actor, cohortId: string) {
  if (!isUuid(cohortId)) throw new NotFoundError();
  const [cohort] = await db()
    .select({
      id: cohorts.id,
      courseId: cohorts.courseId,
      organizationId: cohorts.organizationId,
      title: courses.title,
      slug: courses.slug,
    })
    .from(cohorts)
    .innerJoin(courses, eq(courses.id, cohorts.courseId))
    .where(and(eq(cohorts.id, cohortId), eq(cohorts.organizationId, actor.organizationId)));
  const subject = cohort ? await courseSubject(actor, cohort.courseId) : null;
  if (!cohort || !subject) throw new NotFoundError();
  authorize(actor, "facilitate", "cohort", subject);
  return cohort;
}

/** Sends an announcement to the cohort's confirmed people; returns how many it went to. */
export async function announceToCohort(
  actor: Actor,
  cohortId: string,
  input: Record<string, unknown>,
): Promise<{ id: string; recipients: number }> {
  const cohort = await cohortToFacilitate(actor, cohortId);
  const data = parseInput(announcementInput, input);
  return db().transaction(async (tx) => {
    const people = await rowsOf<{ email: string; full_name: string; locale: string }>(
      tx,
      sql`SELECT email, full_name, locale FROM registrations WHERE cohort_id = ${cohortId} AND status = 'confirmed'
          ORDER BY position`,
    );
    const id = newId();
    await tx.insert(cohortAnnouncements).values({
      id,
      organizationId: cohort.organizationId,
      cohortId,
      authorId: actor.personId,
      subject: data.subject,
      body: data.body,
      recipients: people.length,
    });
    const page = `${config().appUrl}/talleres/${cohort.slug}`;
    for (const person of people) {
      const locale: Locale = isLocale(person.locale) ? person.locale : "es-CL";
      const t = translator(locale);
      await queueEmail(
        {
          to: person.email,
          organizationId: cohort.organizationId,
          subject: `${cohort.title}: ${data.subject}`,
          text: [
            t("email.greeting", { name: person.full_name }),
            data.body,
            t("learning.email.page", { link: page }),
            t("email.signature"),
          ].join("\n\n"),
        },
        tx,
      );
    }
    return { id, recipients: people.length };
  });
}

/** What was announced to the cohort, newest first (the cohort's page, for those who facilitate it). */
export async function cohortAnnouncementsOf(actor: Actor, cohortId: string) {
  await cohortToFacilitate(actor, cohortId);
  return db()
    .select({
      id: cohortAnnouncements.id,
      subject: cohortAnnouncements.subject,
      body: cohortAnnouncements.body,
      recipients: cohortAnnouncements.recipients,
      createdAt: cohortAnnouncements.createdAt,
    })
    .from(cohortAnnouncements)
    .where(eq(cohortAnnouncements.cohortId, cohortId))
    .orderBy(desc(cohortAnnouncements.createdAt))
    .limit(50);
}
