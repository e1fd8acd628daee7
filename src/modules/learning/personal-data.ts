// The learning module's personal data (see platform/personal-data.ts): the person's registrations to
// workshops and courses, found by their person id or by any of their addresses (a registration made
// without signing in carries only the email typed), their attendance at live sessions, their
// certificates, the lessons they marked done and their answers to activities. Anonymizing keeps each
// registration, which counts in the cohort's places and reports, and replaces what identifies the
// person in it; a certificate keeps its code and what it certified, with the anonymized name (its
// verification page then names nobody); a reflection's text and the review comments they wrote are
// replaced.
import { and, asc, eq, inArray, isNotNull, or, sql } from "drizzle-orm";
import { registerPersonalData } from "../../platform/personal-data";
import { iso } from "../../platform/time";
import {
  activitySubmissions,
  certificateRuns,
  certificates,
  cohortAnnouncements,
  cohorts,
  courseActivities,
  courseFacilitators,
  courses,
  lessonCompletions,
  lessonFiles,
  lessons,
  liveSessions,
  registrations,
  sessionAttendance,
} from "./schema";

registerPersonalData({
  name: "learning",
  order: 65,
  tables: [
    registrations,
    sessionAttendance,
    certificates,
    cohortAnnouncements,
    lessonCompletions,
    activitySubmissions,
  ],
  untouched: [
    {
      table: certificateRuns,
      reason:
        "requested_by is the coordinator who asked for a cohort's certificates: a count and a status, no text of the person's; it points at their row, which names nobody once anonymized",
    },
    {
      table: courses,
      reason:
        "created_by is who created a course: the organization's record of its courses, no text of the person's; it points at their row, which names nobody once anonymized",
    },
    {
      table: lessonFiles,
      reason:
        "uploaded_by is the coordinator who added a file to a lesson: the course's material, no text of the person's; it points at their row, which names nobody once anonymized",
    },
    {
      table: courseFacilitators,
      reason:
        "who facilitates a course: the organization's record of its courses; it points at the person's row, which names nobody once anonymized",
    },
  ],

  async exportFor(db, person) {
    const rows = await db
      .select({
        course: courses.title,
        cohort: cohorts.name,
        startsOn: cohorts.startsOn,
        fullName: registrations.fullName,
        email: registrations.email,
        country: registrations.country,
        role: registrations.role,
        institution: registrations.institution,
        rut: registrations.rut,
        region: registrations.region,
        status: registrations.status,
        createdAt: registrations.createdAt,
        confirmedAt: registrations.confirmedAt,
        cancelledAt: registrations.cancelledAt,
      })
      .from(registrations)
      .innerJoin(cohorts, eq(cohorts.id, registrations.cohortId))
      .innerJoin(courses, eq(courses.id, cohorts.courseId))
      .where(or(eq(registrations.personId, person.id), eq(registrations.email, person.email.toLowerCase())))
      .orderBy(asc(registrations.createdAt));
    const mine = or(
      eq(registrations.personId, person.id),
      eq(registrations.email, person.email.toLowerCase()),
    );
    const attendance = await db
      .select({
        course: courses.title,
        session: liveSessions.title,
        startsAt: liveSessions.startsAt,
        present: sessionAttendance.present,
        minutes: sessionAttendance.minutes,
        source: sessionAttendance.source,
      })
      .from(sessionAttendance)
      .innerJoin(registrations, eq(registrations.id, sessionAttendance.registrationId))
      .innerJoin(liveSessions, eq(liveSessions.id, sessionAttendance.sessionId))
      .innerJoin(cohorts, eq(cohorts.id, liveSessions.cohortId))
      .innerJoin(courses, eq(courses.id, cohorts.courseId))
      .where(mine)
      .orderBy(asc(liveSessions.startsAt));
    const held = await db
      .select({
        code: certificates.code,
        holderName: certificates.holderName,
        course: certificates.courseTitle,
        hours: certificates.hours,
        startsOn: certificates.startsOn,
        endsOn: certificates.endsOn,
        issuedAt: certificates.issuedAt,
        revokedAt: certificates.revokedAt,
      })
      .from(certificates)
      .innerJoin(registrations, eq(registrations.id, certificates.registrationId))
      .where(mine)
      .orderBy(asc(certificates.issuedAt));
    // mentor certificates (issue #18) are held by the person, with no registration
    const mentorHeld = await db
      .select({
        code: certificates.code,
        holderName: certificates.holderName,
        course: certificates.courseTitle,
        hours: certificates.hours,
        startsOn: certificates.startsOn,
        endsOn: certificates.endsOn,
        issuedAt: certificates.issuedAt,
        revokedAt: certificates.revokedAt,
      })
      .from(certificates)
      .where(and(eq(certificates.personId, person.id), eq(certificates.kind, "mentor")))
      .orderBy(asc(certificates.issuedAt));
    const lessonsDone = await db
      .select({ course: courses.title, lesson: lessons.title, completedAt: lessonCompletions.completedAt })
      .from(lessonCompletions)
      .innerJoin(registrations, eq(registrations.id, lessonCompletions.registrationId))
      .innerJoin(lessons, eq(lessons.id, lessonCompletions.lessonId))
      .innerJoin(courses, eq(courses.id, lessons.courseId))
      .where(mine)
      .orderBy(asc(lessonCompletions.completedAt));
    const answered = await db
      .select({
        course: courses.title,
        activity: courseActivities.title,
        body: activitySubmissions.body,
        answers: activitySubmissions.answers,
        scorePercent: activitySubmissions.scorePercent,
        status: activitySubmissions.status,
        reviewComment: activitySubmissions.reviewComment,
        submittedAt: activitySubmissions.submittedAt,
      })
      .from(activitySubmissions)
      .innerJoin(registrations, eq(registrations.id, activitySubmissions.registrationId))
      .innerJoin(courseActivities, eq(courseActivities.id, activitySubmissions.activityId))
      .innerJoin(courses, eq(courses.id, courseActivities.courseId))
      .where(mine)
      .orderBy(asc(activitySubmissions.submittedAt));
    const reviewed = await db
      .select({
        activity: courseActivities.title,
        status: activitySubmissions.status,
        reviewComment: activitySubmissions.reviewComment,
        reviewedAt: activitySubmissions.reviewedAt,
      })
      .from(activitySubmissions)
      .innerJoin(courseActivities, eq(courseActivities.id, activitySubmissions.activityId))
      .where(eq(activitySubmissions.reviewedBy, person.id))
      .orderBy(asc(activitySubmissions.reviewedAt));
    const announced = await db
      .select({
        subject: cohortAnnouncements.subject,
        body: cohortAnnouncements.body,
        recipients: cohortAnnouncements.recipients,
        createdAt: cohortAnnouncements.createdAt,
      })
      .from(cohortAnnouncements)
      .where(eq(cohortAnnouncements.authorId, person.id))
      .orderBy(asc(cohortAnnouncements.createdAt));
    return {
      json: {
        announcements: announced.map((a) => ({ ...a, createdAt: iso(a.createdAt) })),
        registrations: rows.map((r) => ({
          ...r,
          createdAt: iso(r.createdAt),
          confirmedAt: iso(r.confirmedAt),
          cancelledAt: iso(r.cancelledAt),
        })),
        attendance: attendance.map((a) => ({ ...a, startsAt: iso(a.startsAt) })),
        lessonsDone: lessonsDone.map((l) => ({ ...l, completedAt: iso(l.completedAt) })),
        activityAnswers: answered.map((a) => ({ ...a, submittedAt: iso(a.submittedAt) })),
        reviewsWritten: reviewed.map((r) => ({ ...r, reviewedAt: iso(r.reviewedAt) })),
        certificates: [...held, ...mentorHeld].map((c) => ({
          ...c,
          issuedAt: iso(c.issuedAt),
          revokedAt: iso(c.revokedAt),
        })),
      },
    };
  },

  async anonymize(tx, person, context) {
    const addresses = [...new Set([person.email, ...context.addresses].map((a) => a.toLowerCase()))];
    const name = `${context.givenNames} ${context.familyNames}`;
    // what the person wrote to a cohort, and the reasons given for revoking their certificates
    await tx
      .update(cohortAnnouncements)
      .set({ subject: context.marker, body: context.marker })
      .where(eq(cohortAnnouncements.authorId, person.id));
    await tx
      .update(certificates)
      .set({ revokedReason: context.marker })
      .where(
        and(
          isNotNull(certificates.revokedReason),
          inArray(
            certificates.registrationId,
            tx
              .select({ id: registrations.id })
              .from(registrations)
              .where(or(eq(registrations.personId, person.id), inArray(registrations.email, addresses))),
          ),
        ),
      );
    // a mentor certificate's (issue #18): held by the person, with no registration
    await tx
      .update(certificates)
      .set({ holderName: name })
      .where(and(eq(certificates.personId, person.id), eq(certificates.kind, "mentor")));
    await tx
      .update(certificates)
      .set({ revokedReason: context.marker })
      .where(
        and(
          eq(certificates.personId, person.id),
          eq(certificates.kind, "mentor"),
          isNotNull(certificates.revokedReason),
        ),
      );
    // the reflections they wrote, and the comments they wrote reviewing others'
    await tx
      .update(activitySubmissions)
      .set({ body: context.marker })
      .where(
        and(
          sql`${activitySubmissions.body} <> ''`,
          inArray(
            activitySubmissions.registrationId,
            tx
              .select({ id: registrations.id })
              .from(registrations)
              .where(or(eq(registrations.personId, person.id), inArray(registrations.email, addresses))),
          ),
        ),
      );
    await tx
      .update(activitySubmissions)
      .set({ reviewComment: context.marker })
      .where(
        and(eq(activitySubmissions.reviewedBy, person.id), sql`${activitySubmissions.reviewComment} <> ''`),
      );
    await tx
      .update(certificates)
      .set({ holderName: name })
      .where(
        inArray(
          certificates.registrationId,
          tx
            .select({ id: registrations.id })
            .from(registrations)
            .where(or(eq(registrations.personId, person.id), inArray(registrations.email, addresses))),
        ),
      );
    await tx
      .update(registrations)
      .set({
        fullName: name,
        email: context.email,
        institution: "",
        rut: null,
        region: "",
      })
      .where(or(eq(registrations.personId, person.id), inArray(registrations.email, addresses)));
  },
});
