// Finding practices (issue #17): PostgreSQL's Spanish full-text search with accents ignored on both
// engines (es_tsv/es_query, migration 0026: "retroalimentacion" finds "retroalimentación" and
// "retroalimentar"), filters by level, asignatura, standard and school, ranked by how well the title,
// then the problem, then the how-to match, and the newest first. The actor sees what the policy lets
// them read: published practices of the network and the public ones of their organization, and "my
// school" ones of the schools they work in or advise. Public practices also have pages without an
// account (publicPractice), which search engines read.
import { type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import { db, preparedRowsOf, rowsOf, uuidArray } from "../../platform/db/client";
import { isUuid } from "../../platform/ids";
import type { Actor } from "../../platform/policy";
import { renderRichText } from "../../platform/rich-text";
import { MBE_STANDARDS } from "../observation/content";
import {
  PRACTICE_LEVELS,
  PRACTICE_LIMITS,
  PRACTICE_SUBJECTS,
  PRACTICES_PER_PAGE,
  type PracticeLevel,
  type PracticeSubject,
} from "./content";
import { readableSchoolIds } from "./policy";

const filtersSchema = z.object({
  q: z.string().trim().max(PRACTICE_LIMITS.query).catch(""),
  level: z.enum(PRACTICE_LEVELS).nullable().catch(null),
  subject: z.enum(PRACTICE_SUBJECTS).nullable().catch(null),
  standard: z.coerce
    .number()
    .refine((n) => (MBE_STANDARDS as readonly number[]).includes(n))
    .nullable()
    .catch(null),
  schoolId: z.string().refine(isUuid).nullable().catch(null),
  page: z.coerce.number().int().min(1).max(1000).catch(1),
});

export type PracticeFilters = z.infer<typeof filtersSchema>;

/** The filters as a search page's address gives them (Spanish names); a bad value is ignored. */
export function filtersFrom(params: URLSearchParams): PracticeFilters {
  const value = (name: string) => params.get(name) || null;
  return filtersSchema.parse({
    q: params.get("q") ?? "",
    level: value("nivel"),
    subject: value("asignatura"),
    standard: value("estandar"),
    schoolId: value("establecimiento"),
    page: params.get("pagina") ?? 1,
  });
}

export interface PracticeCard {
  id: string;
  title: string;
  problem: string;
  school: string;
  author: string;
  level: PracticeLevel | null;
  subject: PracticeSubject | null;
  grade: string | null;
  mbeStandards: number[];
  helpfulCount: number;
  hasVideo: boolean;
  publishedAt: Date;
}

interface CardRow {
  id: string;
  title: string;
  problem: string;
  school: string;
  author: string;
  level: PracticeLevel | null;
  subject: PracticeSubject | null;
  grade: string | null;
  mbe_standards: number[] | string;
  helpful_count: number;
  has_video: boolean;
  published_at: Date | string;
}

const intList = (v: number[] | string): number[] =>
  Array.isArray(v) ? v : v.replace(/[{}]/g, "").split(",").filter(Boolean).map(Number);

function cardOf(r: CardRow): PracticeCard {
  return {
    id: r.id,
    title: r.title,
    // a card shows the problem's start
    problem: r.problem.length > 240 ? `${r.problem.slice(0, 239)}…` : r.problem,
    school: r.school,
    author: r.author,
    level: r.level,
    subject: r.subject,
    grade: r.grade,
    mbeStandards: intList(r.mbe_standards),
    helpfulCount: r.helpful_count,
    hasVideo: r.has_video,
    publishedAt: new Date(r.published_at),
  };
}

const CARD_COLUMNS = sql`p.id, p.title, left(p.problem, 240) AS problem, s.name AS school,
  a.given_names || ' ' || a.family_names AS author, p.level, p.subject, p.grade, p.mbe_standards,
  p.helpful_count, (p.video_key IS NOT NULL OR p.video_url IS NOT NULL) AS has_video, p.published_at`;

/**
 * A page of the practices the actor may read that match the filters, best match first (newest first
 * without words). `more`: there is a next page (counting every match of a network of 100,000 is not
 * worth its time on each visit).
 */
export async function searchPractices(actor: Actor, filters: PracticeFilters) {
  const words = filters.q !== "";
  const conditions: SQL[] = [];
  if (words) {
    // words: the filters and who may read are facets of the search vector (practice_facets, migration
    // 0026), matched in the GIN index with the words; each facet is an id or a value of a closed list
    const facets = [
      `'org=${actor.organizationId}'`,
      "'status=published'",
      `(${[
        "'aud=open'",
        ...readableSchoolIds(actor)
          .filter(isUuid)
          .map((id) => `'school=${id}'`),
      ].join(" | ")})`,
      ...(filters.level ? [`'level=${filters.level}'`] : []),
      ...(filters.subject ? [`'subject=${filters.subject}'`] : []),
      ...(filters.standard ? [`'mbe=${filters.standard}'`] : []),
    ].join(" & ");
    conditions.push(sql`p.search_vector @@ (public.es_query(${filters.q}) && ${facets}::tsquery)`);
    // words the language drops ("de la") are no search
    conditions.push(sql`numnode(public.es_query(${filters.q})) > 0`);
  } else {
    // no words: the newest first, along the index of the organization's published practices
    conditions.push(
      sql`p.organization_id = ${actor.organizationId}`,
      sql`p.status = 'published'`,
      sql`(p.visibility <> 'school' OR p.school_id = ANY(${uuidArray(readableSchoolIds(actor))}))`,
    );
    if (filters.level) conditions.push(sql`p.level = ${filters.level}`);
    if (filters.subject) conditions.push(sql`p.subject = ${filters.subject}`);
    if (filters.standard) conditions.push(sql`${filters.standard}::int = ANY(p.mbe_standards)`);
  }
  if (filters.schoolId) conditions.push(sql`p.school_id = ${filters.schoolId}`);
  const offset = (filters.page - 1) * PRACTICES_PER_PAGE;
  const rows = await rowsOf<CardRow>(
    db(),
    sql`
    SELECT ${CARD_COLUMNS}
    FROM practices p JOIN schools s ON s.id = p.school_id JOIN persons a ON a.id = p.author_id
    WHERE ${sql.join(conditions, sql` AND `)}
    ORDER BY ${words ? sql`ts_rank(p.search_vector, public.es_query(${filters.q})) DESC,` : sql``} p.published_at DESC, p.id
    LIMIT ${PRACTICES_PER_PAGE + 1} OFFSET ${offset}`,
  );
  return {
    practices: rows.slice(0, PRACTICES_PER_PAGE).map(cardOf),
    more: rows.length > PRACTICES_PER_PAGE,
    page: filters.page,
  };
}

/** The schools the search's school filter offers: the actor's own (and the one chosen, if another). */
export async function schoolChoices(actor: Actor, chosen: string | null) {
  const ids = [...readableSchoolIds(actor), ...(chosen ? [chosen] : [])];
  if (ids.length === 0) return [];
  return rowsOf<{ id: string; name: string }>(
    db(),
    sql`SELECT id, name FROM schools WHERE organization_id = ${actor.organizationId}
      AND id = ANY(${uuidArray(ids)}) ORDER BY name`,
  );
}

/** A school's featured practices, for its page (its staff's: "my school" ones included). */
export async function featuredPractices(actor: Actor, schoolId: string): Promise<PracticeCard[]> {
  if (!isUuid(schoolId) || !readableSchoolIds(actor).includes(schoolId)) return [];
  const rows = await preparedRowsOf<CardRow>(
    "practices_featured",
    sql`
    SELECT ${CARD_COLUMNS}
    FROM practices p JOIN schools s ON s.id = p.school_id JOIN persons a ON a.id = p.author_id
    WHERE p.school_id = ${schoolId} AND p.organization_id = ${actor.organizationId}
      AND p.status = 'published' AND p.featured_at IS NOT NULL
    ORDER BY p.featured_at DESC, p.id
    LIMIT 6`,
  );
  return rows.map(cardOf);
}

/** Public practices, newest first, for the page without an account (a page at a time). */
export async function publicPractices(page: number) {
  const offset = (Math.max(1, Math.min(1000, Math.trunc(page) || 1)) - 1) * PRACTICES_PER_PAGE;
  const rows = await rowsOf<CardRow>(
    db(),
    sql`
    SELECT ${CARD_COLUMNS}
    FROM practices p JOIN schools s ON s.id = p.school_id JOIN persons a ON a.id = p.author_id
    WHERE p.status = 'published' AND p.visibility = 'public'
    ORDER BY p.published_at DESC, p.id
    LIMIT ${PRACTICES_PER_PAGE + 1} OFFSET ${offset}`,
  );
  return { practices: rows.slice(0, PRACTICES_PER_PAGE).map(cardOf), more: rows.length > PRACTICES_PER_PAGE };
}

/** A public practice as anyone reads it (null: no such public practice). */
export async function publicPractice(practiceId: string) {
  if (!isUuid(practiceId)) return null;
  const [row] = await rowsOf<
    CardRow & {
      full_problem: string;
      how_to: string;
      video_url: string | null;
      video_type: string | null;
      organization: string;
    }
  >(
    db(),
    sql`
    SELECT ${CARD_COLUMNS}, p.problem AS full_problem, p.how_to, p.video_url, p.video_type, o.name AS organization
    FROM practices p JOIN schools s ON s.id = p.school_id JOIN persons a ON a.id = p.author_id
      JOIN organizations o ON o.id = p.organization_id
    WHERE p.id = ${practiceId} AND p.status = 'published' AND p.visibility = 'public'`,
  );
  if (!row) return null;
  return {
    ...cardOf(row),
    problem: row.full_problem,
    howToHtml: renderRichText(row.how_to),
    videoUrl: row.video_url,
    hasUploadedVideo: row.video_type !== null,
    videoType: row.video_type,
    organization: row.organization,
  };
}
