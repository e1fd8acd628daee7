// A cohort's report (issue #16 §12) for those who run it, as CSV (the people) or XLSX (the people, the
// sessions and the count by country and region): registrations, attendance per session, completion
// against the course's rule and certificates; and a course's report across its cohorts. Impact
// reporting (issue #18) reads the same tables.
import { asc, eq, sql } from "drizzle-orm";
import type { Translate } from "../../messages";
import { db, rowsOf } from "../../platform/db/client";
import { type Cell, csvOf, type Table, xlsxOf } from "../../platform/export";
import { formatDateTime, formatDay, formatZoneName } from "../../platform/i18n/format";
import type { Locale } from "../../platform/i18n/i18n";
import type { Actor } from "../../platform/policy";
import { REGIONS } from "../people";
import { cohortCompletion } from "./attendance";
import { cohortForFacilitation } from "./certificates";
import { courseForManagement } from "./courses";
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
    region: string;
    school_region: string | null;
    status: "confirmed" | "waiting" | "cancelled";
    created_at: Date | string;
    marks: Record<string, boolean> | null;
    certificate: string | null;
  }>(
    db(),
    sql`
    SELECT r.id, r.full_name, r.email, r.country, r.role, r.institution, r.region, ${SCHOOL_REGION},
      r.status, r.created_at,
      (SELECT jsonb_object_agg(a.session_id, a.present) FROM session_attendance a WHERE a.registration_id = r.id) AS marks,
      (SELECT z.code FROM certificates z WHERE z.registration_id = r.id AND z.revoked_at IS NULL) AS certificate
    FROM registrations r WHERE r.cohort_id = ${cohortId}
    ORDER BY r.position`,
  );
  const completion = new Map(page.people.map((p) => [p.registrationId, p]));
  const countryName = countryNamer(t, locale);
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
      t("learning.report.region"),
      t("learning.register.role"),
      t("learning.register.institution"),
      t("learning.report.status"),
      t("learning.report.registered_at"),
      ...sessions.map(sessionColumn),
      t("learning.report.attendance"),
      t("learning.report.meets_rule"),
      t("learning.report.certificate"),
    ],
    percentColumns: [8 + sessions.length],
    rows: people.map((p) => {
      const done = completion.get(p.id);
      return [
        p.full_name,
        p.email,
        countryName(p.country),
        regionOfRow(p) || null,
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
  const name = fileSlug(`${page.cohort.courseTitle} ${page.cohort.name}`);
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
  const countryTable = byCountryAndRegion(
    people.filter((p) => p.status !== "cancelled"),
    { t, countryName },
  );
  return {
    fileName: `${name}.xlsx`,
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    body: await xlsxOf([peopleTable, sessionsTable, countryTable], {
      creator: "Impulso",
      title: `${page.cohort.courseTitle}: ${page.cohort.name}`,
    }),
  };
}

/**
 * A registration's region: the one typed when registering; else, for a person of the platform, the
 * region of their school (a teacher enrolled by a coordinator typed nothing). With several schools:
 * one where they teach before one they lead, the first they joined (there is no "main school").
 */
const SCHOOL_REGION = sql`(SELECT s.region_code FROM memberships m JOIN schools s ON s.id = m.school_id
  WHERE m.person_id = r.person_id ORDER BY (m.role = 'teacher') DESC, m.created_at, s.id LIMIT 1) AS school_region`;

const regionByCode = new Map(REGIONS.map((r) => [r.code, r.shortName]));

function regionOfRow(row: { region: string; school_region: string | null }): string {
  return row.region || (row.school_region ? (regionByCode.get(row.school_region) ?? "") : "");
}

function countryNamer(t: Translate, locale: Locale) {
  const regions = new Intl.DisplayNames([locale], { type: "region" });
  return (c: string) => (c === "ZZ" ? t("learning.register.other_country") : (regions.of(c) ?? c));
}

/** A file's name from a title: lower case, no accents, words joined by dashes. */
function fileSlug(title: string): string {
  return title
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 80);
}

interface PlaceRow {
  country: string;
  region: string;
  school_region: string | null;
  status: "confirmed" | "waiting" | "cancelled";
  certificate: string | null;
}

/** Registrations (not cancelled) counted by country and region, the largest first. */
function byCountryAndRegion(
  people: PlaceRow[],
  { t, countryName }: { t: Translate; countryName: (c: string) => string },
): Table {
  const counts = new Map<
    string,
    {
      country: string;
      region: string;
      registered: number;
      confirmed: number;
      waiting: number;
      certified: number;
    }
  >();
  for (const p of people) {
    const region = regionOfRow(p);
    const key = `${p.country}|${region.toLowerCase()}`;
    const row = counts.get(key) ?? {
      country: p.country,
      region,
      registered: 0,
      confirmed: 0,
      waiting: 0,
      certified: 0,
    };
    row.registered++;
    if (p.status === "confirmed") row.confirmed++;
    else row.waiting++;
    if (p.certificate) row.certified++;
    counts.set(key, row);
  }
  return {
    title: t("learning.report.by_region"),
    columns: [
      t("learning.register.country"),
      t("learning.report.region"),
      t("learning.report.registered"),
      t("learning.report.confirmed"),
      t("learning.report.waiting"),
      t("learning.report.certified"),
    ],
    rows: [...counts.values()]
      .sort(
        (a, b) =>
          b.registered - a.registered ||
          a.country.localeCompare(b.country) ||
          a.region.localeCompare(b.region),
      )
      .map((r) => [
        countryName(r.country),
        r.region || t("learning.report.no_region"),
        r.registered,
        r.confirmed,
        r.waiting,
        r.certified,
      ]),
  };
}

/**
 * A course's report across its cohorts, for those who run it: each cohort's places, completion and
 * certificates, and everyone registered by country and region. CSV: the cohorts; XLSX: both sheets.
 */
export async function courseReport(
  actor: Actor,
  courseId: string,
  format: "csv" | "xlsx",
  { t, locale }: { t: Translate; locale: Locale },
): Promise<CohortReportFile> {
  // the course's management page checks the policy (course:read)
  const { course, cohorts } = await courseForManagement(actor, courseId);
  const completion = new Map<string, { completed: number; certified: number }>();
  for (const cohort of cohorts) {
    const people = await cohortCompletion(cohort.id);
    completion.set(cohort.id, {
      completed: people.filter((p) => p.meetsRule).length,
      certified: people.filter((p) => p.certificate).length,
    });
  }
  const cohortTable: Table = {
    title: t("learning.report.cohorts"),
    columns: [
      t("learning.report.cohort"),
      t("learning.report.dates"),
      t("learning.report.status"),
      t("learning.report.confirmed"),
      t("learning.report.waiting"),
      t("learning.report.completed"),
      t("learning.report.certified"),
    ],
    rows: cohorts.map((c) => [
      c.name,
      t("learning.dates", { start: formatDay(c.startsOn), end: formatDay(c.endsOn) }),
      t(`learning.cohort_status.${c.status}`),
      c.confirmed,
      c.waiting,
      completion.get(c.id)?.completed ?? 0,
      completion.get(c.id)?.certified ?? 0,
    ]),
  };
  const name = fileSlug(course.title);
  if (format === "csv")
    return {
      fileName: `${name}.csv`,
      contentType: "text/csv; charset=utf-8",
      body: csvOf(cohortTable, locale !== "en"),
    };
  const people = await rowsOf<PlaceRow>(
    db(),
    sql`
    SELECT r.country, r.region, ${SCHOOL_REGION}, r.status,
      (SELECT z.code FROM certificates z WHERE z.registration_id = r.id AND z.revoked_at IS NULL) AS certificate
    FROM registrations r JOIN cohorts k ON k.id = r.cohort_id
    WHERE k.course_id = ${courseId} AND r.status <> 'cancelled'`,
  );
  return {
    fileName: `${name}.xlsx`,
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    body: await xlsxOf(
      [cohortTable, byCountryAndRegion(people, { t, countryName: countryNamer(t, locale) })],
      {
        creator: "Impulso",
        title: `${t("learning.report.course_title")}: ${course.title}`,
      },
    ),
  };
}
