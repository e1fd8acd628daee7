// The public catalogue (issue #16 §1): open workshops and courses with a published cohort that has not
// ended, with dates, hours, modality and places left; read by anyone, without signing in. It shows only
// what a catalogue entry says (product.md: the public sees the catalogue entry only).
import { type SQL, sql } from "drizzle-orm";
import { calendarAttachment } from "../../platform/calendar";
import { db, preparedRowsOf, rowsOf } from "../../platform/db/client";
import { isUuid } from "../../platform/ids";
import { countsFor } from "./attendance";
import { COURSE_LEVELS, type CourseKind, type CourseLevel, type CourseModality } from "./schema";

export interface CatalogueFilters {
  topic?: string;
  level?: string;
  /** "2027-03": cohorts that start in that month */
  month?: string;
  /** the page, from 1 */
  page?: number;
}

export interface CatalogueEntry {
  slug: string;
  kind: CourseKind;
  title: string;
  summary: string;
  hours: number;
  topic: string;
  level: CourseLevel;
  modality: CourseModality;
  organizationName: string;
  cohortId: string;
  cohortName: string;
  startsOn: string;
  endsOn: string;
  /** null: no limit */
  placesLeft: number | null;
  /** the first live session still to come, if any */
  nextSessionAt: Date | null;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
/** entries on one page of the catalogue (the filters narrow it down; the pages go on) */
export const CATALOGUE_LIMIT = 24;

/**
 * The topics of the courses with an open version, for the catalogue's filter: the same list for every
 * visitor, kept a minute per process (a new topic shows in the filter within a minute).
 */
const topicCache = new Map<string, { topics: string[]; until: number }>();
async function openTopics(today: string): Promise<string[]> {
  const cached = topicCache.get(today);
  if (cached && cached.until > Date.now()) return cached.topics;
  const rows = await rowsOf<{ topic: string }>(
    db(),
    // each course once, asked whether it has an open version (not every version joined and then deduplicated)
    sql`SELECT DISTINCT c.topic FROM courses c
      WHERE c.topic <> '' AND EXISTS (SELECT 1 FROM cohorts k WHERE k.course_id = c.id
        AND k.status = 'published' AND k.ends_on >= ${today}::date)
      ORDER BY c.topic`,
  );
  const topics = rows.map((r) => r.topic);
  topicCache.clear();
  topicCache.set(today, { topics, until: Date.now() + 60_000 });
  return topics;
}

/**
 * How many open versions match the filters, for the page links: kept a minute per process and filter
 * (counting every open version was a third of the page's time). The entries themselves, their places
 * left included, are always read fresh; a page link may be a minute behind.
 */
const countCache = new Map<string, { total: number; until: number }>();
const COUNT_CACHE_ENTRIES = 500;
async function openCount(key: string | null, where: SQL[], joinCourses: boolean): Promise<number> {
  const cached = key === null ? undefined : countCache.get(key);
  if (cached && cached.until > Date.now()) return cached.total;
  const [{ total }] = (await rowsOf<{ total: number }>(
    db(),
    joinCourses
      ? sql`SELECT count(*)::int AS total FROM cohorts k JOIN courses c ON c.id = k.course_id
          WHERE ${sql.join(where, sql` AND `)}`
      : // without a course filter every version counts once: its course is not needed
        sql`SELECT count(*)::int AS total FROM cohorts k WHERE ${sql.join(where, sql` AND `)}`,
  )) as [{ total: number }];
  if (key === null) return total;
  if (countCache.size >= COUNT_CACHE_ENTRIES) countCache.clear();
  countCache.set(key, { total, until: Date.now() + 60_000 });
  return total;
}

/** The catalogue on `today` ("2027-03-01"), soonest first, narrowed by the filters that are valid. */
export async function publicCatalogue(
  filters: CatalogueFilters,
  today: string,
  now = new Date(),
): Promise<{
  entries: CatalogueEntry[];
  topics: string[];
  filters: Required<CatalogueFilters>;
  page: number;
  pages: number;
}> {
  const topic = (filters.topic ?? "").trim().slice(0, 80);
  const level = (COURSE_LEVELS as readonly string[]).includes(filters.level ?? "")
    ? (filters.level as string)
    : "";
  const month = MONTH.test(filters.month ?? "") ? (filters.month as string) : "";
  const page =
    Number.isSafeInteger(filters.page) && (filters.page as number) > 0 ? (filters.page as number) : 1;
  const where: SQL[] = [sql`k.status = 'published'`, sql`k.ends_on >= ${today}::date`];
  if (topic) where.push(sql`c.topic = ${topic}`);
  if (level) where.push(sql`c.level = ${level}`);
  if (month) where.push(sql`to_char(k.starts_on, 'YYYY-MM') = ${month}`);
  const rows = await rowsOf<{
    slug: string;
    kind: CourseKind;
    title: string;
    summary: string;
    hours: number;
    topic: string;
    level: CourseLevel;
    modality: CourseModality;
    organization_name: string;
    cohort_id: string;
    cohort_name: string;
    starts_on: string;
    ends_on: string;
    capacity: number | null;
    confirmed: number;
    next_session_at: Date | string | null;
  }>(
    db(),
    sql`
    SELECT c.slug, c.kind, c.title, c.summary, c.hours, c.topic, c.level, c.modality,
      o.name AS organization_name, k.id AS cohort_id, k.name AS cohort_name,
      k.starts_on::text AS starts_on, k.ends_on::text AS ends_on, k.capacity,
      (SELECT count(*)::int FROM registrations r WHERE r.cohort_id = k.id AND r.status = 'confirmed') AS confirmed,
      (SELECT min(s.starts_at) FROM live_sessions s WHERE s.cohort_id = k.id AND s.starts_at >= ${now.toISOString()}::timestamptz) AS next_session_at
    FROM cohorts k
    JOIN courses c ON c.id = k.course_id
    JOIN organizations o ON o.id = k.organization_id
    WHERE ${sql.join(where, sql` AND `)}
    ORDER BY k.starts_on, c.title, k.id
    LIMIT ${CATALOGUE_LIMIT} OFFSET ${(page - 1) * CATALOGUE_LIMIT}`,
  );
  const topics = await openTopics(today);
  // kept only for the filter's own topics: any text typed in the address would fill the cache
  const total = await openCount(
    topic === "" || topics.includes(topic) ? `${today}|${topic}|${level}|${month}` : null,
    where,
    topic !== "" || level !== "",
  );
  return {
    entries: rows.map((r) => ({
      slug: r.slug,
      kind: r.kind,
      title: r.title,
      summary: r.summary,
      hours: r.hours,
      topic: r.topic,
      level: r.level,
      modality: r.modality,
      organizationName: r.organization_name,
      cohortId: r.cohort_id,
      cohortName: r.cohort_name,
      startsOn: r.starts_on,
      endsOn: r.ends_on,
      placesLeft: r.capacity === null ? null : Math.max(0, r.capacity - r.confirmed),
      nextSessionAt: r.next_session_at === null ? null : new Date(r.next_session_at),
    })),
    topics,
    filters: { topic, level, month, page },
    page,
    pages: Math.max(1, Math.ceil(total / CATALOGUE_LIMIT)),
  };
}

export interface PublicSession {
  id: string;
  title: string;
  startsAt: Date;
  durationMinutes: number;
  /** the zone it was planned in (its time there is what the organization announced) */
  plannedTimeZone: string;
}

export interface PublicCohort {
  id: string;
  name: string;
  startsOn: string;
  endsOn: string;
  placesLeft: number | null;
  /** someone who registers now waits (the places are taken) */
  full: boolean;
  sessions: PublicSession[];
}

export interface PublicCourse {
  slug: string;
  kind: CourseKind;
  title: string;
  summary: string;
  description: string;
  hours: number;
  topic: string;
  level: CourseLevel;
  modality: CourseModality;
  organizationName: string;
  /** published cohorts that have not ended, soonest first */
  cohorts: PublicCohort[];
}

/** A course's public page: null when it has no published cohort that has not ended. */
export async function publicCourse(slug: string, today: string): Promise<PublicCourse | null> {
  if (!/^[a-z0-9-]{1,80}$/.test(slug)) return null;
  const rows = await rowsOf<{
    slug: string;
    kind: CourseKind;
    title: string;
    summary: string;
    description: string;
    hours: number;
    topic: string;
    level: CourseLevel;
    modality: CourseModality;
    organization_name: string;
    cohort_id: string;
    cohort_name: string;
    starts_on: string;
    ends_on: string;
    capacity: number | null;
    confirmed: number;
    sessions: Array<{
      id: string;
      title: string;
      starts_at: string;
      duration_minutes: number;
      planned_time_zone: string;
    }>;
  }>(
    db(),
    sql`
    SELECT c.slug, c.kind, c.title, c.summary, c.description, c.hours, c.topic, c.level, c.modality,
      o.name AS organization_name, k.id AS cohort_id, k.name AS cohort_name,
      k.starts_on::text AS starts_on, k.ends_on::text AS ends_on, k.capacity,
      (SELECT count(*)::int FROM registrations r WHERE r.cohort_id = k.id AND r.status = 'confirmed') AS confirmed,
      coalesce((SELECT json_agg(json_build_object('id', s.id, 'title', s.title, 'starts_at', s.starts_at,
          'duration_minutes', s.duration_minutes, 'planned_time_zone', s.planned_time_zone) ORDER BY s.starts_at)
        FROM live_sessions s WHERE s.cohort_id = k.id), '[]') AS sessions
    FROM courses c
    JOIN cohorts k ON k.course_id = c.id AND k.status = 'published' AND k.ends_on >= ${today}::date
    JOIN organizations o ON o.id = c.organization_id
    WHERE c.slug = ${slug}
    ORDER BY k.starts_on, k.id`,
  );
  const first = rows[0];
  if (!first) return null;
  return {
    slug: first.slug,
    kind: first.kind,
    title: first.title,
    summary: first.summary,
    description: first.description,
    hours: first.hours,
    topic: first.topic,
    level: first.level,
    modality: first.modality,
    organizationName: first.organization_name,
    cohorts: rows.map((r) => {
      const placesLeft = r.capacity === null ? null : Math.max(0, r.capacity - r.confirmed);
      return {
        id: r.cohort_id,
        name: r.cohort_name,
        startsOn: r.starts_on,
        endsOn: r.ends_on,
        placesLeft,
        full: placesLeft === 0,
        sessions: r.sessions.map((s) => ({
          id: s.id,
          title: s.title,
          startsAt: new Date(s.starts_at),
          durationMinutes: s.duration_minutes,
          plannedTimeZone: s.planned_time_zone,
        })),
      };
    }),
  };
}

/** A published cohort's live sessions as a calendar file (.ics), for anyone: null when there is none. */
export async function cohortCalendar(
  slug: string,
  cohortId: string,
  appUrl: string,
): Promise<{ filename: string; content: string } | null> {
  if (!/^[a-z0-9-]{1,80}$/.test(slug) || !isUuid(cohortId)) return null;
  const rows = await rowsOf<{
    id: string;
    title: string;
    starts_at: Date | string;
    duration_minutes: number;
    course_title: string;
  }>(
    db(),
    sql`
    SELECT s.id, s.title, s.starts_at, s.duration_minutes, c.title AS course_title
    FROM live_sessions s
    JOIN cohorts k ON k.id = s.cohort_id AND k.status = 'published'
    JOIN courses c ON c.id = k.course_id
    WHERE k.id = ${cohortId} AND c.slug = ${slug}
    ORDER BY s.starts_at`,
  );
  if (rows.length === 0) return null;
  const page = `${appUrl}/talleres/${slug}`;
  const file = calendarAttachment(
    rows.map((s) => {
      const start = new Date(s.starts_at);
      return {
        uid: `${s.id}@impulso`,
        title: `${s.course_title}: ${s.title}`,
        description: page,
        url: page,
        start,
        end: new Date(start.getTime() + s.duration_minutes * 60_000),
      };
    }),
    "sesiones.ics",
  );
  return { filename: file.filename, content: file.content };
}

export interface NextSession {
  title: string;
  courseTitle: string;
  slug: string;
  startsAt: Date;
}

/** What learning puts on a person's home page (issue #16 §11). */
export interface LearnerHome {
  nextSession: NextSession | null;
  /** certificates in force, newest first (at most 10) */
  certificates: { code: string; courseTitle: string; issuedAt: Date }[];
  /** courses with lessons where the person holds a place, current or ended in the last two weeks (at most 3) */
  courses: { cohortId: string; courseTitle: string; cohortName: string }[];
  /** required activities not yet accepted in current cohorts (at most 5): never sent, or to revise */
  activitiesDue: {
    cohortId: string;
    activityId: string;
    title: string;
    courseTitle: string;
    toRevise: boolean;
  }[];
}

/**
 * For a person's home page: the next live session of the workshops and courses they are confirmed in,
 * their current courses with lessons, the required activities they still have to send (or send again),
 * and the certificates they hold (registered with their address, or by the platform as theirs).
 */
export async function learnerHome(
  person: { id: string; email: string; organizationId: string },
  now = new Date(),
): Promise<LearnerHome> {
  const email = person.email.toLowerCase();
  // On every home page: one prepared statement (see platform/db/client.ts).
  const rows = await preparedRowsOf<{
    kind: "session" | "certificate" | "course" | "due" | "revise";
    title: string | null;
    course_title: string;
    key: string;
    at: Date | string;
  }>(
    "learning_home",
    sql`
    (SELECT 'session' AS kind, s.title, c.title AS course_title, c.slug AS key, s.starts_at AS at
      FROM registrations r
      JOIN cohorts k ON k.id = r.cohort_id AND k.status = 'published'
      JOIN courses c ON c.id = k.course_id
      JOIN live_sessions s ON s.cohort_id = k.id AND s.starts_at >= ${now.toISOString()}::timestamptz
      WHERE r.status = 'confirmed' AND (r.person_id = ${person.id} OR (r.person_id IS NULL AND r.email = ${email}))
      ORDER BY s.starts_at
      LIMIT 1)
    UNION ALL
    (SELECT 'certificate', NULL, x.course_title, x.code, x.issued_at FROM (
      (SELECT z.course_title, z.code, z.issued_at
        FROM registrations r
        JOIN certificates z ON z.registration_id = r.id AND z.revoked_at IS NULL
        WHERE r.person_id = ${person.id} OR (r.person_id IS NULL AND r.email = ${email})
        ORDER BY z.issued_at DESC
        LIMIT 10)
      UNION ALL
      -- a mentor certificate (issue #18) is held by the person, with no registration
      (SELECT z.course_title, z.code, z.issued_at
        FROM certificates z
        WHERE z.person_id = ${person.id} AND z.kind = 'mentor' AND z.revoked_at IS NULL
        ORDER BY z.issued_at DESC
        LIMIT 10)) x
      ORDER BY x.issued_at DESC
      LIMIT 10)
    UNION ALL
    (SELECT 'course', k.name, c.title, k.id::text, k.starts_on::timestamptz
      FROM registrations r
      JOIN cohorts k ON k.id = r.cohort_id AND k.status <> 'cancelled'
        AND k.ends_on >= (${now.toISOString()}::timestamptz - interval '14 days')::date
        AND k.organization_id = ${person.organizationId}
      JOIN courses c ON c.id = k.course_id
      WHERE r.status = 'confirmed' AND (r.person_id = ${person.id} OR (r.person_id IS NULL AND r.email = ${email}))
        AND EXISTS (SELECT 1 FROM lessons l WHERE l.course_id = c.id)
      ORDER BY k.starts_on, k.id
      LIMIT 3)
    UNION ALL
    (SELECT CASE WHEN s.status = 'to_revise' THEN 'revise' ELSE 'due' END, a.title, c.title,
        k.id::text || '/' || a.id::text, k.ends_on::timestamptz
      FROM registrations r
      JOIN cohorts k ON k.id = r.cohort_id AND k.status <> 'cancelled'
        AND k.ends_on >= (${now.toISOString()}::timestamptz)::date
        AND k.organization_id = ${person.organizationId}
      JOIN courses c ON c.id = k.course_id
      JOIN course_activities a ON a.course_id = c.id AND ${countsFor(sql`k`)}
      JOIN course_modules m ON m.id = a.module_id
      LEFT JOIN activity_submissions s ON s.activity_id = a.id AND s.registration_id = r.id
      WHERE r.status = 'confirmed' AND (r.person_id = ${person.id} OR (r.person_id IS NULL AND r.email = ${email}))
        AND (s.status IS NULL OR s.status = 'to_revise')
      ORDER BY k.ends_on, k.id, m.position, a.position
      LIMIT 5)`,
  );
  const session = rows.find((r) => r.kind === "session");
  return {
    nextSession: session
      ? {
          title: session.title ?? "",
          courseTitle: session.course_title,
          slug: session.key,
          startsAt: new Date(session.at),
        }
      : null,
    certificates: rows
      .filter((r) => r.kind === "certificate")
      .map((r) => ({ code: r.key, courseTitle: r.course_title, issuedAt: new Date(r.at) })),
    courses: rows
      .filter((r) => r.kind === "course")
      .map((r) => ({ cohortId: r.key, courseTitle: r.course_title, cohortName: r.title ?? "" })),
    activitiesDue: rows
      .filter((r) => r.kind === "due" || r.kind === "revise")
      .map((r) => {
        const [cohortId = "", activityId = ""] = r.key.split("/");
        return {
          cohortId,
          activityId,
          title: r.title ?? "",
          courseTitle: r.course_title,
          toRevise: r.kind === "revise",
        };
      }),
  };
}
