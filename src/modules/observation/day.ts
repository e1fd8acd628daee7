// Each person's day: what is pending for them, on their home page. For whoever leads or mentors in a
// school: their draft visits, the meetings of their visits due within 48 h or late, the follow-up dates
// of the meetings they held, and the teachers of their schools overdue for a visit. For whoever
// teaches: new feedback to read, their open action step and its next follow-up. Someone with both kinds
// of role gets both. Each list is one indexed SQL statement over the actor's own rows (at most 6 in
// all), newest first, cut at DAY_LIST_SIZE with `more` set (the page links to the full list), and every
// row is checked against the policy before it is shown.
import { type SQL, sql } from "drizzle-orm";
import { db, preparedRowsOf, rowsOf, uuidArray } from "../../platform/db/client";
import { type Actor, can, hasSchoolRole } from "../../platform/policy";
import { localParts } from "../../platform/time";
import { MEETING_HORIZON_DAYS } from "./dashboards";
import { observedSchoolIds } from "./policy";

/** items shown per list on the home page */
export const DAY_LIST_SIZE = 10;
/** meetings due within this many hours are listed, with every late one */
export const MEETING_SOON_HOURS = 48;
/** follow-up dates up to this many days ahead are listed, with every past one not yet followed up */
export const FOLLOW_UP_AHEAD_DAYS = 2;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface DayList<T> {
  items: T[];
  /** there are more than the items shown */
  more: boolean;
}
export interface DraftItem {
  observationId: string;
  teacherName: string;
  course: string;
  schoolName: string;
  startedAt: Date;
}
export interface MeetingItem {
  observationId: string;
  teacherName: string;
  course: string;
  schoolName: string;
  submittedAt: Date;
  dueAt: Date;
  late: boolean;
}
export interface FollowUpItem {
  meetingId: string;
  observationId: string;
  schoolId: string;
  teacherId: string;
  teacherName: string;
  schoolName: string;
  stepTitle: string;
  /** the follow-up date, "2026-11-25" */
  date: string;
  late: boolean;
}
export interface OverdueItem {
  schoolId: string;
  teacherId: string;
  teacherName: string;
  schoolName: string;
  lastVisitAt: Date | null;
  /** when the next visit was due: the last visit (or joining the school) + the school's interval */
  dueAt: Date;
}
export interface FeedbackItem {
  observationId: string;
  observerName: string;
  course: string;
  subject: string;
  heldAt: Date;
}
export interface OpenStepItem {
  title: string;
  mastery: string | null;
  openedAt: Date;
  /** the visit whose meeting named it (or last continued it), where its plan is */
  observationId: string | null;
}
export interface NextFollowUp {
  date: string;
  observationId: string;
  observerName: string;
  late: boolean;
}

export interface PendingWork {
  /** the viewer's local date, "2026-11-25" */
  today: string;
  /** for leaders and mentors of a school */
  observer: {
    drafts: DayList<DraftItem>;
    meetings: DayList<MeetingItem>;
    followUps: DayList<FollowUpItem>;
    overdue: DayList<OverdueItem>;
    /** schools whose dashboard lists every overdue teacher (the actor leads them) */
    dashboardSchoolIds: string[];
    /** how many schools the actor observes in (the lists name the school when more than one) */
    schoolCount: number;
  } | null;
  /** for teachers */
  teacher: {
    feedback: DayList<FeedbackItem>;
    openStep: OpenStepItem | null;
    nextFollowUp: NextFollowUp | null;
  } | null;
}

const asDate = (value: Date | string): Date => (value instanceof Date ? value : new Date(value));
const asDateOrNull = (value: Date | string | null): Date | null => (value === null ? null : asDate(value));
/** "2026-11-25" plus n days */
function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
}
function cut<T>(rows: T[]): DayList<T> {
  return { items: rows.slice(0, DAY_LIST_SIZE), more: rows.length > DAY_LIST_SIZE };
}
const name = (alias: string) => sql.raw(`${alias}.given_names || ' ' || ${alias}.family_names`);

/**
 * What is pending for the actor at `now` (dates of follow-ups in the viewer's `timeZone`). The rows
 * are the actor's own (their visits, their meetings, their schools' teachers, their feedback), read in
 * the actor's organization, and each is shown only if the policy lets the actor act on it.
 */
export async function pendingWork(actor: Actor, now = new Date(), timeZone = "America/Santiago") {
  const schoolIds = [...actor.schoolRoles.keys()];
  // Schools where the actor observes (leads, or mentors someone: issue #18). A school's mentor role
  // with no pairing in force still shows the mentor's own drafts and meetings to hold.
  const observed = observedSchoolIds(actor);
  const observes = observed.length > 0 || schoolIds.some((id) => hasSchoolRole(actor, id, "mentor"));
  const teaches = schoolIds.some((id) => hasSchoolRole(actor, id, "teacher"));
  const today = localParts(now, timeZone).date;
  const [observer, teacher] = await Promise.all([
    observes ? observerLists(actor, observed, now, today) : null,
    teaches ? teacherLists(actor, today) : null,
  ]);
  return { today, observer, teacher } satisfies PendingWork;
}

const rows = <T>(statement: SQL) => rowsOf<T>(db(), statement);
const prepared = <T>(name: string, statement: SQL) => preparedRowsOf<T>(name, statement);

async function observerLists(actor: Actor, observed: string[], now: Date, today: string) {
  const me = actor.personId;
  // overdue teachers: all of a school the actor leads, their mentees elsewhere (the policy then keeps
  // exactly the pairings: a mentee's other school is not the mentor's)
  const led = observed.filter((id) => hasSchoolRole(actor, id, "leader"));
  const menteeIds = [...new Set([...actor.mentees].map((key) => key.slice(key.indexOf(":") + 1)))];
  const org = actor.organizationId;
  const limit = DAY_LIST_SIZE + 1;
  const horizon = new Date(now.getTime() - MEETING_HORIZON_DAYS * DAY).toISOString();
  type Visit = {
    id: string;
    organization_id: string;
    school_id: string;
    teacher_id: string;
    teacher_name: string;
    course: string;
    school_name: string;
  };
  const [drafts, meetings, followUps, overdue] = await Promise.all([
    // The actor's drafts: observations_observer_idx (observer_id, status, started_at), backwards.
    prepared<Visit & { started_at: Date | string }>(
      "day_drafts",
      sql`
      SELECT o.id, o.organization_id, o.school_id, o.teacher_id, ${name("t")} AS teacher_name, o.course,
        s.name AS school_name, o.started_at
      FROM observations o
      JOIN persons t ON t.id = o.teacher_id
      JOIN schools s ON s.id = o.school_id
      WHERE o.observer_id = ${me} AND o.status = 'draft' AND o.organization_id = ${org}
      ORDER BY o.started_at DESC
      LIMIT ${limit}`,
    ),
    // The actor's visits of the last MEETING_HORIZON_DAYS without their meeting, due within 48 h or
    // late: the same index, a range of started_at, one probe of feedback_meetings_obs_uq and of the
    // school's settings each.
    prepared<Visit & { submitted_at: Date | string; hours: number }>(
      "day_meetings",
      sql`
      SELECT o.id, o.organization_id, o.school_id, o.teacher_id, ${name("t")} AS teacher_name, o.course,
        s.name AS school_name, o.submitted_at, st.hours
      FROM observations o
      JOIN persons t ON t.id = o.teacher_id
      JOIN schools s ON s.id = o.school_id
      CROSS JOIN LATERAL (SELECT coalesce((SELECT x.meeting_within_hours FROM school_observation_settings x
        WHERE x.school_id = o.school_id), 48) AS hours) st
      WHERE o.observer_id = ${me} AND o.status = 'submitted' AND o.organization_id = ${org}
        AND o.started_at >= ${horizon}::timestamptz
        AND o.submitted_at + make_interval(hours => st.hours)
          <= ${new Date(now.getTime() + MEETING_SOON_HOURS * HOUR).toISOString()}::timestamptz
        AND NOT EXISTS (SELECT 1 FROM feedback_meetings f WHERE f.observation_id = o.id)
      ORDER BY o.submitted_at DESC
      LIMIT ${limit}`,
    ),
    // The meetings the actor held (feedback_meetings_observer_idx, the last MEETING_HORIZON_DAYS) with
    // a follow-up date up to two days ahead, whose step is still open and whose teacher has had no
    // visit since (observations_teacher_idx): the follow-up visit is still to be made.
    prepared<{
      meeting_id: string;
      observation_id: string;
      organization_id: string;
      school_id: string;
      teacher_id: string;
      teacher_name: string;
      school_name: string;
      step_title: string;
      follow_up_on: string;
    }>(
      "day_follow_ups",
      sql`
      SELECT f.id AS meeting_id, f.observation_id, f.organization_id, f.school_id, f.teacher_id,
        ${name("t")} AS teacher_name,
        s.name AS school_name, a.title AS step_title, f.follow_up_on::text AS follow_up_on
      FROM feedback_meetings f
      JOIN action_steps a ON a.id = f.action_step_id AND a.status = 'open'
      JOIN persons t ON t.id = f.teacher_id
      JOIN schools s ON s.id = f.school_id
      WHERE f.observer_id = ${me} AND f.organization_id = ${org} AND f.held_at >= ${horizon}::timestamptz
        AND f.follow_up_on IS NOT NULL AND f.follow_up_on <= ${addDays(today, FOLLOW_UP_AHEAD_DAYS)}::date
        AND t.status <> 'disabled'
        AND NOT EXISTS (SELECT 1 FROM observations n WHERE n.teacher_id = f.teacher_id AND n.started_at > f.held_at)
      ORDER BY f.follow_up_on DESC, f.held_at DESC
      LIMIT ${limit}`,
    ),
    // The teachers of the schools the actor observes (memberships_school_idx) whose last visit there
    // (one probe of observations_teacher_school_submitted_idx each, from the index alone) is older
    // than the school's interval, or who have had none since joining that long ago; newest first: the
    // teacher who became due last on top. The school's name and interval are looked up per row (the
    // primary keys), not joined: a join hashed every school of the network on each request.
    prepared<{
      organization_id: string;
      school_id: string;
      teacher_id: string;
      teacher_name: string;
      school_name: string;
      last_visit_at: Date | string | null;
      due_at: Date | string;
    }>(
      "day_overdue",
      sql`
      SELECT m.organization_id, m.school_id, p.id AS teacher_id, ${name("p")} AS teacher_name,
        (SELECT s.name FROM schools s WHERE s.id = m.school_id) AS school_name,
        lv.started_at AS last_visit_at, d.due_at
      FROM memberships m
      JOIN persons p ON p.id = m.person_id
      LEFT JOIN LATERAL (
        SELECT o.started_at FROM observations o
        WHERE o.teacher_id = p.id AND o.school_id = m.school_id AND o.status = 'submitted'
        ORDER BY o.started_at DESC LIMIT 1) lv ON true
      CROSS JOIN LATERAL (SELECT coalesce(lv.started_at, m.created_at) + make_interval(days => coalesce(
        (SELECT x.visit_every_days FROM school_observation_settings x WHERE x.school_id = m.school_id), 14))
        AS due_at) d
      WHERE m.school_id = ANY(${uuidArray(observed)}) AND m.role = 'teacher' AND m.organization_id = ${org}
        AND p.status <> 'disabled' AND p.id <> ${me}
        AND (m.school_id = ANY(${uuidArray(led)}) OR p.id = ANY(${uuidArray(menteeIds)}))
        AND d.due_at < ${now.toISOString()}::timestamptz
      ORDER BY d.due_at DESC, p.family_names, p.given_names
      LIMIT ${limit}`,
    ),
  ]);
  // The policy reads each row's own organization (the tenant rule), school, teacher and author.
  const visit = (v: Visit, status: "draft" | "submitted") => ({
    organizationId: v.organization_id,
    schoolId: v.school_id,
    teacherId: v.teacher_id,
    observerId: me,
    status,
  });
  const teacherIn = (row: { organization_id: string; school_id: string; teacher_id: string }) => ({
    organizationId: row.organization_id,
    schoolId: row.school_id,
    teacherId: row.teacher_id,
  });
  return {
    drafts: cut(
      drafts
        .filter((v) => can(actor, "read", "observation", visit(v, "draft")))
        .map(
          (v): DraftItem => ({
            observationId: v.id,
            teacherName: v.teacher_name,
            course: v.course,
            schoolName: v.school_name,
            startedAt: asDate(v.started_at),
          }),
        ),
    ),
    meetings: cut(
      meetings
        .filter((v) => can(actor, "hold_meeting", "observation", visit(v, "submitted")))
        .map((v): MeetingItem => {
          const submittedAt = asDate(v.submitted_at);
          const dueAt = new Date(submittedAt.getTime() + v.hours * HOUR);
          return {
            observationId: v.id,
            teacherName: v.teacher_name,
            course: v.course,
            schoolName: v.school_name,
            submittedAt,
            dueAt,
            late: dueAt < now,
          };
        }),
    ),
    followUps: cut(
      followUps
        .filter((f) => can(actor, "observe", "teacher", teacherIn(f)))
        .map(
          (f): FollowUpItem => ({
            meetingId: f.meeting_id,
            observationId: f.observation_id,
            schoolId: f.school_id,
            teacherId: f.teacher_id,
            teacherName: f.teacher_name,
            schoolName: f.school_name,
            stepTitle: f.step_title,
            date: f.follow_up_on,
            late: f.follow_up_on < today,
          }),
        ),
    ),
    overdue: cut(
      overdue
        .filter((o) => can(actor, "observe", "teacher", teacherIn(o)))
        .map(
          (o): OverdueItem => ({
            schoolId: o.school_id,
            teacherId: o.teacher_id,
            teacherName: o.teacher_name,
            schoolName: o.school_name,
            lastVisitAt: asDateOrNull(o.last_visit_at),
            dueAt: asDate(o.due_at),
          }),
        ),
    ),
    schoolCount: observed.length,
    dashboardSchoolIds: observed.filter((schoolId) =>
      can(actor, "read_observation_aggregates", "school", { organizationId: org, schoolId }),
    ),
  };
}

async function teacherLists(actor: Actor, today: string) {
  const me = actor.personId;
  const org = actor.organizationId;
  const [feedback, steps] = await Promise.all([
    // Meetings about the actor not yet acknowledged: feedback_meetings_teacher_idx, backwards.
    rows<{
      observation_id: string;
      organization_id: string;
      school_id: string;
      observer_id: string;
      observer_name: string;
      course: string;
      subject: string;
      held_at: Date | string;
    }>(sql`
      SELECT f.observation_id, f.organization_id, f.school_id, f.observer_id, ${name("w")} AS observer_name,
        o.course, o.subject, f.held_at
      FROM feedback_meetings f
      JOIN observations o ON o.id = f.observation_id
      JOIN persons w ON w.id = f.observer_id
      WHERE f.teacher_id = ${me} AND f.organization_id = ${org} AND f.acknowledged_at IS NULL
      ORDER BY f.held_at DESC
      LIMIT ${DAY_LIST_SIZE + 1}`),
    // The open step (action_steps_one_open_uq), the last meeting that named or continued it (the
    // teacher's meetings, feedback_meetings_teacher_idx) and whether a visit came after that meeting.
    rows<{
      organization_id: string;
      school_id: string;
      title: string;
      mastery: string | null;
      opened_at: Date | string;
      observation_id: string | null;
      follow_up_on: string | null;
      observer_name: string | null;
      followed_up: boolean;
    }>(sql`
      SELECT a.organization_id, a.school_id, a.title, a.mastery, a.opened_at, lm.observation_id, lm.follow_up_on::text AS follow_up_on,
        lm.observer_name,
        EXISTS (SELECT 1 FROM observations n WHERE n.teacher_id = a.teacher_id AND n.status = 'submitted'
          AND n.started_at > lm.held_at) AS followed_up
      FROM action_steps a
      LEFT JOIN LATERAL (
        SELECT f.observation_id, f.follow_up_on, f.held_at, ${name("w")} AS observer_name
        FROM feedback_meetings f JOIN persons w ON w.id = f.observer_id
        WHERE f.teacher_id = a.teacher_id AND f.action_step_id = a.id
        ORDER BY f.held_at DESC LIMIT 1) lm ON true
      WHERE a.teacher_id = ${me} AND a.status = 'open' AND a.organization_id = ${org}`),
  ]);
  const step = steps.find((s) =>
    can(actor, "read_development", "teacher", {
      organizationId: s.organization_id,
      schoolId: s.school_id,
      teacherId: me,
    }),
  );
  return {
    feedback: cut(
      feedback
        .filter((f) =>
          can(actor, "respond", "observation", {
            organizationId: f.organization_id,
            schoolId: f.school_id,
            teacherId: me,
            observerId: f.observer_id,
            status: "submitted",
          }),
        )
        .map(
          (f): FeedbackItem => ({
            observationId: f.observation_id,
            observerName: f.observer_name,
            course: f.course,
            subject: f.subject,
            heldAt: asDate(f.held_at),
          }),
        ),
    ),
    openStep: step
      ? ({
          title: step.title,
          mastery: step.mastery,
          openedAt: asDate(step.opened_at),
          observationId: step.observation_id,
        } satisfies OpenStepItem)
      : null,
    nextFollowUp:
      step?.follow_up_on && step.observation_id && !step.followed_up
        ? ({
            date: step.follow_up_on,
            observationId: step.observation_id,
            observerName: step.observer_name ?? "",
            late: step.follow_up_on < today,
          } satisfies NextFollowUp)
        : null,
  };
}

export type PendingWorkResult = Awaited<ReturnType<typeof pendingWork>>;
