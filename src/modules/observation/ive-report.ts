// The check of ratings against school IVE (issue #3, item 8): the average level per indicator given in
// submitted visits in schools of high and of low IVE, shown only where enough visits and schools
// stand behind a figure. Coordinators only (policy.ts, "read_ive_report").
import { and, desc, eq, isNotNull, sql } from "drizzle-orm";
import { reportingDb } from "../../platform/db/replica";
import { type Actor, authorize } from "../../platform/policy";
import { IVE_BANDS, schools } from "../people";
import { scorableInstruments, scoredIndicators } from "./calibration";
import { instrumentVersions, observationLevels, observations } from "./schema";

/** High IVE: the people module's "alto" band and above (IVE ≥ 80 %); below it, low IVE. */
export const HIGH_IVE_MIN: number = IVE_BANDS.find((b) => b.band === "alto")?.min ?? 80;
/** An IVE figure is shown only when it rests on at least this many visits… */
export const IVE_MIN_VISITS = 5;
/** …in at least this many schools (fewer would be one school's aggregate, not the network's). */
export const IVE_MIN_SCHOOLS = 2;
interface IveFigure {
  /** average level, null when hidden (fewer than IVE_MIN_VISITS visits or IVE_MIN_SCHOOLS schools) */
  mean: number | null;
  visits: number;
  schools: number;
}

/**
 * For one instrument of the organization (the first when none is asked for): the average level per
 * indicator given in submitted visits in schools of high IVE (≥ HIGH_IVE_MIN) and of low IVE, with
 * the visits and schools behind each figure. Schools without IVE are left out (and counted).
 */
export async function iveReport(actor: Actor, instrumentId?: string | null) {
  authorize(actor, "read_ive_report", "calibration", { organizationId: actor.organizationId });
  const reporting = await reportingDb();
  const instrumentRows = (await scorableInstruments(actor.organizationId)).map((i) => ({
    id: i.id,
    name: i.name,
  }));
  const rule = { highIveMin: HIGH_IVE_MIN, minVisits: IVE_MIN_VISITS, minSchools: IVE_MIN_SCHOOLS };
  const chosen = instrumentRows.find((i) => i.id === instrumentId) ?? instrumentRows[0];
  if (!chosen)
    return { instruments: instrumentRows, instrument: null, rows: [], unobserved: [], totals: null, rule };

  // Titles and order from the versions (keys are stable; the latest wording wins).
  const versions = await reporting
    .select({ content: instrumentVersions.content })
    .from(instrumentVersions)
    .where(and(eq(instrumentVersions.instrumentId, chosen.id), eq(instrumentVersions.status, "published")))
    .orderBy(desc(instrumentVersions.version));
  const titles = new Map<string, string>();
  for (const v of versions) {
    for (const i of scoredIndicators(v.content)) if (!titles.has(i.key)) titles.set(i.key, i.title);
  }

  // A constant, written into the SQL so that the same expression groups and selects.
  const band = sql<
    "high" | "low" | "none"
  >`CASE WHEN ${schools.ive} IS NULL THEN 'none' WHEN ${schools.ive} >= ${sql.raw(String(Number(HIGH_IVE_MIN)))} THEN 'high' ELSE 'low' END`;
  const scope = and(
    eq(observations.organizationId, actor.organizationId),
    eq(observations.status, "submitted"),
    eq(instrumentVersions.instrumentId, chosen.id),
  );
  const [figures, totals] = await Promise.all([
    reporting
      .select({
        key: observationLevels.indicatorKey,
        band,
        mean: sql<number>`avg(${observationLevels.level})::float`,
        visits: sql<number>`count(DISTINCT ${observations.id})::int`,
        schools: sql<number>`count(DISTINCT ${observations.schoolId})::int`,
      })
      .from(observationLevels)
      .innerJoin(observations, eq(observations.id, observationLevels.observationId))
      .innerJoin(instrumentVersions, eq(instrumentVersions.id, observations.instrumentVersionId))
      .innerJoin(schools, eq(schools.id, observations.schoolId))
      .where(and(scope, isNotNull(schools.ive)))
      .groupBy(observationLevels.indicatorKey, band),
    reporting
      .select({
        band,
        visits: sql<number>`count(DISTINCT ${observations.id})::int`,
        schools: sql<number>`count(DISTINCT ${observations.schoolId})::int`,
      })
      .from(observations)
      .innerJoin(instrumentVersions, eq(instrumentVersions.id, observations.instrumentVersionId))
      .innerJoin(schools, eq(schools.id, observations.schoolId))
      .where(scope)
      .groupBy(band),
  ]);
  const figure = (key: string, which: "high" | "low"): IveFigure => {
    const found = figures.find((f) => f.key === key && f.band === which);
    if (!found) return { mean: null, visits: 0, schools: 0 };
    const shown = found.visits >= IVE_MIN_VISITS && found.schools >= IVE_MIN_SCHOOLS;
    return { mean: shown ? Number(found.mean) : null, visits: found.visits, schools: found.schools };
  };
  const keys = [...titles.keys(), ...new Set(figures.map((f) => f.key).filter((k) => !titles.has(k)))];
  const rows = keys.map((key) => {
    const high = figure(key, "high");
    const low = figure(key, "low");
    return {
      key,
      title: titles.get(key) ?? key,
      high,
      low,
      difference: high.mean !== null && low.mean !== null ? high.mean - low.mean : null,
    };
  });
  const observed = rows.filter((r) => r.high.visits + r.low.visits > 0);
  const total = (which: "high" | "low" | "none") => {
    const found = totals.find((t) => t.band === which);
    return { visits: found?.visits ?? 0, schools: found?.schools ?? 0 };
  };
  return {
    instruments: instrumentRows,
    instrument: chosen,
    rows: observed,
    /** indicators of the instrument without any level given in visits to schools with IVE */
    unobserved: rows.filter((r) => !observed.includes(r)).map((r) => r.title),
    totals: { high: total("high"), low: total("low"), none: total("none") },
    rule,
  };
}
