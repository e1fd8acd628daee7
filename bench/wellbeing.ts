// The well-being benchmark (issue #17, "Speed"): on PostgreSQL, a network pulse's results page with
// 40,000 teachers answering across 1,000 schools (8 questions, a comment from one in five), as the
// coordinator who opened it, beside an earlier network pulse of the same size for the trend: p95 with
// one client ≤ 50 ms. The results read the pulse's running counts, a row per school (wellbeing_tallies,
// kept by each answer's transaction; here rebuilt once from the answers seeded in bulk), never the
// 40,000 answers.
//
//   npm run bench -- wellbeing          (WELLBEING_SECONDS, default 10, sets the measured seconds)
import { SESSION_COOKIE } from "~/platform/auth/sessions";
import { type Benchmark, openAppDatabase, time } from "./harness";

const SCHOOLS = 1_000;
const TEACHERS = 40_000;
const SECONDS = Number(process.env.WELLBEING_SECONDS ?? 10);

export default {
  name: "wellbeing",
  async run(ctx) {
    const databaseUrl = await ctx.freshDatabase();
    const database = await openAppDatabase(databaseUrl);
    let seeded: { pulseId: string; coordinatorCookie: string };
    try {
      ctx.log(
        `sembrando ${TEACHERS.toLocaleString("es-CL")} docentes en ${SCHOOLS.toLocaleString("es-CL")} establecimientos y dos pulsos de la red…`,
      );
      const { ms, result } = await time(() => seed());
      seeded = result;
      ctx.log(`sembrado en ${(ms / 1000).toFixed(1)} s`);
    } finally {
      await database.close();
    }
    const app = await ctx.startApp({ databaseUrl, env: { SEED: "false", REMINDERS: "off" } });
    try {
      const next = () => ({
        path: `/bienestar/${seeded.pulseId}`,
        headers: { cookie: seeded.coordinatorCookie },
        // the figures are there (not "aún no hay respuestas suficientes")
        check: (status: number, body: string) => status === 200 && body.includes("Promedio general"),
      });
      const one = await ctx.load({
        url: app.url,
        connections: 1,
        durationSeconds: SECONDS,
        warmupSeconds: 2,
        next,
      });
      ctx.log(
        `resultados de la red: 1 cliente p50 ${one.p50.toFixed(1)} ms, p95 ${one.p95.toFixed(1)} ms (fallidas ${one.failures}${one.firstFailure ? `: ${one.firstFailure}` : ""})`,
      );
      if (one.failures > 0) throw new Error("resultados: respuestas fallidas");
      ctx.report({
        figure: `a network pulse's results page, ${TEACHERS.toLocaleString("en")} answers in ${SCHOOLS.toLocaleString("en")} schools, p95 latency, 1 client`,
        value: one.p95,
        unit: "ms",
        target: 50,
      });
      // for reference, in the same run: the coordinator's home page (the same layout, no pulse)
      const home = await ctx.load({
        url: app.url,
        connections: 1,
        durationSeconds: SECONDS,
        warmupSeconds: 2,
        next: () => ({
          path: "/",
          headers: { cookie: seeded.coordinatorCookie },
          check: (s: number) => s === 200,
        }),
      });
      ctx.log(`referencia, inicio: 1 cliente p50 ${home.p50.toFixed(1)} ms, p95 ${home.p95.toFixed(1)} ms`);
      ctx.report({
        figure: "reference: the coordinator's home page, p95 latency, 1 client",
        value: home.p95,
        unit: "ms",
        target: null,
      });
    } finally {
      await app.stop();
    }
  },
} satisfies Benchmark;

/** Set-based seeding: the schools, one teacher per answer (with their participation), two pulses. */
export async function seed() {
  const { db } = await import("~/platform/db/client");
  const { sql } = await import("drizzle-orm");
  const { makeOrganization, makePerson } = await import("~/modules/people/testing");
  const { createSession } = await import("~/platform/auth/sessions");
  const { rebuildTallies } = await import("~/modules/wellbeing");
  const run = (q: ReturnType<typeof sql>) => db().execute(q);
  const org = await makeOrganization("Red (benchmark de bienestar)");
  const coordinator = await makePerson(org.id, [{ role: "coordinator" }]);
  await run(sql`
    INSERT INTO schools (id, organization_id, name, rbd, region_code, comuna_code, dependencia, search_text)
    SELECT gen_random_uuid(), ${org.id}, 'Escuela ' || i, 100000 + i, '13', '13101', 'slep', 'escuela ' || i
    FROM generate_series(1, ${SCHOOLS}) AS i`);
  await run(sql`
    INSERT INTO persons (id, organization_id, given_names, family_names, email, status, search_text)
    SELECT gen_random_uuid(), ${org.id}, 'Docente', 'Número ' || i, 'docente' || i || '@bench.example.cl', 'active', ''
    FROM generate_series(1, ${TEACHERS}) AS i`);
  await run(sql`
    INSERT INTO memberships (id, organization_id, person_id, school_id, role)
    SELECT gen_random_uuid(), ${org.id}, p.id, s.id, 'teacher'
    FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM persons
          WHERE organization_id = ${org.id} AND email LIKE 'docente%@bench.example.cl') p
    JOIN (SELECT id, row_number() OVER (ORDER BY id) - 1 AS k FROM schools WHERE organization_id = ${org.id}) s
      ON s.k = p.n % ${SCHOOLS}`);
  const keys = `{belong,successful,myself,helping,cared,accomplished,respected,effective}`;
  const pulse = async (title: string, daysAgo: number, closed: boolean) => {
    const id = crypto.randomUUID();
    await run(sql`
      INSERT INTO wellbeing_pulses (id, organization_id, school_id, opened_by, title, question_keys, allows_text,
        opens_at, closes_at, closed_at)
      VALUES (${id}, ${org.id}, NULL, ${coordinator.id}, ${title}, ${keys}::text[], true,
        now() - make_interval(days => ${daysAgo}), now() - make_interval(days => ${daysAgo}) + interval '14 days',
        ${closed ? sql`now() - make_interval(days => ${daysAgo}) + interval '7 days'` : sql`NULL`})`);
    // as answering does, in bulk: a participation row per teacher, and an answer with no person
    await run(sql`
      INSERT INTO wellbeing_participation (pulse_id, person_id)
      SELECT ${id}, m.person_id FROM memberships m WHERE m.organization_id = ${org.id} AND m.role = 'teacher'`);
    await run(sql`
      INSERT INTO wellbeing_answers (id, pulse_id, school_id, q1, q2, q3, q4, q5, q6, q7, q8, free_text)
      SELECT gen_random_uuid(), ${id}, m.school_id,
        1 + abs(hashtext(m.person_id::text || '1' || ${id})) % 5, 1 + abs(hashtext(m.person_id::text || '2' || ${id})) % 5,
        1 + abs(hashtext(m.person_id::text || '3' || ${id})) % 5, 1 + abs(hashtext(m.person_id::text || '4' || ${id})) % 5,
        1 + abs(hashtext(m.person_id::text || '5' || ${id})) % 5, 1 + abs(hashtext(m.person_id::text || '6' || ${id})) % 5,
        1 + abs(hashtext(m.person_id::text || '7' || ${id})) % 5, 1 + abs(hashtext(m.person_id::text || '8' || ${id})) % 5,
        CASE WHEN abs(hashtext(m.person_id::text)) % 5 = 0
          THEN 'Un comentario sobre el tiempo y la energía del equipo, ' || abs(hashtext(m.person_id::text)) % 997 END
      FROM memberships m WHERE m.organization_id = ${org.id} AND m.role = 'teacher'`);
    await rebuildTallies(db(), id);
    return id;
  };
  await pulse("Pulso de la red de marzo", 60, true);
  const pulseId = await pulse("Pulso de la red de mayo", 3, false);
  await run(sql`VACUUM ANALYZE`);
  return {
    pulseId,
    coordinatorCookie: `${SESSION_COOKIE}=${(await createSession(coordinator.id, {})).token}`,
  };
}
