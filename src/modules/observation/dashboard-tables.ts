// The dashboards' figures as tables, in the reader's language: what the CSV, XLSX and PDF files carry.

import type { Translate } from "../../messages";
import { csvOf, type Table, xlsxOf } from "../../platform/export";
import { formatDate, formatDateTime, formatDay } from "../../platform/i18n/format";
import type { Locale } from "../../platform/i18n/i18n";
import type { Actor } from "../../platform/policy";
import { LEVELS } from "./content";
import { schoolVisitsForExport, type VisitExportRow } from "./dashboard-exports";
import {
  type DashboardQuery,
  type NetworkDashboard,
  networkDashboard,
  type SchoolDashboard,
  schoolDashboard,
} from "./dashboards";

export interface Reader {
  t: Translate;
  locale: Locale;
  timeZone: string;
}

type Series = Pick<SchoolDashboard, "coverage" | "onTask" | "levels" | "steps">;

function seriesTables(d: Series, { t }: Reader): Table[] {
  const levelNames = LEVELS.map((l) => t(`observation.level.${l}`));
  return [
    {
      title: t("dashboard.coverage.title"),
      columns: [
        t("dashboard.col.from"),
        t("dashboard.col.teachers"),
        t("dashboard.col.covered"),
        t("dashboard.col.coverage"),
        t("dashboard.col.visits"),
        t("dashboard.col.meetings"),
      ],
      rows: d.coverage.map((c) => [
        formatDay(c.bucket),
        c.teachers,
        c.covered,
        c.share,
        c.visits,
        c.meetings,
      ]),
      percentColumns: [3],
    },
    {
      title: t("dashboard.on_task.title"),
      columns: [
        t("dashboard.col.from"),
        t("dashboard.col.visits_with_snapshots"),
        t("dashboard.col.on_task"),
      ],
      rows: d.onTask.map((p) => [formatDay(p.bucket), p.visits, p.share]),
      percentColumns: [2],
    },
    {
      title: t("dashboard.levels.title"),
      columns: [
        t("dashboard.col.standard"),
        t("dashboard.col.indicator"),
        ...levelNames,
        t("dashboard.col.total"),
        t("dashboard.col.mean"),
      ],
      rows: d.levels.indicators.map((i) => [
        i.mbeStandard,
        i.title,
        ...i.counts,
        i.total,
        i.mean === null ? null : Math.round(i.mean * 100) / 100,
      ]),
    },
    {
      title: t("dashboard.steps.title"),
      columns: [t("dashboard.col.category"), t("dashboard.steps.opened"), t("dashboard.steps.mastered")],
      rows: d.steps.map((s) => [t(`observation.category.${s.category}`), s.opened, s.mastered]),
    },
  ];
}

export function schoolVisitsTable(visits: VisitExportRow[], { t, locale, timeZone }: Reader): Table {
  return {
    title: t("dashboard.sheet.visits"),
    columns: [
      t("dashboard.col.date"),
      t("dashboard.col.teacher"),
      t("dashboard.col.observer"),
      t("dashboard.col.course"),
      t("dashboard.col.subject"),
      t("dashboard.col.purpose"),
      t("dashboard.col.instrument"),
      t("dashboard.col.on_task"),
      t("dashboard.col.previous_step"),
      t("dashboard.col.meeting"),
      t("dashboard.col.meeting_late"),
      t("dashboard.col.action_step"),
    ],
    rows: visits.map((v) => [
      formatDateTime(v.startedAt, locale, timeZone),
      v.teacherName,
      v.observerName,
      v.course,
      v.subject,
      t(`observation.purpose.${v.purpose}`),
      t("dashboard.instrument_version", { name: v.instrument, version: v.version }),
      v.onTask,
      v.focusResult ? t(`dashboard.focus_result.${v.focusResult}`) : "",
      v.meetingAt ? formatDateTime(v.meetingAt, locale, timeZone) : "",
      v.meetingAt ? t(v.meetingLate ? "dashboard.yes" : "dashboard.no") : "",
      v.actionStep ?? "",
    ]),
    percentColumns: [7],
  };
}

export function schoolTables(d: SchoolDashboard, visits: VisitExportRow[], reader: Reader): Table[] {
  const { t, locale, timeZone } = reader;
  return [
    schoolVisitsTable(visits, reader),
    {
      title: t("dashboard.sheet.teachers"),
      columns: [
        t("dashboard.col.teacher"),
        t("dashboard.col.last_visit"),
        t("dashboard.col.due"),
        t("dashboard.col.days_overdue"),
        t("dashboard.col.visits_in_period"),
        t("dashboard.col.open_step"),
      ],
      rows: d.cadence.teachers.map((x) => [
        x.name,
        x.lastVisitAt ? formatDate(x.lastVisitAt, locale, timeZone) : t("dashboard.cadence.never"),
        x.dueAt ? formatDate(x.dueAt, locale, timeZone) : "",
        x.daysOverdue,
        x.visitsInPeriod,
        x.openStep ?? "",
      ]),
    },
    {
      title: t("dashboard.sheet.observers"),
      columns: [
        t("dashboard.col.observer"),
        t("dashboard.col.visits"),
        t("dashboard.col.meetings"),
        t("dashboard.col.pending"),
        t("dashboard.col.late"),
        t("dashboard.col.drafts"),
      ],
      rows: d.cadence.observers.map((o) => [o.name, o.visits, o.meetings, o.pending, o.late, o.drafts]),
    },
    ...seriesTables(d, reader),
  ];
}

export function networkSchoolsTable(d: NetworkDashboard, { t }: Reader): Table {
  return {
    title: t("dashboard.sheet.schools"),
    columns: [
      t("dashboard.col.school"),
      t("dashboard.col.ive"),
      t("dashboard.col.teachers"),
      t("dashboard.col.up_to_date"),
      t("dashboard.col.coverage"),
      t("dashboard.col.visits"),
      t("dashboard.col.late"),
      t("dashboard.col.on_task"),
      t("dashboard.col.mastered"),
    ],
    rows: d.schools.map((s) => [
      s.name,
      s.ive,
      s.teachers,
      s.upToDate,
      s.teachers > 0 ? Math.min(1, s.upToDate / s.teachers) : null,
      s.visits,
      s.lateMeetings,
      s.onTask,
      s.mastered,
    ]),
    percentColumns: [4, 7],
  };
}

export function networkTables(d: NetworkDashboard, reader: Reader): Table[] {
  return [networkSchoolsTable(d, reader), ...seriesTables(d, reader)];
}

export type DashboardFileFormat = "csv" | "xlsx";
export interface DashboardFile {
  body: string | Uint8Array<ArrayBuffer>;
  contentType: string;
  fileName: string;
}

const CONTENT_TYPES: Record<DashboardFileFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

async function fileOf(tables: Table[], format: DashboardFileFormat, fileBase: string, reader: Reader) {
  const body =
    format === "csv"
      ? csvOf(tables[0], reader.locale !== "en")
      : await xlsxOf(tables, { creator: "Impulso", title: fileBase });
  return { body, contentType: CONTENT_TYPES[format], fileName: `${fileBase}.${format}` };
}

const slug = (text: string) =>
  text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 40);

/** The school dashboard as a file: the CSV is the visits of the period, the XLSX every table. */
export async function schoolDashboardFile(
  actor: Actor,
  schoolId: string,
  query: DashboardQuery,
  format: DashboardFileFormat,
  reader: Reader,
): Promise<DashboardFile> {
  const dashboard = await schoolDashboard(actor, schoolId, query, reader.timeZone);
  const visits = await schoolVisitsForExport(actor, schoolId, dashboard.period);
  const tables =
    format === "csv" ? [schoolVisitsTable(visits, reader)] : schoolTables(dashboard, visits, reader);
  const fileBase = `${reader.t("dashboard.file.school")}-${slug(dashboard.school.name)}-${dashboard.period.fromDate}-${dashboard.period.toDate}`;
  return fileOf(tables, format, fileBase, reader);
}

/** The network dashboard as a file: the CSV is one line per advised school, the XLSX every table. */
export async function networkDashboardFile(
  actor: Actor,
  query: DashboardQuery,
  format: DashboardFileFormat,
  reader: Reader,
): Promise<DashboardFile> {
  const dashboard = await networkDashboard(actor, query, reader.timeZone);
  const tables = networkTables(dashboard, reader);
  const fileBase = `${reader.t("dashboard.file.network")}-${dashboard.period.fromDate}-${dashboard.period.toDate}`;
  return fileOf(tables, format, fileBase, reader);
}
