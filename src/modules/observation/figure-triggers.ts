// The triggers that count changes for the dashboards' figures (figures-cache.ts): their one definition.
//
// Kept figures are keyed by per-school sums of school_figure_versions, whose rows statement-level
// triggers insert in the same transaction as every change the figures read. WATCHED lists each table
// the figures read, which schools a changed row counts in, and the columns the figures read of it;
// figureTriggersSql() writes every function and trigger from that list. An insert or a delete always
// counts; an update counts only for rows where one of those columns changed (compared as values, old
// rows against new), so writing a column no figure reads (a visit's course, a person's email, a
// meeting's notes, updated_at) leaves the figures kept.
//
// The SQL reaches a database only through committed migrations (db/migrations). A change here needs
// a new one:
//   npx drizzle-kit generate --custom --name <what_changed>      (empty 00NN_<what_changed>.sql + journal + snapshot)
//   node scripts/node24.mjs scripts/figure-triggers.ts db/migrations/00NN_<what_changed>.sql
// figure-triggers.test.ts fails while the newest migration written this way differs from
// figureTriggersSql(), when a later migration touches these triggers by hand, and when a migrated
// database holds other triggers than these; it also changes every column of these tables that is not
// listed and checks that neither the counters nor the dashboards move.
import { type Column, getTableName } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import { memberships, persons, schools } from "../people/schema";
import {
  actionSteps,
  feedbackMeetings,
  instruments,
  instrumentVersions,
  observationLevels,
  observationSnapshots,
  observations,
  schoolObservationSettings,
} from "./schema";

/** Which schools a row counts in: a query over `rows` (its alias `r`) giving school ids. */
interface CountsIn {
  /** the columns of the row the query reads (they must be among the watched columns) */
  uses: readonly string[];
  schools(rows: string): string;
}

const COUNTS_IN = {
  /** the row's own school */
  school: {
    uses: ["school_id"],
    schools: (rows) => `SELECT DISTINCT r.school_id FROM ${rows} r`,
  },
  /** a school row: itself */
  itself: {
    uses: ["id"],
    schools: (rows) => `SELECT r.id FROM ${rows} r`,
  },
  /** an action step: its school and every school where its teacher is a member (an open step shows
   * wherever the teacher teaches) */
  stepAndTeacherSchools: {
    uses: ["school_id", "teacher_id"],
    schools: (rows) =>
      [
        `SELECT r.school_id FROM ${rows} r`,
        "UNION",
        "SELECT m.school_id FROM memberships m",
        `WHERE m.person_id IN (SELECT r.teacher_id FROM ${rows} r) AND m.school_id IS NOT NULL`,
      ].join("\n"),
  },
  /** a part of a visit (levels, snapshots): the visit's school, once the visit is submitted */
  submittedVisit: {
    uses: ["observation_id"],
    schools: (rows) =>
      [
        "SELECT DISTINCT o.school_id FROM observations o",
        `WHERE o.status = 'submitted' AND o.id IN (SELECT r.observation_id FROM ${rows} r)`,
      ].join("\n"),
  },
  /** a person: the schools where they are a member, have observed or were observed */
  personSchools: {
    uses: ["id"],
    schools: (rows) =>
      [
        "SELECT m.school_id FROM memberships m",
        `WHERE m.person_id IN (SELECT r.id FROM ${rows} r) AND m.school_id IS NOT NULL`,
        "UNION",
        `SELECT v.school_id FROM observations v WHERE v.observer_id IN (SELECT r.id FROM ${rows} r)`,
        "UNION",
        `SELECT v.school_id FROM observations v WHERE v.teacher_id IN (SELECT r.id FROM ${rows} r)`,
      ].join("\n"),
  },
  /** instruments and their versions (names, indicator titles): every school of the organization */
  organizationSchools: {
    uses: ["organization_id"],
    schools: (rows) =>
      `SELECT s.id FROM schools s WHERE s.organization_id IN (SELECT r.organization_id FROM ${rows} r)`,
  },
} satisfies Record<string, CountsIn>;

export type FigureEvent = "insert" | "update" | "delete";

export interface WatchedTable {
  table: string;
  /** what the table holds for the figures, written above its function */
  note: string;
  countsIn: keyof typeof COUNTS_IN;
  on: readonly FigureEvent[];
  /** the columns the dashboards' figures read (SQL names, in the order given) */
  reads: readonly string[];
}

/** One watched table; `reads` names the table's own Drizzle columns, so a typo does not compile. */
function watch<T extends PgTable>(
  table: T,
  countsIn: keyof typeof COUNTS_IN,
  on: readonly FigureEvent[],
  reads: (t: T) => Column[],
  note: string,
): WatchedTable {
  return { table: getTableName(table), note, countsIn, on, reads: reads(table).map((c) => c.name) };
}

const EVERY_CHANGE: readonly FigureEvent[] = ["insert", "update", "delete"];

/**
 * The tables the dashboards' figures read (dashboards.ts, dashboard-series.ts, settingsOf in
 * cadence-settings.ts) and, for each, exactly the columns they read. A query that starts reading
 * another column must add it here (and a migration): figure-triggers.test.ts changes every column
 * not listed and fails when a dashboard shows it.
 */
export const WATCHED: readonly WatchedTable[] = [
  watch(
    observations,
    "school",
    EVERY_CHANGE,
    (t) => [
      t.id,
      t.organizationId,
      t.schoolId,
      t.teacherId,
      t.observerId,
      t.instrumentVersionId,
      t.status,
      t.startedAt,
      t.submittedAt,
    ],
    "visits; drafts count in their observer's load only, and a draft's autosave (course, subject, purpose, focus, proposed step) counts nothing",
  ),
  watch(
    observationLevels,
    "submittedVisit",
    EVERY_CHANGE,
    (t) => [t.observationId, t.indicatorKey, t.level],
    "a visit's levels, once the visit is submitted",
  ),
  watch(
    observationSnapshots,
    "submittedVisit",
    EVERY_CHANGE,
    (t) => [t.observationId, t.onTask, t.present],
    "a visit's time-on-task snapshots, once the visit is submitted",
  ),
  watch(
    feedbackMeetings,
    "school",
    EVERY_CHANGE,
    (t) => [t.observationId, t.schoolId, t.observerId, t.heldAt],
    "feedback meetings: held, late, per observer (their texts are no figure)",
  ),
  watch(
    actionSteps,
    "stepAndTeacherSchools",
    EVERY_CHANGE,
    (t) => [t.schoolId, t.teacherId, t.category, t.title, t.status, t.openedAt, t.closedAt],
    "action steps opened and mastered per category, and each teacher's open step",
  ),
  watch(
    memberships,
    "school",
    EVERY_CHANGE,
    (t) => [t.organizationId, t.personId, t.schoolId, t.role, t.createdAt],
    "who teaches and observes in a school, and since when",
  ),
  watch(
    schoolObservationSettings,
    "school",
    EVERY_CHANGE,
    (t) => [t.schoolId, t.organizationId, t.visitEveryDays, t.meetingWithinHours, t.defaultPurpose],
    "a school's cadence targets",
  ),
  watch(
    persons,
    "personSchools",
    ["update"],
    (t) => [t.id, t.givenNames, t.familyNames, t.status],
    "people's names and status; a new person is in no school until a membership (counted) names them, and a deleted one takes their memberships along",
  ),
  watch(
    schools,
    "itself",
    ["update"],
    (t) => [t.id, t.organizationId, t.name, t.ive],
    "a school's own name and IVE; a new or deleted school changes its organization's count of schools, part of the network totals' key",
  ),
  watch(
    instruments,
    "organizationSchools",
    EVERY_CHANGE,
    (t) => [t.id, t.organizationId, t.name],
    "instruments' names",
  ),
  watch(
    instrumentVersions,
    "organizationSchools",
    EVERY_CHANGE,
    (t) => [t.id, t.organizationId, t.instrumentId, t.version, t.status, t.content],
    "which instrument a visit used, and the indicators' titles",
  ),
];

/** The trigger function of a watched table. */
export const functionOf = (w: WatchedTable) => `${w.table}_figures_changed`;
/** The name of a watched table's trigger for one event. */
export const triggerOf = (w: WatchedTable, event: FigureEvent) => `${w.table}_figures_${event}`;

/** The first line of every migration written by figureTriggersSql(). */
export const GENERATED_MARKER =
  "-- Written by figureTriggersSql() in src/modules/observation/figure-triggers.ts: do not edit.";

const BREAK = "\n--> statement-breakpoint\n";
const indent = (text: string, spaces: number) =>
  text
    .split("\n")
    .map((line) => " ".repeat(spaces) + line)
    .join("\n");

/** The rows an update changed, old and new, as far as the listed columns see them. */
function changedRows(columns: string): string {
  return [
    `WITH new_read AS (SELECT ${columns} FROM new_rows),`,
    `  old_read AS (SELECT ${columns} FROM old_rows),`,
    "  changed AS (",
    "    (SELECT * FROM new_read EXCEPT ALL SELECT * FROM old_read)",
    "    UNION ALL",
    "    (SELECT * FROM old_read EXCEPT ALL SELECT * FROM new_read))",
  ].join("\n");
}

/** The body of the function of one watched table. */
export function functionBody(w: WatchedTable): string {
  const countsIn: CountsIn = COUNTS_IN[w.countsIn];
  const missing = countsIn.uses.filter((c) => !w.reads.includes(c));
  if (missing.length)
    throw new Error(`${w.table}: ${w.countsIn} reads ${missing.join(", ")}, which must be watched too`);
  const branches = w.on.map((event) => {
    const query =
      event === "insert"
        ? countsIn.schools("new_rows")
        : event === "delete"
          ? countsIn.schools("old_rows")
          : `${changedRows(w.reads.join(", "))}\n${countsIn.schools("changed")}`;
    return `TG_OP = '${event.toUpperCase()}' THEN\n    PERFORM bump_school_figures(ARRAY(\n${indent(query, 6)}));`;
  });
  return [
    "",
    "BEGIN",
    "  IF figure_versions_skipped() THEN",
    "    RETURN NULL;",
    "  END IF;",
    `  IF ${branches.join("\n  ELSIF ")}`,
    "  END IF;",
    "  RETURN NULL;",
    "END ",
  ].join("\n");
}

function functionSql(w: WatchedTable): string {
  const comment = `-- ${w.table}: ${w.note}`;
  return `${comment}\nCREATE FUNCTION ${functionOf(w)}() RETURNS trigger LANGUAGE plpgsql AS $$${functionBody(w)}$$;`;
}

function triggerSql(w: WatchedTable, event: FigureEvent): string {
  const tables = {
    insert: "REFERENCING NEW TABLE AS new_rows",
    update: "REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows",
    delete: "REFERENCING OLD TABLE AS old_rows",
  }[event];
  return [
    `CREATE TRIGGER ${triggerOf(w, event)} AFTER ${event.toUpperCase()} ON "${w.table}" ${tables}`,
    `  FOR EACH STATEMENT EXECUTE FUNCTION ${functionOf(w)}();`,
  ].join("\n");
}

// Whatever an earlier migration made (0006 had one function per kind of table) goes first: every
// trigger that calls a *_figures_changed function of this schema, then those functions.
const DROP_PREVIOUS = String.raw`-- The triggers and functions of earlier migrations go first, whatever their names.
DO $$
DECLARE
  previous record;
BEGIN
  FOR previous IN
    SELECT t.tgname, t.tgrelid::regclass AS rel
    FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid JOIN pg_namespace n ON n.oid = p.pronamespace
    WHERE NOT t.tgisinternal AND n.nspname = current_schema() AND p.proname LIKE '%\_figures\_changed'
  LOOP
    EXECUTE format('DROP TRIGGER %I ON %s', previous.tgname, previous.rel);
  END LOOP;
  FOR previous IN
    SELECT p.oid::regprocedure AS fn
    FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
    WHERE n.nspname = current_schema() AND p.proname LIKE '%\_figures\_changed'
  LOOP
    EXECUTE format('DROP FUNCTION %s', previous.fn);
  END LOOP;
END $$;`;

// What every trigger function calls (first made by migration 0006, unchanged).
const SHARED = [
  `-- A bulk load or a restore sets impulso.skip_figure_versions = 'on' to copy rows as they are.
CREATE OR REPLACE FUNCTION figure_versions_skipped() RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT coalesce(current_setting('impulso.skip_figure_versions', true), '') = 'on'
$$;`,
  `-- Counts a change in each of the given schools (those that exist): one row per school, inserted,
-- never updated, so writers take no shared lock and cannot deadlock on it. A school's fingerprint is
-- the sum of its rows' n, which grows with every committed change whatever the order of commits;
-- housekeeping folds a school's rows into one with the same sum.
CREATE OR REPLACE FUNCTION bump_school_figures(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF ids IS NULL OR cardinality(ids) = 0 THEN
    RETURN;
  END IF;
  INSERT INTO school_figure_versions (school_id, n)
  SELECT s.id, 1 FROM schools s WHERE s.id = ANY(ids);
END $$;`,
];

/** The SQL of a migration that replaces every change-counting trigger with those WATCHED lists. */
export function figureTriggersSql(watched: readonly WatchedTable[] = WATCHED): string {
  const statements = [
    `${GENERATED_MARKER}\n${DROP_PREVIOUS}`,
    ...SHARED,
    ...watched.map(functionSql),
    ...watched.flatMap((w) => w.on.map((event) => triggerSql(w, event))),
  ];
  return `${statements.join(BREAK)}\n`;
}
