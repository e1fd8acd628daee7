// The series the school and network dashboards share (and the teacher's development page reads):
// coverage, time on task, levels per indicator and action steps by category, each one SQL statement
// over a period bucketed by week or month in the viewer's time zone. They read the streaming replica
// when there is one (src/platform/db/replica.ts), and the primary when the replica is behind the
// person's last write.
import { type SQL, sql } from "drizzle-orm";
import { rowsOf, uuidArray } from "../../platform/db/client";
import { reportingDb } from "../../platform/db/replica";
import { ACTION_STEP_CATEGORIES, type ActionStepCategory, type InstrumentContent, LEVELS } from "./content";
import type { Period } from "./dashboard-periods";

/** Rows of a dashboard statement, from the database reports read. */
export const query = async <T>(statement: SQL): Promise<T[]> => rowsOf<T>(await reportingDb(), statement);

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

export async function coverageSeries(schoolIds: readonly string[], period: Period): Promise<CoveragePoint[]> {
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

export async function onTaskSeries(schoolIds: readonly string[], period: Period): Promise<OnTaskPoint[]> {
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
