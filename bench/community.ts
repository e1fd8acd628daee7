// The community benchmark (issue #17, "Speed", the figure that is built): on PostgreSQL, a school's
// community page whose conversation has 2,000 threads (2 to 6 posts each, the viewer following a third
// of them): p95 with one client ≤ 20 ms, beside the signed-in home page of the same run. The issue lists
// it under `npm run bench -- practices` with the practices search and the well-being pulse, which join
// this file when they are built.
//
// COMMUNITY_SECONDS (default 10) sets the measured seconds of each run.
import { SESSION_COOKIE } from "~/platform/auth/sessions";
import { type Benchmark, openAppDatabase, time } from "./harness";

const THREADS = 2_000;
const SECONDS = Number(process.env.COMMUNITY_SECONDS ?? 10);
const CONNECTIONS = 20;

export default {
  name: "community",
  async run(ctx) {
    const databaseUrl = await ctx.freshDatabase();
    const database = await openAppDatabase(databaseUrl);
    let seeded: { schoolId: string; leaderCookie: string; teacherCookie: string };
    try {
      ctx.log(`sembrando ${THREADS.toLocaleString("es-CL")} conversaciones de un establecimiento…`);
      const { ms, result } = await time(() => seed());
      seeded = result;
      ctx.log(`sembrado en ${(ms / 1000).toFixed(1)} s`);
    } finally {
      await database.close();
    }
    const app = await ctx.startApp({ databaseUrl, env: { SEED: "false", REMINDERS: "off" } });
    try {
      const pages = [
        {
          key: "home",
          name: "reference: a signed-in teacher's home page (/)",
          path: "/",
          cookie: seeded.teacherCookie,
          oneClient: null,
        },
        {
          key: "school",
          name: `a school's community page with ${THREADS.toLocaleString("en")} threads (first page, as its leader)`,
          path: `/comunidad/establecimientos/${seeded.schoolId}`,
          cookie: seeded.leaderCookie,
          oneClient: 20,
        },
      ];
      for (const page of pages) {
        const next = () => ({
          path: page.path,
          headers: { cookie: page.cookie },
          check: (status: number) => status === 200,
        });
        const one = await ctx.load({
          url: app.url,
          connections: 1,
          durationSeconds: SECONDS,
          warmupSeconds: 2,
          next,
        });
        const many = await ctx.load({
          url: app.url,
          connections: CONNECTIONS,
          durationSeconds: SECONDS,
          warmupSeconds: 2,
          next,
        });
        ctx.log(
          `${page.key}: 1 cliente p95 ${one.p95.toFixed(1)} ms; ${CONNECTIONS} clientes ${many.requestsPerSecond.toFixed(0)}/s (fallidas ${one.failures + many.failures}${one.firstFailure ? `: ${one.firstFailure}` : ""})`,
        );
        if (one.failures + many.failures > 0) throw new Error(`${page.key}: respuestas fallidas`);
        ctx.report({
          figure: `${page.name} p95 latency, 1 client`,
          value: one.p95,
          unit: "ms",
          target: page.oneClient,
        });
        ctx.report({
          figure: `${page.name} throughput, ${CONNECTIONS} concurrent clients`,
          value: many.requestsPerSecond,
          unit: "requests/s",
          target: null,
        });
      }
    } finally {
      await app.stop();
    }
  },
} satisfies Benchmark;

/** Set-based seeding: a school with its leader and 40 teachers, and its conversation's threads. */
async function seed() {
  const { db } = await import("~/platform/db/client");
  const { sql } = await import("drizzle-orm");
  const { makeOrganization, makePerson, makeSchool } = await import("~/modules/people/testing");
  const { createSession } = await import("~/platform/auth/sessions");
  const org = await makeOrganization("Red (benchmark de comunidad)");
  const school = await makeSchool(org.id, { name: "Escuela Benchmark" });
  const leader = await makePerson(org.id, [{ role: "leader", schoolId: school.id }]);
  const teachers = [];
  for (let i = 0; i < 40; i++)
    teachers.push(await makePerson(org.id, [{ role: "teacher", schoolId: school.id }]));
  const authors = `{${[leader.id, ...teachers.map((t) => t.id)].join(",")}}`;
  const run = (q: ReturnType<typeof sql>) => db().execute(q);
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
  await run(sql`VACUUM ANALYZE`);
  const cookie = async (personId: string) => `${SESSION_COOKIE}=${(await createSession(personId, {})).token}`;
  return {
    schoolId: school.id,
    leaderCookie: await cookie(leader.id),
    teacherCookie: await cookie(teachers[0]?.id ?? leader.id),
  };
}
