// The observation figures (issue #3, "Speed"; targets of issue #14 §5), on a network the size of a large
// sostenedor's: 1,000 schools, 40,000 teachers and 1,000,000 submitted visits (bench/observation-seed.ts).
//
// 1. Seeding that data set on PostgreSQL, from an empty database (migrations included) to ANALYZE:
//    under 5 minutes, so that anyone can rebuild it to look at a slow page.
// 2. The pages people open most, over HTTP against the production server, every request for another
//    id and signed in as a person who may see it, with a real session. Every response must be a 200
//    with the page's own content (the teacher's name, a school's name…): an error page is no figure.
//    For each page two figures:
//    - its p95 with one client (each request sent when the previous one is answered: the page's own
//      time, no queueing): timeline ≤ 25 ms, visit page ≤ 20 ms, school dashboard ≤ 50 ms (each
//      request another school, so its figures are computed), coordinator dashboard ≤ 25 ms (20
//      coordinators, each opened once before: the figures kept, as between two coordinators' visits),
//      a school leader's home page with its pending lists ≤ 20 ms (issue #15 §3; no throughput share);
//    - its throughput with 20 clients in a closed loop as a share of a signed-in teacher's home page
//      measured the same way in the same run (the floor of this stack on this machine: session,
//      person, layout): visit page ≥ 0.5, timeline ≥ 0.4, coordinator dashboard ≥ 0.4, school
//      dashboard ≥ 0.2. A ratio of two figures of the same run holds on any machine. The home page is
//      measured before the pages and again after them; the ratio divides by the mean of the two.
//    The 20-client p95 and throughput are printed too, as rows without target (the earlier targets,
//    p95 ≤ 50/50/150/300 ms with 20 clients, asked 2 cores for more pages a second than the home
//    page gets: docs/benchmarks.md).
// 3. What a phone downloads on a first visit to the page an observer uses in the classroom (a draft
//    visit): every response as the server sends it (compressed), HTML, JavaScript, CSS, fonts and
//    images included, counted by Chromium: ≤ 200 kB. Also for a submitted visit and the timeline.
//
// OBSERVATION_ONE_CLIENT_SECONDS and OBSERVATION_SECONDS (default 10 each) set the measured seconds of
// the one-client and 20-client runs; BENCH_PAGES (leaderHome, timeline, visit, school, network) measures only
// those pages (and the home page, which the ratios need) and no page weight.
//
// The pages measured are one table (PAGES): a page whose route is not built yet (404 and not in
// app/routes.ts) is reported as missing, not as a failure, so the rest of the figures still count.
import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { translator } from "~/messages";
import { SESSION_COOKIE, SESSION_TTL_MS } from "~/platform/auth/sessions";
import { newToken } from "~/platform/auth/tokens";
import {
  type BenchContext,
  type Benchmark,
  type LoadRequest,
  type LoadResult,
  launchChromium,
  openAppDatabase,
  type RunningApp,
  root,
  time,
} from "./harness";
import {
  ADVISED_SCHOOLS,
  COORDINATORS,
  SCHOOLS,
  STEPS_PER_TEACHER,
  seedObservationData,
  TEACHERS,
  VISITS,
} from "./observation-seed";

const CONNECTIONS = 20;
const DURATION_SECONDS = Number(process.env.OBSERVATION_SECONDS) || 10;
const WARMUP_SECONDS = 3;
/** the run with one client: how long the page takes without queueing */
const ONE_CLIENT_SECONDS = Number(process.env.OBSERVATION_ONE_CLIENT_SECONDS) || 10;
const ONE_CLIENT_WARMUP_SECONDS = 2;
const SEED_TARGET_MS = 300_000;
/** ids per page: far more than the requests of one measurement can repeat */
const TIMELINE_TEACHERS = 2_000;
const VISITS_MEASURED = 4_000;
/** the first requests of each page are checked one by one before the load (at least 3, for up to 5 s) */
const PRECHECKED = 20;
const PRECHECK_MS = 5_000;
const PAGE_WEIGHT_TARGET_KB = 200;
const es = translator("es-CL");

export interface Target extends LoadRequest {
  /** text the page must contain (as React writes it into the HTML) */
  expect: string;
}

/** A page measured under load: one entry per page, with its ids and who opens each. */
interface MeasuredPage {
  /** for BENCH_PAGES */
  key: string;
  /** the page, as the figures name it */
  name: string;
  /** the route's path as written in app/routes.ts */
  route: string;
  /** p95 with one client, ms; null for the reference (the home page) */
  oneClientP95: number | null;
  /** throughput with 20 clients ÷ the home page's; null for the reference */
  shareOfHome: number | null;
  /**
   * every id opened once, one at a time, before the one-client run: for a page whose few ids (20
   * coordinators) would otherwise be measured mostly on their first, figure-computing request
   */
  openEachIdFirst?: boolean;
  /** its figures are computed per id and kept: a request for an id opened before in the run is cheaper */
  figuresPerId?: boolean;
  targets(data: Targets): Target[];
}

const PAGES: MeasuredPage[] = [
  {
    // What any signed-in page costs on this machine before its own work: the session, the person and
    // the layout. The same teachers' sessions, the same clients.
    key: "home",
    name: "reference: a signed-in teacher's home page (/)",
    route: "",
    oneClientP95: null,
    shareOfHome: null,
    targets: (d) => d.homes,
  },
  {
    // Issue #15 §3: the home page lists what is pending (drafts, meetings due, follow-ups, overdue
    // teachers of the school). Each school's first leader, each request another leader.
    key: "leaderHome",
    name: "a school leader's home page with the pending lists (/)",
    route: "",
    oneClientP95: 20,
    shareOfHome: null,
    targets: (d) => d.leaderHomes,
  },
  {
    key: "timeline",
    name: "teacher timeline (/personas/:personId/desarrollo)",
    route: "personas/:personId/desarrollo",
    oneClientP95: 25,
    shareOfHome: 0.4,
    targets: (d) => d.timelines,
  },
  {
    key: "visit",
    name: "visit page (/observaciones/:observationId)",
    route: "observaciones/:observationId",
    oneClientP95: 20,
    shareOfHome: 0.5,
    targets: (d) => d.visits,
  },
  {
    // 1,000 schools, each request another one: its figures are computed (the kept ones are keyed by
    // school, and each school is opened once per run; see the log line on repeats).
    key: "school",
    name: "school dashboard (/establecimientos/:schoolId/observacion, each request another school: figures computed)",
    route: "establecimientos/:schoolId/observacion",
    oneClientP95: 50,
    shareOfHome: 0.2,
    figuresPerId: true,
    targets: (d) => d.schoolDashboards,
  },
  {
    key: "network",
    name: `coordinator dashboard, ${ADVISED_SCHOOLS} schools (/observaciones/red, ${COORDINATORS} coordinators: figures kept)`,
    route: "observaciones/red",
    oneClientP95: 25,
    shareOfHome: 0.4,
    openEachIdFirst: true,
    targets: (d) => d.networkDashboards,
  },
];

interface Measured {
  page: MeasuredPage;
  oneClient: LoadResult;
  closed: LoadResult;
}

export default {
  name: "observation",
  async run(ctx) {
    // ── Seeding ──────────────────────────────────────────────────────────────────────────────────
    // BENCH_SEEDED_DATABASE_URL: a database this benchmark seeded before (e.g. with
    // `node scripts/node24.mjs bench/observation-seed.ts postgres://…/db`), kept between runs to measure
    // the pages again without reseeding: it is migrated and used as it is, and the seeding is not measured.
    const seededUrl = process.env.BENCH_SEEDED_DATABASE_URL;
    const databaseUrl = seededUrl ?? (await ctx.freshDatabase());
    if (seededUrl) {
      ctx.log(
        `base ya sembrada (BENCH_SEEDED_DATABASE_URL): ${new URL(seededUrl).pathname}; no se mide la siembra`,
      );
      const migrated = await openAppDatabase(databaseUrl);
      await migrated.close();
    } else {
      ctx.log(
        `sembrando ${SCHOOLS} establecimientos, ${TEACHERS} docentes y ${VISITS.toLocaleString("es-CL")} visitas…`,
      );
      const { ms: seedMs, result: seeded } = await time(async () => {
        const migrated = await openAppDatabase(databaseUrl);
        await migrated.close();
        return seedObservationData(databaseUrl, ctx.log);
      });
      ctx.log(`sembrado en ${(seedMs / 1000).toFixed(1)} s: ${JSON.stringify(seeded.counts)}`);
      checkCounts(seeded.counts);
      ctx.report({
        figure: `seeding ${SCHOOLS.toLocaleString("en")} schools, ${TEACHERS.toLocaleString("en")} teachers, ${VISITS.toLocaleString("en")} submitted visits with evidence, levels, snapshots, meetings and steps (empty database to ANALYZE)`,
        value: seedMs,
        unit: "ms",
        target: SEED_TARGET_MS,
      });
    }

    // ── Who opens what, with real sessions ───────────────────────────────────────────────────────
    const data = await pickTargets(databaseUrl);
    ctx.log(
      `${data.sessions} sesiones; ${data.timelines.length} líneas de tiempo, ${data.visits.length} visitas, ` +
        `${data.schoolDashboards.length} paneles de establecimiento, ${data.networkDashboards.length} paneles de red`,
    );

    // no reminder sweep: the figures are the pages' own
    const app = await ctx.startApp({ databaseUrl, env: { SEED: "false", REMINDERS: "off" } });
    const routes = readFileSync(path.join(root, "app", "routes.ts"), "utf8");
    const problems: string[] = [];

    // ── Page weight (first, while the server is idle) ─────────────────────────────────────────────
    // BENCH_PAGES=timeline,visit,school,network measures only those pages' latency (and no page weight).
    const onlyPages = process.env.BENCH_PAGES?.split(",").map((p) => p.trim());
    if (!onlyPages) {
      try {
        await pageWeights(ctx, app, data);
      } catch (error) {
        problems.push(`peso de página: ${(error as Error).message}`);
      }
    }

    // ── Speed: one client, then 20 ───────────────────────────────────────────────────────────────
    // The home page first and last (the ratios divide by it), the pages in between.
    const home = PAGES.find((p) => p.key === "home") as MeasuredPage;
    const pages = PAGES.filter((p) => p !== home && (!onlyPages || onlyPages.includes(p.key)));
    const measure = async (page: MeasuredPage, when = ""): Promise<Measured | null> => {
      try {
        return await measurePage(ctx, app, databaseUrl, routes, page, page.targets(data), when);
      } catch (error) {
        ctx.log(`/${page.route}: ${(error as Error).message}`);
        problems.push(`/${page.route}${when}: ${(error as Error).message}`);
        return null;
      }
    };
    // The whole server warmed first, the same for every page and the reference: otherwise the home page,
    // measured first, would be measured on a cold process (code not yet compiled by V8, the pool's
    // connections not yet open) and every page after it on a warm one.
    await warmServer(ctx, app, databaseUrl, [home, ...pages], data);
    const homeBefore = await measure(home, " (antes)");
    const measured: Measured[] = [];
    for (const page of pages) {
      const result = await measure(page);
      if (result) measured.push(result);
    }
    const homeAfter = pages.length > 0 ? await measure(home, " (después)") : null;
    const homeRuns = [homeBefore, homeAfter].filter((m): m is Measured => m !== null);

    // The reference: rows without target.
    if (homeBefore) {
      ctx.report({
        figure: `${home.name} p95 latency, 1 client`,
        value: homeBefore.oneClient.p95,
        unit: "ms",
        target: null,
      });
      ctx.report({
        figure: `${home.name} p95 latency, ${CONNECTIONS} concurrent clients (closed loop)`,
        value: homeBefore.closed.p95,
        unit: "ms",
        target: null,
      });
    }
    const homeRps =
      homeRuns.length > 0
        ? homeRuns.reduce((sum, m) => sum + m.closed.requestsPerSecond, 0) / homeRuns.length
        : Number.NaN;
    if (homeRuns.length > 0) {
      ctx.log(
        `página de inicio con ${CONNECTIONS} clientes: ${homeRuns.map((m) => `${m.closed.requestsPerSecond.toFixed(1)}/s`).join(" antes, ")}${homeRuns.length > 1 ? " después" : ""}; media ${homeRps.toFixed(1)}/s`,
      );
      ctx.report({
        figure: `${home.name} throughput, ${CONNECTIONS} concurrent clients (closed loop; mean of the runs before and after the pages: ${homeRuns.map((m) => m.closed.requestsPerSecond.toFixed(1)).join(", ")})`,
        value: homeRps,
        unit: "requests/s",
        target: null,
      });
    }

    for (const { page, oneClient, closed } of measured) {
      ctx.report({
        figure: `${page.name} p95 latency, 1 client`,
        value: oneClient.p95,
        unit: "ms",
        target: page.oneClientP95,
      });
      const share = {
        figure: `${page.name} throughput with ${CONNECTIONS} concurrent clients ÷ the signed-in home page's, same run`,
        unit: "× home page",
        target: page.shareOfHome,
        lowerIsBetter: false,
      };
      if (homeRuns.length > 0) ctx.report({ ...share, value: closed.requestsPerSecond / homeRps });
      else ctx.missing(share, "the home page could not be measured");
      ctx.report({
        figure: `${page.name} p95 latency, ${CONNECTIONS} concurrent clients (closed loop)`,
        value: closed.p95,
        unit: "ms",
        target: null,
      });
      ctx.report({
        figure: `${page.name} throughput, ${CONNECTIONS} concurrent clients (closed loop)`,
        value: closed.requestsPerSecond,
        unit: "requests/s",
        target: null,
      });
    }

    if (problems.length > 0) throw new Error(problems.join("\n"));
  },
} satisfies Benchmark;

/**
 * One page: its first requests checked one by one, then one client (the ids from the end of the list
 * backwards), then 20 clients in a closed loop (the ids from the start), on a quiet server. Null when
 * its route is not built yet (reported as missing); throws on any wrong answer.
 */
async function measurePage(
  ctx: BenchContext,
  app: RunningApp,
  databaseUrl: string,
  routes: string,
  page: MeasuredPage,
  targets: Target[],
  when: string,
): Promise<Measured | null> {
  // Each page starts on a quiet server: queries left over from a slow page would weigh on the next.
  await settle(databaseUrl);
  const precheck = await checkOneByOne(
    app,
    page.openEachIdFirst ? targets : targets.slice(0, PRECHECKED),
    page.openEachIdFirst ? Number.POSITIVE_INFINITY : PRECHECK_MS,
  );
  if (precheck) {
    if (precheck.status === 404 && !routes.includes(`"${page.route}"`)) {
      ctx.log(`/${page.route}: la ruta no existe todavía (404); cifras sin medir`);
      if (page.oneClientP95 !== null)
        ctx.missing(
          { figure: `${page.name} p95 latency, 1 client`, unit: "ms", target: page.oneClientP95 },
          `route /${page.route} not built yet (404)`,
        );
      return null;
    }
    throw new Error(`respuesta equivocada antes de medir: ${precheck.detail}`);
  }
  if (page.openEachIdFirst) ctx.log(`/${page.route}: cada uno de los ${targets.length} ids abierto una vez`);
  const failed = (result: LoadResult, run: string) =>
    new Error(
      `${run}: ${result.failures} respuestas fallidas, equivocadas o sin respuesta en 10 s` +
        (result.firstFailure ? `; la primera: ${result.firstFailure}` : ""),
    );

  let alone = 0;
  const oneClient = await ctx.load({
    url: app.url,
    connections: 1,
    durationSeconds: ONE_CLIENT_SECONDS,
    warmupSeconds: ONE_CLIENT_WARMUP_SECONDS,
    next: () => targets[targets.length - 1 - (alone++ % targets.length)] as Target,
  });
  ctx.log(
    `/${page.route}${when}: 1 cliente, ${oneClient.requests} respuestas (${oneClient.requestsPerSecond.toFixed(1)}/s), ` +
      `p50 ${oneClient.p50.toFixed(1)} ms, p95 ${oneClient.p95.toFixed(1)} ms, p99 ${oneClient.p99.toFixed(1)} ms, ` +
      `${oneClient.failures} fallidas`,
  );
  if (oneClient.failures > 0) throw failed(oneClient, "1 cliente");

  await settle(databaseUrl);
  let crowd = 0;
  ctx.log(`/${page.route}${when}: ${CONNECTIONS} clientes, ${targets.length} ids, ${DURATION_SECONDS} s…`);
  const closed = await ctx.load({
    url: app.url,
    connections: CONNECTIONS,
    durationSeconds: DURATION_SECONDS,
    warmupSeconds: WARMUP_SECONDS,
    next: () => targets[crowd++ % targets.length] as Target,
  });
  ctx.log(
    `  ${closed.requests} respuestas (${closed.requestsPerSecond.toFixed(1)}/s), p50 ${closed.p50.toFixed(1)} ms, ` +
      `p95 ${closed.p95.toFixed(1)} ms, p99 ${closed.p99.toFixed(1)} ms, máx ${closed.max.toFixed(1)} ms, ` +
      `${closed.failures} fallidas`,
  );
  // Ids asked for (warm-ups included) beyond the list: some pages were opened a second time this run.
  const repeated = alone + crowd - targets.length;
  if (page.figuresPerId && repeated > 0)
    ctx.log(
      `  ${repeated} de ${alone + crowd} peticiones (1 cliente ${alone}, ${CONNECTIONS} clientes ${crowd}) repitieron un id ya abierto en esta corrida`,
    );
  if (closed.failures > 0) throw failed(closed, `${CONNECTIONS} clientes`);
  return { page, oneClient, closed };
}

/** Seconds each page (the reference included) is requested before anything is measured. */
const SERVER_WARMUP_SECONDS = 3;

/**
 * Warms the app process before the first measured run: each page, the home page included, requested
 * for SERVER_WARMUP_SECONDS by 4 clients, on ids from the middle of its list (the measured runs take
 * theirs from its ends, so a school dashboard measured later still computes its figures). Unmeasured.
 */
async function warmServer(
  ctx: BenchContext,
  app: RunningApp,
  databaseUrl: string,
  pages: MeasuredPage[],
  data: Targets,
): Promise<void> {
  for (const page of pages) {
    const targets = page.targets(data);
    let i = Math.floor(targets.length / 2);
    await ctx.load({
      url: app.url,
      connections: Math.min(4, targets.length),
      durationSeconds: SERVER_WARMUP_SECONDS,
      warmupSeconds: 0,
      next: () => targets[i++ % targets.length] as Target,
    });
  }
  ctx.log(`servidor calentado: ${pages.map((p) => p.key).join(", ")}, ${SERVER_WARMUP_SECONDS} s cada una`);
  await settle(databaseUrl);
}

/** The data set must be what the figures say it is. */
export function checkCounts(counts: Record<string, number>): void {
  const expected: Record<string, number> = {
    schools: SCHOOLS,
    submitted_visits: VISITS,
    open_steps: TEACHERS,
    action_steps: TEACHERS * STEPS_PER_TEACHER,
    coordinator_schools: COORDINATORS * ADVISED_SCHOOLS,
  };
  const wrong = Object.entries(expected).filter(([key, value]) => counts[key] !== value);
  if (wrong.length > 0)
    throw new Error(
      `datos sembrados incompletos: ${wrong.map(([k, v]) => `${k} = ${counts[k]} (se esperaban ${v})`).join(", ")}`,
    );
}

export interface Targets {
  sessions: number;
  timelines: Target[];
  visits: Target[];
  schoolDashboards: Target[];
  networkDashboards: Target[];
  /** the home page of the timelines' teachers (a reference) */
  homes: Target[];
  /** the home page of each school's first leader, with the pending lists */
  leaderHomes: Target[];
  /** for the page weight: a draft with its author, a submitted visit with its author, a timeline with its teacher */
  draft: Target;
  submitted: Target;
  timeline: Target;
}

/** Text as React writes it into HTML. */
function html(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#x27;");
}

/**
 * Picks the ids each page is measured over (spread over the whole network, the same every run) and
 * who opens each one, and creates a session for each of those people, as signing in does.
 */
export async function pickTargets(databaseUrl: string): Promise<Targets> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const tokens = new Map<string, { token: string; hash: string }>();
    const cookieOf = (personId: string) => {
      let token = tokens.get(personId);
      if (!token) {
        token = newToken();
        tokens.set(personId, token);
      }
      return { cookie: `${SESSION_COOKIE}=${token.token}` };
    };
    const target = (path: string, personId: string, expect: string): Target => ({
      path,
      headers: cookieOf(personId),
      expect,
      check: (status, body) => status === 200 && body.includes(expect),
    });
    // A leader of the school: 0 its first, 1 its second (in a stable order).
    const leader = (school: string, which: 0 | 1) =>
      `(SELECT l.person_id FROM memberships l WHERE l.school_id = ${school} AND l.role = 'leader'
        ORDER BY l.person_id LIMIT 1 OFFSET ${which})`;

    // Timelines: teachers spread over every school; every other one opened by a leader of the school.
    const teachers = (
      await client.query(
        `SELECT p.id, m.school_id, ${leader("m.school_id", 0)} AS leader,
           (SELECT o.id FROM observations o WHERE o.teacher_id = p.id AND o.status = 'submitted'
            ORDER BY o.started_at DESC LIMIT 1) AS latest
         FROM persons p JOIN memberships m ON m.person_id = p.id AND m.role = 'teacher'
         ORDER BY md5(p.id::text) LIMIT $1`,
        [TIMELINE_TEACHERS],
      )
    ).rows as Array<{ id: string; leader: string; latest: string }>;
    // The newest visit's link is on the page: it is that teacher's timeline, with its data.
    const homes = teachers.map((t) => target("/", t.id, "Hola, "));
    const timelines = teachers.map((t, i) =>
      target(`/personas/${t.id}/desarrollo`, i % 2 === 0 ? t.id : t.leader, `/observaciones/${t.latest}`),
    );

    // Visit pages: submitted visits anywhere in two years, opened by their author or a leader.
    const visitRows = (
      await client.query(
        `SELECT o.id, o.observer_id, ${leader("o.school_id", 1)} AS leader,
           tp.given_names || ' ' || tp.family_names AS teacher
         FROM observations o JOIN persons tp ON tp.id = o.teacher_id
         WHERE o.status = 'submitted'
         ORDER BY md5(o.id::text) LIMIT $1`,
        [VISITS_MEASURED],
      )
    ).rows as Array<{ id: string; observer_id: string; leader: string; teacher: string }>;
    const visits = visitRows.map((v, i) =>
      target(`/observaciones/${v.id}`, i % 2 === 0 ? v.observer_id : v.leader, html(v.teacher)),
    );

    // School dashboards: every school, opened by one of its leaders.
    const schoolRows = (
      await client.query(
        `SELECT s.id, s.name, ${leader("s.id", 0)} AS leader FROM schools s ORDER BY md5(s.id::text)`,
      )
    ).rows as Array<{ id: string; name: string; leader: string }>;
    const schoolDashboards = schoolRows.map((s) =>
      target(`/establecimientos/${s.id}/observacion`, s.leader, html(s.name)),
    );
    // Leaders' home pages: the pending lists are there (their heading is in the page).
    const leaderHomes = schoolRows.map((s) => target("/", s.leader, html(es("day.observer.title"))));

    // Network dashboards: every coordinator (50 schools each); the page lists the schools it advises.
    const coordinatorRows = (
      await client.query(
        `SELECT c.person_id AS id, min(s.name) AS school FROM coordinator_schools c JOIN schools s ON s.id = c.school_id
         GROUP BY c.person_id ORDER BY c.person_id`,
      )
    ).rows as Array<{ id: string; school: string }>;
    const networkDashboards = coordinatorRows.map((c) => target("/observaciones/red", c.id, html(c.school)));

    // Page weight: a draft as its author sees it on the phone, a submitted visit, a teacher's own timeline.
    const [draftRow] = (
      await client.query(
        `SELECT o.id, o.observer_id, tp.given_names || ' ' || tp.family_names AS teacher
         FROM observations o JOIN persons tp ON tp.id = o.teacher_id WHERE o.status = 'draft' ORDER BY o.id LIMIT 1`,
      )
    ).rows as Array<{ id: string; observer_id: string; teacher: string }>;
    if (!draftRow) throw new Error("no hay visitas en borrador");
    const draft = target(`/observaciones/${draftRow.id}`, draftRow.observer_id, html(draftRow.teacher));
    const firstVisit = visitRows[0];
    const firstTeacher = teachers[0];
    if (!firstVisit || !firstTeacher) throw new Error("no hay visitas enviadas");
    const submitted = target(
      `/observaciones/${firstVisit.id}`,
      firstVisit.observer_id,
      html(firstVisit.teacher),
    );
    const timeline = target(
      `/personas/${firstTeacher.id}/desarrollo`,
      firstTeacher.id,
      `/observaciones/${firstTeacher.latest}`,
    );

    // The sessions, as createSession writes them (only the token's SHA-256 is stored).
    const personIds = [...tokens.keys()];
    const now = new Date();
    await client.query(
      `INSERT INTO sessions (id_hash, person_id, expires_at, last_seen_at, user_agent)
       SELECT id_hash, person_id, $3, $4, 'bench/observation' FROM unnest($1::text[], $2::uuid[]) AS s(id_hash, person_id)`,
      [personIds.map((id) => tokens.get(id)?.hash), personIds, new Date(now.getTime() + SESSION_TTL_MS), now],
    );
    return {
      sessions: personIds.length,
      timelines,
      visits,
      schoolDashboards,
      networkDashboards,
      homes,
      leaderHomes,
      draft,
      submitted,
      timeline,
    };
  } finally {
    await client.end();
  }
}

/** Requests the targets one at a time (at least 3, then until `ms` have passed); the first wrong answer. */
async function checkOneByOne(
  app: RunningApp,
  targets: Target[],
  ms: number,
): Promise<{ status: number; detail: string } | null> {
  const started = Date.now();
  for (const [i, t] of targets.entries()) {
    if (i >= 3 && Date.now() - started > ms) break;
    const response = await fetch(`${app.url}${t.path}`, { headers: t.headers, redirect: "manual" });
    const body = await response.text();
    if (!t.check?.(response.status, body)) {
      const content = response.status === 200 ? `sin «${t.expect}»` : body.slice(0, 200).replace(/\s+/g, " ");
      return { status: response.status, detail: `GET ${t.path} → ${response.status} ${content}` };
    }
  }
  return null;
}

/** Waits (up to 2 minutes) until no query of the app runs on its database. */
export async function settle(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline) {
      const { rows } = await client.query(
        `SELECT count(*)::int AS n FROM pg_stat_activity
         WHERE datname = current_database() AND state = 'active' AND pid <> pg_backend_pid()`,
      );
      if (rows[0].n === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  } finally {
    await client.end();
  }
}

interface LoadedResponse {
  url: string;
  type: string;
  status: number;
  body: number;
  headers: number;
  failure?: string;
}

/** One first load in a new browser context (empty cache), signed in with the target's session. */
async function firstLoad(
  browser: import("@playwright/test").Browser,
  app: RunningApp,
  target: Target,
): Promise<LoadedResponse[]> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  try {
    const token = target.headers?.cookie?.split("=")[1] ?? "";
    await context.addCookies([{ name: SESSION_COOKIE, value: token, url: app.url }]);
    const page = await context.newPage();
    const responses: LoadedResponse[] = [];
    const pending: Array<Promise<void>> = [];
    page.on("requestfinished", (request) => {
      pending.push(
        (async () => {
          const sizes = await request.sizes();
          const response = await request.response();
          responses.push({
            url: request.url(),
            type: request.resourceType(),
            status: response?.status() ?? 0,
            body: sizes.responseBodySize,
            headers: sizes.responseHeadersSize,
          });
        })(),
      );
    });
    page.on("requestfailed", (request) => {
      responses.push({
        url: request.url(),
        type: request.resourceType(),
        status: 0,
        body: 0,
        headers: 0,
        failure: request.failure()?.errorText ?? "failed",
      });
    });
    const response = await page.goto(`${app.url}${target.path}`, { waitUntil: "networkidle" });
    const content = await page.content();
    if (response?.status() !== 200 || !content.includes(target.expect)) {
      throw new Error(`${target.path} respondió ${response?.status()} sin «${target.expect}»`);
    }
    await page.waitForTimeout(500); // anything started late (hydration, fonts)
    await Promise.all(pending);
    return responses;
  } finally {
    await context.close();
  }
}

/**
 * Bytes a phone downloads on a first visit (empty cache), as Chromium counts them: each response's
 * body as sent (compressed) plus its headers, for the document and everything it loads.
 */
async function pageWeights(ctx: BenchContext, app: RunningApp, data: Targets): Promise<void> {
  const browser = await launchChromium();
  try {
    const pages: Array<{ figure: string; target: Target }> = [
      { figure: "observation page, draft visit (the observer's phone)", target: data.draft },
      { figure: "observation page, submitted visit", target: data.submitted },
      { figure: "teacher timeline (the teacher's own)", target: data.timeline },
    ];
    for (const { figure, target } of pages) {
      let responses = await firstLoad(browser, app, target);
      // Every page hydrates: a load without its JavaScript is not the page (seen once under heavy load).
      if (!responses.some((r) => r.type === "script")) {
        ctx.log(`${figure}: la primera carga no trajo JavaScript; se repite`);
        responses = await firstLoad(browser, app, target);
      }
      const failed = responses.filter((r) => r.status >= 400 || r.failure);
      if (failed.length > 0 || !responses.some((r) => r.type === "script"))
        throw new Error(
          `${figure}: ${failed.map((r) => `${r.url} → ${r.failure ?? r.status}`).join(", ") || "sin JavaScript"}`,
        );
      const bodies = responses.reduce((sum, r) => sum + r.body, 0);
      const headers = responses.reduce((sum, r) => sum + r.headers, 0);
      const byType = new Map<string, number>();
      for (const r of responses) byType.set(r.type, (byType.get(r.type) ?? 0) + r.body + r.headers);
      ctx.log(
        `${figure}: ${responses.length} respuestas, ${(bodies / 1000).toFixed(1)} kB de cuerpos + ` +
          `${(headers / 1000).toFixed(1)} kB de cabeceras (${[...byType]
            .map(([type, bytes]) => `${type} ${(bytes / 1000).toFixed(1)} kB`)
            .join(", ")})`,
      );
      ctx.report({
        figure: `${figure}: bytes transferred on first load (compressed bodies + headers, everything included)`,
        value: (bodies + headers) / 1000,
        unit: "kB",
        target: PAGE_WEIGHT_TARGET_KB,
      });
    }
  } finally {
    await browser.close();
  }
}
