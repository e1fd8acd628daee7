// A cohort's report (issue #16 §12) for those who run it, as CSV (the people) or XLSX (the people, the
// sessions and the count by country): registrations, attendance per session, completion against the
// course's rule and certificates. Impact reporting (issue #18) reads the same tables.
import { asc, eq, sql } from "drizzle-orm";
import type { Translate } from "../../messages";
import { db, rowsOf } from "../../platform/db/client";
import { type Cell, csvOf, type Table, xlsxOf } from "../../platform/export";
import { formatDateTime, formatZoneName } from "../../platform/i18n/format";
import type { Locale } from "../../platform/i18n/i18n";
import type { Actor } from "../../platform/policy";
import { cohortForFacilitation } from "./certificates";
import { liveSessions } from "./schema";

export interface CohortReportFile {
  fileName: string;
  contentType: string;
  body: string | Uint8Array<ArrayBuffer>;
}

/** The cohort's report file; the same people as its page may have it. */
export async function cohortReport(
  actor: Actor,
  cohortId: string,
  format: "csv" | "xlsx",
  { t, locale, timeZone }: { t: Translate; locale: Locale; timeZone: string },
): Promise<CohortReportFile> {
  // the cohort's page checks the policy (cohort:read_registrations)
  const page = await cohortForFacilitation(actor, cohortId);
  const sessions = await db()
    .select({
      id: liveSessions.id,
      title: liveSessions.title,
      startsAt: liveSessions.startsAt,
      zone: liveSessions.plannedTimeZone,
    })
    .from(liveSessions)
    .where(eq(liveSessions.cohortId, cohortId))
    .orderBy(asc(liveSessions.startsAt));
  const people = await rowsOf<{
    id: string;
    full_name: string;
    email: string;
    country: string;
    role: "teacher" | "leader" | "student" | "other";
    institution: string;
    status: "confirmed" | "waiting" | "cancelled";
    created_at: Date | string;
    marks: Record<string, boolean> | null;
    certificate: string | null;
  }>(
    db(),
    sql`
    SELECT r.id, r.full_name, r.email, r.country, r.role, r.institution, r.status, r.created_at,
      (SELECT jsonb_object_agg(a.session_id, a.present) FROM session_attendance a WHERE a.registration_id = r.id) AS marks,
      (SELECT z.code FROM certificates z WHERE z.registration_id = r.id AND z.revoked_at IS NULL) AS certificate
    FROM registrations r WHERE r.cohort_id = ${cohortId}
    ORDER BY r.position`,
  );
  const completion = new Map(page.people.map((p) => [p.registrationId, p]));
  const regions = new Intl.DisplayNames([locale], { type: "region" });
  const countryName = (c: string) =>
    c === "ZZ" ? t("learning.register.other_country") : (regions.of(c) ?? c);
  // each session at the time it was announced, its zone named
  const sessionColumn = (s: (typeof sessions)[number]) =>
    `${s.title} (${formatDateTime(s.startsAt, locale, s.zone)}, ${formatZoneName(s.zone, locale)})`;
  const mark = (marks: Record<string, boolean> | null, sessionId: string): Cell =>
    marks && sessionId in marks
      ? t(marks[sessionId] ? "learning.report.present" : "learning.report.absent")
      : null;
  const peopleTable: Table = {
    title: t("learning.report.people"),
    columns: [
      t("learning.register.full_name"),
      t("learning.register.email"),
      t("learning.register.country"),
      t("learning.register.role"),
      t("learning.register.institution"),
      t("learning.report.status"),
      t("learning.report.registered_at"),
      ...sessions.map(sessionColumn),
      t("learning.report.attendance"),
      t("learning.report.meets_rule"),
      t("learning.report.certificate"),
    ],
    percentColumns: [7 + sessions.length],
    rows: people.map((p) => {
      const done = completion.get(p.id);
      return [
        p.full_name,
        p.email,
        countryName(p.country),
        t(`learning.participant.${p.role}`),
        p.institution,
        t(`learning.report.status_${p.status}`),
        formatDateTime(p.created_at, locale, timeZone),
        ...sessions.map((s) => mark(p.marks, s.id)),
        done && done.held > 0 ? done.attended / done.held : null,
        done ? t(done.meetsRule ? "learning.report.yes" : "learning.report.no") : null,
        p.certificate,
      ];
    }),
  };
  const name = `${page.cohort.courseTitle} ${page.cohort.name}`
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 80);
  if (format === "csv")
    return {
      fileName: `${name}.csv`,
      contentType: "text/csv; charset=utf-8",
      body: csvOf(peopleTable, locale !== "en"),
    };
  const confirmed = people.filter((p) => p.status === "confirmed");
  const sessionsTable: Table = {
    title: t("learning.report.sessions"),
    columns: [
      t("learning.report.session"),
      t("learning.report.confirmed"),
      t("learning.report.present_count"),
      t("learning.report.attendance"),
    ],
    percentColumns: [3],
    rows: sessions.map((s) => {
      const present = confirmed.filter((p) => p.marks?.[s.id] === true).length;
      return [
        sessionColumn(s),
        confirmed.length,
        present,
        confirmed.length ? present / confirmed.length : null,
      ];
    }),
  };
  const byCountry = new Map<
    string,
    { registered: number; confirmed: number; waiting: number; certified: number }
  >();
  for (const p of people) {
    if (p.status === "cancelled") continue;
    const row = byCountry.get(p.country) ?? { registered: 0, confirmed: 0, waiting: 0, certified: 0 };
    row.registered++;
    if (p.status === "confirmed") row.confirmed++;
    else row.waiting++;
    if (p.certificate) row.certified++;
    byCountry.set(p.country, row);
  }
  const countryTable: Table = {
    title: t("learning.report.by_country"),
    columns: [
      t("learning.register.country"),
      t("learning.report.registered"),
      t("learning.report.confirmed"),
      t("learning.report.waiting"),
      t("learning.report.certified"),
    ],
    rows: [...byCountry]
      .sort((a, b) => b[1].registered - a[1].registered || a[0].localeCompare(b[0]))
      .map(([country, r]) => [countryName(country), r.registered, r.confirmed, r.waiting, r.certified]),
  };
  return {
    fileName: `${name}.xlsx`,
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    body: await xlsxOf([peopleTable, sessionsTable, countryTable], {
      creator: "Impulso",
      title: `${page.cohort.courseTitle}: ${page.cohort.name}`,
    }),
  };
}
