// The practices library's tables (issue #17, "Practices library"): a practice a teacher or leader
// shares (what problem it solves, how it is done, its context and tags, files, a video), who must
// consent before a practice that shows students is published, and who found it useful ("me sirvió",
// told to its author in the discussions' daily digest). Comments are the discussions module's posts, in the practice's
// own space ("practice", one thread per practice: spaces.ts).
import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { observations } from "../observation/schema";
import { organizations, persons, schools } from "../people/schema";
import type { PracticeLevel, PracticeStatus, PracticeSubject, PracticeVisibility } from "./content";

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

export const practices = pgTable(
  "practices",
  {
    id: uuid("id").primaryKey(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    /** the author's school, where the practice is done */
    schoolId: uuid("school_id")
      .notNull()
      .references(() => schools.id),
    authorId: uuid("author_id")
      .notNull()
      .references(() => persons.id),
    title: text("title").notNull(),
    /** plain text: the problem it solves */
    problem: text("problem").notNull(),
    /** formatted text (Markdown, rendered safe): how it is done */
    howTo: text("how_to").notNull(),
    level: text("level").$type<PracticeLevel>(),
    /** the curso, as people write it ("4° básico B") */
    grade: text("grade"),
    subject: text("subject").$type<PracticeSubject>(),
    /** Marco para la Buena Enseñanza standards (5–9) and action-step categories it is about */
    mbeStandards: integer("mbe_standards").array().notNull().default(sql`'{}'::int[]`),
    stepCategories: text("step_categories").array().notNull().default(sql`'{}'::text[]`),
    /** a link to a video elsewhere (https only) */
    videoUrl: text("video_url"),
    /** an uploaded classroom clip, in the file store */
    videoKey: text("video_key"),
    videoType: text("video_type"),
    videoSize: integer("video_size"),
    visibility: text("visibility").notNull().$type<PracticeVisibility>(),
    /** it shows students (photo, video): published only with consent on record */
    showsStudents: boolean("shows_students").notNull().default(false),
    /** who gave consent, when, for which use; withdrawing it unpublishes the practice */
    consentBy: text("consent_by"),
    consentOn: date("consent_on"),
    consentUse: text("consent_use"),
    /** the widest audience the consent covers (a practice is published to it or a narrower one) */
    consentAudience: text("consent_audience").$type<PracticeVisibility>(),
    consentRecordedAt: timestamp("consent_recorded_at", { withTimezone: true }),
    consentWithdrawnAt: timestamp("consent_withdrawn_at", { withTimezone: true }),
    status: text("status").notNull().$type<PracticeStatus>(),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    /** proposed by an observer from a visit: a draft the teacher owns */
    proposedBy: uuid("proposed_by").references(() => persons.id),
    observationId: uuid("observation_id").references(() => observations.id, { onDelete: "set null" }),
    /** a leader of its school featured it on the school's page */
    featuredAt: timestamp("featured_at", { withTimezone: true }),
    featuredBy: uuid("featured_by").references(() => persons.id),
    helpfulCount: integer("helpful_count").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    /**
     * Spanish full-text search, accents ignored (es_tsv: migration 0026), with the practice's facets as
     * lexemes holding "=" (practice_facets: its organization, status, audience, level, subject, standards),
     * so that a search's filters are matched in the index (search.ts)
     */
    searchVector: tsvector("search_vector").generatedAlwaysAs(
      sql`setweight(public.es_tsv(title), 'A') || setweight(public.es_tsv(problem), 'B') || setweight(public.es_tsv(how_to), 'C') || public.practice_facets(organization_id, status, visibility, school_id, level, subject, mbe_standards)`,
    ),
  },
  (t) => [
    index("practices_search_idx").using("gin", t.searchVector),
    index("practices_org_published_idx").on(t.organizationId, t.status, t.publishedAt),
    index("practices_school_idx").on(t.schoolId, t.status, t.publishedAt),
    index("practices_author_idx").on(t.authorId),
    index("practices_proposed_by_idx").on(t.proposedBy),
    index("practices_featured_by_idx").on(t.featuredBy),
    uniqueIndex("practices_observation_uq").on(t.observationId),
    check("practices_status_ck", sql`${t.status} IN ('draft','published')`),
    check("practices_visibility_ck", sql`${t.visibility} IN ('school','network','public')`),
    // published: with consent on record (and not withdrawn), for its audience, when it shows students
    check(
      "practices_consent_ck",
      sql`${t.status} = 'draft' OR NOT ${t.showsStudents} OR (${t.consentRecordedAt} IS NOT NULL AND ${t.consentWithdrawnAt} IS NULL
        AND (${t.consentAudience} = ${t.visibility} OR ${t.consentAudience} = 'public' OR (${t.consentAudience} = 'network' AND ${t.visibility} = 'school')))`,
    ),
    // a classroom clip shows students
    check("practices_clip_students_ck", sql`${t.videoKey} IS NULL OR ${t.showsStudents}`),
    check(
      "practices_consent_audience_ck",
      sql`${t.consentAudience} IS NULL OR ${t.consentAudience} IN ('school','network','public')`,
    ),
    check("practices_published_ck", sql`(${t.status} = 'published') = (${t.publishedAt} IS NOT NULL)`),
  ],
);

/** A file attached to a practice (a worksheet, a rubric, a photo). */
export const practiceFiles = pgTable(
  "practice_files",
  {
    id: uuid("id").primaryKey(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    practiceId: uuid("practice_id")
      .notNull()
      .references(() => practices.id, { onDelete: "cascade" }),
    storageKey: text("storage_key").notNull(),
    fileName: text("file_name").notNull(),
    contentType: text("content_type").notNull(),
    size: integer("size").notNull(),
    sha256: text("sha256").notNull(),
    uploadedBy: uuid("uploaded_by")
      .notNull()
      .references(() => persons.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("practice_files_practice_idx").on(t.practiceId),
    index("practice_files_uploaded_by_idx").on(t.uploadedBy),
    uniqueIndex("practice_files_storage_key_uq").on(t.storageKey),
  ],
);

/** A colleague marked the practice "me sirvió" (once each); its author hears of it in their daily digest. */
export const practiceHelpful = pgTable(
  "practice_helpful",
  {
    practiceId: uuid("practice_id")
      .notNull()
      .references(() => practices.id, { onDelete: "cascade" }),
    personId: uuid("person_id")
      .notNull()
      .references(() => persons.id),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.practiceId, t.personId] }),
    index("practice_helpful_person_idx").on(t.personId),
  ],
);
