// The learning module's tables (issue #16): courses and open workshops, run as cohorts with dates and
// live sessions, and the registrations of the people who take part (with a waiting list).
import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { organizations, persons, programs } from "../people/schema";

import type { ActivityKind, CourseKind, CourseLevel, CourseModality, ParticipantRole } from "./content";

export {
  ACTIVITY_KINDS,
  type ActivityKind,
  COURSE_KINDS,
  COURSE_LEVELS,
  COURSE_MODALITIES,
  type CourseKind,
  type CourseLevel,
  type CourseModality,
  PARTICIPANT_ROLES,
  type ParticipantRole,
} from "./content";

export const courses = pgTable(
  "courses",
  {
    id: uuid("id").primaryKey(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    kind: text("kind").notNull().$type<CourseKind>(),
    /** the program it belongs to (impact figures and funder reports read by program) */
    programId: uuid("program_id").references(() => programs.id),
    title: text("title").notNull(),
    /** the public address (/talleres/<slug>): unique on the platform, since the public pages name no organization */
    slug: text("slug").notNull(),
    /** one or two sentences: the catalogue and link previews */
    summary: text("summary").notNull().default(""),
    description: text("description").notNull().default(""),
    /** certified hours (cronológicas) */
    hours: integer("hours").notNull(),
    topic: text("topic").notNull().default(""),
    level: text("level").notNull().$type<CourseLevel>(),
    modality: text("modality").notNull().$type<CourseModality>(),
    /** completion rule: attendance of at least this share of the live sessions (percent) */
    minAttendancePercent: integer("min_attendance_percent").notNull().default(75),
    /** who signs its certificates (name and title, printed on the PDF); empty: the organization */
    signerName: text("signer_name").notNull().default(""),
    signerTitle: text("signer_title").notNull().default(""),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => persons.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("courses_slug_uq").on(t.slug),
    index("courses_org_idx").on(t.organizationId),
    index("courses_created_by_idx").on(t.createdBy),
    index("courses_program_idx").on(t.programId),
    check("courses_kind_ck", sql`${t.kind} IN ('workshop','course')`),
    check("courses_level_ck", sql`${t.level} IN ('introductory','intermediate','advanced')`),
    check("courses_modality_ck", sql`${t.modality} IN ('online','in_person','blended')`),
    check("courses_hours_ck", sql`${t.hours} BETWEEN 1 AND 1000`),
    check("courses_attendance_ck", sql`${t.minAttendancePercent} BETWEEN 0 AND 100`),
  ],
);

/** The people who facilitate a course's cohorts (organization role "facilitator"). */
export const courseFacilitators = pgTable(
  "course_facilitators",
  {
    courseId: uuid("course_id")
      .notNull()
      .references(() => courses.id, { onDelete: "cascade" }),
    personId: uuid("person_id")
      .notNull()
      .references(() => persons.id),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
  },
  (t) => [
    primaryKey({ columns: [t.courseId, t.personId] }),
    index("course_facilitators_person_idx").on(t.personId),
  ],
);

export const COHORT_STATUSES = ["draft", "published", "cancelled"] as const;
export type CohortStatus = (typeof COHORT_STATUSES)[number];

/** One run of a course with its dates, places and live sessions. */
export const cohorts = pgTable(
  "cohorts",
  {
    id: uuid("id").primaryKey(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    courseId: uuid("course_id")
      .notNull()
      .references(() => courses.id),
    name: text("name").notNull(),
    startsOn: date("starts_on", { mode: "string" }).notNull(),
    endsOn: date("ends_on", { mode: "string" }).notNull(),
    /** places; null: no limit */
    capacity: integer("capacity"),
    status: text("status").notNull().$type<CohortStatus>().default("draft"),
    /** registrations taken so far, in order of arrival (the next one gets position + 1) */
    lastPosition: integer("last_position").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("cohorts_course_idx").on(t.courseId),
    index("cohorts_org_starts_idx").on(t.organizationId, t.startsOn),
    // the public catalogue: published versions in order of start, read until the page is full
    index("cohorts_published_starts_idx").on(t.startsOn).where(sql`${t.status} = 'published'`),
    check("cohorts_status_ck", sql`${t.status} IN ('draft','published','cancelled')`),
    check("cohorts_capacity_ck", sql`${t.capacity} IS NULL OR ${t.capacity} BETWEEN 1 AND 100000`),
    check("cohorts_dates_ck", sql`${t.endsOn} >= ${t.startsOn}`),
  ],
);

/**
 * A live session: a UTC instant plus the IANA zone it was planned in (shown to each person in their
 * own zone, with the zone named; the planner's wall time is recovered from the two).
 */
export const liveSessions = pgTable(
  "live_sessions",
  {
    id: uuid("id").primaryKey(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    cohortId: uuid("cohort_id")
      .notNull()
      .references(() => cohorts.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    plannedTimeZone: text("planned_time_zone").notNull(),
    durationMinutes: integer("duration_minutes").notNull(),
    meetingUrl: text("meeting_url").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("live_sessions_cohort_idx").on(t.cohortId, t.startsAt),
    check("live_sessions_duration_ck", sql`${t.durationMinutes} BETWEEN 5 AND 720`),
  ],
);

export const REGISTRATION_STATUSES = ["confirmed", "waiting", "cancelled"] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

/**
 * A person's place in a cohort: confirmed, waiting (in order of arrival: `position`) or cancelled. One
 * per email and cohort; registering again after cancelling takes a new place at the end.
 */
export const registrations = pgTable(
  "registrations",
  {
    id: uuid("id").primaryKey(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    cohortId: uuid("cohort_id")
      .notNull()
      .references(() => cohorts.id),
    /** the platform's person, when the registration is theirs (signed in, or enrolled) */
    personId: uuid("person_id").references(() => persons.id),
    fullName: text("full_name").notNull(),
    /** lower-cased */
    email: text("email").notNull(),
    /** ISO 3166-1 alpha-2 */
    country: text("country").notNull(),
    role: text("role").notNull().$type<ParticipantRole>(),
    institution: text("institution").notNull().default(""),
    /** normalized RUT (Chileans, optional) */
    rut: text("rut"),
    /** region, state or province as typed (a Chilean region by its name: see content.ts `regionOf`) */
    region: text("region").notNull().default(""),
    /** the zone the person reads times in (chosen when registering) and the language of their emails */
    timeZone: text("time_zone").notNull().default("America/Santiago"),
    locale: text("locale").notNull().default("es-CL"),
    status: text("status").notNull().$type<RegistrationStatus>(),
    /** order of arrival in the cohort (1, 2, …): the waiting list moves up in this order */
    position: integer("position").notNull(),
    /** SHA-256 of the secret in the cancel link (the link itself is only in the person's email) */
    cancelTokenHash: text("cancel_token_hash").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("registrations_cohort_email_uq").on(t.cohortId, t.email),
    uniqueIndex("registrations_cohort_position_uq").on(t.cohortId, t.position),
    uniqueIndex("registrations_cancel_token_uq").on(t.cancelTokenHash),
    index("registrations_person_idx").on(t.personId),
    // a person's registrations made with their address (their home page, their data archive)
    index("registrations_email_idx").on(t.email),
    index("registrations_cohort_status_idx").on(t.cohortId, t.status, t.position),
    check("registrations_status_ck", sql`${t.status} IN ('confirmed','waiting','cancelled')`),
    check("registrations_role_ck", sql`${t.role} IN ('teacher','leader','student','other')`),
  ],
);

export const ATTENDANCE_SOURCES = ["list", "report"] as const;
export type AttendanceSource = (typeof ATTENDANCE_SOURCES)[number];

/**
 * Who was at a live session: marked on the facilitator's list, or read from the meeting tool's
 * participants report (then with the minutes present). One row per session and registration; a row
 * that says absent is kept, so that "not marked yet" and "absent" differ.
 */
export const sessionAttendance = pgTable(
  "session_attendance",
  {
    sessionId: uuid("session_id")
      .notNull()
      .references(() => liveSessions.id, { onDelete: "cascade" }),
    registrationId: uuid("registration_id")
      .notNull()
      .references(() => registrations.id),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    present: boolean("present").notNull(),
    /** minutes present, when read from a participants report */
    minutes: integer("minutes"),
    source: text("source").notNull().$type<AttendanceSource>(),
    recordedBy: uuid("recorded_by")
      .notNull()
      .references(() => persons.id),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.sessionId, t.registrationId] }),
    index("session_attendance_registration_idx").on(t.registrationId),
    index("session_attendance_recorded_by_idx").on(t.recordedBy),
    check("session_attendance_source_ck", sql`${t.source} IN ('list','report')`),
    check("session_attendance_minutes_ck", sql`${t.minutes} IS NULL OR ${t.minutes} BETWEEN 0 AND 1440`),
  ],
);

/**
 * A certificate of completion. What it certifies is copied at issue (name, course, hours, dates,
 * signer): the verification page shows what was issued even if the course is edited later. `code` is
 * public (on the PDF and in the QR's address); the download link's secret is kept only as a hash.
 * A reissue revokes the old one and points to it from the new one.
 */
export const certificates = pgTable(
  "certificates",
  {
    id: uuid("id").primaryKey(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    /** "course": a cohort's certificate (registration and cohort); "mentor": a certified mentor's (person) */
    kind: text("kind").notNull().$type<"course" | "mentor">().default("course"),
    registrationId: uuid("registration_id").references(() => registrations.id),
    cohortId: uuid("cohort_id").references(() => cohorts.id),
    /** the holder, when a person of the platform (always for a mentor certificate) */
    personId: uuid("person_id").references(() => persons.id),
    code: text("code").notNull(),
    holderName: text("holder_name").notNull(),
    courseTitle: text("course_title").notNull(),
    hours: integer("hours").notNull(),
    startsOn: date("starts_on", { mode: "string" }).notNull(),
    endsOn: date("ends_on", { mode: "string" }).notNull(),
    signerName: text("signer_name").notNull(),
    signerTitle: text("signer_title").notNull(),
    /** its place in the organization's revocation list (Bitstring Status List) */
    statusIndex: integer("status_index").notNull(),
    /** SHA-256 of the secret in the holder's download link */
    downloadTokenHash: text("download_token_hash").notNull(),
    issuedAt: timestamp("issued_at", { withTimezone: true }).notNull(),
    issuedBy: uuid("issued_by")
      .notNull()
      .references(() => persons.id),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    revokedBy: uuid("revoked_by").references(() => persons.id),
    revokedReason: text("revoked_reason"),
    /** the certificate this one replaces (a reissue) */
    replacesId: uuid("replaces_id"),
  },
  (t) => [
    uniqueIndex("certificates_code_uq").on(t.code),
    uniqueIndex("certificates_download_uq").on(t.downloadTokenHash),
    uniqueIndex("certificates_status_index_uq").on(t.organizationId, t.statusIndex),
    // one certificate in force per registration
    uniqueIndex("certificates_registration_live_uq").on(t.registrationId).where(sql`${t.revokedAt} IS NULL`),
    index("certificates_cohort_idx").on(t.cohortId),
    index("certificates_issued_by_idx").on(t.issuedBy),
    index("certificates_revoked_by_idx").on(t.revokedBy),
    index("certificates_replaces_idx").on(t.replacesId),
    index("certificates_person_idx").on(t.personId),
    check(
      "certificates_kind_ck",
      sql`(${t.kind} = 'course' AND ${t.registrationId} IS NOT NULL AND ${t.cohortId} IS NOT NULL)
        OR (${t.kind} = 'mentor' AND ${t.personId} IS NOT NULL AND ${t.registrationId} IS NULL)`,
    ),
  ],
);

/** A cohort's certificates being issued by a job: its progress, for the coordinator's page. */
export const certificateRuns = pgTable(
  "certificate_runs",
  {
    id: uuid("id").primaryKey(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    cohortId: uuid("cohort_id")
      .notNull()
      .references(() => cohorts.id),
    requestedBy: uuid("requested_by")
      .notNull()
      .references(() => persons.id),
    /** registrations that met the rule when the run was asked for */
    total: integer("total").notNull(),
    issued: integer("issued").notNull().default(0),
    status: text("status").notNull().$type<"pending" | "running" | "done" | "failed">().default("pending"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [
    index("certificate_runs_cohort_idx").on(t.cohortId, t.createdAt),
    index("certificate_runs_requested_by_idx").on(t.requestedBy),
    check("certificate_runs_status_ck", sql`${t.status} IN ('pending','running','done','failed')`),
  ],
);

/**
 * The organization's signing key for Open Badges credentials (Ed25519). The private half never leaves
 * the server; the public half is published at the issuer's address.
 */
export const issuerKeys = pgTable("issuer_keys", {
  organizationId: uuid("organization_id")
    .primaryKey()
    .references(() => organizations.id),
  keyId: text("key_id").notNull(),
  publicJwk: jsonb("public_jwk").notNull().$type<Record<string, string>>(),
  privateJwk: jsonb("private_jwk").notNull().$type<Record<string, string>>(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const REMINDER_KINDS = ["day", "hour"] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/**
 * The reminders sent before a live session (24 h and 1 h before): one row per session, registration and
 * kind, written in the transaction that queues the email, so that a retried job, a restart or a second
 * process never sends one twice.
 */
export const sessionReminders = pgTable(
  "session_reminders",
  {
    sessionId: uuid("session_id")
      .notNull()
      .references(() => liveSessions.id, { onDelete: "cascade" }),
    registrationId: uuid("registration_id")
      .notNull()
      .references(() => registrations.id),
    kind: text("kind").notNull().$type<ReminderKind>(),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.sessionId, t.registrationId, t.kind] }),
    index("session_reminders_registration_idx").on(t.registrationId),
    check("session_reminders_kind_ck", sql`${t.kind} IN ('day','hour')`),
  ],
);

/** A facilitator's announcement to a cohort, sent by email to everyone confirmed at the time. */
export const cohortAnnouncements = pgTable(
  "cohort_announcements",
  {
    id: uuid("id").primaryKey(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    cohortId: uuid("cohort_id")
      .notNull()
      .references(() => cohorts.id),
    authorId: uuid("author_id")
      .notNull()
      .references(() => persons.id),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    recipients: integer("recipients").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("cohort_announcements_cohort_idx").on(t.cohortId, t.createdAt),
    index("cohort_announcements_author_idx").on(t.authorId),
  ],
);

/** A part of a course's content (módulo): lessons in order. Every cohort of the course reads the same. */
export const courseModules = pgTable(
  "course_modules",
  {
    id: uuid("id").primaryKey(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    courseId: uuid("course_id")
      .notNull()
      .references(() => courses.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    /** order in the course (1, 2, …) */
    position: integer("position").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("course_modules_course_idx").on(t.courseId, t.position)],
);

/**
 * A lesson: formatted text (Markdown source, rendered without HTML: platform/rich-text.ts), an optional
 * video link and files to download.
 */
export const lessons = pgTable(
  "lessons",
  {
    id: uuid("id").primaryKey(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    courseId: uuid("course_id")
      .notNull()
      .references(() => courses.id, { onDelete: "cascade" }),
    moduleId: uuid("module_id")
      .notNull()
      .references(() => courseModules.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    body: text("body").notNull().default(""),
    /** https address of a video (shown as a link: nothing heavy loads until the reader asks) */
    videoUrl: text("video_url").notNull().default(""),
    /** order in its module (1, 2, …) */
    position: integer("position").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("lessons_module_idx").on(t.moduleId, t.position), index("lessons_course_idx").on(t.courseId)],
);

/** A file of a lesson, kept in the file store (platform/storage) under `storageKey`. */
export const lessonFiles = pgTable(
  "lesson_files",
  {
    id: uuid("id").primaryKey(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    lessonId: uuid("lesson_id")
      .notNull()
      .references(() => lessons.id, { onDelete: "cascade" }),
    storageKey: text("storage_key").notNull(),
    /** the name it was uploaded with (what the download is called) */
    fileName: text("file_name").notNull(),
    /** the type read from its content, never from its name */
    contentType: text("content_type").notNull(),
    size: integer("size").notNull(),
    sha256: text("sha256").notNull(),
    uploadedBy: uuid("uploaded_by")
      .notNull()
      .references(() => persons.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("lesson_files_lesson_idx").on(t.lessonId),
    index("lesson_files_uploaded_by_idx").on(t.uploadedBy),
    uniqueIndex("lesson_files_storage_key_uq").on(t.storageKey),
  ],
);

/** A participant marked a lesson done, in their cohort (through their registration). */
export const lessonCompletions = pgTable(
  "lesson_completions",
  {
    registrationId: uuid("registration_id")
      .notNull()
      .references(() => registrations.id),
    lessonId: uuid("lesson_id")
      .notNull()
      .references(() => lessons.id, { onDelete: "cascade" }),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    completedAt: timestamp("completed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.registrationId, t.lessonId] }),
    index("lesson_completions_lesson_idx").on(t.lessonId),
  ],
);

/** A quiz question: the options in order and which one is right (never sent to a participant's page). */
export interface QuizQuestion {
  prompt: string;
  options: string[];
  correct: number;
}

/**
 * An activity of a module, after its lessons: a reflection that facilitators review, or a short quiz
 * scored on the spot. A required one counts in the course's completion rule once accepted.
 */
export const courseActivities = pgTable(
  "course_activities",
  {
    id: uuid("id").primaryKey(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    courseId: uuid("course_id")
      .notNull()
      .references(() => courses.id, { onDelete: "cascade" }),
    moduleId: uuid("module_id")
      .notNull()
      .references(() => courseModules.id, { onDelete: "cascade" }),
    kind: text("kind").notNull().$type<ActivityKind>(),
    title: text("title").notNull(),
    /** what to do (Markdown, rendered like a lesson's text) */
    instructions: text("instructions").notNull().default(""),
    required: boolean("required").notNull().default(true),
    /** a quiz's questions; empty for a reflection */
    questions: jsonb("questions").notNull().$type<QuizQuestion[]>().default([]),
    /** a quiz is accepted from this share of right answers (percent) */
    passPercent: integer("pass_percent").notNull().default(70),
    /** order among its module's activities (1, 2, …) */
    position: integer("position").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("course_activities_module_idx").on(t.moduleId, t.position),
    index("course_activities_course_idx").on(t.courseId),
    check("course_activities_kind_ck", sql`${t.kind} IN ('reflection','quiz')`),
    check("course_activities_pass_ck", sql`${t.passPercent} BETWEEN 0 AND 100`),
  ],
);

/**
 * When an activity counted in its course's completion rule: from the moment it was saved required and
 * answerable (a reflection, or a quiz with questions) until it no longer was. A version's rule takes the
 * activities that counted on the day it ended, so changing a course later never changes whether a
 * finished version's participants met it. At most one period is open per activity.
 */
export const activityRequirementPeriods = pgTable(
  "activity_requirement_periods",
  {
    activityId: uuid("activity_id")
      .notNull()
      .references(() => courseActivities.id, { onDelete: "cascade" }),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull(),
    /** null: it counts now */
    endedAt: timestamp("ended_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.activityId, t.startedAt] }),
    uniqueIndex("activity_requirement_periods_open_uq").on(t.activityId).where(sql`${t.endedAt} IS NULL`),
    check(
      "activity_requirement_periods_order_ck",
      sql`${t.endedAt} IS NULL OR ${t.endedAt} >= ${t.startedAt}`,
    ),
  ],
);

export const SUBMISSION_STATUSES = ["submitted", "accepted", "to_revise"] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];

/**
 * A participant's answer to an activity, one per registration: a reflection's text (waiting for review,
 * accepted, or to revise with the reviewer's comment) or a quiz's answers with its score. Sending again
 * replaces it and counts the attempt.
 */
export const activitySubmissions = pgTable(
  "activity_submissions",
  {
    id: uuid("id").primaryKey(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    activityId: uuid("activity_id")
      .notNull()
      .references(() => courseActivities.id, { onDelete: "cascade" }),
    registrationId: uuid("registration_id")
      .notNull()
      .references(() => registrations.id),
    body: text("body").notNull().default(""),
    /** a quiz's chosen option per question */
    answers: jsonb("answers").$type<number[]>(),
    scorePercent: integer("score_percent"),
    status: text("status").notNull().$type<SubmissionStatus>(),
    attempts: integer("attempts").notNull().default(1),
    reviewComment: text("review_comment").notNull().default(""),
    reviewedBy: uuid("reviewed_by").references(() => persons.id),
    reviewedAt: timestamp("reviewed_at", { withTimezone: true }),
    submittedAt: timestamp("submitted_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("activity_submissions_uq").on(t.activityId, t.registrationId),
    index("activity_submissions_registration_idx").on(t.registrationId),
    index("activity_submissions_reviewed_by_idx").on(t.reviewedBy),
    check("activity_submissions_status_ck", sql`${t.status} IN ('submitted','accepted','to_revise')`),
    check(
      "activity_submissions_score_ck",
      sql`${t.scorePercent} IS NULL OR ${t.scorePercent} BETWEEN 0 AND 100`,
    ),
  ],
);
