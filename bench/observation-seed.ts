// The observation benchmark's data set: one organization with 1,000 schools, 40,000 teachers, three
// observers per school (two leaders and a mentor), 20 coordinators advising 50 schools each, the seeded
// instruments and action-step catalogue, and 1,000,000 submitted visits over the last two school years
// with their evidence, levels, time-on-task snapshots, feedback meetings and action steps (exactly one
// open step per teacher), plus one draft visit per school. The network's coordinators each advise 50
// schools (20 coordinators, so that the network dashboard is measured over different people and data).
//
// Every row is generated inside PostgreSQL by set-based INSERT … SELECT over generate_series, with
// deterministic pseudo-random values taken from hashes of the series number (the same data every run,
// apart from dates, which are relative to the day of the run). Node sends a few dozen statements.
//
// Standalone, to get a large database to look at:
//   node scripts/node24.mjs bench/observation-seed.ts postgres://user@host/db   (an empty database)
import pg from "pg";
import { ensureObservationSetup } from "~/modules/observation/setup";
import { COMUNAS } from "~/modules/people/territory";
import { openAppDatabase } from "./harness";

export const SCHOOLS = 1_000;
export const TEACHERS_PER_SCHOOL = 40;
export const TEACHERS = SCHOOLS * TEACHERS_PER_SCHOOL;
/** per school: two leaders (Director/a, Jefe/a UTP) and a mentor */
export const OBSERVERS_PER_SCHOOL = 3;
export const VISITS_PER_TEACHER = 25;
export const VISITS = TEACHERS * VISITS_PER_TEACHER;
export const ADVISED_SCHOOLS = 50;
export const COORDINATORS = SCHOOLS / ADVISED_SCHOOLS;
/** a new action step every STEP_EVERY visits: steps 0…8 per teacher, the last one open */
const STEP_EVERY = 3;
export const STEPS_PER_TEACHER = Math.floor((VISITS_PER_TEACHER - 1) / STEP_EVERY) + 1;

/** What the benchmark needs to find its people again. */
export interface SeededData {
  organizationId: string;
  counts: Record<string, number>;
}

const GIVEN = [
  "Camila",
  "Javiera",
  "Matías",
  "Benjamín",
  "María José",
  "Ana María",
  "Cristóbal",
  "Sebastián",
  "Rocío",
  "Héctor",
  "Joaquín",
  "Valentina",
  "Catalina",
  "Ignacio",
  "Constanza",
  "Francisca",
  "Tomás",
  "Fernanda",
  "Andrés",
  "Daniela",
  "Patricio",
  "Ximena",
  "Claudio",
  "Marcela",
];
const FAMILY = [
  "González",
  "Muñoz",
  "Rojas",
  "Díaz",
  "Pérez",
  "Soto",
  "Contreras",
  "Silva",
  "Martínez",
  "Sepúlveda",
  "Morales",
  "Rodríguez",
  "López",
  "Fuentes",
  "Hernández",
  "Torres",
  "Araya",
  "Flores",
  "Espinoza",
  "Valenzuela",
  "Castillo",
  "Tapia",
  "Reyes",
  "Gutiérrez",
  "Castro",
  "Pizarro",
  "Álvarez",
  "Vásquez",
  "Sánchez",
  "Huenchumilla",
  "Ñancupil",
  "Núñez",
];
const SCHOOL_KINDS = [
  "Escuela Básica",
  "Liceo",
  "Colegio",
  "Escuela",
  "Complejo Educacional",
  "Liceo Bicentenario",
];
const SCHOOL_PATRONS = [
  "Gabriela Mistral",
  "Arturo Prat",
  "Pablo Neruda",
  "Bernardo O'Higgins",
  "Violeta Parra",
  "Manuel Rodríguez",
  "Lautaro",
  "República de Chile",
  "Los Aromos",
  "Villa Alegre",
  "San Sebastián",
  "El Bosque",
  "Teniente Merino",
  "Juan Luis Vives",
  "Amanda Labarca",
  "Galvarino",
];
const DEPENDENCIAS = ["municipal_daem", "municipal_corporacion", "slep", "particular_subvencionado"];
const GRADES = [
  "1° básico",
  "2° básico",
  "3° básico",
  "4° básico",
  "5° básico",
  "6° básico",
  "7° básico",
  "8° básico",
  "1° medio",
  "2° medio",
  "3° medio",
  "4° medio",
];
const SUBJECTS = [
  "Lenguaje y Comunicación",
  "Matemática",
  "Historia, Geografía y Ciencias Sociales",
  "Ciencias Naturales",
  "Inglés",
  "Artes Visuales",
  "Educación Física y Salud",
  "Tecnología",
];
const NOTES = [
  "La docente espera en silencio; 6 estudiantes siguen conversando al minuto 2.",
  "Instrucción oral para la guía: 9 estudiantes preguntan qué hacer.",
  "A los 10 minutos, 20 de 30 escriben en la guía.",
  "Instrucción escrita en la pizarra con tres pasos; 25 de 30 comienzan al minuto 1.",
  "Dos estudiantes preguntan por el tiempo; el docente señala la pizarra.",
  "Cierre: se pide a 3 estudiantes leer su respuesta en voz alta.",
  "Pregunta abierta al curso; responden los mismos 4 estudiantes de la primera fila.",
  "Usa palitos con nombres: 5 estudiantes distintos responden en 4 minutos.",
  "Objetivo de la clase escrito en la pizarra y leído al inicio.",
  "Trabajo en parejas; el docente recorre la sala y revisa 8 cuadernos.",
  "Transición de la lectura a la guía toma 4 minutos; 3 estudiantes sin material.",
  "Retroalimenta un error común a todo el curso con un ejemplo en la pizarra.",
  "Ticket de salida de 2 preguntas; 27 de 30 lo entregan.",
  "Al minuto 25, 7 estudiantes con la cabeza sobre la mesa.",
  "Modela el procedimiento paso a paso pensando en voz alta.",
  "Felicita el esfuerzo de un estudiante y describe qué hizo bien.",
];
const PRAISE = [
  "Saludaste a cada estudiante en la puerta y la clase empezó a la hora.",
  "La instrucción escrita en tres pasos hizo que casi todos comenzaran al primer minuto.",
  "Usaste los nombres de los estudiantes al preguntar y respondieron estudiantes distintos.",
  "El ticket de salida te mostró quiénes lograron el objetivo.",
  "Tu modelado en voz alta hizo visible cómo se resuelve el problema.",
];
const GAPS = [
  "Las instrucciones se dieron solo de forma oral y sin tiempo definido.",
  "Las preguntas las respondieron siempre los mismos estudiantes.",
  "La transición entre actividades tomó varios minutos sin una rutina.",
  "No hubo una forma de saber quiénes entendieron antes de seguir.",
];
const PLANS = [
  "Escribir en la pizarra qué, cómo y en cuánto tiempo antes de cada actividad.",
  "Preparar tres preguntas para hacer con palitos con nombres.",
  "Ensayar la rutina de transición con el curso el lunes.",
  "Diseñar un ticket de salida de dos preguntas para cada clase de la semana.",
];
const MBE_SCORED = [
  "b5.1",
  "b5.2",
  "b5.3",
  "b6.1",
  "b6.2",
  "c7.1",
  "c7.2",
  "c7.3",
  "c8.1",
  "c8.2",
  "c8.3",
  "c9.1",
  "c9.2",
  "c9.3",
];
const WALKTHROUGH_KEYS = ["wt.foco", "wt.estudiantes", "wt.docente"];

/** A SQL text[] literal, parenthesized so that it can be subscripted. */
const lit = (values: readonly string[]) =>
  `(ARRAY[${values.map((v) => `'${v.replaceAll("'", "''")}'`).join(",")}]::text[])`;

/**
 * Seeds an empty, migrated database (the organization and everything in it) and runs ANALYZE.
 * log() gets one line per step with its duration.
 */
export async function seedObservationData(
  databaseUrl: string,
  log: (message: string) => void = () => {},
): Promise<SeededData> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const step = async (what: string, sql: string, params: unknown[] = []) => {
    const started = performance.now();
    const result = await client.query(sql, params);
    log(`  ${what}: ${result.rowCount ?? 0} filas, ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return result;
  };
  try {
    // Temporary tables hold the generated visits and steps; they live in this session's memory.
    await client.query("SET temp_buffers = '1GB'");
    await client.query("SET work_mem = '256MB'");
    await client.query("SET maintenance_work_mem = '1GB'");
    await client.query("SET synchronous_commit = off");
    // Seeded rows are not counted as changes for the dashboards (figure-triggers.ts): every school starts
    // at 0, as if never changed.
    await client.query("SET impulso.skip_figure_versions = 'on'");
    const now = new Date();
    // h(n, salt): a non-negative pseudo-random int from a number (Jenkins hash of PostgreSQL's hashint8).
    await client.query(
      "CREATE FUNCTION pg_temp.h(n bigint, salt int) RETURNS int LANGUAGE sql IMMUTABLE AS $$ SELECT hashint8(n * 64 + salt) & 2147483647 $$",
    );
    // uid(at, kind, n): a UUIDv7 as the app makes them (time-ordered), with time `at`; its "random" bits
    // are a table code and the series number, so ids are unique by construction and the same every run.
    // STABLE (not IMMUTABLE, which date_part on timestamptz is not) so that PostgreSQL inlines it.
    await client.query(`CREATE FUNCTION pg_temp.uid(at timestamptz, kind int, n bigint) RETURNS uuid LANGUAGE sql STABLE AS $$
      SELECT (lpad(to_hex((date_part('epoch', at) * 1000)::bigint), 12, '0') || '7' || lpad(to_hex(kind), 3, '0')
        || '8' || lpad(to_hex(n), 15, '0'))::uuid $$`);
    // dv(body): the módulo 11 check digit of a RUT or RBD.
    await client.query(`CREATE FUNCTION pg_temp.dv(body bigint) RETURNS text LANGUAGE sql IMMUTABLE AS $$
      SELECT CASE r WHEN 11 THEN '0' WHEN 10 THEN 'K' ELSE r::text END FROM (
        SELECT 11 - sum(substr(reverse(body::text), i, 1)::int * (2 + (i - 1) % 6)) % 11 AS r
        FROM generate_series(1, length(body::text)) i) x $$`);
    // search(text): the app's search_text (lower case, no diacritics) for the letters used here.
    await client.query(`CREATE FUNCTION pg_temp.search(t text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
      SELECT lower(translate(t, 'ÁÉÍÓÚÑÜáéíóúñü', 'AEIOUNUaeiounu')) $$`);

    // ── Organization, instruments and catalogue ────────────────────────────────────────────────────
    const organizationId = (
      await step(
        "organización",
        `INSERT INTO organizations (id, name, slug) VALUES (pg_temp.uid(now(), 1, 0), 'Red Escolar Benchmark', 'red-benchmark') RETURNING id`,
      )
    ).rows[0].id as string;
    const app = await openAppDatabase(databaseUrl);
    try {
      await ensureObservationSetup(organizationId);
    } finally {
      await app.close();
    }
    const versions = (
      await client.query(
        `SELECT v.id, (v.content->'sections'->0->>'key') = 'wt' AS walkthrough
         FROM instrument_versions v WHERE v.organization_id = $1`,
        [organizationId],
      )
    ).rows as Array<{ id: string; walkthrough: boolean }>;
    const mbeVersion = versions.find((v) => !v.walkthrough)?.id;
    const walkthroughVersion = versions.find((v) => v.walkthrough)?.id;
    if (!mbeVersion || !walkthroughVersion) throw new Error("faltan las pautas sembradas");
    await client.query(
      `CREATE TEMP TABLE cat AS SELECT (row_number() OVER (ORDER BY category, position) - 1)::int AS n,
         id, category, title, mastery FROM catalogue_steps WHERE organization_id = $1`,
      [organizationId],
    );
    const catalogueSize = Number((await client.query("SELECT count(*) AS n FROM cat")).rows[0].n);

    // ── Schools ──────────────────────────────────────────────────────────────────────────────────
    await step(
      "establecimientos",
      `CREATE TEMP TABLE sch AS
       SELECT s, pg_temp.uid($1::timestamptz - interval '900 days', 2, s) AS id,
         ${lit(SCHOOL_KINDS)}[1 + pg_temp.h(s, 1) % ${SCHOOL_KINDS.length}] || ' ' ||
         ${lit(SCHOOL_PATRONS)}[1 + pg_temp.h(s, 2) % ${SCHOOL_PATRONS.length}] || ' ' ||
         ${lit(["D", "E", "F", "A"])}[1 + s % 4] || '-' || (100 + s) AS name,
         10000 + s * 37 AS rbd,
         1 + pg_temp.h(s, 3) % ${COMUNAS.length} AS comuna
       FROM generate_series(0, ${SCHOOLS - 1}) s`,
      [now],
    );
    await step(
      "schools",
      `INSERT INTO schools (id, organization_id, name, rbd, rbd_check_digit, region_code, comuna_code, dependencia,
         sostenedor, ive, ive_year, address, search_text, created_at, updated_at)
       SELECT id, $1, name, rbd, pg_temp.dv(rbd), ($3::text[])[comuna], ($2::text[])[comuna],
         ${lit(DEPENDENCIAS)}[1 + pg_temp.h(s, 4) % ${DEPENDENCIAS.length}],
         'Sostenedor ' || (1 + s / 20), (pg_temp.h(s, 5) % 1001) / 10.0, 2025,
         'Calle ' || ${lit(SCHOOL_PATRONS)}[1 + pg_temp.h(s, 6) % ${SCHOOL_PATRONS.length}] || ' ' || (100 + pg_temp.h(s, 7) % 3000),
         pg_temp.search(name || ' ' || rbd), $4::timestamptz - interval '900 days', $4::timestamptz - interval '900 days'
       FROM sch ORDER BY s`,
      [organizationId, COMUNAS.map((c) => c.code), COMUNAS.map((c) => c.regionCode), now],
    );

    // ── People: teachers 0…39,999 (40 per school), observers (3 per school), one coordinator ──────
    const observers = SCHOOLS * OBSERVERS_PER_SCHOOL;
    const coordinatorIndex = TEACHERS + observers; // the first of them
    await step(
      "personas (tabla de trabajo)",
      `CREATE TEMP TABLE pp AS
       SELECT p, pg_temp.uid($1::timestamptz - interval '800 days', 3, p) AS id,
         CASE WHEN p < ${TEACHERS} THEN p / ${TEACHERS_PER_SCHOOL}
              WHEN p < ${coordinatorIndex} THEN (p - ${TEACHERS}) / ${OBSERVERS_PER_SCHOOL} END AS school,
         CASE WHEN p < ${TEACHERS} THEN 'teacher'
              WHEN p >= ${coordinatorIndex} THEN 'coordinator'
              WHEN (p - ${TEACHERS}) % ${OBSERVERS_PER_SCHOOL} = 2 THEN 'mentor' ELSE 'leader' END AS role,
         CASE WHEN p >= ${TEACHERS} AND p < ${coordinatorIndex} AND (p - ${TEACHERS}) % ${OBSERVERS_PER_SCHOOL} = 0 THEN 'Director/a'
              WHEN p >= ${TEACHERS} AND p < ${coordinatorIndex} AND (p - ${TEACHERS}) % ${OBSERVERS_PER_SCHOOL} = 1 THEN 'Jefe/a UTP' END AS title,
         ${lit(GIVEN)}[1 + pg_temp.h(p, 1) % ${GIVEN.length}] AS given,
         ${lit(FAMILY)}[1 + pg_temp.h(p, 2) % ${FAMILY.length}] || ' ' || ${lit(FAMILY)}[1 + pg_temp.h(p, 3) % ${FAMILY.length}] AS family,
         CASE WHEN p < ${TEACHERS} THEN 'docente' || p WHEN p < ${coordinatorIndex} THEN 'equipo' || (p - ${TEACHERS})
           ELSE 'coordinacion' || (p - ${coordinatorIndex}) END
           || '@red-benchmark.cl' AS email,
         10000000 + p * 613 AS rut
       FROM generate_series(0, ${coordinatorIndex + COORDINATORS - 1}) p`,
      [now],
    );
    await client.query("ALTER TABLE pp ADD PRIMARY KEY (p)");
    await step(
      "persons",
      `INSERT INTO persons (id, organization_id, given_names, family_names, email, rut, status, search_text, created_at, updated_at)
       SELECT id, $1, given, family, email, rut || '-' || pg_temp.dv(rut), 'active',
         pg_temp.search(given || ' ' || family || ' ' || email), $2::timestamptz - interval '800 days', $2::timestamptz - interval '800 days'
       FROM pp ORDER BY p`,
      [organizationId, now],
    );
    await step(
      "memberships",
      `INSERT INTO memberships (id, organization_id, person_id, school_id, role, title, created_at)
       SELECT pg_temp.uid($2::timestamptz - interval '800 days', 4, p), $1, pp.id, sch.id, role, title,
         $2::timestamptz - interval '800 days'
       FROM pp LEFT JOIN sch ON sch.s = pp.school ORDER BY p`,
      [organizationId, now],
    );
    await step(
      "coordinator_schools",
      `INSERT INTO coordinator_schools (organization_id, person_id, school_id, created_at)
       SELECT $1, pp.id, sch.id, $2::timestamptz - interval '800 days'
       FROM sch JOIN pp ON pp.p = ${coordinatorIndex} + sch.s / ${ADVISED_SCHOOLS}`,
      [organizationId, now],
    );
    await step(
      "school_observation_settings",
      `INSERT INTO school_observation_settings (school_id, organization_id) SELECT id, $1 FROM sch`,
      [organizationId],
    );

    // ── Visits ─────────────────────────────────────────────────────────────────────────────────────
    // School days of the last two school years (March to mid-December, weekdays, no winter break),
    // ending three days ago so that every meeting (at most two days after its visit) is in the past.
    await step(
      "días de clases",
      `CREATE TEMP TABLE days AS
       SELECT (row_number() OVER (ORDER BY d) - 1)::int AS n, d::date AS d
       FROM generate_series(($1::timestamptz - interval '730 days')::date, ($1::timestamptz - interval '3 days')::date, interval '1 day') d
       WHERE extract(isodow FROM d) < 6 AND extract(month FROM d) BETWEEN 3 AND 12
         AND NOT (extract(month FROM d) = 12 AND extract(day FROM d) > 18)
         AND NOT (extract(month FROM d) = 7 AND extract(day FROM d) <= 14)`,
      [now],
    );
    await client.query("ALTER TABLE days ADD PRIMARY KEY (n)");
    const schoolDays = Number((await client.query("SELECT count(*) AS n FROM days")).rows[0].n);
    // Visit k of teacher t (g = t·25 + k) falls in the k-th of 25 equal stretches of school days, in
    // the first half of it, so that consecutive visits are at least half a stretch (≈ 7 school days) apart.
    // Its meeting: always for every third visit (it names the teacher's next step), for 77 % of the others.
    await step(
      "visitas (tabla de trabajo)",
      `CREATE TEMP TABLE v AS
       SELECT g, t, k, t / ${TEACHERS_PER_SCHOOL} AS school, started_at,
         pg_temp.uid(started_at, 5, g) AS id,
         started_at + (25 + pg_temp.h(g, 3) % 30) * interval '1 minute' AS submitted_at,
         ${TEACHERS} + (t / ${TEACHERS_PER_SCHOOL}) * ${OBSERVERS_PER_SCHOOL} + pg_temp.h(g, 4) % ${OBSERVERS_PER_SCHOOL} AS observer,
         pg_temp.h(g, 5) % 10 < 8 AS mbe,
         k % ${STEP_EVERY} = 0 OR pg_temp.h(g, 6) % 100 < 77 AS held,
         started_at + (2 + pg_temp.h(g, 7) % 46) * interval '1 hour' AS meeting_at,
         CASE WHEN k = 0 THEN NULL WHEN k % ${STEP_EVERY} = 0 AND pg_temp.h(g, 8) % 10 < 7 THEN 'mastered' ELSE 'continued' END AS focus_result
       FROM (
         SELECT g, g / ${VISITS_PER_TEACHER} AS t, g % ${VISITS_PER_TEACHER} AS k,
           (d.d + interval '8 hours' + (pg_temp.h(g, 2) % 450) * interval '1 minute') AT TIME ZONE 'America/Santiago' AS started_at
         FROM generate_series(0, ${VISITS - 1}) g
         JOIN days d ON d.n = ((g % ${VISITS_PER_TEACHER}) * ${schoolDays}) / ${VISITS_PER_TEACHER}
           + pg_temp.h(g, 1) % greatest(1, ${schoolDays} / ${2 * VISITS_PER_TEACHER})
       ) x`,
    );
    await client.query("ALTER TABLE v ADD PRIMARY KEY (g)");

    // Bulk loading as PostgreSQL's manual advises ("Populating a Database"): the six big tables lose
    // their keys, indexes and foreign keys while they are filled, and get them back afterwards from
    // their own definitions. Re-creating them checks every row: a duplicate or a dangling reference
    // fails the seeding, as the constraints would have one row at a time.
    const restore = await dropKeysAndIndexes(client, BULK_TABLES);
    // Nor do they fill the statement triggers' transition tables with millions of rows.
    for (const table of BULK_TABLES) await client.query(`ALTER TABLE ${table} DISABLE TRIGGER USER`);
    log(`  claves, índices y claves foráneas de ${BULK_TABLES.length} tablas retirados durante la carga`);

    // ── Action steps: step s of a teacher is named at the meeting of visit 3s; visit 3s+3 masters it
    // (70 %) or it is closed when the meeting of that visit names the next one. The last one is open.
    await step(
      "pasos (tabla de trabajo)",
      `CREATE TEMP TABLE st AS
       SELECT v.t, v.k / ${STEP_EVERY} AS s, v.school, pg_temp.uid(v.meeting_at, 6, v.g) AS id,
         v.meeting_at AS opened_at, v.observer AS opened_by,
         (pg_temp.h(v.t, 9) + v.k / ${STEP_EVERY}) % ${catalogueSize} AS cat,
         CASE WHEN nx.g IS NULL THEN 'open' WHEN nx.focus_result = 'mastered' THEN 'mastered' ELSE 'closed' END AS status,
         CASE WHEN nx.g IS NULL THEN NULL WHEN nx.focus_result = 'mastered' THEN nx.submitted_at ELSE nx.meeting_at END AS closed_at,
         CASE WHEN nx.focus_result = 'mastered' THEN nx.id END AS mastered_in
       FROM v LEFT JOIN v nx ON nx.g = v.g + ${STEP_EVERY} AND nx.t = v.t
       WHERE v.k % ${STEP_EVERY} = 0`,
    );
    await client.query("ALTER TABLE st ADD PRIMARY KEY (t, s)");
    await step(
      "action_steps",
      `INSERT INTO action_steps (id, organization_id, school_id, teacher_id, catalogue_step_id, category, title, mastery,
         status, opened_at, opened_by, closed_at, mastered_in_observation_id, created_at)
       SELECT st.id, $1, sch.id, tp.id, cat.id, cat.category, cat.title, cat.mastery, st.status, st.opened_at,
         op.id, st.closed_at, st.mastered_in, st.opened_at
       FROM st JOIN sch ON sch.s = st.school JOIN pp tp ON tp.p = st.t JOIN pp op ON op.p = st.opened_by
         JOIN cat ON cat.n = st.cat
       ORDER BY st.opened_at`,
      [organizationId],
    );
    await step(
      "observations",
      `INSERT INTO observations (id, organization_id, school_id, teacher_id, observer_id, instrument_version_id, purpose,
         course, subject, status, started_at, submitted_at, focus_step_id, focus_result, proposed_catalogue_step_id,
         created_at, updated_at)
       SELECT v.id, $1, sch.id, tp.id, op.id, CASE WHEN v.mbe THEN $2::uuid ELSE $3::uuid END,
         CASE WHEN pg_temp.h(v.g, 10) % 10 < 9 THEN 'formativa' ELSE 'evaluativa' END,
         ${lit(GRADES)}[1 + (pg_temp.h(v.t, 11) + v.k % 2) % ${GRADES.length}] || ' ' || ${lit(["A", "B", "C"])}[1 + pg_temp.h(v.g, 12) % 3],
         ${lit(SUBJECTS)}[1 + pg_temp.h(v.t, 13) % ${SUBJECTS.length}],
         'submitted', v.started_at, v.submitted_at, focus.id, v.focus_result,
         CASE WHEN v.k % ${STEP_EVERY} = 0 THEN named.cat_id END,
         v.started_at, v.submitted_at
       FROM v JOIN sch ON sch.s = v.school JOIN pp tp ON tp.p = v.t JOIN pp op ON op.p = v.observer
         LEFT JOIN st focus ON v.k > 0 AND focus.t = v.t AND focus.s = (v.k - 1) / ${STEP_EVERY}
         LEFT JOIN (SELECT st.t, st.s, cat.id AS cat_id FROM st JOIN cat ON cat.n = st.cat) named
           ON v.k % ${STEP_EVERY} = 0 AND named.t = v.t AND named.s = v.k / ${STEP_EVERY}
       ORDER BY v.started_at`,
      [organizationId, mbeVersion, walkthroughVersion],
    );
    // Evidence: 2–4 notes; the first tagged to an indicator, the second half of the time.
    await step(
      "observation_notes",
      `INSERT INTO observation_notes (id, observation_id, minute, body, indicator_keys, created_at)
       SELECT pg_temp.uid(v.started_at + minute * interval '1 minute', 7, v.g * 4 + j), v.id, minute,
         ${lit(NOTES)}[1 + pg_temp.h(v.g * 4 + j, 14) % ${NOTES.length}],
         CASE WHEN j = 1 OR (j = 2 AND pg_temp.h(v.g, 15) % 2 = 0) THEN
           ARRAY[CASE WHEN v.mbe THEN ${lit(MBE_SCORED)}[1 + pg_temp.h(v.g * 4 + j, 16) % ${MBE_SCORED.length}]
                 ELSE ${lit(WALKTHROUGH_KEYS)}[j] END]
           ELSE '{}'::text[] END,
         v.started_at + minute * interval '1 minute'
       FROM v CROSS JOIN LATERAL (SELECT j, (j - 1) * 8 + pg_temp.h(v.g * 4 + j, 17) % 7 AS minute
         FROM generate_series(1, 2 + pg_temp.h(v.g, 18) % 3) j) n
       ORDER BY v.started_at`,
    );
    // Levels: four distinct scored indicators in three of four visits with the MBE instrument.
    await step(
      "observation_levels",
      `INSERT INTO observation_levels (observation_id, indicator_key, level)
       SELECT v.id, ${lit(MBE_SCORED)}[1 + (pg_temp.h(v.g, 19) + j * 3) % ${MBE_SCORED.length}],
         least(4, 1 + pg_temp.h(v.g * 4 + j, 20) % 3 + CASE WHEN v.k >= 12 THEN 1 ELSE 0 END)
       FROM v CROSS JOIN generate_series(0, 3) j
       WHERE v.mbe AND pg_temp.h(v.g, 21) % 4 <> 0
       ORDER BY v.started_at`,
    );
    // Time on task: 2–3 snapshots, 20–39 students present.
    await step(
      "observation_snapshots",
      `INSERT INTO observation_snapshots (id, observation_id, minute, on_task, present)
       SELECT pg_temp.uid(v.started_at + minute * interval '1 minute', 8, v.g * 4 + j), v.id, minute,
         present - pg_temp.h(v.g * 4 + j, 22) % 9, present
       FROM v CROSS JOIN LATERAL (SELECT j, 3 + (j - 1) * 10 + pg_temp.h(v.g * 4 + j, 23) % 5 AS minute,
         20 + pg_temp.h(v.g, 24) % 20 AS present FROM generate_series(1, 2 + pg_temp.h(v.g, 25) % 2) j) s
       ORDER BY v.started_at`,
    );
    // Meetings: the step they name is the teacher's step s = k / 3 (a new one when k is a multiple of 3).
    await step(
      "feedback_meetings",
      `INSERT INTO feedback_meetings (id, organization_id, school_id, observation_id, teacher_id, observer_id, held_at,
         praise, model, gap, action_step_id, plan, practiced, practice_note, follow_up_on, acknowledged_at, created_at)
       SELECT pg_temp.uid(v.meeting_at, 9, v.g), $1, sch.id, v.id, tp.id, op.id, v.meeting_at,
         ${lit(PRAISE)}[1 + pg_temp.h(v.g, 26) % ${PRAISE.length}],
         CASE WHEN pg_temp.h(v.g, 27) % 2 = 0 THEN 'Vimos juntos un video de la rutina modelada.' ELSE '' END,
         ${lit(GAPS)}[1 + pg_temp.h(v.g, 28) % ${GAPS.length}], st.id,
         ${lit(PLANS)}[1 + pg_temp.h(v.g, 29) % ${PLANS.length}],
         pg_temp.h(v.g, 30) % 3 <> 0,
         CASE WHEN pg_temp.h(v.g, 30) % 3 <> 0 THEN 'Dos ensayos de la instrucción para la clase siguiente.' ELSE '' END,
         CASE WHEN pg_temp.h(v.g, 31) % 10 < 6 THEN (v.meeting_at AT TIME ZONE 'America/Santiago')::date + 7 END,
         CASE WHEN pg_temp.h(v.g, 32) % 10 < 7 THEN v.meeting_at + (1 + pg_temp.h(v.g, 33) % 30) * interval '1 hour' END,
         v.meeting_at
       FROM v JOIN st ON st.t = v.t AND st.s = v.k / ${STEP_EVERY}
         JOIN sch ON sch.s = v.school JOIN pp tp ON tp.p = v.t JOIN pp op ON op.p = v.observer
       WHERE v.held
       ORDER BY v.meeting_at`,
      [organizationId],
    );
    // One draft per school: its first leader began a visit of its first teacher 20 minutes ago, with one note.
    await step(
      "borradores",
      `CREATE TEMP TABLE drafts AS
       SELECT s, pg_temp.uid($1::timestamptz - interval '20 minutes', 10, s) AS id,
         s * ${TEACHERS_PER_SCHOOL} AS t, ${TEACHERS} + s * ${OBSERVERS_PER_SCHOOL} AS observer
       FROM generate_series(0, ${SCHOOLS - 1}) s`,
      [now],
    );
    await step(
      "observations (borradores)",
      `INSERT INTO observations (id, organization_id, school_id, teacher_id, observer_id, instrument_version_id, purpose,
         course, subject, status, started_at, focus_step_id, created_at, updated_at)
       SELECT d.id, $1, sch.id, tp.id, op.id, $2::uuid, 'formativa', '5° básico A', 'Matemática', 'draft',
         $3::timestamptz - interval '20 minutes', st.id, $3::timestamptz - interval '20 minutes', $3::timestamptz - interval '5 minutes'
       FROM drafts d JOIN sch ON sch.s = d.s JOIN pp tp ON tp.p = d.t JOIN pp op ON op.p = d.observer
         JOIN st ON st.t = d.t AND st.status = 'open'`,
      [organizationId, mbeVersion, now],
    );
    await step(
      "observation_notes (borradores)",
      `INSERT INTO observation_notes (id, observation_id, minute, body, indicator_keys, created_at)
       SELECT pg_temp.uid($1::timestamptz - interval '18 minutes', 11, s), id, 2, ${lit(NOTES)}[1 + s % ${NOTES.length}],
         '{}'::text[], $1::timestamptz - interval '18 minutes'
       FROM drafts`,
      [now],
    );

    const restoreStarted = performance.now();
    for (const statement of restore) await client.query(statement);
    for (const table of BULK_TABLES) await client.query(`ALTER TABLE ${table} ENABLE TRIGGER USER`);
    log(
      `  ${restore.length} claves, índices y claves foráneas recreados (y verificados): ${((performance.now() - restoreStarted) / 1000).toFixed(1)} s`,
    );
    await step("ANALYZE", "ANALYZE");
    const counts: Record<string, number> = {};
    for (const table of [
      "schools",
      "persons",
      "memberships",
      "coordinator_schools",
      "observations",
      "observation_notes",
      "observation_levels",
      "observation_snapshots",
      "feedback_meetings",
      "action_steps",
    ]) {
      counts[table] = Number((await client.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);
    }
    counts.submitted_visits = Number(
      (await client.query("SELECT count(*) AS n FROM observations WHERE status = 'submitted'")).rows[0].n,
    );
    counts.open_steps = Number(
      (await client.query("SELECT count(*) AS n FROM action_steps WHERE status = 'open'")).rows[0].n,
    );
    counts.school_days = schoolDays;
    return { organizationId, counts };
  } finally {
    await client.end();
  }
}

/** The tables filled with millions of rows. */
const BULK_TABLES = [
  "action_steps",
  "observations",
  "observation_notes",
  "observation_levels",
  "observation_snapshots",
  "feedback_meetings",
];

/**
 * Drops the primary keys, unique and other indexes of the tables, and every foreign key on them or
 * pointing at them; returns the statements that put them back (keys, then indexes, then foreign keys).
 */
async function dropKeysAndIndexes(client: pg.Client, tables: string[]): Promise<string[]> {
  const foreignKeys = (
    await client.query(
      `SELECT format('ALTER TABLE %s ADD CONSTRAINT %I %s', conrelid::regclass, conname, pg_get_constraintdef(oid)) AS add,
         format('ALTER TABLE %s DROP CONSTRAINT %I', conrelid::regclass, conname) AS drop
       FROM pg_constraint
       WHERE contype = 'f' AND (conrelid = ANY($1::regclass[]) OR confrelid = ANY($1::regclass[]))
       ORDER BY conrelid::regclass::text, conname`,
      [tables],
    )
  ).rows as Array<{ add: string; drop: string }>;
  const keys = (
    await client.query(
      `SELECT format('ALTER TABLE %s ADD CONSTRAINT %I %s', conrelid::regclass, conname, pg_get_constraintdef(oid)) AS add,
         format('ALTER TABLE %s DROP CONSTRAINT %I', conrelid::regclass, conname) AS drop
       FROM pg_constraint WHERE contype IN ('p', 'u') AND conrelid = ANY($1::regclass[])
       ORDER BY conrelid::regclass::text, conname`,
      [tables],
    )
  ).rows as Array<{ add: string; drop: string }>;
  const indexes = (
    await client.query(
      `SELECT pg_get_indexdef(i.indexrelid) AS add, format('DROP INDEX %s', i.indexrelid::regclass) AS drop
       FROM pg_index i
       WHERE i.indrelid = ANY($1::regclass[])
         AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.contype IN ('p', 'u', 'x'))
       ORDER BY i.indexrelid::regclass::text`,
      [tables],
    )
  ).rows as Array<{ add: string; drop: string }>;
  for (const { drop } of [...foreignKeys, ...indexes, ...keys]) await client.query(drop);
  return [...keys, ...indexes, ...foreignKeys].map((r) => r.add);
}

// Standalone: seed the (empty) database given as argument.
if (process.argv[1]?.endsWith("bench/observation-seed.ts")) {
  const url = process.argv[2] ?? process.env.DATABASE_URL;
  if (!url) {
    console.error("Uso: node scripts/node24.mjs bench/observation-seed.ts postgres://…/base_vacía");
    process.exit(2);
  }
  const started = performance.now();
  const app = await openAppDatabase(url);
  await app.close();
  const seeded = await seedObservationData(url, (m) => console.error(m));
  console.error(`Listo en ${((performance.now() - started) / 1000).toFixed(1)} s`);
  console.log(JSON.stringify(seeded, null, 2));
}
