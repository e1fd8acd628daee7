// The school report: the school dashboard of a period as a printable PDF for the leadership team and
// the coordinators who advise the school (the same policy as the dashboard: a 404 for anyone else).

import { eq } from "drizzle-orm";
import { audit } from "../../platform/audit/audit";
import { db } from "../../platform/db/client";
import { formatDate, formatDay, formatNumber, formatPercent } from "../../platform/i18n/format";
import { createPdf } from "../../platform/pdf";
import type { Actor } from "../../platform/policy";
import { organizations } from "../people";
import { LEVELS } from "./content";
import { fileNamePart } from "./cycle-pdf";
import { overallOnTask } from "./dashboard-series";
import type { Reader } from "./dashboard-tables";
import { type DashboardQuery, schoolDashboard } from "./dashboards";

export async function schoolReportPdf(
  actor: Actor,
  schoolId: string,
  query: DashboardQuery,
  reader: Reader,
  now = new Date(),
): Promise<{ fileName: string; bytes: Uint8Array }> {
  const d = await schoolDashboard(actor, schoolId, query, reader.timeZone, now);
  const { t, locale, timeZone } = reader;
  const [organization] = await db()
    .select({ name: organizations.name })
    .from(organizations)
    .where(eq(organizations.id, actor.organizationId));
  const percent = (share: number | null) => (share === null ? "—" : formatPercent(share, locale));
  const period = t("pdf.school.period", {
    from: formatDay(d.period.fromDate),
    to: formatDay(d.period.toDate),
  });
  const doc = createPdf({
    title: t("pdf.school.title"),
    subtitle: `${d.school.name} · ${period}`,
    organization: organization?.name ?? "",
    locale,
    timeZone,
    now,
  });
  const { cadence } = d;
  const visits = d.coverage.reduce((n, c) => n + c.visits, 0);

  doc.heading(t("pdf.school.summary")).keyValues([
    [
      t("dashboard.cadence.targets"),
      t("dashboard.cadence.targets_text", {
        days: d.settings.visitEveryDays,
        hours: d.settings.meetingWithinHours,
        purpose: t(`observation.purpose.${d.settings.defaultPurpose}`),
      }),
    ],
    [
      t("pdf.school.teachers_up_to_date"),
      t("dashboard.covered_of", { covered: cadence.upToDate, teachers: cadence.teachers.length }),
    ],
    [t("pdf.school.visits"), String(visits)],
    [
      t("pdf.school.meetings"),
      t("dashboard.cadence.held_in_period", { held: cadence.meetingsHeld, late: cadence.meetingsHeldLate }),
    ],
    [t("dashboard.cadence.late_title"), String(cadence.lateMeetings.length)],
    [t("dashboard.on_task.title"), percent(overallOnTask(d.onTask))],
  ]);

  doc.heading(t("dashboard.coverage.title"));
  doc.paragraph(t("dashboard.coverage.explained", { days: d.settings.visitEveryDays }), { muted: true });
  const coverage = d.coverage.filter((c) => c.share !== null);
  if (coverage.length)
    doc.lineChart({
      points: coverage.map((c) => ({ label: formatDay(c.bucket), value: c.share as number })),
      format: (v) => formatPercent(v, locale),
    });
  doc.table(
    [
      { header: t("dashboard.col.from") },
      { header: t("dashboard.col.covered"), align: "right" },
      { header: t("dashboard.col.coverage"), align: "right" },
      { header: t("dashboard.col.visits"), align: "right" },
      { header: t("dashboard.col.meetings"), align: "right" },
    ],
    d.coverage.map((c) => [
      formatDay(c.bucket),
      t("dashboard.covered_of", { covered: c.covered, teachers: c.teachers }),
      percent(c.share),
      c.visits,
      c.meetings,
    ]),
  );

  doc.heading(t("dashboard.on_task.title"));
  doc.paragraph(t("dashboard.on_task.explained"), { muted: true });
  const onTask = d.onTask.filter((p) => p.share !== null);
  if (onTask.length)
    doc.lineChart({
      points: onTask.map((p) => ({ label: formatDay(p.bucket), value: p.share as number })),
      format: (v) => formatPercent(v, locale),
    });
  else doc.paragraph(t("dashboard.no_data"), { muted: true });

  doc.heading(t("dashboard.levels.title"));
  const instrument = d.levels.instruments.find((i) => i.id === d.levels.instrumentId);
  if (instrument && d.levels.indicators.length) {
    doc.paragraph(
      t("dashboard.levels.explained", { instrument: instrument.name, visits: instrument.scored }),
      {
        muted: true,
      },
    );
    doc.barChart({
      bars: d.levels.indicators.map((i) => ({
        label: `${i.mbeStandard ? `${t("dashboard.standard_short", { n: i.mbeStandard })} · ` : ""}${i.title}`,
        value: i.mean ?? 0,
      })),
      max: 4,
      format: (v) => formatNumber(v, locale, 1),
    });
    doc.table(
      [
        { header: t("dashboard.col.indicator"), width: 4 },
        ...LEVELS.map((l) => ({ header: t(`observation.level.${l}`), align: "right" as const })),
        { header: t("dashboard.col.mean"), align: "right" },
      ],
      d.levels.indicators.map((i) => [
        `${i.mbeStandard ? `${t("dashboard.standard_short", { n: i.mbeStandard })} · ` : ""}${i.title}`,
        ...i.counts,
        i.mean === null ? "—" : formatNumber(i.mean, locale, 1),
      ]),
    );
  } else doc.paragraph(t("dashboard.no_data"), { muted: true });

  doc.heading(t("dashboard.steps.title"));
  doc.table(
    [
      { header: t("dashboard.col.category"), width: 3 },
      { header: t("dashboard.steps.opened"), align: "right" },
      { header: t("dashboard.steps.mastered"), align: "right" },
    ],
    d.steps.map((s) => [t(`observation.category.${s.category}`), s.opened, s.mastered]),
  );

  doc.heading(t("dashboard.cadence.overdue_title"));
  if (cadence.overdue.length)
    doc.table(
      [
        { header: t("dashboard.col.teacher"), width: 3 },
        { header: t("dashboard.col.last_visit") },
        { header: t("dashboard.col.days_overdue"), align: "right" },
        { header: t("dashboard.col.open_step"), width: 4 },
      ],
      cadence.overdue.map((x) => [
        x.name,
        x.lastVisitAt ? formatDate(x.lastVisitAt, locale, timeZone) : t("dashboard.cadence.never"),
        x.daysOverdue ?? "—",
        x.openStep ?? "—",
      ]),
    );
  else doc.paragraph(t("dashboard.cadence.none_overdue"));

  doc.heading(t("dashboard.cadence.load_title"));
  doc.table(
    [
      { header: t("dashboard.col.observer"), width: 3 },
      { header: t("dashboard.col.visits"), align: "right" },
      { header: t("dashboard.col.meetings"), align: "right" },
      { header: t("dashboard.col.pending"), align: "right" },
      { header: t("dashboard.col.late"), align: "right" },
    ],
    cadence.observers.map((o) => [o.name, o.visits, o.meetings, o.pending, o.late]),
  );

  const bytes = await doc.finish();
  await audit(actor, {
    action: "observation.school_report",
    subjectType: "school",
    subjectId: schoolId,
    details: { from: d.period.fromDate, to: d.period.toDate },
  });
  return {
    fileName: `${t("pdf.school.file")}-${fileNamePart(d.school.name)}-${d.period.fromDate}-${d.period.toDate}.pdf`,
    bytes,
  };
}
