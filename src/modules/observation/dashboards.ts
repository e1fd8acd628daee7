// Cadence and dashboards: what a school's leadership team and the coordinators who advise it see of
// the observation system. Figures are computed in PostgreSQL over a period, bucketed by week or month
// in the viewer's time zone, for one school or for the schools a coordinator advises.
import { eq, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import { audit } from "../../platform/audit/audit";
import { type Db, db, rowsOf, uuidArray } from "../../platform/db/client";
import { reportingDb } from "../../platform/db/replica";
import { type FieldErrors, NotFoundError, ValidationError } from "../../platform/errors";
import { isUuid } from "../../platform/ids";
import { type Actor, authorize, can } from "../../platform/policy";
import { instantFromLocal, localParts } from "../../platform/time";
import { schools } from "../people";
import {
  ACTION_STEP_CATEGORIES,
  type ActionStepCategory,
  type InstrumentContent,
  LEVELS,
  PURPOSES,
  type Purpose,
} from "./content";
import { cachedFigures, organizationFingerprint, schoolsFingerprint } from "./figures-cache";
import { schoolObservationSettings } from "./schema";

// ---------------------------------------------------------------------------------------------------
// Period

export type Bucket = "week" | "month";
export interface Period {
  /** the first and last local dates, inclusive ("2026-09-01") */
  fromDate: string;
  toDate: string;
  from: Date;
  /** exclusive end: the start of the day after toDate */
  to: Date;
  bucket: Bucket;
  timeZone: string;
}

/** The default period: the last 12 weeks up to today. */
export const DEFAULT_PERIOD_DAYS = 84;
/** The longest period a dashboard covers (two school years). */
export const MAX_PERIOD_DAYS = 731;
/** Periods longer than this are bucketed by month. */
const WEEKLY_UP_TO_DAYS = 26 * 7;

const DAY = 86_400_000;

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  if (Number.isNaN(d.getTime())) return "";
  return new Date(d.getTime() + days * DAY).toISOString().slice(0, 10);
}

/**
 * The period asked for in the query string (desde/hasta, local dates), or the default one. A period
 * that cannot be read falls back to the default and says so (`invalid`), so that a link with a typo
 * still shows a dashboard.
 */
export function periodOf(
  query: { from?: string | null; to?: string | null },
  timeZone: string,
  now = new Date(),
): { period: Period; invalid: boolean } {
  const today = localParts(now, timeZone).date;
  const make = (fromDate: string, toDate: string): Period | null => {
    const from = instantFromLocal(fromDate, "00:00", timeZone);
    const to = instantFromLocal(addDays(toDate, 1), "00:00", timeZone);
    if (!from || !to || to <= from) return null;
    const days = Math.round((to.getTime() - from.getTime()) / DAY);
    if (days > MAX_PERIOD_DAYS) return null;
    return { fromDate, toDate, from, to, bucket: days > WEEKLY_UP_TO_DAYS ? "month" : "week", timeZone };
  };
  const fallback = make(addDays(today, -(DEFAULT_PERIOD_DAYS - 1)), today) as Period;
  if (!query.from && !query.to) return { period: fallback, invalid: false };
  const asked = make(query.from || fallback.fromDate, query.to || today);
  return asked ? { period: asked, invalid: false } : { period: fallback, invalid: true };
}

// ---------------------------------------------------------------------------------------------------
// Settings (cadence targets)

export interface CadenceSettings {
  visitEveryDays: number;
  meetingWithinHours: number;
  defaultPurpose: Purpose;
}
export const DEFAULT_SETTINGS: CadenceSettings = {
  visitEveryDays: 14,
  meetingWithinHours: 48,
  defaultPurpose: "formativa",
};

async function schoolRow(schoolId: string) {
  if (!isUuid(schoolId)) return null;
  const [row] = await db()
    .select({ id: schools.id, organizationId: schools.organizationId, name: schools.name, ive: schools.ive })
    .from(schools)
    .where(eq(schools.id, schoolId));
  return row ?? null;
}

/** Read from the replica for the dashboards; the settings form reads the primary (what it will save over). */
async function settingsOf(
  schoolId: string,
  source: Db | Promise<Db> = reportingDb(),
): Promise<CadenceSettings> {
  const [row] = await (await source)
    .select({
      visitEveryDays: schoolObservationSettings.visitEveryDays,
      meetingWithinHours: schoolObservationSettings.meetingWithinHours,
      defaultPurpose: schoolObservationSettings.defaultPurpose,
    })
    .from(schoolObservationSettings)
    .where(eq(schoolObservationSettings.schoolId, schoolId));
  return row ?? DEFAULT_SETTINGS;
}

export async function getCadenceSettings(actor: Actor, schoolId: string) {
  const school = await schoolRow(schoolId);
  if (!school) throw new NotFoundError();
  authorize(actor, "configure_observation", "school", { organizationId: school.organizationId, schoolId });
  return { school: { id: school.id, name: school.name }, settings: await settingsOf(schoolId, db()) };
}

const integerField = (min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d{1,4}$/)
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

const settingsInput = z.object({
  visitEveryDays: integerField(1, 120),
  meetingWithinHours: integerField(1, 336),
  defaultPurpose: z.enum(PURPOSES),
});
const SETTINGS_ERRORS: FieldErrors = {
  visitEveryDays: "observation.cadence.error.visit_every_days",
  meetingWithinHours: "observation.cadence.error.meeting_within_hours",
  defaultPurpose: "observation.cadence.error.purpose",
};

export async function saveCadenceSettings(
  actor: Actor,
  schoolId: string,
  input: Record<string, FormDataEntryValue | null | undefined>,
) {
  const school = await schoolRow(schoolId);
  if (!school) throw new NotFoundError();
  authorize(actor, "configure_observation", "school", { organizationId: school.organizationId, schoolId });
  const parsed = settingsInput.safeParse({
    visitEveryDays: typeof input.visitEveryDays === "string" ? input.visitEveryDays : "",
    meetingWithinHours: typeof input.meetingWithinHours === "string" ? input.meetingWithinHours : "",
    defaultPurpose: input.defaultPurpose,
  });
  if (!parsed.success) {
    const fieldErrors: FieldErrors = {};
    for (const issue of parsed.error.issues)
      fieldErrors[String(issue.path[0])] ??= SETTINGS_ERRORS[String(issue.path[0])];
    throw new ValidationError(fieldErrors);
  }
  const values = parsed.data;
  await db().transaction(async (tx) => {
    await tx
      .insert(schoolObservationSettings)
      .values({ schoolId, organizationId: school.organizationId, ...values, updatedAt: new Date() })
      .onConflictDoUpdate({
        target: schoolObservationSettings.schoolId,
        set: { ...values, updatedAt: new Date() },
      });
    await audit(
      actor,
      { action: "observation.settings_updated", subjectType: "school", subjectId: schoolId, details: values },
      tx,
    );
  });
  return values;
}

// ---------------------------------------------------------------------------------------------------
// Queries shared by the school and network dashboards. They read the streaming replica when there is
// one (src/platform/db/replica.ts), and the primary when the replica is behind the person's last write.

const query = async <T>(statement: SQL): Promise<T[]> => rowsOf<T>(await reportingDb(), statement);

export interface CoveragePoint {
  /** the bucket's first local date */
  bucket: string;
  teachers: number;
  /** teachers with a submitted visit within their school's target interval at the bucket's end */
  covered: number;
  share: number | null;
  visits: number;
  meetings: number;
}

/**
 * Buckets of the period as local start dates with their instants. A teacher counts in a bucket's
 * coverage from the day they joined the school, or from their first visit there when that came
 * first (rosters are often imported after the visits began).
 */
function bucketsSql(period: Period) {
  const step = period.bucket === "week" ? "1 week" : "1 month";
  return sql`
    SELECT b::date AS bucket,
      (b AT TIME ZONE ${period.timeZone}) AS start_at,
      least((b + ${step}::interval) AT TIME ZONE ${period.timeZone}, ${period.to.toISOString()}::timestamptz) AS end_at
    FROM generate_series(
      date_trunc(${period.bucket}, ${period.from.toISOString()}::timestamptz AT TIME ZONE ${period.timeZone}),
      (${period.to.toISOString()}::timestamptz AT TIME ZONE ${period.timeZone}) - interval '1 second',
      ${step}::interval) AS b`;
}

/**
 * Each school of the list with its visit interval (days), for range scans on
 * observations_school_idx (school_id, status, started_at) bounded by the school's own interval.
 */
function schoolIntervalsSql(schoolIds: readonly string[]) {
  return sql`
    SELECT sid AS school_id, coalesce(st.visit_every_days, 14) AS days
    FROM unnest(${uuidArray(schoolIds)}) AS sid
    LEFT JOIN school_observation_settings st ON st.school_id = sid`;
}

async function coverageSeries(schoolIds: readonly string[], period: Period): Promise<CoveragePoint[]> {
  const ids = uuidArray(schoolIds);
  // Read once (MATERIALIZED), then counted per bucket: the schools' teachers, grouped by the instant
  // they start to count (joining or their first visit there, whichever came first; any instant before
  // the first bucket's end counts in every bucket, so those are one group); and the visits that can
  // cover a bucket, those of each school from its own interval before the first bucket's end on (a
  // range on observations_school_idx per school).
  const rows = await query<{
    bucket: string;
    teachers: number;
    covered: number | null;
    visits: number;
    meetings: number;
  }>(sql`
    WITH buckets AS MATERIALIZED (${bucketsSql(period)}),
    first_end AS MATERIALIZED (SELECT min(end_at) AS at FROM buckets),
    intervals AS MATERIALIZED (${schoolIntervalsSql(schoolIds)}),
    members AS MATERIALIZED (
      SELECT m.person_id, m.school_id, m.created_at FROM memberships m
      WHERE m.role = 'teacher' AND m.school_id = ANY(${ids})),
    teachers AS MATERIALIZED (
      SELECT CASE WHEN t.since < (SELECT at FROM first_end) THEN '-infinity'::timestamptz ELSE t.since END AS since,
        count(*)::int AS n
      FROM (
        SELECT CASE WHEN m.created_at < (SELECT at FROM first_end) THEN m.created_at
          ELSE least(m.created_at, (SELECT min(o.started_at) FROM observations o
            WHERE o.teacher_id = m.person_id AND o.school_id = m.school_id AND o.status = 'submitted'))
          END AS since
        FROM members m
        WHERE (SELECT p.status FROM persons p WHERE p.id = m.person_id) <> 'disabled') t
      GROUP BY 1),
    recent AS MATERIALIZED (
      SELECT o.school_id, o.teacher_id, o.started_at
      FROM intervals i
      CROSS JOIN LATERAL (
        SELECT o.school_id, o.teacher_id, o.started_at FROM observations o
        WHERE o.school_id = i.school_id AND o.status = 'submitted'
          AND o.started_at >= (SELECT at FROM first_end) - make_interval(days => i.days)
          AND o.started_at < ${period.to.toISOString()}::timestamptz
        OFFSET 0) o), -- a range per school: without the fence the planner starts from the teachers
    -- each school's interval before each bucket's end
    windows AS MATERIALIZED (
      SELECT bk.bucket, i.school_id, bk.end_at - make_interval(days => i.days) AS from_at, bk.end_at AS to_at
      FROM buckets bk CROSS JOIN intervals i),
    covered AS (
      SELECT c.bucket, count(*)::int AS covered FROM (
        SELECT DISTINCT w.bucket, r.school_id, r.teacher_id
        FROM windows w
        JOIN recent r ON r.school_id = w.school_id AND r.started_at >= w.from_at AND r.started_at < w.to_at
        WHERE EXISTS (SELECT 1 FROM members m WHERE m.person_id = r.teacher_id AND m.school_id = r.school_id)) c
      GROUP BY c.bucket)
    SELECT to_char(bk.bucket, 'YYYY-MM-DD') AS bucket,
      (SELECT coalesce(sum(t.n), 0)::int FROM teachers t WHERE t.since < bk.end_at) AS teachers,
      c.covered,
      (SELECT count(*)::int FROM observations o
        WHERE o.school_id = ANY(${ids}) AND o.status = 'submitted'
          AND o.started_at >= bk.start_at AND o.started_at < bk.end_at) AS visits,
      (SELECT count(*)::int FROM feedback_meetings f
        WHERE f.school_id = ANY(${ids}) AND f.held_at >= bk.start_at AND f.held_at < bk.end_at) AS meetings
    FROM buckets bk LEFT JOIN covered c ON c.bucket = bk.bucket
    ORDER BY bk.bucket`);
  return rows.map((r) => ({
    ...r,
    covered: r.covered ?? 0,
    share: r.teachers > 0 ? Math.min(1, (r.covered ?? 0) / r.teachers) : null,
  }));
}

export interface OnTaskPoint {
  bucket: string;
  visits: number;
  share: number | null;
  /** students on task and present, summed over the bucket's snapshots */
  onTask: number;
  present: number;
}

/** Time on task over a whole series: students on task over students present. */
export function overallOnTask(points: readonly OnTaskPoint[]): number | null {
  const present = points.reduce((sum, p) => sum + p.present, 0);
  return present > 0 ? points.reduce((sum, p) => sum + p.onTask, 0) / present : null;
}

async function onTaskSeries(schoolIds: readonly string[], period: Period): Promise<OnTaskPoint[]> {
  // Each visit of the buckets' span (a range on observations_school_idx) with its snapshots summed,
  // grouped by the local bucket it falls in (the same dates generate_series gives the buckets).
  const rows = await query<{
    bucket: string;
    visits: number | null;
    on_task: number | null;
    present: number | null;
  }>(sql`
    WITH buckets AS MATERIALIZED (${bucketsSql(period)}),
    visits AS (
      SELECT date_trunc(${period.bucket}, o.started_at AT TIME ZONE ${period.timeZone})::date AS bucket,
        count(*)::int AS visits, sum(x.on_task)::int AS on_task, sum(x.present)::int AS present
      FROM observations o
      CROSS JOIN LATERAL (
        SELECT sum(s.on_task) AS on_task, sum(s.present) AS present, count(*) AS n
        FROM observation_snapshots s WHERE s.observation_id = o.id) x
      WHERE o.school_id = ANY(${uuidArray(schoolIds)}) AND o.status = 'submitted'
        AND o.started_at >= (SELECT min(start_at) FROM buckets)
        AND o.started_at < ${period.to.toISOString()}::timestamptz
        AND x.n > 0
      GROUP BY 1)
    SELECT to_char(bk.bucket, 'YYYY-MM-DD') AS bucket, v.visits, v.on_task, v.present
    FROM buckets bk LEFT JOIN visits v ON v.bucket = bk.bucket
    ORDER BY bk.bucket`);
  return rows.map((r) => ({
    bucket: r.bucket,
    visits: r.visits ?? 0,
    share: r.present ? (r.on_task ?? 0) / r.present : null,
    onTask: r.on_task ?? 0,
    present: r.present ?? 0,
  }));
}

export interface IndicatorLevels {
  key: string;
  title: string;
  mbeStandard: number | null;
  /** counts for levels 1..4 */
  counts: [number, number, number, number];
  total: number;
  /** the mean level, 1..4 */
  mean: number | null;
}
export interface LevelDistribution {
  instruments: Array<{ id: string; name: string; scored: number }>;
  instrumentId: string | null;
  indicators: IndicatorLevels[];
}

export async function levelDistribution(
  schoolIds: readonly string[],
  period: Period,
  wantedInstrumentId: string | null,
  teacherId?: string,
): Promise<LevelDistribution> {
  const inPeriod = sql`o.school_id = ANY(${uuidArray(schoolIds)}) AND o.status = 'submitted'
    ${teacherId ? sql`AND o.teacher_id = ${teacherId}` : sql``}
    AND o.started_at >= ${period.from.toISOString()}::timestamptz AND o.started_at < ${period.to.toISOString()}::timestamptz`;
  // One pass over the scored visits of the period: per instrument, its scored visits (the rows whose
  // key is null) and its counts per indicator and level.
  const grouped = await query<{
    id: string;
    name: string;
    key: string | null;
    level: number | null;
    visits: number;
    n: number;
  }>(sql`
    SELECT i.id, i.name, l.indicator_key AS key, l.level::int AS level,
      count(DISTINCT o.id)::int AS visits, count(*)::int AS n
    FROM observations o
    JOIN instrument_versions v ON v.id = o.instrument_version_id
    JOIN instruments i ON i.id = v.instrument_id
    -- each visit's levels through the primary key (a hash join would read the whole table)
    CROSS JOIN LATERAL (
      SELECT x.indicator_key, x.level FROM observation_levels x WHERE x.observation_id = o.id OFFSET 0) l
    WHERE ${inPeriod}
    GROUP BY GROUPING SETS ((i.id, i.name), (i.id, i.name, l.indicator_key, l.level))`);
  // Instruments with scored visits in the period, the most used first.
  const used = grouped
    .filter((g) => g.key === null)
    .map((g) => ({ id: g.id, name: g.name, scored: g.visits }))
    .sort((a, b) => b.scored - a.scored || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const instrumentId = used.find((u) => u.id === wantedInstrumentId)?.id ?? used[0]?.id ?? null;
  if (!instrumentId) return { instruments: used, instrumentId: null, indicators: [] };
  const counts = grouped.filter((g) => g.id === instrumentId && g.key !== null) as Array<{
    key: string;
    level: number;
    n: number;
  }>;
  // Titles come from the newest version that has the indicator: keys are stable across versions.
  const versions = await query<{ content: InstrumentContent }>(sql`
    SELECT content FROM instrument_versions WHERE instrument_id = ${instrumentId}
    ORDER BY (status = 'published') DESC, version DESC`);
  const byKey = new Map<string, IndicatorLevels>();
  const order: string[] = [];
  for (const version of versions) {
    for (const section of version.content.sections) {
      for (const indicator of section.indicators) {
        if (indicator.kind !== "scored" || byKey.has(indicator.key)) continue;
        byKey.set(indicator.key, {
          key: indicator.key,
          title: indicator.title,
          mbeStandard: indicator.mbeStandard ?? null,
          counts: [0, 0, 0, 0],
          total: 0,
          mean: null,
        });
        order.push(indicator.key);
      }
    }
  }
  for (const c of counts) {
    const entry = byKey.get(c.key);
    if (!entry || c.level < 1 || c.level > LEVELS.length) continue;
    entry.counts[c.level - 1] += c.n;
    entry.total += c.n;
  }
  const indicators = order
    .map((key) => byKey.get(key) as IndicatorLevels)
    .filter((entry) => entry.total > 0)
    .map((entry) => ({
      ...entry,
      mean: entry.counts.reduce((sum, n, i) => sum + n * (i + 1), 0) / entry.total,
    }));
  return { instruments: used, instrumentId, indicators };
}

export interface StepsByCategory {
  category: ActionStepCategory | "written";
  opened: number;
  mastered: number;
}

export async function stepsByCategory(
  schoolIds: readonly string[],
  period: Period,
  teacherId?: string,
): Promise<StepsByCategory[]> {
  const rows = await query<{ category: string | null; opened: number; mastered: number }>(sql`
    SELECT a.category,
      count(*) FILTER (WHERE a.opened_at >= ${period.from.toISOString()}::timestamptz
        AND a.opened_at < ${period.to.toISOString()}::timestamptz)::int AS opened,
      count(*) FILTER (WHERE a.status = 'mastered' AND a.closed_at >= ${period.from.toISOString()}::timestamptz
        AND a.closed_at < ${period.to.toISOString()}::timestamptz)::int AS mastered
    FROM action_steps a
    WHERE a.school_id = ANY(${uuidArray(schoolIds)}) ${teacherId ? sql`AND a.teacher_id = ${teacherId}` : sql``}
      AND (a.opened_at < ${period.to.toISOString()}::timestamptz)
      AND (a.closed_at IS NULL OR a.closed_at >= ${period.from.toISOString()}::timestamptz
        OR a.opened_at >= ${period.from.toISOString()}::timestamptz)
    GROUP BY a.category`);
  const known = new Set<string>(ACTION_STEP_CATEGORIES);
  return [...ACTION_STEP_CATEGORIES, "written" as const].map((category) => {
    const matching = rows.filter((r) =>
      category === "written" ? !r.category || !known.has(r.category) : r.category === category,
    );
    return {
      category,
      opened: matching.reduce((s, r) => s + r.opened, 0),
      mastered: matching.reduce((s, r) => s + r.mastered, 0),
    };
  });
}

// ---------------------------------------------------------------------------------------------------
// School dashboard

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

// ---------------------------------------------------------------------------------------------------
// Visits of a school in a period, one row each: what the exports carry besides the figures.

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
