// The funder report (issue #18): the impact figures of a period and program as a PDF and an XLSX, with
// the same definitions as the page, every string from the catalogue in the requester's language. A
// coordinator asks for it; a job makes it, writing its progress to funder_reports.progress (the page
// reloads itself while it runs), and stores both files in the file store; coordinators download them.
import { and, desc, eq } from "drizzle-orm";
import { z } from "zod";
import { translator } from "../../messages";
import type { Translate } from "../../messages/translate";
import { audit } from "../../platform/audit/audit";
import { db } from "../../platform/db/client";
import { NotFoundError, ValidationError } from "../../platform/errors";
import { type Table, xlsxOf } from "../../platform/export";
import { formatDay, formatNumber, formatPercent } from "../../platform/i18n/format";
import { isLocale, type Locale } from "../../platform/i18n/i18n";
import { isUuid, newId } from "../../platform/ids";
import { enqueue, registerJob } from "../../platform/jobs/queue";
import { log } from "../../platform/log";
import { createPdf } from "../../platform/pdf";
import { type Actor, authorize } from "../../platform/policy";
import { fileStore } from "../../platform/storage";
import { asText, parseInput } from "../../platform/validation";
import { programOfOrganization } from "../people/programs";
import { coordinatorSchools, organizations, programs } from "../people/schema";
import { IMPACT_FIGURES, IMPACT_TIME_ZONE, type ImpactFigure } from "./content";
import {
  computeImpactFigures,
  type ImpactFigures,
  MIN_TEACHERS_LISTED,
  publishedMedian,
  schoolsReadBy,
} from "./figures";
import "./policy";
import { funderReports } from "./schema";

export const FUNDER_REPORT_JOB = "impact.funder_report";
const MAX_YEARS = 20;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const validDay = (d: string) => DAY.test(d) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d);
const dayField = z.preprocess(
  asText,
  z
    .string()
    .trim()
    .refine((d) => validDay(d), "impact.report.errors.date_invalid"),
);
const reportInput = z
  .object({
    from: dayField,
    to: dayField,
    programId: z.preprocess(asText, z.string().trim().max(40, "programs.errors.unknown")),
  })
  .superRefine((v, ctx) => {
    if (!validDay(v.from) || !validDay(v.to)) return;
    if (v.to < v.from)
      ctx.addIssue({ code: "custom", path: ["to"], message: "impact.report.errors.to_before_from" });
    else if (Number(v.to.slice(0, 4)) - Number(v.from.slice(0, 4)) > MAX_YEARS)
      ctx.addIssue({ code: "custom", path: ["to"], message: "impact.report.errors.too_long" });
  });

export interface FunderReportRow {
  id: string;
  fromOn: string;
  toOn: string;
  program: string | null;
  status: "pending" | "running" | "done" | "failed";
  progress: number;
  createdAt: Date;
  finishedAt: Date | null;
}

const reportColumns = {
  id: funderReports.id,
  fromOn: funderReports.fromOn,
  toOn: funderReports.toOn,
  program: programs.name,
  status: funderReports.status,
  progress: funderReports.progress,
  createdAt: funderReports.createdAt,
  finishedAt: funderReports.finishedAt,
};

/** Asks for a report; the job makes it. Returns its id (its page shows the progress). */
export async function requestFunderReport(
  actor: Actor,
  input: unknown,
  locale: Locale,
): Promise<{ id: string }> {
  authorize(actor, "create", "funder_report", { organizationId: actor.organizationId });
  const data = parseInput(reportInput, input);
  let programId: string | null = null;
  if (data.programId) {
    const program = await programOfOrganization(actor.organizationId, data.programId);
    if (!program) throw new ValidationError({ programId: "programs.errors.unknown" });
    programId = program.id;
  }
  const id = newId();
  await db().transaction(async (tx) => {
    await tx.insert(funderReports).values({
      id,
      organizationId: actor.organizationId,
      programId,
      fromOn: data.from,
      toOn: data.to,
      locale,
      requestedBy: actor.personId,
    });
    await enqueue(FUNDER_REPORT_JOB, { reportId: id }, tx, { maxAttempts: 1 });
    await audit(
      actor,
      {
        action: "funder_report.request",
        subjectType: "funder_report",
        subjectId: id,
        details: { from: data.from, to: data.to, programId },
      },
      tx,
    );
  });
  return { id };
}

/** The organization's latest reports (coordinators). */
export async function listFunderReports(actor: Actor, limit = 10): Promise<FunderReportRow[]> {
  authorize(actor, "create", "funder_report", { organizationId: actor.organizationId });
  return db()
    .select(reportColumns)
    .from(funderReports)
    .leftJoin(programs, eq(programs.id, funderReports.programId))
    .where(eq(funderReports.organizationId, actor.organizationId))
    .orderBy(desc(funderReports.createdAt), desc(funderReports.id))
    .limit(limit);
}

/** One report of the organization, for a coordinator; not found otherwise. */
export async function getFunderReport(actor: Actor, reportId: string): Promise<FunderReportRow> {
  if (!isUuid(reportId)) throw new NotFoundError();
  const [row] = await db()
    .select(reportColumns)
    .from(funderReports)
    .leftJoin(programs, eq(programs.id, funderReports.programId))
    .where(and(eq(funderReports.id, reportId), eq(funderReports.organizationId, actor.organizationId)));
  if (!row) throw new NotFoundError();
  authorize(actor, "read", "funder_report", { organizationId: actor.organizationId, reportId });
  return row;
}

/** A finished report's file; not found for anyone but the organization's coordinators, or before it is done. */
export async function funderReportFile(
  actor: Actor,
  reportId: string,
  format: "pdf" | "xlsx",
): Promise<{ bytes: Uint8Array; contentType: string; fileName: string }> {
  const report = await getFunderReport(actor, reportId);
  const [stored] = await db()
    .select({ pdf: funderReports.pdfKey, xlsx: funderReports.xlsxKey, locale: funderReports.locale })
    .from(funderReports)
    .where(eq(funderReports.id, report.id));
  const key = format === "pdf" ? stored?.pdf : stored?.xlsx;
  if (report.status !== "done" || !key) throw new NotFoundError();
  const file = await fileStore().get(key);
  if (!file) throw new NotFoundError();
  const t = translator(isLocale(stored?.locale) ? stored.locale : "es-CL");
  return {
    bytes: file.bytes,
    contentType:
      format === "pdf"
        ? "application/pdf"
        : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    fileName: `${t("impact.file.name")}-${report.fromOn}-${report.toOn}.${format}`,
  };
}

// ---------------------------------------------------------------------------------------------
// The files

export interface ReportContext {
  t: Translate;
  locale: Locale;
  organization: string;
  program: string | null;
  from: string;
  to: string;
  now?: Date;
}

/** Each figure's headline value, as written in the report (and the public page). */
export function headline(figures: ImpactFigures, key: ImpactFigure, t: Translate, locale: Locale): string {
  const n = (v: number) => formatNumber(v, locale);
  switch (key) {
    case "teachers_trained":
      return n(figures.teachersTrained);
    case "training_hours":
      return n(figures.trainingHours);
    case "territories":
      return `${t("impact.regions", { count: figures.regions.length })} · ${t("impact.countries", { count: figures.countries.length })}`;
    case "mentors_certified":
      return n(figures.mentorsCertified);
    case "schools_advised":
      return n(figures.schoolsAdvised);
    case "cycles_completed":
      return n(figures.cyclesCompleted);
    case "time_on_task":
      return figures.timeOnTaskMedianChange === null
        ? t("impact.median_withheld")
        : t("impact.median_change", { value: points(figures.timeOnTaskMedianChange, t, locale) });
  }
}

/** A change of share as signed percentage points ("+7,5 puntos"). */
export function points(change: number, t: Translate, locale: Locale): string {
  const value = Math.round(change * 1000) / 10;
  return t("impact.points", { value: `${value > 0 ? "+" : ""}${formatNumber(value, locale, 1)}` });
}

export function countryName(code: string, t: Translate, locale: Locale): string {
  if (code === "ZZ") return t("impact.other_country");
  try {
    return new Intl.DisplayNames([locale], { type: "region" }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** The report's PDF and XLSX. Only aggregate figures and school names go in: no person. */
export async function funderReportFiles(
  figures: ImpactFigures,
  ctx: ReportContext,
  progress: (percent: number) => Promise<void> = async () => {},
): Promise<{ pdf: Uint8Array; xlsx: Uint8Array }> {
  const { t, locale } = ctx;
  const period = t("impact.report.period", { from: formatDay(ctx.from), to: formatDay(ctx.to) });
  const program = ctx.program ?? t("impact.filters.all_programs");
  const percent = (v: number) => formatPercent(v, locale);
  const countryRows = figures.countries.map((c) => [countryName(c.country, t, locale), c.people] as const);
  const regionRows = figures.regions.map((r) => [r.region, r.people] as const);
  const iveRows = figures.schoolsByIve.map((b) => [t(`ive_band.${b.band}`), b.schools] as const);
  const dependenciaRows = figures.schoolsByDependencia.map(
    (d) => [t(`dependencia.${d.dependencia}`), d.schools] as const,
  );

  const doc = createPdf({
    title: t("impact.pdf.title"),
    subtitle: t("impact.pdf.subtitle", { period, program }),
    organization: ctx.organization,
    locale,
    timeZone: IMPACT_TIME_ZONE,
    now: ctx.now,
  });
  doc.paragraph(t("impact.pdf.note"), { muted: true });
  doc
    .heading(t("impact.pdf.figures"))
    .keyValues(
      IMPACT_FIGURES.map((key) => [t(`impact.figure.${key}`), headline(figures, key, t, locale)] as const),
    );
  doc.heading(t("impact.pdf.definitions"));
  for (const key of IMPACT_FIGURES) doc.field(t(`impact.figure.${key}`), t(`impact.definition.${key}`));
  doc.heading(t("impact.pdf.territories"));
  if (countryRows.length) {
    doc.barChart({ bars: countryRows.map(([label, value]) => ({ label, value })) });
    doc.table(
      [
        { header: t("impact.table.country"), width: 3 },
        { header: t("impact.table.people"), align: "right" },
      ],
      countryRows,
    );
  } else doc.paragraph(t("impact.no_data"), { muted: true });
  if (regionRows.length) {
    doc.barChart({ bars: regionRows.map(([label, value]) => ({ label, value })) });
    doc.table(
      [
        { header: t("impact.table.region"), width: 3 },
        { header: t("impact.table.people"), align: "right" },
      ],
      regionRows,
    );
  }
  await progress(60);
  doc.heading(t("impact.pdf.schools"));
  doc.barChart({ bars: iveRows.map(([label, value]) => ({ label, value })) });
  doc.table(
    [
      { header: t("impact.table.band"), width: 3 },
      { header: t("impact.table.schools"), align: "right" },
    ],
    iveRows,
  );
  doc.barChart({ bars: dependenciaRows.map(([label, value]) => ({ label, value })) });
  doc.table(
    [
      { header: t("impact.table.dependencia"), width: 3 },
      { header: t("impact.table.schools"), align: "right" },
    ],
    dependenciaRows,
  );
  doc.heading(t("impact.pdf.time_on_task"));
  doc.paragraph(headline(figures, "time_on_task", t, locale), { bold: true });
  if (figures.timeOnTask.length)
    doc.table(
      [
        { header: t("impact.table.school"), width: 3 },
        { header: t("impact.table.teachers"), align: "right" },
        { header: t("impact.table.baseline"), align: "right" },
        { header: t("impact.table.latest"), align: "right" },
        { header: t("impact.table.change"), align: "right" },
      ],
      figures.timeOnTask.map((s) => [
        s.school,
        s.teachers,
        percent(s.baseline),
        percent(s.latest),
        points(s.change, t, locale),
      ]),
    );
  else doc.paragraph(t("impact.no_data"), { muted: true });
  const pdf = await doc.finish();
  await progress(80);

  const head = [
    [t("impact.xlsx.period"), period],
    [t("impact.xlsx.program"), program],
  ];
  const tables: Table[] = [
    {
      title: t("impact.xlsx.sheet.figures"),
      columns: [t("impact.table.figure"), t("impact.table.value"), t("impact.table.definition")],
      rows: [
        ...head.map(([a, b]) => [a, b, null]),
        ...IMPACT_FIGURES.map((key) => [
          t(`impact.figure.${key}`),
          headline(figures, key, t, locale),
          t(`impact.definition.${key}`),
        ]),
      ],
    },
    {
      title: t("impact.xlsx.sheet.countries"),
      columns: [t("impact.table.country"), t("impact.table.people")],
      rows: countryRows.map((r) => [...r]),
    },
    {
      title: t("impact.xlsx.sheet.regions"),
      columns: [t("impact.table.region"), t("impact.table.people")],
      rows: regionRows.map((r) => [...r]),
    },
    {
      title: t("impact.xlsx.sheet.ive"),
      columns: [t("impact.table.band"), t("impact.table.schools")],
      rows: iveRows.map((r) => [...r]),
    },
    {
      title: t("impact.xlsx.sheet.dependencia"),
      columns: [t("impact.table.dependencia"), t("impact.table.schools")],
      rows: dependenciaRows.map((r) => [...r]),
    },
    {
      title: t("impact.xlsx.sheet.time_on_task"),
      columns: [
        t("impact.table.school"),
        t("impact.table.teachers"),
        t("impact.table.baseline"),
        t("impact.table.latest"),
        t("impact.table.change"),
      ],
      rows: figures.timeOnTask.map((s) => [s.school, s.teachers, s.baseline, s.latest, s.change]),
      percentColumns: [2, 3, 4],
    },
  ];
  const xlsx = await xlsxOf(tables, { creator: ctx.organization, title: t("impact.pdf.title") });
  return { pdf, xlsx };
}

/** The job: figures, files, storage, with its progress written as it goes. */
export async function runFunderReport(reportId: string, now = new Date()): Promise<void> {
  const [report] = await db()
    .select({
      id: funderReports.id,
      organizationId: funderReports.organizationId,
      programId: funderReports.programId,
      program: programs.name,
      fromOn: funderReports.fromOn,
      toOn: funderReports.toOn,
      locale: funderReports.locale,
      status: funderReports.status,
      organization: organizations.name,
      requestedBy: funderReports.requestedBy,
    })
    .from(funderReports)
    .innerJoin(organizations, eq(organizations.id, funderReports.organizationId))
    .leftJoin(programs, eq(programs.id, funderReports.programId))
    .where(eq(funderReports.id, reportId));
  if (!report || report.status === "done") return;
  const progress = async (percent: number) => {
    await db()
      .update(funderReports)
      .set({ status: "running", progress: percent })
      .where(eq(funderReports.id, reportId));
  };
  try {
    await progress(5);
    const computed = await computeImpactFigures(db(), {
      organizationId: report.organizationId,
      programId: report.programId,
      from: report.fromOn,
      to: report.toOn,
    });
    // The report leaves the organization: schools listed by name are those the requester advises, each
    // on at least MIN_TEACHERS_LISTED teachers; the median only on enough schools (figures.ts).
    const advised = await db()
      .select({ schoolId: coordinatorSchools.schoolId })
      .from(coordinatorSchools)
      .where(eq(coordinatorSchools.personId, report.requestedBy));
    const figures: ImpactFigures = {
      ...computed,
      timeOnTask: schoolsReadBy(computed, new Set(advised.map((a) => a.schoolId)), MIN_TEACHERS_LISTED),
      timeOnTaskMedianChange: publishedMedian(computed),
    };
    await progress(40);
    const locale: Locale = isLocale(report.locale) ? report.locale : "es-CL";
    const { pdf, xlsx } = await funderReportFiles(
      figures,
      {
        t: translator(locale),
        locale,
        organization: report.organization,
        program: report.program,
        from: report.fromOn,
        to: report.toOn,
        now,
      },
      progress,
    );
    const pdfKey = `funder-report-${reportId}-pdf`;
    const xlsxKey = `funder-report-${reportId}-xlsx`;
    await fileStore().put(pdfKey, pdf, { contentType: "application/pdf" });
    await fileStore().put(xlsxKey, xlsx, {
      contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    });
    await db()
      .update(funderReports)
      .set({ status: "done", progress: 100, pdfKey, xlsxKey, finishedAt: new Date() })
      .where(eq(funderReports.id, reportId));
  } catch (error) {
    log("error", "funder report failed", {
      reportId,
      error: error instanceof Error ? error.message : String(error),
    });
    await db()
      .update(funderReports)
      .set({ status: "failed", finishedAt: new Date() })
      .where(eq(funderReports.id, reportId));
  }
}

registerJob(FUNDER_REPORT_JOB, async (payload) => {
  const reportId = typeof payload.reportId === "string" ? payload.reportId : "";
  if (isUuid(reportId)) await runFunderReport(reportId);
});
