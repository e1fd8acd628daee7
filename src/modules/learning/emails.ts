// The email a registration sends (issue #16 §5): confirmed or waiting, the cohort's live sessions in
// the person's zone with the zone named, a calendar file with them, and the link to cancel. Queued in
// the registration's transaction (nothing is sent for a registration that was not stored).
import { asc, eq } from "drizzle-orm";
import { translator } from "../../messages";
import { calendarAttachment } from "../../platform/calendar";
import { config } from "../../platform/config";
import type { DbOrTx } from "../../platform/db/client";
import { formatDateTime, formatDay, formatZoneName } from "../../platform/i18n/format";
import type { Locale } from "../../platform/i18n/i18n";
import { queueEmail } from "../../platform/mail/mail";
import { cohorts, courses, liveSessions } from "./schema";

export interface RegistrationEmail {
  organizationId: string;
  cohortId: string;
  to: string;
  fullName: string;
  status: "confirmed" | "waiting";
  waitingPlace: number | null;
  cancelToken: string;
  timeZone: string;
  locale: Locale;
}

export async function queueRegistrationEmail(tx: DbOrTx, r: RegistrationEmail): Promise<string> {
  const t = translator(r.locale);
  const [cohort] = await tx
    .select({
      courseTitle: courses.title,
      slug: courses.slug,
      startsOn: cohorts.startsOn,
      endsOn: cohorts.endsOn,
    })
    .from(cohorts)
    .innerJoin(courses, eq(courses.id, cohorts.courseId))
    .where(eq(cohorts.id, r.cohortId));
  const sessions = await tx
    .select({
      id: liveSessions.id,
      title: liveSessions.title,
      startsAt: liveSessions.startsAt,
      minutes: liveSessions.durationMinutes,
    })
    .from(liveSessions)
    .where(eq(liveSessions.cohortId, r.cohortId))
    .orderBy(asc(liveSessions.startsAt));
  const appUrl = config().appUrl;
  const page = `${appUrl}/talleres/${cohort?.slug ?? ""}`;
  const zone = formatZoneName(r.timeZone, r.locale);
  const lines = [
    t("email.greeting", { name: r.fullName }),
    r.status === "confirmed"
      ? t("learning.email.confirmed", { course: cohort?.courseTitle ?? "" })
      : t("learning.email.waiting", { course: cohort?.courseTitle ?? "", place: r.waitingPlace ?? 1 }),
    t("learning.dates", { start: formatDay(cohort?.startsOn ?? ""), end: formatDay(cohort?.endsOn ?? "") }),
    sessions.length
      ? [
          t("learning.email.sessions", { zone }),
          ...sessions.map((s) => `- ${formatDateTime(s.startsAt, r.locale, r.timeZone)}: ${s.title}`),
        ].join("\n")
      : "",
    t("learning.email.page", { link: page }),
    t("learning.email.cancel", { link: `${appUrl}/inscripciones/cancelar/${r.cancelToken}` }),
    t("email.signature"),
  ].filter(Boolean);
  return queueEmail(
    {
      to: r.to,
      organizationId: r.organizationId,
      subject:
        r.status === "confirmed"
          ? t("learning.email.subject_confirmed", { course: cohort?.courseTitle ?? "" })
          : t("learning.email.subject_waiting", { course: cohort?.courseTitle ?? "" }),
      text: lines.join("\n\n"),
      attachments: sessions.length
        ? [
            calendarAttachment(
              sessions.map((s) => ({
                uid: `${s.id}@impulso`,
                title: `${cohort?.courseTitle ?? ""}: ${s.title}`,
                description: t("learning.email.page", { link: page }),
                url: page,
                start: s.startsAt,
                end: new Date(s.startsAt.getTime() + s.minutes * 60_000),
              })),
              "sesiones.ics",
            ),
          ]
        : undefined,
    },
    tx,
  );
}
