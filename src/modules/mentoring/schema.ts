// The mentoring module's tables (issue #18): mentor–teacher pairings with their dates, the mentoring
// sessions a mentor logs for a mentee (and the mentee's comments), the mentor certification tracks that
// coordinators configure, each candidate's progress, and the reviews of a mentor's or leader's feedback
// meetings ("coaching the coach").
import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { certificates, courses } from "../learning/schema";
import { feedbackMeetings } from "../observation/schema";
import { organizations, persons, programs, schools } from "../people/schema";

/**
 * A mentor paired with a teacher of a school, from `startsOn` to `endsOn` (inclusive; open-ended when
 * null). Ending it early writes `endedAt`: the mentor's access to the teacher's record ends at once.
 * A pairing is in force while not ended and today (the organization's day) is within its dates.
 */
export const mentorPairings = pgTable(
  "mentor_pairings",
  {
    id: uuid("id").primaryKey(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    mentorId: uuid("mentor_id")
      .notNull()
      .references(() => persons.id),
    teacherId: uuid("teacher_id")
      .notNull()
      .references(() => persons.id),
    /** the school where the teacher is paired (the teacher's observations there) */
    schoolId: uuid("school_id")
      .notNull()
      .references(() => schools.id),
    startsOn: date("starts_on", { mode: "string" }).notNull(),
    endsOn: date("ends_on", { mode: "string" }),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    endedBy: uuid("ended_by").references(() => persons.id),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => persons.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // one pairing not yet ended per mentor, teacher and school
    uniqueIndex("mentor_pairings_live_uq")
      .on(t.mentorId, t.teacherId, t.schoolId)
      .where(sql`${t.endedAt} IS NULL`),
    // every request's actor reads a person's pairings as a mentor
    index("mentor_pairings_mentor_idx").on(t.mentorId),
    index("mentor_pairings_teacher_idx").on(t.teacherId),
    index("mentor_pairings_school_idx").on(t.schoolId),
    index("mentor_pairings_org_idx").on(t.organizationId),
    index("mentor_pairings_created_by_idx").on(t.createdBy),
    index("mentor_pairings_ended_by_idx").on(t.endedBy),
    check("mentor_pairings_dates_ck", sql`${t.endsOn} IS NULL OR ${t.endsOn} >= ${t.startsOn}`),
    check("mentor_pairings_self_ck", sql`${t.mentorId} <> ${t.teacherId}`),
  ],
);

/** A mentoring session of a pairing: read by the mentee, the mentor while the pairing lasts, coordinators. */
export const mentoringSessions = pgTable(
  "mentoring_sessions",
  {
    id: uuid("id").primaryKey(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    pairingId: uuid("pairing_id")
      .notNull()
      .references(() => mentorPairings.id),
    heldOn: date("held_on", { mode: "string" }).notNull(),
    focus: text("focus").notNull(),
    agreements: text("agreements").notNull().default(""),
    nextStep: text("next_step").notNull().default(""),
    /** the date of the next follow-up the mentor set, if any */
    nextOn: date("next_on", { mode: "string" }),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => persons.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("mentoring_sessions_pairing_idx").on(t.pairingId, t.heldOn),
    index("mentoring_sessions_org_idx").on(t.organizationId),
    index("mentoring_sessions_created_by_idx").on(t.createdBy),
  ],
);

/** The mentee's (or the mentor's) comments on a session. */
export const mentoringSessionComments = pgTable(
  "mentoring_session_comments",
  {
    id: uuid("id").primaryKey(),
    sessionId: uuid("session_id")
      .notNull()
      .references(() => mentoringSessions.id, { onDelete: "cascade" }),
    authorId: uuid("author_id")
      .notNull()
      .references(() => persons.id),
    body: text("body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("mentoring_session_comments_session_idx").on(t.sessionId, t.createdAt),
    index("mentoring_session_comments_author_idx").on(t.authorId),
  ],
);

/** A mentor certification track that coordinators configure: its requirements, item by item. */
export const mentorTracks = pgTable(
  "mentor_tracks",
  {
    id: uuid("id").primaryKey(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    programId: uuid("program_id").references(() => programs.id),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    /** certified hours, printed on the mentor certificate */
    hours: integer("hours").notNull(),
    /** who signs its certificates; empty: the organization */
    signerName: text("signer_name").notNull().default(""),
    signerTitle: text("signer_title").notNull().default(""),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => persons.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("mentor_tracks_org_idx").on(t.organizationId),
    index("mentor_tracks_program_idx").on(t.programId),
    index("mentor_tracks_created_by_idx").on(t.createdBy),
    check("mentor_tracks_hours_ck", sql`${t.hours} BETWEEN 1 AND 1000`),
  ],
);

export const TRACK_REQUIREMENT_KINDS = [
  "course_completed",
  "meetings_recorded",
  "meetings_reviewed",
  "final_interview",
] as const;
export type TrackRequirementKind = (typeof TRACK_REQUIREMENT_KINDS)[number];

/**
 * One requirement of a track: a course completed (a certificate of `courseId` in force), a number of
 * feedback meetings recorded, a number of them reviewed with the checklist, or the final interview.
 */
export const mentorTrackRequirements = pgTable(
  "mentor_track_requirements",
  {
    id: uuid("id").primaryKey(),
    trackId: uuid("track_id")
      .notNull()
      .references(() => mentorTracks.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    kind: text("kind").notNull().$type<TrackRequirementKind>(),
    courseId: uuid("course_id").references(() => courses.id),
    /** how many (meetings recorded, meetings reviewed) */
    count: integer("count"),
  },
  (t) => [
    uniqueIndex("mentor_track_requirements_position_uq").on(t.trackId, t.position),
    index("mentor_track_requirements_course_idx").on(t.courseId),
    check(
      "mentor_track_requirements_kind_ck",
      sql`(${t.kind} = 'course_completed' AND ${t.courseId} IS NOT NULL)
        OR (${t.kind} IN ('meetings_recorded','meetings_reviewed') AND ${t.count} BETWEEN 1 AND 100)
        OR ${t.kind} = 'final_interview'`,
    ),
  ],
);

/** A person on a track: their progress is computed from the evidence; certification closes it. */
export const mentorCandidacies = pgTable(
  "mentor_candidacies",
  {
    id: uuid("id").primaryKey(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    trackId: uuid("track_id")
      .notNull()
      .references(() => mentorTracks.id),
    personId: uuid("person_id")
      .notNull()
      .references(() => persons.id),
    startedOn: date("started_on", { mode: "string" }).notNull(),
    /** the final interview, recorded by a coordinator */
    interviewOn: date("interview_on", { mode: "string" }),
    interviewBy: uuid("interview_by").references(() => persons.id),
    interviewNotes: text("interview_notes").notNull().default(""),
    /**
     * who supervises the candidacy (a coordinator or a certified mentor a coordinator assigned): while it
     * is open, they read the candidate's feedback meetings and review them
     */
    supervisorId: uuid("supervisor_id").references(() => persons.id),
    certifiedAt: timestamp("certified_at", { withTimezone: true }),
    certifiedBy: uuid("certified_by").references(() => persons.id),
    /** the mentor certificate issued through the learning module */
    certificateId: uuid("certificate_id").references(() => certificates.id),
    withdrawnAt: timestamp("withdrawn_at", { withTimezone: true }),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => persons.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("mentor_candidacies_person_track_uq").on(t.trackId, t.personId),
    index("mentor_candidacies_person_idx").on(t.personId),
    index("mentor_candidacies_org_idx").on(t.organizationId, t.certifiedAt),
    index("mentor_candidacies_certificate_idx").on(t.certificateId),
    index("mentor_candidacies_interview_by_idx").on(t.interviewBy),
    index("mentor_candidacies_certified_by_idx").on(t.certifiedBy),
    index("mentor_candidacies_created_by_idx").on(t.createdBy),
    index("mentor_candidacies_supervisor_idx").on(t.supervisorId),
    check("mentor_candidacies_certified_ck", sql`(${t.certifiedAt} IS NULL) = (${t.certifiedBy} IS NULL)`),
  ],
);

/**
 * Coaching the coach: a coordinator or a certified mentor reviews a feedback meeting held by a leader
 * or a mentor with the feedback-quality checklist, and writes feedback that the meeting's observer
 * reads. Reviews count toward that observer's certification track.
 */
export const feedbackReviews = pgTable(
  "feedback_reviews",
  {
    id: uuid("id").primaryKey(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => feedbackMeetings.id, { onDelete: "cascade" }),
    /** the meeting's observer, whose feedback is reviewed */
    observerId: uuid("observer_id")
      .notNull()
      .references(() => persons.id),
    reviewerId: uuid("reviewer_id")
      .notNull()
      .references(() => persons.id),
    precisePraise: boolean("precise_praise").notNull(),
    oneActionStep: boolean("one_action_step").notNull(),
    practiced: boolean("practiced").notNull(),
    followUpSet: boolean("follow_up_set").notNull(),
    feedback: text("feedback").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp("read_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("feedback_reviews_meeting_reviewer_uq").on(t.meetingId, t.reviewerId),
    index("feedback_reviews_observer_idx").on(t.observerId, t.createdAt),
    index("feedback_reviews_reviewer_idx").on(t.reviewerId),
    index("feedback_reviews_org_idx").on(t.organizationId),
  ],
);
