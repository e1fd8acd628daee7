// Every route, every kind of person: who gets the page, who gets 404 (or the sign-in page), and that a
// stranger's POST changes nothing. A route missing from ACCESS fails the first test.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import routes from "../../app/routes";
import {
  ensureObservationSetup,
  feedbackMeetings,
  instruments,
  observationNotes,
  observations,
  recordMeeting,
  saveVisit,
  startVisit,
} from "../../src/modules/observation";
import {
  coordinatorSchools,
  memberships,
  persons,
  previewRosterImport,
  rosterImports,
  schools,
} from "../../src/modules/people";
import { actorOf, makeWorld } from "../../src/modules/people/testing";
import { db } from "../../src/platform/db/client";
import { queueEmail } from "../../src/platform/mail/mail";
import { useTestServer } from "./server";

type World = Awaited<ReturnType<typeof makeWorld>> & {
  emailId: string;
  importId: string;
  /** teacher A's visit by leader A, submitted, with its meeting */
  observationId: string;
  /** teacher A2's visit by leader A, submitted, waiting for its meeting */
  pendingId: string;
  /** teacher A2's visit by leader A, still a draft */
  draftId: string;
};
type Persona = Exclude<
  keyof World,
  | "org"
  | "schoolA"
  | "schoolB"
  | "otherOrg"
  | "otherSchool"
  | "emailId"
  | "importId"
  | "observationId"
  | "pendingId"
  | "draftId"
>;
const PERSONAS: Persona[] = [
  "admin",
  "coordinator",
  "otherCoordinator",
  "leaderA",
  "leaderB",
  "mentorA",
  "teacherA",
  "teacherA2",
  "teacherB",
  "otherAdmin",
  "otherLeader",
];

interface Access {
  url: (w: World) => string;
  /** anyone, signed in or not */
  public?: boolean;
  /** signed-in personas who get the page (200); every other one gets 404 */
  allowed?: Persona[];
  /** for lists and pages every member may open: text of school A's teacher that must not leak to these */
  mustNotShow?: { to: Persona[]; text: (w: World) => string };
  /** a state-changing POST that strangers send, and a check that nothing changed */
  post?: { fields: (w: World) => Record<string, string>; unchanged: (w: World) => Promise<void> };
}

const everyone = PERSONAS;
const ACCESS: Record<string, Access> = {
  "/": { url: () => "/", allowed: everyone },
  ingresar: { url: () => "/ingresar", public: true },
  salir: { url: () => "/salir", public: true },
  recuperar: { url: () => "/recuperar", public: true },
  "restablecer/:token": { url: () => "/restablecer/token-invalido", public: true },
  "invitacion/:token": { url: () => "/invitacion/token-invalido", public: true },
  idioma: { url: () => "/idioma", public: true },
  personas: {
    url: () => "/personas",
    allowed: [
      "admin",
      "coordinator",
      "otherCoordinator",
      "leaderA",
      "leaderB",
      "mentorA",
      "otherAdmin",
      "otherLeader",
    ],
    mustNotShow: {
      to: ["otherCoordinator", "leaderB", "otherAdmin", "otherLeader"],
      text: (w) => w.teacherA.email,
    },
  },
  "personas/invitar": {
    url: () => "/personas/invitar",
    allowed: ["admin", "otherAdmin"],
    post: {
      fields: () => ({
        givenNames: "Intrusa",
        familyNames: "X",
        email: "intrusa@example.cl",
        role: "coordinator",
      }),
      unchanged: async () => {
        expect(await db().select().from(persons).where(eq(persons.email, "intrusa@example.cl"))).toEqual([]);
      },
    },
  },
  "personas/:personId": {
    url: (w) => `/personas/${w.teacherA.id}`,
    allowed: ["admin", "coordinator", "leaderA", "mentorA", "teacherA"],
    post: {
      fields: (w) => ({ intent: "add", role: "leader", schoolId: w.schoolA.id }),
      unchanged: async (w) => {
        const roles = await db().select().from(memberships).where(eq(memberships.personId, w.teacherA.id));
        expect(roles.map((r) => r.role)).toEqual(["teacher"]);
      },
    },
  },
  "personas/:personId/editar": {
    url: (w) => `/personas/${w.teacherA.id}/editar`,
    allowed: ["admin", "coordinator", "leaderA", "teacherA"],
    post: {
      fields: (w) => ({ givenNames: "Cambiado", familyNames: "Por Extraño", email: w.teacherA.email }),
      unchanged: async (w) => {
        const [p] = await db().select().from(persons).where(eq(persons.id, w.teacherA.id));
        expect(p.givenNames).toBe(w.teacherA.givenNames);
      },
    },
  },
  establecimientos: {
    url: () => "/establecimientos",
    allowed: everyone,
    mustNotShow: {
      to: ["teacherB", "leaderB", "otherAdmin", "otherLeader"],
      text: (w) => `/establecimientos/${w.schoolA.id}`,
    },
  },
  "establecimientos/nuevo": {
    url: () => "/establecimientos/nuevo",
    allowed: ["admin", "coordinator", "otherCoordinator", "otherAdmin"],
  },
  "establecimientos/:schoolId": {
    url: (w) => `/establecimientos/${w.schoolA.id}`,
    allowed: ["admin", "coordinator", "otherCoordinator", "leaderA", "mentorA", "teacherA", "teacherA2"],
    post: {
      fields: (w) => ({ intent: "assign", coordinatorId: w.otherCoordinator.id }),
      unchanged: async (w) => {
        const rows = await db()
          .select()
          .from(coordinatorSchools)
          .where(eq(coordinatorSchools.schoolId, w.schoolA.id));
        expect(rows.map((r) => r.personId)).toEqual([w.coordinator.id]);
      },
    },
  },
  "establecimientos/:schoolId/editar": {
    url: (w) => `/establecimientos/${w.schoolA.id}/editar`,
    allowed: ["admin", "coordinator"],
    post: {
      fields: (w) => ({
        name: "Nombre Cambiado",
        rbd: String(w.schoolA.rbd),
        regionCode: "13",
        comunaCode: "13112",
        dependencia: "municipal_daem",
      }),
      unchanged: async (w) => {
        const [s] = await db().select().from(schools).where(eq(schools.id, w.schoolA.id));
        expect(s.name).toBe(w.schoolA.name);
      },
    },
  },
  "establecimientos/:schoolId/invitar": {
    url: (w) => `/establecimientos/${w.schoolA.id}/invitar`,
    allowed: ["admin", "coordinator", "leaderA"],
    post: {
      fields: () => ({
        givenNames: "Intruso",
        familyNames: "Y",
        email: "intruso@example.cl",
        role: "teacher",
      }),
      unchanged: async () => {
        expect(await db().select().from(persons).where(eq(persons.email, "intruso@example.cl"))).toEqual([]);
      },
    },
  },
  "establecimientos/:schoolId/importar": {
    url: (w) => `/establecimientos/${w.schoolA.id}/importar`,
    allowed: ["admin", "coordinator", "leaderA"],
    post: {
      fields: () => ({ file: "nombres;apellidos;correo\nIntrusa;Z;intrusa.import@example.cl" }),
      unchanged: async (w) => {
        const rows = await db().select().from(rosterImports).where(eq(rosterImports.schoolId, w.schoolA.id));
        expect(rows.map((r) => r.id)).toEqual([w.importId]);
      },
    },
  },
  "establecimientos/:schoolId/importar/ejemplo.csv": {
    url: (w) => `/establecimientos/${w.schoolA.id}/importar/ejemplo.csv`,
    allowed: ["admin", "coordinator", "leaderA"],
  },
  "establecimientos/:schoolId/importaciones/:importId": {
    url: (w) => `/establecimientos/${w.schoolA.id}/importaciones/${w.importId}`,
    allowed: ["admin", "coordinator", "leaderA"],
    post: {
      fields: () => ({ intent: "confirm" }),
      unchanged: async (w) => {
        const [row] = await db().select().from(rosterImports).where(eq(rosterImports.id, w.importId));
        expect(row.status).toBe("preview");
      },
    },
  },
  "establecimientos/:schoolId/importaciones/:importId/rechazadas.csv": {
    url: (w) => `/establecimientos/${w.schoolA.id}/importaciones/${w.importId}/rechazadas.csv`,
    allowed: ["admin", "coordinator", "leaderA"],
  },
  "personas/:personId/desarrollo": {
    url: (w) => `/personas/${w.teacherA.id}/desarrollo`,
    allowed: ["coordinator", "leaderA", "mentorA", "teacherA"],
  },
  observaciones: {
    url: () => "/observaciones",
    allowed: ["leaderA", "leaderB", "mentorA", "otherLeader"],
    mustNotShow: { to: ["leaderB", "mentorA", "otherLeader"], text: (w) => w.observationId },
  },
  "observaciones/nueva": {
    url: () => "/observaciones/nueva",
    allowed: ["leaderA", "leaderB", "mentorA", "otherLeader"],
    mustNotShow: { to: ["leaderB", "otherLeader"], text: (w) => w.teacherA.id },
    post: {
      fields: (w) => ({
        schoolId: w.schoolA.id,
        teacherId: w.teacherA.id,
        instrumentId: "x",
        course: "1° A",
        subject: "Historia",
        purpose: "formativa",
      }),
      unchanged: async (w) => {
        const rows = await db().select().from(observations).where(eq(observations.teacherId, w.teacherA.id));
        expect(rows).toHaveLength(1);
      },
    },
  },
  "observaciones/:observationId": {
    url: (w) => `/observaciones/${w.observationId}`,
    allowed: ["coordinator", "leaderA", "mentorA", "teacherA"],
    post: {
      fields: () => ({ intent: "acknowledge" }),
      unchanged: async (w) => {
        const [m] = await db()
          .select()
          .from(feedbackMeetings)
          .where(eq(feedbackMeetings.observationId, w.observationId));
        expect(m.acknowledgedAt).toBeNull();
      },
    },
  },
  "observaciones/:observationId/reunion": {
    url: (w) => `/observaciones/${w.pendingId}/reunion`,
    allowed: ["leaderA"],
    post: {
      fields: () => ({
        heldOn: "2026-01-01",
        heldAtTime: "10:00",
        praise: "Intrusión",
        stepChoice: "custom",
        stepTitle: "Paso intruso",
      }),
      unchanged: async (w) => {
        const rows = await db()
          .select()
          .from(feedbackMeetings)
          .where(eq(feedbackMeetings.observationId, w.pendingId));
        expect(rows).toEqual([]);
      },
    },
  },
  "admin/correos": {
    url: () => "/admin/correos",
    allowed: ["admin", "otherAdmin"],
    mustNotShow: { to: ["otherAdmin"], text: () => "Asunto secreto de prueba" },
  },
  "admin/correos/:emailId": { url: (w) => `/admin/correos/${w.emailId}`, allowed: ["admin"] },
  "admin/auditoria": {
    url: () => "/admin/auditoria",
    allowed: ["admin", "otherAdmin"],
  },
};

const server = useTestServer();
let w: World;

beforeAll(async () => {
  const world = await makeWorld();
  const emailId = await queueEmail({
    to: "x@example.cl",
    subject: "Asunto secreto de prueba",
    text: "hola",
    organizationId: world.org.id,
  });
  const roster = new TextEncoder().encode(
    "nombres;apellidos;correo\nSecreta;Importada;secreta.importada@example.cl\nMala;Fila;no-es-correo\n",
  );
  const importId = await previewRosterImport(await actorOf(world.coordinator.id), world.schoolA.id, {
    fileName: "nomina.csv",
    bytes: roster,
  });
  await ensureObservationSetup(world.org.id);
  const leader = await actorOf(world.leaderA.id);
  const [instrument] = await db()
    .select()
    .from(instruments)
    .where(eq(instruments.organizationId, world.org.id));
  const visitOf = async (teacherId: string, submit: boolean) => {
    const id = await startVisit(leader, {
      schoolId: world.schoolA.id,
      teacherId,
      instrumentId: instrument.id,
      course: "4° básico A",
      subject: "Ciencias Naturales",
      purpose: "formativa",
    });
    await saveVisit(leader, id, submit ? "submit" : "note", { note: "Evidencia secreta de la visita." });
    return id;
  };
  const observationId = await visitOf(world.teacherA.id, true);
  const now = new Date(Date.now() + 120_000);
  const local = new Intl.DateTimeFormat("sv-SE", {
    timeZone: "America/Santiago",
    dateStyle: "short",
    timeStyle: "short",
  })
    .format(new Date())
    .split(" ");
  await recordMeeting(
    leader,
    observationId,
    { heldOn: local[0], heldAtTime: local[1], praise: "Bien.", stepChoice: "custom", stepTitle: "Paso" },
    "America/Santiago",
    now,
  );
  const pendingId = await visitOf(world.teacherA2.id, true);
  const draftId = await visitOf(world.teacherA2.id, false);
  w = { ...world, emailId, importId, observationId, pendingId, draftId };
});

describe("authorization of every route", () => {
  const declared = (routes as Array<{ path?: string; index?: boolean }>).map((r) =>
    r.index ? "/" : (r.path as string),
  );

  it("declares the access of every route", () => {
    expect(declared.filter((p) => !ACCESS[p])).toEqual([]);
  });

  for (const [path, access] of Object.entries(ACCESS)) {
    if (access.public) {
      it(`${path} is public`, async () => {
        const res = await (await server.current().as(null)).get(access.url(w));
        expect([200, 302]).toContain(res.status);
      });
      continue;
    }
    it(`${path}: anonymous visitors are sent to sign in`, async () => {
      const res = await (await server.current().as(null)).get(access.url(w));
      expect(res.status).toBe(302);
      expect(res.headers.get("location")).toMatch(/^\/ingresar\?volver=/);
    });
    for (const persona of PERSONAS) {
      const allowed = access.allowed?.includes(persona) ?? false;
      it(`${path}: ${persona} ${allowed ? "may open it" : "gets 404"}`, async () => {
        const client = await server.current().as(w[persona].id);
        const res = await client.get(access.url(w));
        const body = await res.text();
        expect(res.status, body.slice(0, 300)).toBe(allowed ? 200 : 404);
        if (access.mustNotShow?.to.includes(persona)) expect(body).not.toContain(access.mustNotShow.text(w));
        if (!allowed && access.post) {
          const post = await client.post(access.url(w), access.post.fields(w));
          expect(post.status).toBe(404);
          await access.post.unchanged(w);
        }
      });
    }
  }
});

describe("observation drafts and teachers' reflections", () => {
  it("shows a draft visit to its author alone", async () => {
    for (const persona of PERSONAS) {
      const res = await (await server.current().as(w[persona].id)).get(`/observaciones/${w.draftId}`);
      expect(res.status, persona).toBe(persona === "leaderA" ? 200 : 404);
    }
  });

  it("lets nobody but the author change a draft", async () => {
    for (const persona of PERSONAS.filter((p) => p !== "leaderA")) {
      const client = await server.current().as(w[persona].id);
      const res = await client.post(`/observaciones/${w.draftId}`, { intent: "note", note: "Nota intrusa" });
      expect(res.status, persona).toBe(404);
    }
    const notes = await db()
      .select()
      .from(observationNotes)
      .where(eq(observationNotes.observationId, w.draftId));
    expect(notes.map((n) => n.body)).toEqual(["Evidencia secreta de la visita."]);
  });

  it("will not start a visit of another school's teacher for a leader who may open the form", async () => {
    const client = await server.current().as(w.leaderB.id);
    const res = await client.post("/observaciones/nueva", {
      schoolId: w.schoolA.id,
      teacherId: w.teacherA.id,
      instrumentId: "x",
      course: "1° A",
      subject: "Historia",
      purpose: "formativa",
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("no puede registrar visitas de este docente");
    const rows = await db().select().from(observations).where(eq(observations.observerId, w.leaderB.id));
    expect(rows).toEqual([]);
  });
});

describe("cross-site requests", () => {
  it("refuses a POST that comes from another site, before touching anything", async () => {
    const res = await fetch(`${server.current().url}/ingresar`, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        origin: "https://evil.example",
        "sec-fetch-site": "cross-site",
      },
      body: "email=a%40b.cl&password=x",
      redirect: "manual",
    });
    expect(res.status).toBe(403);
  });

  it("sends security headers with a nonce-based script policy", async () => {
    const res = await fetch(`${server.current().url}/ingresar`);
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toMatch(/script-src 'self' 'nonce-[^']+'/);
    expect(csp).not.toContain("unsafe-inline");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  });
});
