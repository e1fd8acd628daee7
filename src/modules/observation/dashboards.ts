// The school and network dashboards: what a school's leadership team and the coordinators who advise
// it see of the observation system (cadence lists, observers' load, the shared series, the network's
// schools and totals). Computed figures are kept between requests (figures-cache.ts).
import { sql } from "drizzle-orm";
import { uuidArray } from "../../platform/db/client";
import { reportingDb } from "../../platform/db/replica";
import { NotFoundError } from "../../platform/errors";
import { type Actor, authorize, can } from "../../platform/policy";
import { type CadenceSettings, schoolRow, settingsOf } from "./cadence-settings";
import { DAY, type Period, periodOf } from "./dashboard-periods";
import {
  coverageSeries,
  type LevelDistribution,
  levelDistribution,
  onTaskSeries,
  query,
  stepsByCategory,
} from "./dashboard-series";
import { cachedFigures, organizationFingerprint, schoolsFingerprint } from "./figures-cache";

export interface TeacherCadence {
  id: string;
  name: string;
  lastVisitAt: Date | null;
  dueAt: Date | null;
  /** whole days past the due date; null when not overdue */
  daysOverdue: number | null;
  visitsInPeriod: number;
  openStep: string | null;
}
export interface LateMeeting {
  observationId: string;
  teacherName: string;
  observerName: string;
  submittedAt: Date;
  dueAt: Date;
}
export interface ObserverLoad {
  id: string;
  name: string;
  visits: number;
  meetings: number;
  pending: number;
  late: number;
  drafts: number;
}

/**
 * Visits wait for their feedback meeting for this long at most: a visit submitted earlier without a
 * meeting no longer counts as pending or late (the lists and counts stay about the current work, and
 * each school reads only its recent visits, through observations_school_submitted_idx).
 */
export const MEETING_HORIZON_DAYS = 120;

async function schoolCadence(schoolId: string, settings: CadenceSettings, period: Period, now: Date) {
  const horizon = new Date(now.getTime() - MEETING_HORIZON_DAYS * DAY).toISOString();
  const deadline = new Date(now.getTime() - settings.meetingWithinHours * 3_600_000).toISOString();
  const [teachers, late, load, lateHeld] = await Promise.all([
    query<{
      id: string;
      name: string;
      last_visit_at: Date | string | null;
      visits: number;
      open_step: string | null;
    }>(sql`
      SELECT p.id, p.given_names || ' ' || p.family_names AS name,
        (SELECT o.started_at FROM observations o
          WHERE o.teacher_id = p.id AND o.school_id = ${schoolId} AND o.status = 'submitted'
          ORDER BY o.started_at DESC LIMIT 1) AS last_visit_at,
        (SELECT count(*)::int FROM observations o
          WHERE o.teacher_id = p.id AND o.school_id = ${schoolId} AND o.status = 'submitted'
            AND o.started_at >= ${period.from.toISOString()}::timestamptz
            AND o.started_at < ${period.to.toISOString()}::timestamptz) AS visits,
        (SELECT a.title FROM action_steps a WHERE a.teacher_id = p.id AND a.status = 'open') AS open_step
      FROM memberships m JOIN persons p ON p.id = m.person_id
      WHERE m.school_id = ${schoolId} AND m.role = 'teacher' AND p.status <> 'disabled'
      ORDER BY p.family_names, p.given_names`),
    query<{
      id: string;
      teacher_name: string;
      observer_name: string;
      submitted_at: Date | string;
    }>(sql`
      SELECT o.id, t.given_names || ' ' || t.family_names AS teacher_name,
        w.given_names || ' ' || w.family_names AS observer_name, o.submitted_at
      FROM observations o
      JOIN persons t ON t.id = o.teacher_id
      JOIN persons w ON w.id = o.observer_id
      WHERE o.school_id = ${schoolId} AND o.status = 'submitted'
        AND o.submitted_at >= ${horizon}::timestamptz AND o.submitted_at < ${deadline}::timestamptz
        AND NOT EXISTS (SELECT 1 FROM feedback_meetings f WHERE f.observation_id = o.id)
      ORDER BY o.submitted_at
      LIMIT 200`),
    query<{
      id: string;
      name: string;
      visits: number;
      meetings: number;
      pending: number;
      late: number;
      drafts: number;
    }>(sql`
      WITH observers AS (
        SELECT m.person_id AS id FROM memberships m
          WHERE m.school_id = ${schoolId} AND m.role IN ('leader', 'mentor')
        UNION
        SELECT o.observer_id FROM observations o
          WHERE o.school_id = ${schoolId} AND o.started_at >= ${period.from.toISOString()}::timestamptz
      ),
      -- visits of the last MEETING_HORIZON_DAYS still waiting for their meeting, and those past the target
      awaiting AS (
        SELECT o.observer_id, count(*) AS pending,
          count(*) FILTER (WHERE o.submitted_at < ${deadline}::timestamptz) AS late
        FROM observations o
        WHERE o.school_id = ${schoolId} AND o.status = 'submitted' AND o.submitted_at >= ${horizon}::timestamptz
          AND NOT EXISTS (SELECT 1 FROM feedback_meetings f WHERE f.observation_id = o.id)
        GROUP BY o.observer_id
      )
      SELECT p.id, p.given_names || ' ' || p.family_names AS name,
        (SELECT count(*)::int FROM observations o WHERE o.observer_id = p.id AND o.school_id = ${schoolId}
          AND o.status = 'submitted' AND o.started_at >= ${period.from.toISOString()}::timestamptz
          AND o.started_at < ${period.to.toISOString()}::timestamptz) AS visits,
        (SELECT count(*)::int FROM feedback_meetings f WHERE f.observer_id = p.id AND f.school_id = ${schoolId}
          AND f.held_at >= ${period.from.toISOString()}::timestamptz
          AND f.held_at < ${period.to.toISOString()}::timestamptz) AS meetings,
        coalesce(aw.pending, 0)::int AS pending, coalesce(aw.late, 0)::int AS late,
        (SELECT count(*)::int FROM observations o WHERE o.observer_id = p.id AND o.school_id = ${schoolId}
          AND o.status = 'draft') AS drafts
      FROM observers JOIN persons p ON p.id = observers.id
      LEFT JOIN awaiting aw ON aw.observer_id = p.id
      WHERE p.status <> 'disabled'
      ORDER BY p.family_names, p.given_names`),
    query<{ held: number; late: number }>(sql`
      SELECT count(*)::int AS held,
        count(*) FILTER (WHERE f.held_at > o.submitted_at + make_interval(hours => ${settings.meetingWithinHours}))::int AS late
      FROM feedback_meetings f JOIN observations o ON o.id = f.observation_id
      WHERE f.school_id = ${schoolId} AND f.held_at >= ${period.from.toISOString()}::timestamptz
        AND f.held_at < ${period.to.toISOString()}::timestamptz`),
  ]);
  const teacherRows: TeacherCadence[] = teachers.map((t) => {
    const lastVisitAt = t.last_visit_at ? new Date(t.last_visit_at) : null;
    const dueAt = lastVisitAt ? new Date(lastVisitAt.getTime() + settings.visitEveryDays * DAY) : null;
    const daysOverdue = !dueAt
      ? null
      : dueAt < now
        ? Math.max(1, Math.floor((now.getTime() - dueAt.getTime()) / DAY))
        : null;
    return {
      id: t.id,
      name: t.name,
      lastVisitAt,
      dueAt,
      daysOverdue,
      visitsInPeriod: t.visits,
      openStep: t.open_step,
    };
  });
  const overdue = teacherRows
    .filter((t) => t.lastVisitAt === null || t.daysOverdue !== null)
    .sort((a, b) => {
      if (a.lastVisitAt === null && b.lastVisitAt === null) return a.name.localeCompare(b.name, "es");
      if (a.lastVisitAt === null) return -1;
      if (b.lastVisitAt === null) return 1;
      return (b.daysOverdue ?? 0) - (a.daysOverdue ?? 0);
    });
  return {
    teachers: teacherRows,
    overdue,
    upToDate: teacherRows.length - overdue.length,
    lateMeetings: late.map(
      (l): LateMeeting => ({
        observationId: l.id,
        teacherName: l.teacher_name,
        observerName: l.observer_name,
        submittedAt: new Date(l.submitted_at),
        dueAt: new Date(new Date(l.submitted_at).getTime() + settings.meetingWithinHours * 3_600_000),
      }),
    ),
    meetingsHeld: lateHeld[0]?.held ?? 0,
    meetingsHeldLate: lateHeld[0]?.late ?? 0,
    observers: load as ObserverLoad[],
  };
}

export interface DashboardQuery {
  from?: string | null;
  to?: string | null;
  instrumentId?: string | null;
}

export async function schoolDashboard(
  actor: Actor,
  schoolId: string,
  q: DashboardQuery,
  timeZone: string,
  now = new Date(),
) {
  const school = await schoolRow(schoolId);
  if (!school) throw new NotFoundError();
  authorize(actor, "read_observation_aggregates", "school", {
    organizationId: school.organizationId,
    schoolId,
  });
  const { period, invalid } = periodOf(q, timeZone, now);
  const source = await reportingDb();
  const figures = await cachedFigures(
    source,
    `school|${periodKey(period)}|${q.instrumentId ?? ""}|${await schoolsFingerprint(source, [schoolId])}`,
    now,
    async () => {
      const settings = await settingsOf(schoolId);
      const [cadence, coverage, onTask, levels, steps] = await Promise.all([
        schoolCadence(schoolId, settings, period, now),
        coverageSeries([schoolId], period),
        onTaskSeries([schoolId], period),
        levelDistribution([schoolId], period, q.instrumentId ?? null),
        stepsByCategory([schoolId], period),
      ]);
      return { settings, cadence, coverage, onTask, levels, steps };
    },
  );
  return {
    school: { id: school.id, name: school.name },
    period,
    periodInvalid: invalid,
    canConfigure: can(actor, "configure_observation", "school", {
      organizationId: school.organizationId,
      schoolId,
    }),
    ...figures,
  };
}

/** What of a period the figures depend on (its dates, their buckets and the time zone). */
const periodKey = (p: Period) => `${p.fromDate}|${p.toDate}|${p.bucket}|${p.timeZone}`;
export type SchoolDashboard = Awaited<ReturnType<typeof schoolDashboard>>;

// ---------------------------------------------------------------------------------------------------
// Network dashboard (coordinators: the schools they advise, and network totals)

export interface SchoolSummary {
  id: string;
  name: string;
  ive: number | null;
  teachers: number;
  upToDate: number;
  visits: number;
  lateMeetings: number;
  onTask: number | null;
  mastered: number;
}

async function schoolSummaries(schoolIds: readonly string[], period: Period, now: Date) {
  const from = period.from.toISOString();
  const to = period.to.toISOString();
  const horizon = new Date(now.getTime() - MEETING_HORIZON_DAYS * DAY).toISOString();
  const rows = await query<{
    id: string;
    name: string;
    ive: string | number | null;
    teachers: number;
    up_to_date: number;
    visits: number;
    late_meetings: number;
    on_task: number | null;
    present: number | null;
    mastered: number;
  }>(sql`
    SELECT s.id, s.name, s.ive,
      (SELECT count(*)::int FROM memberships m JOIN persons p ON p.id = m.person_id
        WHERE m.school_id = s.id AND m.role = 'teacher' AND p.status <> 'disabled') AS teachers,
      (SELECT count(DISTINCT o.teacher_id)::int FROM observations o
        JOIN memberships m ON m.person_id = o.teacher_id AND m.school_id = o.school_id AND m.role = 'teacher'
        WHERE o.school_id = s.id AND o.status = 'submitted'
          AND o.started_at >= ${now.toISOString()}::timestamptz - make_interval(days => coalesce(st.visit_every_days, 14))
          AND o.started_at <= ${now.toISOString()}::timestamptz) AS up_to_date,
      (SELECT count(*)::int FROM observations o WHERE o.school_id = s.id AND o.status = 'submitted'
        AND o.started_at >= ${from}::timestamptz AND o.started_at < ${to}::timestamptz) AS visits,
      (SELECT count(*)::int FROM observations o WHERE o.school_id = s.id AND o.status = 'submitted'
        AND o.submitted_at >= ${horizon}::timestamptz
        AND o.submitted_at < ${now.toISOString()}::timestamptz - make_interval(hours => coalesce(st.meeting_within_hours, 48))
        AND NOT EXISTS (SELECT 1 FROM feedback_meetings f WHERE f.observation_id = o.id)) AS late_meetings,
      tot.on_task, tot.present,
      (SELECT count(*)::int FROM action_steps a WHERE a.school_id = s.id AND a.status = 'mastered'
        AND a.closed_at >= ${from}::timestamptz AND a.closed_at < ${to}::timestamptz) AS mastered
    FROM schools s
    LEFT JOIN school_observation_settings st ON st.school_id = s.id
    LEFT JOIN LATERAL (
      SELECT sum(x.on_task)::int AS on_task, sum(x.present)::int AS present
      FROM observations o JOIN observation_snapshots x ON x.observation_id = o.id
      WHERE o.school_id = s.id AND o.status = 'submitted'
        AND o.started_at >= ${from}::timestamptz AND o.started_at < ${to}::timestamptz
    ) tot ON true
    WHERE s.id = ANY(${uuidArray(schoolIds)})
    ORDER BY s.name`);
  return rows.map(
    (r): SchoolSummary => ({
      id: r.id,
      name: r.name,
      ive: r.ive === null ? null : Number(r.ive),
      teachers: r.teachers,
      upToDate: r.up_to_date,
      visits: r.visits,
      lateMeetings: r.late_meetings,
      onTask: r.present ? (r.on_task ?? 0) / r.present : null,
      mastered: r.mastered,
    }),
  );
}

/** Network totals over every school of the organization: aggregates only. */
async function networkTotals(organizationId: string, period: Period, now: Date) {
  const [row] = await query<{
    schools: number;
    teachers: number;
    up_to_date: number;
    visits: number;
  }>(sql`
    SELECT
      (SELECT count(*)::int FROM schools s WHERE s.organization_id = ${organizationId}) AS schools,
      (SELECT count(*)::int FROM memberships m JOIN persons p ON p.id = m.person_id
        WHERE m.organization_id = ${organizationId} AND m.role = 'teacher' AND p.status <> 'disabled') AS teachers,
      (SELECT count(*)::int FROM (SELECT DISTINCT o.school_id, o.teacher_id FROM observations o
        LEFT JOIN school_observation_settings st ON st.school_id = o.school_id
        WHERE o.organization_id = ${organizationId} AND o.status = 'submitted'
          -- the longest interval of the organization's schools first: a range on observations_org_idx
          AND o.started_at >= ${now.toISOString()}::timestamptz - make_interval(days => (
            SELECT greatest(14, max(x.visit_every_days)) FROM school_observation_settings x
            WHERE x.organization_id = ${organizationId}))
          AND o.started_at >= ${now.toISOString()}::timestamptz - interval '120 days'
          AND o.started_at >= ${now.toISOString()}::timestamptz - make_interval(days => coalesce(st.visit_every_days, 14))
          AND o.started_at <= ${now.toISOString()}::timestamptz) d) AS up_to_date,
      (SELECT count(*)::int FROM observations o WHERE o.organization_id = ${organizationId}
        AND o.status = 'submitted' AND o.started_at >= ${period.from.toISOString()}::timestamptz
        AND o.started_at < ${period.to.toISOString()}::timestamptz) AS visits`);
  return {
    schools: row?.schools ?? 0,
    teachers: row?.teachers ?? 0,
    upToDate: row?.up_to_date ?? 0,
    visits: row?.visits ?? 0,
  };
}

export async function networkDashboard(actor: Actor, q: DashboardQuery, timeZone: string, now = new Date()) {
  authorize(actor, "read_observation_aggregates", "network", { organizationId: actor.organizationId });
  const schoolIds = [...actor.advisedSchoolIds];
  const { period, invalid } = periodOf(q, timeZone, now);
  const source = await reportingDb();
  const [schoolsKey, organizationKey] = await Promise.all([
    schoolsFingerprint(source, schoolIds),
    organizationFingerprint(source, actor.organizationId),
  ]);
  const [figures, totals] = await Promise.all([
    cachedFigures(
      source,
      `network|${periodKey(period)}|${q.instrumentId ?? ""}|${schoolsKey}`,
      now,
      async () => {
        const [schools, coverage, onTask, levels, steps] = await Promise.all([
          schoolIds.length ? schoolSummaries(schoolIds, period, now) : Promise.resolve([]),
          schoolIds.length ? coverageSeries(schoolIds, period) : Promise.resolve([]),
          schoolIds.length ? onTaskSeries(schoolIds, period) : Promise.resolve([]),
          schoolIds.length
            ? levelDistribution(schoolIds, period, q.instrumentId ?? null)
            : Promise.resolve({ instruments: [], instrumentId: null, indicators: [] } as LevelDistribution),
          schoolIds.length ? stepsByCategory(schoolIds, period) : Promise.resolve([]),
        ]);
        return { schools, coverage, onTask, levels, steps };
      },
    ),
    // every coordinator of the organization shares these
    cachedFigures(source, `totals|${periodKey(period)}|${organizationKey}`, now, () =>
      networkTotals(actor.organizationId, period, now),
    ),
  ]);
  return { period, periodInvalid: invalid, ...figures, totals };
}
export type NetworkDashboard = Awaited<ReturnType<typeof networkDashboard>>;
