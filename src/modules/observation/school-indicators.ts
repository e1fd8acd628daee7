// A school's observation-system indicators month by month from a given day (issue #18: an advisory's
// page shows them since the advisory began): coverage against the school's cadence target, feedback
// meetings on time, action steps mastered and time on task. The series are the dashboards' own
// (dashboard-series.ts) over a period bucketed by month; meetings on time and steps mastered per month
// are counted here. Read by whoever may read the school's aggregates (the policy's
// school:read_observation_aggregates: its leaders and the coordinators who advise it).
import { sql } from "drizzle-orm";
import { reportingDb } from "../../platform/db/replica";
import { NotFoundError } from "../../platform/errors";
import { type Actor, authorize } from "../../platform/policy";
import { instantFromLocal, localParts } from "../../platform/time";
import { schoolRow, settingsOf } from "./cadence-settings";
import type { Period } from "./dashboard-periods";
import { coverageSeries, onTaskSeries, overallOnTask, query } from "./dashboard-series";
import { cachedFigures, schoolsFingerprint } from "./figures-cache";

/** The most months shown: the latest ones of a longer span. */
export const INDICATOR_MONTHS_MAX = 60;

export interface MonthIndicators {
  /** the month's first local day ("2026-09-01") */
  month: string;
  /** teachers of the school, and those with a visit within the cadence target at the month's end */
  teachers: number;
  covered: number;
  coverage: number | null;
  /** visits submitted in the month whose meeting was due by now, and those met within the target */
  meetingsDue: number;
  meetingsOnTime: number;
  onTime: number | null;
  /** action steps marked mastered in the month */
  mastered: number;
  /** students on task over students present in the month's snapshots */
  onTask: number | null;
  onTaskVisits: number;
}

export interface SchoolIndicators {
  /** the first and last local days covered ("2026-03-02", today or the end asked for) */
  fromDate: string;
  toDate: string;
  visitEveryDays: number;
  meetingWithinHours: number;
  months: MonthIndicators[];
  totals: {
    meetingsDue: number;
    meetingsOnTime: number;
    onTime: number | null;
    mastered: number;
    onTask: number | null;
  };
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function firstOfMonthsBefore(date: string, months: number): string {
  const [y, m] = date.split("-").map(Number) as [number, number];
  const index = y * 12 + (m - 1) - months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}-01`;
}

function nextDay(date: string): string {
  return new Date(new Date(`${date}T12:00:00Z`).getTime() + 86_400_000).toISOString().slice(0, 10);
}

/**
 * The school's indicators by month from the month of `fromDate` to `toDate` (local days, inclusive;
 * `toDate` null or later than today: today). Null when the span has not begun yet. Refused (NotFoundError) unless the
 * actor may read the school's aggregates.
 */
export async function schoolIndicatorsSince(
  actor: Actor,
  schoolId: string,
  span: { fromDate: string; toDate?: string | null },
  timeZone: string,
  now = new Date(),
): Promise<SchoolIndicators | null> {
  const school = await schoolRow(schoolId);
  if (!school) throw new NotFoundError();
  authorize(actor, "read_observation_aggregates", "school", {
    organizationId: school.organizationId,
    schoolId,
  });
  if (!DAY.test(span.fromDate)) return null;
  const today = localParts(now, timeZone).date;
  const toDate = span.toDate && DAY.test(span.toDate) && span.toDate < today ? span.toDate : today;
  if (span.fromDate > toDate) return null;
  // whole months, from the first of the month of fromDate (the series count whole months), and the
  // latest INDICATOR_MONTHS_MAX of them for a longer span
  const earliest = firstOfMonthsBefore(toDate, INDICATOR_MONTHS_MAX - 1);
  const startMonth = `${span.fromDate.slice(0, 7)}-01`;
  const fromDate = startMonth < earliest ? earliest : startMonth;
  const from = instantFromLocal(fromDate, "00:00", timeZone);
  const to = instantFromLocal(nextDay(toDate), "00:00", timeZone);
  if (!from || !to || to <= from) return null;
  const period: Period = { fromDate, toDate, from, to, bucket: "month", timeZone };
  const source = await reportingDb();
  return cachedFigures(
    source,
    `indicators|${fromDate}|${toDate}|${timeZone}|${await schoolsFingerprint(source, [schoolId])}`,
    now,
    async () => {
      const settings = await settingsOf(schoolId);
      const [coverage, onTask, meetings, mastered] = await Promise.all([
        coverageSeries([schoolId], period),
        onTaskSeries([schoolId], period),
        meetingsOnTimeByMonth(schoolId, period, settings.meetingWithinHours, now),
        masteredByMonth(schoolId, period),
      ]);
      const months = coverage.map((c): MonthIndicators => {
        const m = meetings.get(c.bucket) ?? { due: 0, onTime: 0 };
        const t = onTask.find((p) => p.bucket === c.bucket);
        return {
          month: c.bucket,
          teachers: c.teachers,
          covered: c.covered,
          coverage: c.share,
          meetingsDue: m.due,
          meetingsOnTime: m.onTime,
          onTime: m.due > 0 ? m.onTime / m.due : null,
          mastered: mastered.get(c.bucket) ?? 0,
          onTask: t?.share ?? null,
          onTaskVisits: t?.visits ?? 0,
        };
      });
      const due = months.reduce((s, m) => s + m.meetingsDue, 0);
      const onTime = months.reduce((s, m) => s + m.meetingsOnTime, 0);
      return {
        fromDate,
        toDate,
        visitEveryDays: settings.visitEveryDays,
        meetingWithinHours: settings.meetingWithinHours,
        months,
        totals: {
          meetingsDue: due,
          meetingsOnTime: onTime,
          onTime: due > 0 ? onTime / due : null,
          mastered: months.reduce((s, m) => s + m.mastered, 0),
          onTask: overallOnTask(onTask),
        },
      };
    },
  );
}

/**
 * Per month (of the visit's submission): the school's submitted visits whose meeting was due by `now`
 * (submitted at least `hours` ago), and those whose feedback meeting was held within `hours`.
 */
async function meetingsOnTimeByMonth(schoolId: string, period: Period, hours: number, now: Date) {
  const rows = await query<{ month: string; due: number; on_time: number }>(sql`
    SELECT to_char(date_trunc('month', o.submitted_at AT TIME ZONE ${period.timeZone}), 'YYYY-MM-DD') AS month,
      count(*)::int AS due,
      count(*) FILTER (WHERE EXISTS (SELECT 1 FROM feedback_meetings f WHERE f.observation_id = o.id
        AND f.held_at <= o.submitted_at + make_interval(hours => ${hours})))::int AS on_time
    FROM observations o
    WHERE o.school_id = ${schoolId} AND o.status = 'submitted'
      AND o.submitted_at >= ${period.from.toISOString()}::timestamptz
      AND o.submitted_at < ${period.to.toISOString()}::timestamptz
      AND o.submitted_at <= ${now.toISOString()}::timestamptz - make_interval(hours => ${hours})
    GROUP BY 1`);
  return new Map(rows.map((r) => [r.month, { due: r.due, onTime: r.on_time }]));
}

/** Per month: the school's action steps marked mastered then. */
async function masteredByMonth(schoolId: string, period: Period) {
  const rows = await query<{ month: string; n: number }>(sql`
    SELECT to_char(date_trunc('month', a.closed_at AT TIME ZONE ${period.timeZone}), 'YYYY-MM-DD') AS month,
      count(*)::int AS n
    FROM action_steps a
    WHERE a.school_id = ${schoolId} AND a.status = 'mastered'
      AND a.closed_at >= ${period.from.toISOString()}::timestamptz
      AND a.closed_at < ${period.to.toISOString()}::timestamptz
    GROUP BY 1`);
  return new Map(rows.map((r) => [r.month, r.n]));
}
