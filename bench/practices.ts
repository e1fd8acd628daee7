// The community benchmark of issue #17 ("Speed", `npm run bench -- practices`), on PostgreSQL:
// - the practices library with 100,000 practices of 1,000 schools: a search with words and a filter
//   (each request another query), p95 with one client ≤ 20 ms, and its throughput with 20 clients
//   ≥ 0.5× the signed-in home page's of the same run;
// - a school's community page whose conversation has 2,000 threads (2 to 6 posts each, the viewer
//   following a third of them): p95 with one client ≤ 20 ms.
// The well-being pulse's results (40,000 answers) are measured by bench/wellbeing.ts.
//
// The practices' texts are drawn from 60 topic phrases (four per practice: title, problem, how-to), so
// that a topic's words are in about 6,500 practices (6.5 %) and a search with a filter matches about
// 800: a network's library is wider than that. A first seed of 20 phrases (18 %, 18,000 practices per
// word) measured 87 ms: every match is ranked (docs/benchmarks.md).
//
// PRACTICES_SECONDS (default 10) sets the measured seconds of each run; PRACTICES_COUNT the practices.
import { SESSION_COOKIE } from "~/platform/auth/sessions";
import { type Benchmark, type MeasuredPage, measurePages, openAppDatabase, time } from "./harness";

const PRACTICES = Number(process.env.PRACTICES_COUNT ?? 100_000);
const SCHOOLS = 1_000;
const THREADS = 2_000;
const SECONDS = Number(process.env.PRACTICES_SECONDS ?? 10);
const CONNECTIONS = 20;

/** What teachers search for, with a filter (the figure): words with and without accents, word forms. */
const SEARCHES = [
  "q=retroalimentacion&asignatura=mathematics",
  "q=lectura+compartida&nivel=basica",
  "q=evaluación+formativa&asignatura=science",
  "q=convivencia&estandar=5",
  "q=preguntas+abiertas&asignatura=language",
  "q=trabajo+colaborativo&nivel=media",
  "q=rutinas&estandar=6",
  "q=monitoreo+del+aprendizaje&nivel=parvularia",
  "q=ciencias+experimentos&asignatura=science",
  "q=observacion+entre+pares&estandar=9",
];
/** The same words without a filter (reported without a target: every match is ranked). */
const WORDS_ONLY = SEARCHES.map((s) => s.split("&")[0] as string);

export default {
  name: "practices",
  async run(ctx) {
    const databaseUrl = await ctx.freshDatabase();
    const database = await openAppDatabase(databaseUrl);
    let seeded: Awaited<ReturnType<typeof seed>>;
    try {
      ctx.log(
        `sembrando ${PRACTICES.toLocaleString("es-CL")} prácticas de ${SCHOOLS.toLocaleString("es-CL")} establecimientos y ${THREADS.toLocaleString("es-CL")} conversaciones…`,
      );
      const { ms, result } = await time(() => seed());
      seeded = result;
      ctx.log(`sembrado en ${(ms / 1000).toFixed(1)} s`);
    } finally {
      await database.close();
    }
    const app = await ctx.startApp({ databaseUrl, env: { SEED: "false", REMINDERS: "off" } });
    try {
      let n = 0;
      const pages: MeasuredPage[] = [
        {
          key: "home",
          name: "reference: a signed-in teacher's home page (/)",
          next: () => ({ path: "/", headers: { cookie: seeded.teacherCookie } }),
        },
        {
          key: "search",
          name: `a search of the practices library with words and a filter (${PRACTICES.toLocaleString("en")} practices, each request another query)`,
          next: () => ({
            path: `/practicas?${encodeURI(SEARCHES[n++ % SEARCHES.length] as string)}`,
            headers: { cookie: seeded.teacherCookie },
          }),
          oneClient: 20,
          share: 0.5,
        },
        {
          key: "words",
          name: `a search of the practices library with words only (${PRACTICES.toLocaleString("en")} practices, each request another query)`,
          next: () => ({
            path: `/practicas?${encodeURI(WORDS_ONLY[n++ % WORDS_ONLY.length] as string)}`,
            headers: { cookie: seeded.teacherCookie },
          }),
          oneClient: null,
        },
        {
          key: "school",
          name: `a school's community page with ${THREADS.toLocaleString("en")} threads (first page, as its leader)`,
          next: () => ({
            path: `/comunidad/establecimientos/${seeded.schoolId}`,
            headers: { cookie: seeded.leaderCookie },
          }),
          oneClient: 20,
        },
      ];
      await measurePages(ctx, app.url, pages, { seconds: SECONDS, connections: CONNECTIONS });
    } finally {
      await app.stop();
    }
  },
} satisfies Benchmark;

/** Set-based seeding: 1,000 schools with a leader and teachers, their practices, one school's conversation. */
export async function seed() {
  const { db } = await import("~/platform/db/client");
  const { sql } = await import("drizzle-orm");
  const { makeOrganization, makePerson, makeSchool } = await import("~/modules/people/testing");
  const { createSession } = await import("~/platform/auth/sessions");
  const org = await makeOrganization("Red (benchmark de prácticas)");
  const school = await makeSchool(org.id, { name: "Escuela Benchmark" });
  const leader = await makePerson(org.id, [{ role: "leader", schoolId: school.id }]);
  const teachers = [];
  for (let i = 0; i < 40; i++)
    teachers.push(await makePerson(org.id, [{ role: "teacher", schoolId: school.id }]));
  const run = (q: ReturnType<typeof sql>) => db().execute(q);
  // the other 999 schools, each with an author (set-based: schools, persons, memberships)
  await run(sql`
    INSERT INTO schools (id, organization_id, name, rbd, region_code, comuna_code, dependencia, search_text)
    SELECT gen_random_uuid(), ${org.id}, 'Escuela ' || i, 20000 + i, s.region_code, s.comuna_code, s.dependencia, 'escuela ' || i
    FROM generate_series(1, ${SCHOOLS - 1}) AS i, schools s WHERE s.id = ${school.id}`);
  await run(sql`
    INSERT INTO persons (id, organization_id, given_names, family_names, email, search_text, status)
    SELECT gen_random_uuid(), ${org.id}, 'Docente', 'Autora ' || s.rbd, 'autora' || s.rbd || '@bench.example', 'docente autora', 'active'
    FROM schools s WHERE s.organization_id = ${org.id} AND s.id <> ${school.id}`);
  await run(sql`
    INSERT INTO memberships (id, organization_id, person_id, school_id, role)
    SELECT gen_random_uuid(), ${org.id}, p.id, s.id, 'teacher'
    FROM persons p JOIN schools s ON p.email = 'autora' || s.rbd || '@bench.example'`);
  // practices: titles and texts from word pools, so that searches match some and not all
  await run(sql`
    WITH words AS (
      SELECT ARRAY['retroalimentación','lectura compartida','evaluación formativa','convivencia escolar',
        'preguntas abiertas','trabajo colaborativo','rutinas de inicio','monitoreo del aprendizaje',
        'experimentos de ciencias','observación entre pares','cálculo mental','escritura creativa',
        'debate en historia','inglés oral','educación física inclusiva','tickets de salida',
        'pizarras individuales','aprendizaje basado en proyectos','lectura en voz alta',
        'resolución de problemas','fracciones con material concreto','comprensión lectora',
        'mapas conceptuales','huerto escolar','lenguaje de señas','inclusión de estudiantes migrantes',
        'tutoría entre pares','cuaderno de campo','bitácora de aula','asambleas de curso','cuenta cuentos',
        'juegos matemáticos','estaciones de aprendizaje','gamificación','rúbricas compartidas',
        'autoevaluación','coevaluación','metas de aprendizaje','mural de logros',
        'lectura silenciosa sostenida','radio escolar','robótica educativa','laboratorio de química',
        'geometría con origami','educación ambiental','historia local','patrimonio regional',
        'pensamiento crítico','argumentación oral','vocabulario académico','orden del aula',
        'transiciones rápidas','señales de atención','rincones de lectura','proyectos interdisciplinarios',
        'salidas pedagógicas','diario de emociones','contención emocional','diálogo con apoderados',
        'reforzamiento focalizado'] AS topics,
      ARRAY['Los estudiantes no participaban','La clase empezaba tarde','No sabía quiénes aprendían',
        'El curso tenía mucha diferencia de niveles','Las pruebas llegaban tarde','Había conflictos en el recreo',
        'Costaba mantener la atención','Siempre hablaban los mismos'] AS problems
    ),
    schools_list AS (
      SELECT array_agg(s.id ORDER BY s.rbd) AS ids FROM schools s WHERE s.organization_id = ${org.id}
    )
    INSERT INTO practices (id, organization_id, school_id, author_id, title, problem, how_to, level, subject,
      mbe_standards, step_categories, visibility, status, published_at, created_at, updated_at)
    SELECT gen_random_uuid(), ${org.id}, sc.school_id, m.person_id,
      initcap(w.topics[1 + r.a % 60]) || ' en ' || (1 + r.b % 8) || '° básico, versión ' || i,
      w.problems[1 + r.c % 8] || ', y probamos ' || w.topics[1 + r.d % 60] || '.',
      'Paso a paso: ' || w.topics[1 + r.e % 60] || ', luego ' || w.topics[1 + (r.a + r.e) % 60] ||
        '. Lo que conviene evitar y cómo cerrar la clase con una pregunta.',
      (ARRAY['parvularia','basica','basica','basica','media','media_tp'])[1 + r.b % 6],
      (ARRAY['language','mathematics','science','history','english','arts','physical_education','guidance'])[1 + r.c % 8],
      ARRAY[5 + r.d % 5], ARRAY[(ARRAY['routines','climate','checking','challenge','feedback'])[1 + r.e % 5]],
      (ARRAY['network','network','network','school','school','public'])[1 + (r.a / 20) % 6],
      CASE WHEN r.f % 20 = 0 THEN 'draft' ELSE 'published' END,
      CASE WHEN r.f % 20 = 0 THEN NULL ELSE now() - (i || ' minutes')::interval END,
      now() - (i || ' minutes')::interval, now() - (i || ' minutes')::interval
    FROM generate_series(1, ${PRACTICES}) AS i, words w, schools_list l,
      -- independent pseudo-random picks per practice (the same on every run)
      LATERAL (SELECT abs(hashtext(i || 'a')::bigint) AS a, abs(hashtext(i || 'b')::bigint) AS b, abs(hashtext(i || 'c')::bigint) AS c,
        abs(hashtext(i || 'd')::bigint) AS d, abs(hashtext(i || 'e')::bigint) AS e, abs(hashtext(i || 'f')::bigint) AS f) r,
      LATERAL (SELECT l.ids[1 + i % ${SCHOOLS}] AS school_id) sc,
      LATERAL (SELECT person_id FROM memberships WHERE school_id = sc.school_id LIMIT 1) m`);
  // a school's conversation of 2,000 threads
  const authors = `{${[leader.id, ...teachers.map((t) => t.id)].join(",")}}`;
  await run(sql`
    INSERT INTO discussion_threads (id, organization_id, space_kind, space_id, author_id, title, created_at, last_post_at)
    SELECT gen_random_uuid(), ${org.id}, 'school', ${school.id}, (${authors}::uuid[])[1 + i % 41],
      'Conversación ' || i || ': materiales, horarios y prácticas del curso',
      now() - (i || ' hours')::interval, now() - (i || ' hours')::interval + interval '30 minutes'
    FROM generate_series(1, ${THREADS}) AS i`);
  await run(sql`
    INSERT INTO discussion_posts (id, organization_id, thread_id, author_id, body, created_at)
    SELECT gen_random_uuid(), ${org.id}, t.id, (${authors}::uuid[])[1 + (p + abs(hashtext(t.id::text))) % 41],
      'Un mensaje de la conversación, con una idea y una pregunta para el resto del equipo.',
      t.created_at + (p * 5 || ' minutes')::interval
    FROM discussion_threads t, generate_series(0, 5) AS p
    WHERE t.space_id = ${school.id} AND p < 2 + abs(hashtext(t.id::text)) % 5`);
  await run(sql`
    INSERT INTO discussion_follows (thread_id, person_id, organization_id, mode, last_read_at, digested_at)
    SELECT t.id, ${leader.id}, ${org.id}, 'digest', t.created_at, t.created_at
    FROM discussion_threads t WHERE t.space_id = ${school.id} AND abs(hashtext(t.id::text)) % 3 = 0`);
  // as autovacuum leaves a table after a bulk insert (the visibility map, the statistics)
  await run(sql`VACUUM ANALYZE`);
  const cookie = async (personId: string) => `${SESSION_COOKIE}=${(await createSession(personId, {})).token}`;
  return {
    schoolId: school.id,
    leaderCookie: await cookie(leader.id),
    teacherCookie: await cookie(teachers[0]?.id ?? leader.id),
  };
}
