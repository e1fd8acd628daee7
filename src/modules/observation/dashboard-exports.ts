// What the dashboards' files carry besides the figures: the visits of a school in a period, one row
// each (datos.csv, datos.xlsx). Audited as observation.school_export.
import { sql } from "drizzle-orm";
import { audit } from "../../platform/audit/audit";
import { NotFoundError } from "../../platform/errors";
import { type Actor, authorize } from "../../platform/policy";
import { schoolRow, settingsOf } from "./cadence-settings";
import type { Purpose } from "./content";
import type { Period } from "./dashboard-periods";
import { query } from "./dashboard-series";

export interface VisitExportRow {
  id: string;
  startedAt: Date;
  teacherName: string;
  observerName: string;
  course: string;
  subject: string;
  purpose: Purpose;
  instrument: string;
  version: number;
  onTask: number | null;
  focusResult: "mastered" | "continued" | null;
  meetingAt: Date | null;
  meetingLate: boolean;
  actionStep: string | null;
}

export async function schoolVisitsForExport(actor: Actor, schoolId: string, period: Period) {
  const school = await schoolRow(schoolId);
  if (!school) throw new NotFoundError();
  authorize(actor, "read_observation_aggregates", "school", {
    organizationId: school.organizationId,
    schoolId,
  });
  const settings = await settingsOf(schoolId);
  const rows = await query<{
    id: string;
    started_at: Date | string;
    submitted_at: Date | string | null;
    teacher_name: string;
    observer_name: string;
    course: string;
    subject: string;
    purpose: Purpose;
    instrument: string;
    version: number;
    on_task: number | null;
    present: number | null;
    focus_result: "mastered" | "continued" | null;
    held_at: Date | string | null;
    step: string | null;
  }>(sql`
    SELECT o.id, o.started_at, o.submitted_at,
      t.given_names || ' ' || t.family_names AS teacher_name,
      w.given_names || ' ' || w.family_names AS observer_name,
      o.course, o.subject, o.purpose, i.name AS instrument, v.version,
      (SELECT sum(x.on_task)::int FROM observation_snapshots x WHERE x.observation_id = o.id) AS on_task,
      (SELECT sum(x.present)::int FROM observation_snapshots x WHERE x.observation_id = o.id) AS present,
      o.focus_result, f.held_at, a.title AS step
    FROM observations o
    JOIN persons t ON t.id = o.teacher_id
    JOIN persons w ON w.id = o.observer_id
    JOIN instrument_versions v ON v.id = o.instrument_version_id
    JOIN instruments i ON i.id = v.instrument_id
    LEFT JOIN feedback_meetings f ON f.observation_id = o.id
    LEFT JOIN action_steps a ON a.id = f.action_step_id
    WHERE o.school_id = ${schoolId} AND o.status = 'submitted'
      AND o.started_at >= ${period.from.toISOString()}::timestamptz
      AND o.started_at < ${period.to.toISOString()}::timestamptz
    ORDER BY o.started_at DESC
    LIMIT 20000`);
  await audit(actor, {
    action: "observation.school_export",
    subjectType: "school",
    subjectId: schoolId,
    details: { from: period.fromDate, to: period.toDate, rows: rows.length },
  });
  return rows.map((r): VisitExportRow => {
    const submittedAt = r.submitted_at ? new Date(r.submitted_at) : null;
    const meetingAt = r.held_at ? new Date(r.held_at) : null;
    return {
      id: r.id,
      startedAt: new Date(r.started_at),
      teacherName: r.teacher_name,
      observerName: r.observer_name,
      course: r.course,
      subject: r.subject,
      purpose: r.purpose,
      instrument: r.instrument,
      version: r.version,
      onTask: r.present ? (r.on_task ?? 0) / r.present : null,
      focusResult: r.focus_result,
      meetingAt,
      meetingLate:
        !!submittedAt &&
        !!meetingAt &&
        meetingAt.getTime() > submittedAt.getTime() + settings.meetingWithinHours * 3_600_000,
      actionStep: r.step,
    };
  });
}
