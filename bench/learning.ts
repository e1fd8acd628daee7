// The learning benchmark (issue #16, "Speed"): on PostgreSQL with 2,000 courses, 10,000 versions and
// 300,000 registrations,
//   - the public catalogue and a workshop page: p95 with one client ≤ 15 ms; throughput with 20 clients
//     ≥ 1.5 × the signed-in home page of the same run (they need no session); first load ≤ 60 kB;
//   - a version's attendance page with 300 people: p95 with one client ≤ 30 ms;
//   - 1,000 certificates (PDF + credential) for one version in ≤ 60 s, issued by the job.
// First loads are counted as sent over the wire (compressed) for the page and everything it links to
// that a browser fetches on the first visit (the stylesheet and the icon; these pages have no script).
//
// LEARNING_SECONDS (default 10) sets the measured seconds of each run.
import { request as httpRequest } from "node:http";
import { SESSION_COOKIE } from "~/platform/auth/sessions";
import {
  type BenchContext,
  type Benchmark,
  type MeasuredPage,
  measurePages,
  openAppDatabase,
  type RunningApp,
  time,
} from "./harness";

const COURSES = 2_000;
const COHORTS_PER_COURSE = 5;
const REGISTRATIONS_PER_COHORT = 30;
const ATTENDANCE_PEOPLE = 300;
const CERTIFICATES = 1_000;
const CONNECTIONS = 20;
const SECONDS = Number(process.env.LEARNING_SECONDS ?? 10);

interface Seeded {
  slugs: string[];
  homeCookie: string;
  facilitatorCookie: string;
  attendancePath: string;
  certificateCohortId: string;
  coordinatorId: string;
}

export default {
  name: "learning",
  async run(ctx) {
    const databaseUrl = await ctx.freshDatabase();
    const database = await openAppDatabase(databaseUrl);
    let seeded: Seeded;
    try {
      ctx.log(
        `sembrando ${COURSES} cursos, ${COURSES * COHORTS_PER_COURSE} versiones y ${(COURSES * COHORTS_PER_COURSE * REGISTRATIONS_PER_COHORT).toLocaleString("es-CL")} inscripciones…`,
      );
      const { ms, result } = await time(() => seed());
      seeded = result;
      ctx.log(`sembrado en ${(ms / 1000).toFixed(1)} s`);
      await certificates(ctx, seeded);
    } finally {
      await database.close();
    }

    const app = await ctx.startApp({ databaseUrl, env: { SEED: "false", REMINDERS: "off" } });
    try {
      await firstLoads(ctx, app, seeded);
      let n = 0;
      const workshop = () => ({ path: `/talleres/${seeded.slugs[n++ % seeded.slugs.length]}` });
      const pages: MeasuredPage[] = [
        {
          key: "home",
          name: "reference: a signed-in teacher's home page (/)",
          next: () => ({ path: "/", headers: { cookie: seeded.homeCookie } }),
        },
        {
          key: "catalogue",
          name: "public catalogue (/talleres)",
          next: () => ({ path: "/talleres" }),
          oneClient: 15,
          share: 1.5,
        },
        {
          key: "workshop",
          name: "a workshop's public page (/talleres/:slug, each request another one)",
          next: workshop,
          oneClient: 15,
          share: 1.5,
        },
        {
          key: "attendance",
          name: `a session's attendance page with ${ATTENDANCE_PEOPLE} people`,
          next: () => ({ path: seeded.attendancePath, headers: { cookie: seeded.facilitatorCookie } }),
          oneClient: 30,
        },
      ];
      await measurePages(ctx, app.url, pages, { seconds: SECONDS, connections: CONNECTIONS });
    } finally {
      await app.stop();
    }
  },
} satisfies Benchmark;

/** Set-based seeding on the benchmark's database (the app's schema, migrated), and the people who look. */
export async function seed(): Promise<Seeded> {
  const { db } = await import("~/platform/db/client");
  const { sql } = await import("drizzle-orm");
  const { makeOrganization, makePerson, makeSchool } = await import("~/modules/people/testing");
  const { createSession } = await import("~/platform/auth/sessions");
  const org = await makeOrganization("Red de formación (benchmark)");
  const coordinator = await makePerson(org.id, [{ role: "coordinator" }]);
  const facilitator = await makePerson(org.id, [{ role: "facilitator" }]);
  const school = await makeSchool(org.id, { name: "Escuela Benchmark", rbd: 24_518 });
  const teacher = await makePerson(org.id, [{ role: "teacher", schoolId: school.id }]);
  const run = (q: ReturnType<typeof sql>) => db().execute(q);
  await run(sql`
    INSERT INTO courses (id, organization_id, kind, title, slug, summary, description, hours, topic, level, modality, created_by)
    SELECT gen_random_uuid(), ${org.id}, CASE WHEN i % 4 = 0 THEN 'course' ELSE 'workshop' END,
      'Taller ' || i || ': lectura, escritura y evaluación en el aula', 'taller-' || i,
      'Un taller abierto para docentes y equipos directivos, con sesiones en vivo y materiales.',
      repeat('Descripción del taller. ', 20), 4 + i % 20, (ARRAY['Lectura','Evaluación','Convivencia','Matemática'])[1 + i % 4],
      (ARRAY['introductory','intermediate','advanced'])[1 + i % 3], (ARRAY['online','in_person','blended'])[1 + i % 3], ${coordinator.id}
    FROM generate_series(1, ${COURSES}) AS i`);
  await run(sql`
    INSERT INTO course_facilitators (course_id, person_id, organization_id)
    SELECT id, ${facilitator.id}, ${org.id} FROM courses WHERE organization_id = ${org.id}`);
  await run(sql`
    INSERT INTO cohorts (id, organization_id, course_id, name, starts_on, ends_on, capacity, status, last_position)
    SELECT gen_random_uuid(), ${org.id}, c.id, 'Versión ' || k, current_date + (k * 60 + (row_number() OVER ()) % 50)::int,
      current_date + (k * 60 + (row_number() OVER ()) % 50 + 20)::int, 40, 'published', ${REGISTRATIONS_PER_COHORT}
    FROM courses c, generate_series(0, ${COHORTS_PER_COURSE - 1}) AS k WHERE c.organization_id = ${org.id}`);
  await run(sql`
    INSERT INTO live_sessions (id, organization_id, cohort_id, title, starts_at, planned_time_zone, duration_minutes)
    SELECT gen_random_uuid(), ${org.id}, k.id, 'Sesión ' || s, (k.starts_on + (s * 7))::timestamp + interval '21 hours',
      'America/Santiago', 90
    FROM cohorts k, generate_series(0, 1) AS s WHERE k.organization_id = ${org.id}`);
  await run(sql`
    INSERT INTO registrations (id, organization_id, cohort_id, full_name, email, country, role, institution, status, position, cancel_token_hash, confirmed_at)
    SELECT gen_random_uuid(), ${org.id}, k.id, 'Participante ' || p, 'p' || p || '.' || substr(k.id::text, 1, 8) || '@example.cl',
      (ARRAY['CL','CL','CL','MX','PE','AR'])[1 + p % 6], 'teacher', 'Escuela ' || p, 'confirmed', p,
      md5(k.id::text || p), now()
    FROM cohorts k, generate_series(1, ${REGISTRATIONS_PER_COHORT}) AS p WHERE k.organization_id = ${org.id}`);
  // The teacher's own registration (her home page's next session), and the two special versions.
  await run(sql`
    INSERT INTO registrations (id, organization_id, cohort_id, person_id, full_name, email, country, role, status, position, cancel_token_hash)
    SELECT gen_random_uuid(), ${org.id}, k.id, ${teacher.id}, 'Docente', ${teacher.email}, 'CL', 'teacher', 'confirmed', 31, md5(k.id::text)
    FROM cohorts k WHERE k.organization_id = ${org.id} ORDER BY k.starts_on LIMIT 1`);
  const special = async (people: number) => {
    const rows = (await run(sql`
      WITH course AS (SELECT id FROM courses WHERE organization_id = ${org.id} AND kind = 'course' LIMIT 1),
      k AS (
        INSERT INTO cohorts (id, organization_id, course_id, name, starts_on, ends_on, status, last_position)
        SELECT gen_random_uuid(), ${org.id}, course.id, 'Versión grande ' || ${people}, current_date - 30, current_date - 1, 'published', ${people}
        FROM course RETURNING id
      ),
      s AS (
        INSERT INTO live_sessions (id, organization_id, cohort_id, title, starts_at, planned_time_zone, duration_minutes)
        SELECT gen_random_uuid(), ${org.id}, k.id, 'Sesión única', now() - interval '20 days', 'America/Santiago', 90 FROM k
        RETURNING id, cohort_id
      )
      SELECT s.id AS session_id, s.cohort_id, (SELECT id FROM course) AS course_id FROM s`)) as unknown as {
      rows: { session_id: string; cohort_id: string; course_id: string }[];
    };
    const created = rows.rows[0];
    if (!created) throw new Error("no version");
    await run(sql`
      INSERT INTO registrations (id, organization_id, cohort_id, full_name, email, country, role, status, position, cancel_token_hash)
      SELECT gen_random_uuid(), ${org.id}, ${created.cohort_id}, 'Persona ' || p || ' Apellido Apellido', 'grande' || p || '.' || ${people} || '@example.cl',
        'CL', 'teacher', 'confirmed', p, md5(${created.cohort_id} || p)
      FROM generate_series(1, ${people}) AS p`);
    await run(sql`
      INSERT INTO session_attendance (session_id, registration_id, organization_id, present, source, recorded_by)
      SELECT ${created.session_id}, r.id, ${org.id}, true, 'list', ${facilitator.id}
      FROM registrations r WHERE r.cohort_id = ${created.cohort_id}`);
    return created;
  };
  const attendance = await special(ATTENDANCE_PEOPLE);
  const forCertificates = await special(CERTIFICATES);
  // as autovacuum leaves a table after a bulk insert: statistics, and the visibility map that lets a
  // count of confirmed places read the index alone
  await run(sql`VACUUM ANALYZE`);
  const slugs = (
    (await run(
      sql`SELECT slug FROM courses WHERE organization_id = ${org.id} AND kind = 'workshop' ORDER BY random() LIMIT 500`,
    )) as unknown as {
      rows: { slug: string }[];
    }
  ).rows.map((r) => r.slug);
  const cookie = async (personId: string) => `${SESSION_COOKIE}=${(await createSession(personId, {})).token}`;
  return {
    slugs,
    homeCookie: await cookie(teacher.id),
    facilitatorCookie: await cookie(facilitator.id),
    attendancePath: `/cursos/${attendance.course_id}/sesiones/${attendance.session_id}/asistencia`,
    certificateCohortId: forCertificates.cohort_id,
    coordinatorId: coordinator.id,
  };
}

/** 1,000 certificates: the job's run, then each one's PDF and signed credential, as their holders download them. */
async function certificates(ctx: BenchContext, seeded: Seeded): Promise<void> {
  const { actorOf } = await import("~/modules/people/testing");
  const learning = await import("~/modules/learning");
  const { db } = await import("~/platform/db/client");
  const { sql } = await import("drizzle-orm");
  const coordinator = await actorOf(seeded.coordinatorId);
  const { ms, result: made } = await time(async () => {
    const { runId, total } = await learning.requestCertificates(coordinator, seeded.certificateCohortId);
    if (total !== CERTIFICATES)
      throw new Error(`${total} personas cumplen la regla (se esperaban ${CERTIFICATES})`);
    await learning.issueCertificatesRun(runId);
    const codes = (
      (await db().execute(
        sql`SELECT code FROM certificates WHERE cohort_id = ${seeded.certificateCohortId} AND revoked_at IS NULL`,
      )) as unknown as { rows: { code: string }[] }
    ).rows;
    let bytes = 0;
    for (const { code } of codes) {
      const certificate = await learning.certificateForDownload(code, { actor: coordinator });
      bytes += (await learning.certificatePdf(certificate, "es-CL")).length;
      bytes += (await learning.certificateCredential(certificate, "es-CL")).length;
    }
    return { count: codes.length, bytes };
  });
  ctx.log(
    `${made.count} certificados (PDF y credencial, ${(made.bytes / 1e6).toFixed(1)} MB) en ${(ms / 1000).toFixed(1)} s`,
  );
  if (made.count !== CERTIFICATES) throw new Error(`${made.count} certificados emitidos`);
  ctx.report({
    figure: `${CERTIFICATES.toLocaleString("en")} certificates of one version: the job's run, then each PDF and signed credential`,
    value: ms,
    unit: "ms",
    target: 60_000,
  });
}

/** Bytes a first visit transfers: the page (compressed as sent) and the stylesheet and icon it links to. */
async function firstLoads(ctx: BenchContext, app: RunningApp, seeded: Seeded): Promise<void> {
  for (const [name, path] of [
    ["public catalogue (/talleres)", "/talleres"],
    ["a workshop's public page (/talleres/:slug)", `/talleres/${seeded.slugs[0]}`],
  ] as const) {
    const page = await wire(`${app.url}${path}`);
    const linked = [...page.body.matchAll(/<(?:link|script)\b[^>]*(?:href|src)="([^"]+)"/g)].map(
      (m) => m[1] as string,
    );
    let total = page.bytes;
    for (const href of new Set(linked)) total += (await wire(new URL(href, app.url).href)).bytes;
    ctx.log(`${path}: ${(total / 1000).toFixed(1)} kB (${linked.length} recursos: ${linked.join(", ")})`);
    ctx.report({ figure: `${name} first load, transferred`, value: total / 1000, unit: "kB", target: 60 });
  }
}

/** A GET as a browser sends it (accepting compression); the bytes on the wire and the decoded text. */
function wire(url: string): Promise<{ bytes: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { headers: { "accept-encoding": "br, gzip" } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", async () => {
        const raw = Buffer.concat(chunks);
        const zlib = await import("node:zlib");
        const encoding = res.headers["content-encoding"];
        const decoded =
          encoding === "br"
            ? zlib.brotliDecompressSync(raw)
            : encoding === "gzip"
              ? zlib.gunzipSync(raw)
              : raw;
        // headers count too: about what the status line and headers take
        const headerBytes = Object.entries(res.headers).reduce(
          (n, [k, v]) => n + k.length + String(v).length + 4,
          16,
        );
        resolve({ bytes: raw.length + headerBytes, body: decoded.toString("utf8") });
      });
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}
