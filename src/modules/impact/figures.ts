// The impact figures (issue #18), each as written in docs/architecture.md ("Impact") and on the page
// (impact.definition.*). Set-based SQL over the whole organization, kept between requests
// (cachedImpactFigures) under a key made of the filters and fingerprints of everything they read:
//   - visits, snapshots, feedback meetings and schools' IVE: organizationFingerprint (the observation
//     module's triggers count every change in school_figure_versions);
//   - course and mentor certificates: how many, how many revoked, the latest issue and revocation;
//   - advisories, mentor tracks and candidacies, courses' programs, schools' IVE and dependencia: a
//     digest of the columns read (few rows per organization);
//   - registrations' country and region: read through the certificates (a certificate's registration
//     is not edited after the certificate is issued); the region's fallback, a person's school, is
//     in memberships, which the observation triggers count.
// Any change of those shows on the next request; while nothing changes, the figures are kept (no
// figure depends on the clock).
import { createHash } from "node:crypto";
import { type SQL, sql } from "drizzle-orm";
import { type Db, type DbOrTx, rowsOf } from "../../platform/db/client";
import { reportingDb } from "../../platform/db/replica";
import { organizationFingerprint } from "../observation/figures-cache";
import { DEPENDENCIAS, type Dependencia } from "../people/schema";
import { IVE_BAND_NAMES, type IveBand, iveBandOf, REGION_ORDER } from "../people/schools";
import { REGIONS } from "../people/territory";
import { IMPACT_TIME_ZONE } from "./content";

/** Inclusive calendar days (Chile's time); null: open. */
export interface ImpactPeriod {
  from: string | null;
  to: string | null;
}

export interface ImpactScope extends ImpactPeriod {
  organizationId: string;
  /** null: every program */
  programId: string | null;
}

export interface SchoolTimeOnTask {
  schoolId: string;
  school: string;
  /** share of students on task (0–1) in the baseline cycles and in the latest cycles */
  baseline: number;
  latest: number;
  /** latest − baseline, in share points (0.05 = 5 percentage points) */
  change: number;
  /** teachers whose cycles count (at least three cycles) */
  teachers: number;
}

export interface ImpactFigures {
  teachersTrained: number;
  trainingHours: number;
  /** countries by ISO code, people trained in each (most first) */
  countries: Array<{ country: string; people: number }>;
  /** Chilean regions (short names), people trained in each (north to south) */
  regions: Array<{ region: string; people: number }>;
  mentorsCertified: number;
  schoolsAdvised: number;
  schoolsByIve: Array<{ band: IveBand; schools: number }>;
  schoolsByDependencia: Array<{ dependencia: Dependencia; schools: number }>;
  cyclesCompleted: number;
  timeOnTask: SchoolTimeOnTask[];
  /** the median of the schools' changes; null when no school has one */
  timeOnTaskMedianChange: number | null;
}

const OPEN_FROM = "1900-01-01";
const OPEN_TO = "2999-12-31";

/** The period's instants: [from 00:00, the day after `to` 00:00) in Chile's time. */
function bounds(period: ImpactPeriod) {
  const from = period.from ?? OPEN_FROM;
  const to = period.to ?? OPEN_TO;
  return {
    fromDay: from,
    toDay: to,
    fromTs: sql`(${from}::date::timestamp AT TIME ZONE ${IMPACT_TIME_ZONE})`,
    toTs: sql`((${to}::date + 1)::timestamp AT TIME ZONE ${IMPACT_TIME_ZONE})`,
  };
}

/** An advisory that counts: under way or done (a planned one has not happened), overlapping the days. */
const advisoryOverlaps = (fromDay: SQL, toDay: SQL) =>
  sql`a.status IN ('active','closed') AND a.starts_on <= ${toDay}
    AND coalesce(a.ends_on, (a.closed_at AT TIME ZONE ${IMPACT_TIME_ZONE})::date, ${OPEN_TO}::date) >= ${fromDay}`;

const regionByName = new Map(REGIONS.map((r) => [r.shortName, r]));
const regionByCode = new Map(REGIONS.map((r) => [r.code, r]));

/** Computes every figure (no cache, no authorization: see impactFigures). */
export async function computeImpactFigures(source: Db, scope: ImpactScope): Promise<ImpactFigures> {
  // one connection, with room to sort the meetings in memory (the time-on-task window)
  return source.transaction(async (tx) => {
    await tx.execute(sql`SET LOCAL work_mem = '64MB'`);
    return computeIn(tx, scope);
  });
}

async function computeIn(tx: DbOrTx, scope: ImpactScope): Promise<ImpactFigures> {
  const { organizationId: org, programId } = scope;
  const b = bounds(scope);
  const fromDay = sql`${b.fromDay}::date`;
  const toDay = sql`${b.toDay}::date`;
  const courseProgram = programId
    ? sql`AND EXISTS (SELECT 1 FROM cohorts k JOIN courses co ON co.id = k.course_id
        WHERE k.id = c.cohort_id AND co.program_id = ${programId})`
    : sql``;

  const trainedQuery = rowsOf<{
    person: string;
    country: string;
    region: string;
    school_region: string | null;
    hours: number;
  }>(
    tx,
    // A person is their account: a certificate without one (a registration made without signing in)
    // counts as the account with its address, if there is one, so nobody is counted twice.
    sql`SELECT coalesce(c.person_id::text,
          (SELECT p.id::text FROM persons p WHERE p.organization_id = c.organization_id
            AND p.email = lower(r.email) LIMIT 1),
          lower(r.email), c.id::text) AS person,
        coalesce(r.country, '') AS country, coalesce(r.region, '') AS region,
        CASE WHEN coalesce(r.region, '') = '' AND coalesce(r.country, 'CL') = 'CL' THEN
          (SELECT s.region_code FROM memberships m JOIN schools s ON s.id = m.school_id
            WHERE m.person_id = coalesce(c.person_id, r.person_id)
            ORDER BY (m.role = 'teacher') DESC, m.created_at, s.id LIMIT 1) END AS school_region,
        c.hours
      FROM certificates c LEFT JOIN registrations r ON r.id = c.registration_id
      WHERE c.organization_id = ${org} AND c.kind = 'course' AND c.revoked_at IS NULL
        AND c.issued_at >= ${b.fromTs} AND c.issued_at < ${b.toTs} ${courseProgram}`,
  );

  const trackProgram = programId ? sql`AND t.program_id = ${programId}` : sql``;
  const mentorsQuery = rowsOf<{ mentors: number }>(
    tx,
    sql`SELECT count(DISTINCT x.person)::int AS mentors FROM (
        SELECT mc.person_id AS person FROM mentor_candidacies mc
          JOIN mentor_tracks t ON t.id = mc.track_id
          LEFT JOIN certificates c ON c.id = mc.certificate_id
        WHERE mc.organization_id = ${org} AND mc.certified_at IS NOT NULL
          AND mc.certified_at >= ${b.fromTs} AND mc.certified_at < ${b.toTs}
          AND (c.id IS NULL OR c.revoked_at IS NULL) ${trackProgram}
        UNION
        SELECT c.person_id FROM certificates c
        WHERE c.organization_id = ${org} AND c.kind = 'mentor' AND c.revoked_at IS NULL
          AND c.person_id IS NOT NULL AND c.issued_at >= ${b.fromTs} AND c.issued_at < ${b.toTs}
          ${
            programId
              ? sql`AND EXISTS (SELECT 1 FROM mentor_candidacies mc JOIN mentor_tracks t ON t.id = mc.track_id
                  WHERE mc.certificate_id = c.id AND t.program_id = ${programId})`
              : sql``
          }
      ) x`,
  );

  const advisoryProgram = programId ? sql`AND a.program_id = ${programId}` : sql``;
  const advisedQuery = rowsOf<{ id: string; ive: number | string | null; dependencia: Dependencia }>(
    tx,
    sql`SELECT s.id, s.ive, s.dependencia FROM schools s
      WHERE s.organization_id = ${org} AND EXISTS (SELECT 1 FROM advisories a
        WHERE a.school_id = s.id AND a.organization_id = ${org}
          AND ${advisoryOverlaps(fromDay, toDay)} ${advisoryProgram})`,
  );

  // By program: the meetings held in a school while an advisory of the program was under way there.
  const heldDay = sql`(m.held_at AT TIME ZONE ${IMPACT_TIME_ZONE})::date`;
  const cyclesQuery = rowsOf<{ cycles: number }>(
    tx,
    sql`SELECT count(*)::int AS cycles FROM feedback_meetings m
      WHERE m.organization_id = ${org} AND m.held_at >= ${b.fromTs} AND m.held_at < ${b.toTs}
        ${
          programId
            ? sql`AND EXISTS (SELECT 1 FROM advisories a WHERE a.school_id = m.school_id
                AND ${advisoryOverlaps(heldDay, heldDay)} ${advisoryProgram})`
            : sql``
        }`,
  );

  // Time on task. A teacher's k-th cycle in a school is their k-th feedback meeting there (by when it
  // was held; a meeting is always of a submitted visit), counting every meeting held before the
  // period's end. Teachers with at least 3 cycles whose latest meeting falls in the period count:
  // their 1st and 2nd cycles are the school's baseline, their latest cycle the school's latest. A
  // school's share is students on task over students present, summed over every snapshot of those
  // visits. By program: the schools with an advisory of the program during the period. One window over
  // the meetings alone (four narrow columns), sorted in memory (work_mem below).
  const onTaskQuery = rowsOf<{
    school_id: string;
    school: string;
    baseline: number | string;
    latest: number | string;
    teachers: number;
  }>(
    tx,
    sql`WITH cycles AS (
        SELECT m.observation_id, m.school_id, m.teacher_id,
          row_number() OVER w AS k, count(*) OVER w AS n, max(m.held_at) OVER w AS last_held
        FROM feedback_meetings m
        WHERE m.organization_id = ${org} AND m.held_at < ${b.toTs}
          ${
            programId
              ? sql`AND m.school_id IN (SELECT a.school_id FROM advisories a WHERE a.organization_id = ${org}
                  AND ${advisoryOverlaps(fromDay, toDay)} ${advisoryProgram})`
              : sql``
          }
        WINDOW w AS (PARTITION BY m.school_id, m.teacher_id ORDER BY m.held_at, m.observation_id
          ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)
      ), chosen AS (
        SELECT observation_id, school_id, teacher_id, k <= 2 AS baseline FROM cycles
        WHERE n >= 3 AND last_held >= ${b.fromTs} AND (k <= 2 OR k = n)
      ), per_teacher AS (
        SELECT ch.school_id, ch.teacher_id, ch.baseline, sum(s.on_task) AS on_task, sum(s.present) AS present
        FROM chosen ch JOIN observation_snapshots s ON s.observation_id = ch.observation_id
        GROUP BY ch.school_id, ch.teacher_id, ch.baseline
      ), shares AS (
        -- the same teachers on both sides: a teacher whose latest (or first two) cycles have no
        -- snapshot of time on task is left out of both
        SELECT p.school_id, p.baseline, sum(p.on_task)::float8 / nullif(sum(p.present), 0) AS share,
          count(*)::int AS teachers
        FROM per_teacher p
        WHERE EXISTS (SELECT 1 FROM per_teacher o WHERE o.school_id = p.school_id
          AND o.teacher_id = p.teacher_id AND o.baseline <> p.baseline)
        GROUP BY p.school_id, p.baseline
      )
      SELECT sc.id AS school_id, sc.name AS school, b.share AS baseline, l.share AS latest, l.teachers
      FROM shares b JOIN shares l ON l.school_id = b.school_id AND NOT l.baseline
        JOIN schools sc ON sc.id = b.school_id
      WHERE b.baseline AND b.share IS NOT NULL AND l.share IS NOT NULL
      ORDER BY sc.name, sc.id`,
  );

  const [trained, [mentors], advised, [cycles], onTask] = await Promise.all([
    trainedQuery,
    mentorsQuery,
    advisedQuery,
    cyclesQuery,
    onTaskQuery,
  ]);

  const people = new Set<string>();
  let hours = 0;
  const countries = new Map<string, Set<string>>();
  const regions = new Map<string, Set<string>>();
  for (const row of trained) {
    people.add(row.person);
    hours += Number(row.hours);
    const country = row.country || (row.school_region ? "CL" : "");
    if (country) {
      const set = countries.get(country) ?? new Set<string>();
      set.add(row.person);
      countries.set(country, set);
    }
    const region =
      country === "CL"
        ? (regionByName.get(row.region)?.code ??
          (row.school_region ? regionByCode.get(row.school_region)?.code : undefined))
        : undefined;
    if (region) {
      const set = regions.get(region) ?? new Set<string>();
      set.add(row.person);
      regions.set(region, set);
    }
  }

  const byIve = new Map<IveBand, number>();
  const byDependencia = new Map<Dependencia, number>();
  for (const s of advised) {
    const band = iveBandOf(s.ive === null ? null : Number(s.ive));
    byIve.set(band, (byIve.get(band) ?? 0) + 1);
    byDependencia.set(s.dependencia, (byDependencia.get(s.dependencia) ?? 0) + 1);
  }

  const timeOnTask = onTask.map((r) => {
    const baseline = Number(r.baseline);
    const latest = Number(r.latest);
    return {
      schoolId: r.school_id,
      school: r.school,
      baseline,
      latest,
      change: latest - baseline,
      teachers: r.teachers,
    };
  });

  return {
    teachersTrained: people.size,
    trainingHours: hours,
    countries: [...countries]
      .map(([country, set]) => ({ country, people: set.size }))
      .sort((a, b) => b.people - a.people || a.country.localeCompare(b.country)),
    regions: REGION_ORDER.filter((code) => regions.has(code)).map((code) => ({
      region: regionByCode.get(code)?.shortName ?? code,
      people: regions.get(code)?.size ?? 0,
    })),
    mentorsCertified: mentors?.mentors ?? 0,
    schoolsAdvised: advised.length,
    schoolsByIve: IVE_BAND_NAMES.map((band) => ({ band, schools: byIve.get(band) ?? 0 })),
    schoolsByDependencia: DEPENDENCIAS.map((dependencia) => ({
      dependencia,
      schools: byDependencia.get(dependencia) ?? 0,
    })),
    cyclesCompleted: cycles?.cycles ?? 0,
    timeOnTask,
    timeOnTaskMedianChange: median(timeOnTask.map((s) => s.change)),
  };
}

/**
 * Who reads a school's own time on task (product.md, "school aggregates"): a coordinator reads those of
 * the schools they advise, and network totals (the median, the bins) of all. In the funder report,
 * which leaves the organization, a school is listed only when its figure rests on at least
 * MIN_TEACHERS_LISTED teachers (fewer would be a classroom's), and the network's median only when it
 * rests on at least MIN_SCHOOLS_FOR_MEDIAN schools (a median of fewer is one school's own figure).
 */
export const MIN_TEACHERS_LISTED = 5;
export const MIN_SCHOOLS_FOR_MEDIAN = 5;
export function schoolsReadBy(
  figures: ImpactFigures,
  advisedSchoolIds: ReadonlySet<string>,
  minTeachers = 0,
): SchoolTimeOnTask[] {
  return figures.timeOnTask.filter((s) => advisedSchoolIds.has(s.schoolId) && s.teachers >= minTeachers);
}
/** The median as published outside the organization (the public summary, the funder report). */
export function publishedMedian(figures: ImpactFigures): number | null {
  return figures.timeOnTask.length >= MIN_SCHOOLS_FOR_MEDIAN ? figures.timeOnTaskMedianChange : null;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * A fingerprint of what the figures read besides the observation system's own (organizationFingerprint):
 * certificates by count and latest issue/revocation, and a digest of the small tables' columns read.
 */
export async function impactFingerprint(source: Db, organizationId: string): Promise<string> {
  const [row] = await rowsOf<Record<string, string | null>>(
    source,
    sql`SELECT
      (SELECT count(*) || ':' || count(revoked_at) || ':' || coalesce(max(issued_at)::text, '') || ':' ||
          coalesce(max(revoked_at)::text, '')
        FROM certificates WHERE organization_id = ${organizationId}) AS certificates,
      (SELECT md5(coalesce(string_agg(id::text || ':' || status || ':' || starts_on::text || ':' ||
          coalesce(ends_on::text, '') || ':' || coalesce(closed_at::text, '') || ':' || school_id::text || ':' ||
          coalesce(program_id::text, ''), ',' ORDER BY id), ''))
        FROM advisories WHERE organization_id = ${organizationId}) AS advisories,
      (SELECT md5(coalesce(string_agg(id::text || ':' || track_id::text || ':' || person_id::text || ':' ||
          coalesce(certified_at::text, '') || ':' || coalesce(certificate_id::text, ''), ',' ORDER BY id), ''))
        FROM mentor_candidacies WHERE organization_id = ${organizationId}) AS candidacies,
      (SELECT md5(coalesce(string_agg(id::text || ':' || coalesce(program_id::text, ''), ',' ORDER BY id), ''))
        FROM mentor_tracks WHERE organization_id = ${organizationId}) AS tracks,
      (SELECT md5(coalesce(string_agg(id::text || ':' || coalesce(program_id::text, ''), ',' ORDER BY id), ''))
        FROM courses WHERE organization_id = ${organizationId}) AS courses,
      (SELECT md5(coalesce(string_agg(id::text || ':' || dependencia || ':' || coalesce(ive::text, '') || ':' ||
          region_code, ',' ORDER BY id), ''))
        FROM schools WHERE organization_id = ${organizationId}) AS schools`,
  );
  return createHash("sha256")
    .update(JSON.stringify(row ?? {}))
    .digest("base64url");
}

/** Figures kept per database (primary or replica): a few hundred scopes. */
const MAX_KEPT = 300;
const kept = new WeakMap<object, Map<string, Promise<ImpactFigures>>>();
const keptCounters = { hits: 0, misses: 0 };

/** How many lookups found their figures and how many computed them (tests, the benchmark). */
export function impactCacheStats(): { hits: number; misses: number } {
  return { ...keptCounters };
}

/**
 * The figures for a scope, kept between requests (authorize before calling). Unlike the dashboards'
 * figures, none depends on the clock (a period is days, not "the last 30 days"), and everything they
 * read is in the key's fingerprints: kept figures are given until the data changes, never recomputed
 * on a timer (a recomputation over 1,000,000 visits takes seconds). Two requests for the same figures
 * at once share one computation; a failed one is not kept.
 */
export async function cachedImpactFigures(scope: ImpactScope): Promise<ImpactFigures> {
  const source = await reportingDb();
  const [observation, impact] = await Promise.all([
    organizationFingerprint(source, scope.organizationId),
    impactFingerprint(source, scope.organizationId),
  ]);
  const key = `${scope.organizationId}|${scope.from ?? ""}|${scope.to ?? ""}|${scope.programId ?? ""}|${observation}|${impact}`;
  let cache = kept.get(source);
  if (!cache) {
    cache = new Map();
    kept.set(source, cache);
  }
  const entries = cache;
  const found = entries.get(key);
  if (found) {
    keptCounters.hits++;
    // the most recently used last: the first key is the one to drop
    entries.delete(key);
    entries.set(key, found);
    return found;
  }
  keptCounters.misses++;
  const figures = computeImpactFigures(source, scope);
  entries.set(key, figures);
  figures.catch(() => {
    if (entries.get(key) === figures) entries.delete(key);
  });
  while (entries.size > MAX_KEPT) {
    const oldest = entries.keys().next().value;
    if (oldest === undefined) break;
    entries.delete(oldest);
  }
  return figures;
}
