import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { organizations, persons, schools } from "../people/schema";
import type { ActionStepCategory, InstrumentContent, Purpose } from "./content";

/** An observation instrument (pauta). Its content lives in versions. */
export const instruments = pgTable(
  "instruments",
  {
    id: uuid("id").primaryKey(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("instruments_org_idx").on(t.organizationId)],
);

export const INSTRUMENT_VERSION_STATUSES = ["draft", "published"] as const;
export type InstrumentVersionStatus = (typeof INSTRUMENT_VERSION_STATUSES)[number];

/**
 * One version of an instrument. A published version is never changed: editing makes (or continues)
 * the one draft, and publishing the draft makes it the next version. Visits point at the version
 * they were scored with.
 */
export const instrumentVersions = pgTable(
  "instrument_versions",
  {
    id: uuid("id").primaryKey(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    instrumentId: uuid("instrument_id")
      .notNull()
      .references(() => instruments.id, { onDelete: "cascade" }),
    /** 1, 2, 3… for published versions; the draft carries the number it will get */
    version: integer("version").notNull(),
    status: text("status").notNull().$type<InstrumentVersionStatus>(),
    content: jsonb("content").notNull().$type<InstrumentContent>(),
    createdBy: uuid("created_by").references(() => persons.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    publishedAt: timestamp("published_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("instrument_versions_uq").on(t.instrumentId, t.version),
    uniqueIndex("instrument_versions_one_draft_uq").on(t.instrumentId).where(sql`${t.status} = 'draft'`),
  ],
);

/** The scope and sequence of action steps, editable by coordinators. */
export const catalogueSteps = pgTable(
  "catalogue_steps",
  {
    id: uuid("id").primaryKey(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    category: text("category").notNull().$type<ActionStepCategory>(),
    title: text("title").notNull(),
    mastery: text("mastery").notNull(),
    mbeStandard: smallint("mbe_standard"),
    position: integer("position").notNull(),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("catalogue_steps_org_idx").on(t.organizationId, t.category, t.position)],
);

export { PURPOSES, type Purpose } from "./content";

/** A school's cadence targets for observation and feedback. */
export const schoolObservationSettings = pgTable("school_observation_settings", {
  schoolId: uuid("school_id")
    .primaryKey()
    .references(() => schools.id, { onDelete: "cascade" }),
  organizationId: uuid("organization_id")
    .notNull()
    .references(() => organizations.id),
  visitEveryDays: integer("visit_every_days").notNull().default(14),
  meetingWithinHours: integer("meeting_within_hours").notNull().default(48),
  defaultPurpose: text("default_purpose").notNull().default("formativa").$type<Purpose>(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Changes to what a school's dashboard figures are computed from, counted by triggers (figure-triggers.ts)
 * in the same transaction as the change: visits, their levels and snapshots, meetings, action steps
 * (also in the other schools of their teacher), memberships, the names and status of its people, its
 * settings, its own name and IVE, and its organization's instruments. Rows are only inserted (writers
 * never wait on each other here); a school's fingerprint is the sum of its rows' `n`, and housekeeping
 * folds each school's rows into one with the same sum. The dashboards keep computed figures keyed by
 * these sums (figures-cache.ts), so a change shows at once in every process. No foreign key: a change
 * may be counted while its school is being deleted.
 */
export const schoolFigureVersions = pgTable(
  "school_figure_versions",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    schoolId: uuid("school_id").notNull(),
    n: bigint("n", { mode: "number" }).notNull().default(1),
  },
  (t) => [index("school_figure_versions_school_idx").on(t.schoolId, t.n)],
);

export const ACTION_STEP_STATUSES = ["open", "mastered", "closed"] as const;
export type ActionStepStatus = (typeof ACTION_STEP_STATUSES)[number];

/**
 * A teacher's action step. At most one is open per teacher, whoever observes them (a partial unique
 * index). "closed" is a step replaced by another before it was mastered.
 */
export const actionSteps = pgTable(
  "action_steps",
  {
    id: uuid("id").primaryKey(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    schoolId: uuid("school_id")
      .notNull()
      .references(() => schools.id),
    teacherId: uuid("teacher_id")
      .notNull()
      .references(() => persons.id),
    catalogueStepId: uuid("catalogue_step_id").references(() => catalogueSteps.id),
    category: text("category").$type<ActionStepCategory>(),
    title: text("title").notNull(),
    mastery: text("mastery"),
    status: text("status").notNull().$type<ActionStepStatus>(),
    openedAt: timestamp("opened_at", { withTimezone: true }).notNull(),
    openedBy: uuid("opened_by").references(() => persons.id),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    masteredInObservationId: uuid("mastered_in_observation_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("action_steps_one_open_uq").on(t.teacherId).where(sql`${t.status} = 'open'`),
    index("action_steps_teacher_idx").on(t.teacherId, t.openedAt),
    index("action_steps_school_idx").on(t.schoolId, t.openedAt),
    // steps mastered in a period, per school (dashboards)
    index("action_steps_school_status_idx").on(t.schoolId, t.status, t.closedAt),
    // foreign key: archiving or checking a catalogue step finds its uses
    index("action_steps_catalogue_step_idx").on(t.catalogueStepId),
  ],
);

export const OBSERVATION_STATUSES = ["draft", "submitted"] as const;
export type ObservationStatus = (typeof OBSERVATION_STATUSES)[number];
export const FOCUS_RESULTS = ["mastered", "continued"] as const;
export type FocusResult = (typeof FOCUS_RESULTS)[number];

/** A classroom visit. */
export const observations = pgTable(
  "observations",
  {
    id: uuid("id").primaryKey(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    schoolId: uuid("school_id")
      .notNull()
      .references(() => schools.id),
    teacherId: uuid("teacher_id")
      .notNull()
      .references(() => persons.id),
    observerId: uuid("observer_id")
      .notNull()
      .references(() => persons.id),
    instrumentVersionId: uuid("instrument_version_id")
      .notNull()
      .references(() => instrumentVersions.id),
    purpose: text("purpose").notNull().$type<Purpose>(),
    course: text("course").notNull(),
    subject: text("subject").notNull(),
    status: text("status").notNull().$type<ObservationStatus>(),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull(),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    /** the teacher's open step when the visit began, shown at its top */
    focusStepId: uuid("focus_step_id").references(() => actionSteps.id),
    focusResult: text("focus_result").$type<FocusResult>(),
    /** the next step the observer proposes for the meeting */
    proposedCatalogueStepId: uuid("proposed_catalogue_step_id").references(() => catalogueSteps.id),
    proposedStepTitle: text("proposed_step_title"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("observations_teacher_idx").on(t.teacherId, t.startedAt),
    index("observations_school_idx").on(t.schoolId, t.status, t.startedAt),
    // each teacher's last visit and visits of the period at a school (school dashboard), read from the
    // index alone: without it each teacher's visits were read from the table, ≈ 1,000 scattered pages
    // a school on the 1,000,000-visit data set (35 → 3 ms)
    index("observations_school_teacher_idx").on(t.schoolId, t.status, t.teacherId, t.startedAt),
    index("observations_observer_idx").on(t.observerId, t.status, t.startedAt),
    index("observations_version_idx").on(t.instrumentVersionId),
    // foreign key: the visits that focused on an action step (the step's history, its deletion)
    index("observations_focus_step_idx").on(t.focusStepId),
    // the network's totals (dashboards)
    index("observations_org_idx").on(t.organizationId, t.status, t.startedAt),
    // a school's recent visits still waiting for their meeting (dashboards)
    index("observations_school_submitted_idx")
      .on(t.schoolId, t.submittedAt)
      .where(sql`${t.status} = 'submitted'`),
    // a teacher's latest submitted visit in a school, read from the index alone (the home page's
    // overdue teachers: one probe per teacher)
    index("observations_teacher_school_submitted_idx")
      .on(t.teacherId, t.schoolId, t.startedAt)
      .where(sql`${t.status} = 'submitted'`),
    // visits submitted in a window, every school at once (the meeting reminders' sweep)
    index("observations_submitted_idx").on(t.submittedAt).where(sql`${t.status} = 'submitted'`),
  ],
);

/** Timestamped low-inference evidence, optionally tagged to indicators. */
export const observationNotes = pgTable(
  "observation_notes",
  {
    id: uuid("id").primaryKey(),
    observationId: uuid("observation_id")
      .notNull()
      .references(() => observations.id, { onDelete: "cascade" }),
    minute: integer("minute").notNull(),
    body: text("body").notNull(),
    indicatorKeys: text("indicator_keys").array().notNull().default(sql`'{}'::text[]`),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("observation_notes_obs_idx").on(t.observationId, t.minute)],
);

export const observationLevels = pgTable(
  "observation_levels",
  {
    observationId: uuid("observation_id")
      .notNull()
      .references(() => observations.id, { onDelete: "cascade" }),
    indicatorKey: text("indicator_key").notNull(),
    level: smallint("level").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.observationId, t.indicatorKey] }),
    check("observation_levels_range", sql`${t.level} BETWEEN 1 AND 4`),
  ],
);

/** Time on task at one moment of the visit: students on task out of students present. */
export const observationSnapshots = pgTable(
  "observation_snapshots",
  {
    id: uuid("id").primaryKey(),
    observationId: uuid("observation_id")
      .notNull()
      .references(() => observations.id, { onDelete: "cascade" }),
    minute: integer("minute").notNull(),
    onTask: integer("on_task").notNull(),
    present: integer("present").notNull(),
  },
  (t) => [
    index("observation_snapshots_obs_idx").on(t.observationId),
    check(
      "observation_snapshots_counts",
      sql`${t.present} > 0 AND ${t.onTask} >= 0 AND ${t.onTask} <= ${t.present}`,
    ),
  ],
);

/**
 * What the author changed in a draft visit, one row per field and change: a level, a note's tag, the
 * decision on the open step, the proposed step. The visit keeps the last value received; this keeps
 * every value, so that a change made on a phone without connection and received after one made on
 * another device stays in the visit's history. `field` is "level:<indicator>", "tag:<note id>",
 * "focusResult", "proposedStep" or "proposedStepTitle"; the values are as the form sends them ("" for
 * none). `written_at` is when it was written on the device, `received_at` when the server stored it.
 */
export const observationFieldEdits = pgTable(
  "observation_field_edits",
  {
    id: uuid("id").primaryKey(),
    observationId: uuid("observation_id")
      .notNull()
      .references(() => observations.id, { onDelete: "cascade" }),
    field: text("field").notNull(),
    previous: text("previous").notNull(),
    value: text("value").notNull(),
    writtenAt: timestamp("written_at", { withTimezone: true }).notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
    /** the browser's own id (app/lib/device.ts), null without JavaScript: a run of typing folds on one device */
    device: text("device"),
  },
  (t) => [index("observation_field_edits_obs_idx").on(t.observationId, t.receivedAt)],
);

/** The feedback meeting after a visit: see it, name it, do it, follow up. */
export const feedbackMeetings = pgTable(
  "feedback_meetings",
  {
    id: uuid("id").primaryKey(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    schoolId: uuid("school_id")
      .notNull()
      .references(() => schools.id),
    observationId: uuid("observation_id")
      .notNull()
      .references(() => observations.id, { onDelete: "cascade" }),
    teacherId: uuid("teacher_id")
      .notNull()
      .references(() => persons.id),
    observerId: uuid("observer_id")
      .notNull()
      .references(() => persons.id),
    heldAt: timestamp("held_at", { withTimezone: true }).notNull(),
    praise: text("praise").notNull(),
    model: text("model").notNull().default(""),
    gap: text("gap").notNull().default(""),
    actionStepId: uuid("action_step_id")
      .notNull()
      .references(() => actionSteps.id),
    plan: text("plan").notNull().default(""),
    practiced: boolean("practiced").notNull().default(false),
    practiceNote: text("practice_note").notNull().default(""),
    followUpOn: date("follow_up_on", { mode: "string" }),
    acknowledgedAt: timestamp("acknowledged_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("feedback_meetings_obs_uq").on(t.observationId),
    index("feedback_meetings_teacher_idx").on(t.teacherId, t.heldAt),
    index("feedback_meetings_school_idx").on(t.schoolId, t.heldAt),
    // foreign key: an observer's meetings (their load, their personal data)
    index("feedback_meetings_observer_idx").on(t.observerId, t.heldAt),
    // follow-up dates around today, every school at once (the follow-up reminders' sweep)
    index("feedback_meetings_follow_up_idx").on(t.followUpOn).where(sql`${t.followUpOn} IS NOT NULL`),
  ],
);

/** The teacher's reflection on a meeting; a private one is read by the teacher alone. */
export const reflections = pgTable("reflections", {
  meetingId: uuid("meeting_id")
    .primaryKey()
    .references(() => feedbackMeetings.id, { onDelete: "cascade" }),
  teacherId: uuid("teacher_id")
    .notNull()
    .references(() => persons.id),
  body: text("body").notNull(),
  private: boolean("private").notNull().default(false),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export const REMINDER_KINDS = ["meeting_due", "follow_up_observer", "follow_up_teacher"] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/**
 * Each reminder email sent, one row per (kind, subject, due): inserted in the transaction that queues
 * the email, so a reminder is queued once whatever the number of sweeps and processes (reminders.ts).
 * The subject is the visit (meeting_due) or the meeting (follow-ups); due is the instant the meeting
 * is due (ISO 8601, UTC) or the follow-up date ("2026-11-25"): a due that moves is another reminder.
 */
export const remindersSent = pgTable(
  "reminders_sent",
  {
    kind: text("kind").notNull().$type<ReminderKind>(),
    subjectId: uuid("subject_id").notNull(),
    due: text("due").notNull(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    /** who it was sent to */
    personId: uuid("person_id")
      .notNull()
      .references(() => persons.id),
    emailId: uuid("email_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.kind, t.subjectId, t.due] }),
    // foreign key: a person's reminders (their personal data)
    index("reminders_sent_person_idx").on(t.personId),
  ],
);

export const CALIBRATION_STATUSES = ["open", "closed"] as const;
export type CalibrationStatus = (typeof CALIBRATION_STATUSES)[number];

/**
 * A calibration: several observers score the same class (a shared visit recorded in the platform or a
 * linked video) with one instrument version; one of them is the reference scorer.
 */
export const calibrations = pgTable(
  "calibrations",
  {
    id: uuid("id").primaryKey(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    title: text("title").notNull(),
    instrumentVersionId: uuid("instrument_version_id")
      .notNull()
      .references(() => instrumentVersions.id),
    /** the shared visit everyone scores, when the class was observed in the platform */
    observationId: uuid("observation_id").references(() => observations.id),
    /** or a link to a recorded class */
    videoUrl: text("video_url"),
    /** the school the class belongs to, when known */
    schoolId: uuid("school_id").references(() => schools.id),
    /** the class observed together: curso, asignatura, what was taught */
    classContext: text("class_context").notNull().default(""),
    heldOn: date("held_on", { mode: "string" }),
    referenceScorerId: uuid("reference_scorer_id")
      .notNull()
      .references(() => persons.id),
    status: text("status").notNull().$type<CalibrationStatus>(),
    createdBy: uuid("created_by").references(() => persons.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp("closed_at", { withTimezone: true }),
  },
  (t) => [index("calibrations_org_idx").on(t.organizationId, t.createdAt)],
);

/** Who scores a calibration; submittedAt is set when their scores are final. */
export const calibrationParticipants = pgTable(
  "calibration_participants",
  {
    calibrationId: uuid("calibration_id")
      .notNull()
      .references(() => calibrations.id, { onDelete: "cascade" }),
    personId: uuid("person_id")
      .notNull()
      .references(() => persons.id),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.calibrationId, t.personId] }),
    index("calibration_participants_person_idx").on(t.personId),
  ],
);

/** One observer's level for one indicator in a calibration. */
export const calibrationScores = pgTable(
  "calibration_scores",
  {
    calibrationId: uuid("calibration_id")
      .notNull()
      .references(() => calibrations.id, { onDelete: "cascade" }),
    personId: uuid("person_id")
      .notNull()
      .references(() => persons.id),
    indicatorKey: text("indicator_key").notNull(),
    level: smallint("level").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.calibrationId, t.personId, t.indicatorKey] }),
    // foreign key: a person's scores across calibrations (drift, their personal data)
    index("calibration_scores_person_idx").on(t.personId),
    check("calibration_scores_range", sql`${t.level} BETWEEN 1 AND 4`),
  ],
);
