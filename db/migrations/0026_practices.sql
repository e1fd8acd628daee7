-- Spanish full-text search that ignores accents (issue #17; docs/research/community.md §1): stem with
-- the Spanish Snowball stemmer first, then unaccent the lexemes (unaccent before the stemmer breaks its
-- accented suffixes). The query side puts back the accent of the common endings ("-cion", "-logia").
CREATE EXTENSION IF NOT EXISTS unaccent;--> statement-breakpoint
CREATE OR REPLACE FUNCTION public.es_tsv(t text) RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE
 RETURN public.unaccent('public.unaccent'::regdictionary,
   to_tsvector('pg_catalog.spanish'::regconfig, coalesce(t, ''))::text)::tsvector;--> statement-breakpoint
CREATE OR REPLACE FUNCTION public.es_query(q text) RETURNS tsquery LANGUAGE sql IMMUTABLE PARALLEL SAFE
 RETURN public.unaccent('public.unaccent'::regdictionary,
   websearch_to_tsquery('pg_catalog.spanish'::regconfig,
     regexp_replace(regexp_replace(q, '([cs])ion\M', '\1ión', 'gi'), '(log|gog)ia(s?)\M', '\1ía\2', 'gi'))::text)::tsquery;--> statement-breakpoint
-- A practice's facets as lexemes of its search vector (each holds "=", which no word of a text does):
-- the search's filters and who may read it are then matched in the GIN index with the words, instead
-- of on each matching row (bench/practices.ts: 6–12 ms instead of 70–400 ms at 100,000 practices).
CREATE OR REPLACE FUNCTION public.practice_facets(org uuid, status text, visibility text, school uuid,
    level text, subject text, mbe int[]) RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE
 RETURN array_to_tsvector(ARRAY['org=' || org::text, 'status=' || status,
     CASE WHEN visibility = 'school' THEN 'school=' || school::text ELSE 'aud=open' END,
     'level=' || coalesce(level, '-'), 'subject=' || coalesce(subject, '-')]
   || string_to_array('mbe=' || array_to_string(mbe, ',mbe='), ','));--> statement-breakpoint
CREATE TABLE "practice_author_notices" (
	"person_id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"last_sent_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "practice_files" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"practice_id" uuid NOT NULL,
	"storage_key" text NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "practice_helpful" (
	"practice_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"notified_at" timestamp with time zone,
	CONSTRAINT "practice_helpful_practice_id_person_id_pk" PRIMARY KEY("practice_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "practices" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"title" text NOT NULL,
	"problem" text NOT NULL,
	"how_to" text NOT NULL,
	"level" text,
	"grade" text,
	"subject" text,
	"mbe_standards" integer[] DEFAULT '{}'::int[] NOT NULL,
	"step_categories" text[] DEFAULT '{}'::text[] NOT NULL,
	"video_url" text,
	"video_key" text,
	"video_type" text,
	"video_size" integer,
	"visibility" text NOT NULL,
	"shows_students" boolean DEFAULT false NOT NULL,
	"consent_by" text,
	"consent_on" date,
	"consent_use" text,
	"consent_recorded_at" timestamp with time zone,
	"consent_withdrawn_at" timestamp with time zone,
	"status" text NOT NULL,
	"published_at" timestamp with time zone,
	"proposed_by" uuid,
	"observation_id" uuid,
	"featured_at" timestamp with time zone,
	"featured_by" uuid,
	"helpful_count" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search_vector" "tsvector" GENERATED ALWAYS AS (setweight(public.es_tsv(title), 'A') || setweight(public.es_tsv(problem), 'B') || setweight(public.es_tsv(how_to), 'C') || public.practice_facets(organization_id, status, visibility, school_id, level, subject, mbe_standards)) STORED,
	CONSTRAINT "practices_status_ck" CHECK ("practices"."status" IN ('draft','published')),
	CONSTRAINT "practices_visibility_ck" CHECK ("practices"."visibility" IN ('school','network','public')),
	CONSTRAINT "practices_consent_ck" CHECK ("practices"."status" = 'draft' OR NOT "practices"."shows_students" OR ("practices"."consent_recorded_at" IS NOT NULL AND "practices"."consent_withdrawn_at" IS NULL)),
	CONSTRAINT "practices_published_ck" CHECK (("practices"."status" = 'published') = ("practices"."published_at" IS NOT NULL))
);
--> statement-breakpoint
ALTER TABLE "practice_author_notices" ADD CONSTRAINT "practice_author_notices_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_author_notices" ADD CONSTRAINT "practice_author_notices_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_files" ADD CONSTRAINT "practice_files_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_files" ADD CONSTRAINT "practice_files_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_files" ADD CONSTRAINT "practice_files_uploaded_by_persons_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_helpful" ADD CONSTRAINT "practice_helpful_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_helpful" ADD CONSTRAINT "practice_helpful_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_helpful" ADD CONSTRAINT "practice_helpful_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practices" ADD CONSTRAINT "practices_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practices" ADD CONSTRAINT "practices_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practices" ADD CONSTRAINT "practices_author_id_persons_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practices" ADD CONSTRAINT "practices_proposed_by_persons_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practices" ADD CONSTRAINT "practices_observation_id_observations_id_fk" FOREIGN KEY ("observation_id") REFERENCES "public"."observations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practices" ADD CONSTRAINT "practices_featured_by_persons_id_fk" FOREIGN KEY ("featured_by") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "practice_files_practice_idx" ON "practice_files" USING btree ("practice_id");--> statement-breakpoint
CREATE INDEX "practice_files_uploaded_by_idx" ON "practice_files" USING btree ("uploaded_by");--> statement-breakpoint
CREATE UNIQUE INDEX "practice_files_storage_key_uq" ON "practice_files" USING btree ("storage_key");--> statement-breakpoint
CREATE INDEX "practice_helpful_person_idx" ON "practice_helpful" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "practice_helpful_pending_idx" ON "practice_helpful" USING btree ("practice_id") WHERE "practice_helpful"."notified_at" IS NULL;--> statement-breakpoint
CREATE INDEX "practices_search_idx" ON "practices" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "practices_org_published_idx" ON "practices" USING btree ("organization_id","status","published_at");--> statement-breakpoint
CREATE INDEX "practices_school_idx" ON "practices" USING btree ("school_id","status","published_at");--> statement-breakpoint
CREATE INDEX "practices_author_idx" ON "practices" USING btree ("author_id");--> statement-breakpoint
CREATE INDEX "practices_proposed_by_idx" ON "practices" USING btree ("proposed_by");--> statement-breakpoint
CREATE INDEX "practices_featured_by_idx" ON "practices" USING btree ("featured_by");--> statement-breakpoint
CREATE UNIQUE INDEX "practices_observation_uq" ON "practices" USING btree ("observation_id");