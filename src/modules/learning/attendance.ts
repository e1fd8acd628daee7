// Attendance at live sessions (issue #16 §6): the facilitator marks it on a list made for a phone, or
// imports the meeting tool's participants report, matched by email (never by name) and counted in
// minutes present. A cohort's completion (§9) reads it: the share of its sessions each confirmed person
// attended, against the course's rule.
import { and, asc, eq, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import { db, intArray, rowsOf, uuidArray } from "../../platform/db/client";
import { NotFoundError, ValidationError } from "../../platform/errors";
import { isUuid } from "../../platform/ids";
import { type Actor, authorize } from "../../platform/policy";
import { isTimeZone } from "../../platform/time";
import { parseInput } from "../../platform/validation";
import {
  type ColumnName,
  type ParticipantsReport,
  parseParticipantsReport,
  type RejectReason,
} from "./attendance-report";
import { courseSubject } from "./courses";
import type { CourseSubject } from "./policy";
import { cohorts, courses, liveSessions, registrations, sessionAttendance } from "./schema";

/** Someone in a participants report counts as present with at least this share of the session. */
export const PRESENT_SHARE = 0.5;

/** A live session with its cohort and course, in the actor's organization, as the policy reads it. */
async function sessionOf(actor: Actor, sessionId: string) {
  if (!isUuid(sessionId)) throw new NotFoundError();
  const [row] = await db()
    .select({
      id: liveSessions.id,
      title: liveSessions.title,
      startsAt: liveSessions.startsAt,
      plannedTimeZone: liveSessions.plannedTimeZone,
      durationMinutes: liveSessions.durationMinutes,
      cohortId: liveSessions.cohortId,
      cohortName: cohorts.name,
      courseId: cohorts.courseId,
      courseTitle: courses.title,
      organizationId: liveSessions.organizationId,
    })
    .from(liveSessions)
    .innerJoin(cohorts, eq(cohorts.id, liveSessions.cohortId))
    .innerJoin(courses, eq(courses.id, cohorts.courseId))
    .where(and(eq(liveSessions.id, sessionId), eq(liveSessions.organizationId, actor.organizationId)));
  const course: CourseSubject | null = row ? await courseSubject(actor, row.courseId) : null;
  if (!row || !course) throw new NotFoundError();
  return { ...row, course };
}

export interface AttendanceSheetRow {
  registrationId: string;
  fullName: string;
  email: string;
  /** null: not marked yet */
  present: boolean | null;
  minutes: number | null;
  source: "list" | "report" | null;
}

/** A session's list of confirmed people, with what is marked so far (by name). */
export async function attendanceSheet(actor: Actor, sessionId: string) {
  const session = await sessionOf(actor, sessionId);
  authorize(actor, "facilitate", "cohort", session.course);
  const people = await db()
    .select({
      registrationId: registrations.id,
      fullName: registrations.fullName,
      email: registrations.email,
      present: sessionAttendance.present,
      minutes: sessionAttendance.minutes,
      source: sessionAttendance.source,
    })
    .from(registrations)
    .leftJoin(
      sessionAttendance,
      and(eq(sessionAttendance.registrationId, registrations.id), eq(sessionAttendance.sessionId, sessionId)),
    )
    .where(and(eq(registrations.cohortId, session.cohortId), eq(registrations.status, "confirmed")))
    .orderBy(asc(registrations.fullName), asc(registrations.id));
  const { course: _course, ...rest } = session;
  return {
    session: rest,
    people: people as AttendanceSheetRow[],
    presentShare: PRESENT_SHARE,
  };
}

const markInput = z.object({
  /** every registration shown on the sheet (the ones not ticked are absent) */
  listed: z.array(z.string().uuid("errors.invalid_choice")).max(5000, "errors.too_long"),
  present: z.array(z.string().uuid("errors.invalid_choice")).max(5000, "errors.too_long"),
});

/**
 * Saves the list as ticked: each listed person present or absent, in one statement. People who are no
 * longer confirmed in the cohort (cancelled meanwhile) are left out, never written.
 */
export async function markAttendance(
  actor: Actor,
  sessionId: string,
  input: { listed: unknown; present: unknown },
): Promise<{ present: number; absent: number }> {
  const session = await sessionOf(actor, sessionId);
  authorize(actor, "facilitate", "cohort", session.course);
  const data = parseInput(markInput, input);
  const present = new Set(data.present);
  const listed = [...new Set([...data.listed, ...data.present])];
  if (listed.length === 0) return { present: 0, absent: 0 };
  const rows = await rowsOf<{ present: boolean }>(
    db(),
    sql`
    INSERT INTO session_attendance (session_id, registration_id, organization_id, present, minutes, source, recorded_by, recorded_at)
    SELECT ${sessionId}, r.id, r.organization_id, r.id = ANY(${uuidArray([...present])}), NULL, 'list', ${actor.personId}, now()
    FROM registrations r
    WHERE r.id = ANY(${uuidArray(listed)}) AND r.cohort_id = ${session.cohortId} AND r.status = 'confirmed'
    ON CONFLICT (session_id, registration_id) DO UPDATE
      SET present = excluded.present, minutes = NULL, source = 'list',
          recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at
    RETURNING present`,
  );
  const marked = rows.filter((r) => r.present).length;
  return { present: marked, absent: rows.length - marked };
}

/** The largest participants report read (a 300-person session's report is about 60 KB). */
export const MAX_REPORT_BYTES = 2 * 1024 * 1024;

/** A report's text: UTF-16 when it starts with its byte-order mark (Teams writes it so), else UTF-8. */
function decodeReport(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes);
  return new TextDecoder("utf-8").decode(bytes);
}

export type AttendanceImport =
  | { ok: false; missing: ColumnName[]; found: string[] }
  | {
      ok: true;
      matched: number;
      present: number;
      /** people in the report whose email is not a confirmed registration of the cohort */
      unmatched: { email: string; minutes: number; rows: number[] }[];
      rejected: { row: number; reason: RejectReason; raw: string }[];
    };

const importInput = z.object({
  timeZone: z
    .string()
    .trim()
    .refine((z) => isTimeZone(z), "learning.errors.time_zone_invalid"),
});

/**
 * Reads a participants report (CSV) for one session: each confirmed person whose email appears gets
 * their minutes present and is marked present with at least PRESENT_SHARE of the session; the rows
 * that matched nobody and the rows that could not be read come back to be shown. Nothing is written
 * when the report's columns are not the ones needed.
 */
export async function importAttendanceReport(
  actor: Actor,
  sessionId: string,
  file: Uint8Array,
  input: { timeZone?: unknown },
): Promise<AttendanceImport> {
  const session = await sessionOf(actor, sessionId);
  authorize(actor, "facilitate", "cohort", session.course);
  const { timeZone } = parseInput(importInput, { timeZone: input.timeZone ?? session.plannedTimeZone });
  const report = decodeReport(file);
  if (report.trim() === "") throw new ValidationError({ file: "learning.attendance.errors.file_empty" });
  const parsed: ParticipantsReport = parseParticipantsReport(report, {
    timeZone,
    session: { startsAt: session.startsAt, durationMinutes: session.durationMinutes },
  });
  if (!parsed.ok) {
    if (parsed.problem === "too_many_rows")
      throw new ValidationError({ file: "learning.attendance.errors.too_many_rows" });
    return { ok: false, missing: parsed.missing, found: parsed.found };
  }
  const confirmed = await db()
    .select({ id: registrations.id, email: registrations.email })
    .from(registrations)
    .where(and(eq(registrations.cohortId, session.cohortId), eq(registrations.status, "confirmed")));
  const byEmail = new Map(confirmed.map((r) => [r.email, r.id]));
  const needed = Math.ceil(session.durationMinutes * PRESENT_SHARE);
  const matched = parsed.attendees.filter((a) => byEmail.has(a.email));
  const unmatched = parsed.attendees.filter((a) => !byEmail.has(a.email));
  if (matched.length > 0) {
    const ids = matched.map((a) => byEmail.get(a.email) as string);
    const minutes = matched.map((a) => a.minutes);
    await db().execute(sql`
      INSERT INTO session_attendance (session_id, registration_id, organization_id, present, minutes, source, recorded_by, recorded_at)
      SELECT ${sessionId}, m.id, ${session.organizationId}, m.minutes >= ${needed}, m.minutes, 'report', ${actor.personId}, now()
      FROM unnest(${uuidArray(ids)}, ${intArray(minutes)}) AS m(id, minutes)
      ON CONFLICT (session_id, registration_id) DO UPDATE
        SET present = excluded.present, minutes = excluded.minutes, source = 'report',
            recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at`);
  }
  return {
    ok: true,
    matched: matched.length,
    present: matched.filter((a) => a.minutes >= needed).length,
    unmatched: unmatched.map((a) => ({ email: a.email, minutes: a.minutes, rows: a.rows })),
    rejected: parsed.rejected.map((r) => ({ row: r.row, reason: r.reason, raw: r.raw })),
  };
}

export interface CompletionRow {
  registrationId: string;
  personId: string | null;
  fullName: string;
  email: string;
  attended: number;
  /** sessions of the cohort that have started */
  held: number;
  percent: number;
  /** the course's required activities, and how many of them this person has had accepted */
  activitiesRequired: number;
  activitiesAccepted: number;
  meetsRule: boolean;
  certificate: { id: string; code: string; issuedAt: Date } | null;
}

/**
 * Each confirmed person against the course's rule: at least minAttendancePercent of the sessions held
 * (when the cohort has live sessions at all) and every required activity accepted; with their
 * certificate in force if any. A cohort with neither sessions nor required activities has no rule to
 * meet. One statement.
 */
/**
 * Whether activity `a` counts in the rule of cohort `cohort` (an alias): it counted (required and
 * answerable) on the day the cohort ended, or counts now for a cohort still running. Changing the course
 * later never changes a finished version's rule. Days are taken in UTC on both engines.
 */
export function countsFor(cohort: SQL): SQL {
  return sql`EXISTS (SELECT 1 FROM activity_requirement_periods rp WHERE rp.activity_id = a.id
    AND (rp.started_at AT TIME ZONE 'UTC')::date <= ${cohort}.ends_on
    AND (rp.ended_at IS NULL OR (rp.ended_at AT TIME ZONE 'UTC')::date > ${cohort}.ends_on))`;
}

export async function cohortCompletion(cohortId: string, now = new Date()): Promise<CompletionRow[]> {
  const rows = await rowsOf<{
    id: string;
    person_id: string | null;
    full_name: string;
    email: string;
    attended: number;
    held: number;
    planned: number;
    required: number;
    accepted: number;
    min_percent: number;
    certificate_id: string | null;
    certificate_code: string | null;
    issued_at: Date | string | null;
  }>(
    db(),
    sql`
    WITH held AS (
      SELECT id FROM live_sessions WHERE cohort_id = ${cohortId} AND starts_at <= ${now.toISOString()}::timestamptz
    )
    SELECT r.id, r.person_id, r.full_name, r.email,
      (SELECT count(*)::int FROM session_attendance a
        WHERE a.registration_id = r.id AND a.present AND a.session_id IN (SELECT id FROM held)) AS attended,
      (SELECT count(*)::int FROM held) AS held,
      (SELECT count(*)::int FROM live_sessions s WHERE s.cohort_id = k.id) AS planned,
      (SELECT count(*)::int FROM course_activities a WHERE a.course_id = c.id
        AND ${countsFor(sql`k`)}) AS required,
      (SELECT count(*)::int FROM activity_submissions s JOIN course_activities a ON a.id = s.activity_id
        WHERE s.registration_id = r.id AND ${countsFor(sql`k`)} AND s.status = 'accepted') AS accepted,
      c.min_attendance_percent AS min_percent,
      z.id AS certificate_id, z.code AS certificate_code, z.issued_at
    FROM registrations r
    JOIN cohorts k ON k.id = r.cohort_id
    JOIN courses c ON c.id = k.course_id
    LEFT JOIN certificates z ON z.registration_id = r.id AND z.revoked_at IS NULL
    WHERE r.cohort_id = ${cohortId} AND r.status = 'confirmed'
    ORDER BY r.full_name, r.id`,
  );
  return rows.map((r) => {
    const percent = r.held === 0 ? 0 : Math.round((r.attended * 100) / r.held);
    return {
      registrationId: r.id,
      personId: r.person_id,
      fullName: r.full_name,
      email: r.email,
      attended: r.attended,
      held: r.held,
      percent,
      activitiesRequired: r.required,
      activitiesAccepted: r.accepted,
      meetsRule:
        (r.planned > 0 || r.required > 0) &&
        (r.planned === 0 || (r.held > 0 && r.attended * 100 >= r.min_percent * r.held)) &&
        r.accepted >= r.required,
      certificate:
        r.certificate_id && r.certificate_code && r.issued_at
          ? { id: r.certificate_id, code: r.certificate_code, issuedAt: new Date(r.issued_at) }
          : null,
    };
  });
}
