// The demo organization seeded on the first start: fictitious schools in real comunas, teachers with
// valid RUTs, and one account per role. Everything a newcomer needs to try Impulso.

import { and, asc, count, eq, sql } from "drizzle-orm";
import { seedDemoAdvisories } from "../modules/advisory";
import { seedDemoCommunity } from "../modules/community";
import { seedDemoLearning } from "../modules/learning";
import { seedDemoMentoring, seedDemoMentorTrack } from "../modules/mentoring";
import { ensureObservationSetup, seedDemoCalibration } from "../modules/observation";
import {
  actionSteps,
  catalogueSteps,
  feedbackMeetings,
  instrumentVersions,
  observationLevels,
  observationNotes,
  observationSnapshots,
  observations,
} from "../modules/observation/schema";
import { memberships, organizations, persons, type Role, rutCheckDigit, schools } from "../modules/people";
import { coordinatorSchools } from "../modules/people/schema";
import { seedDemoPractices } from "../modules/practices";
import { seedDemoWellbeing } from "../modules/wellbeing";
import { hashPassword } from "../platform/auth/passwords";
import { type DbOrTx, db } from "../platform/db/client";
import { newId } from "../platform/ids";
import { searchable } from "../platform/text";
import { seedDemoObservationHistory } from "./observation-history";

export const DEMO_PASSWORD = "impulso-demo-2026";

export interface DemoAccount {
  email: string;
  roleKey: string;
  description: string;
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  {
    email: "coordinadora@demo.impulso.cl",
    roleKey: "role.coordinator",
    description: "Coordinadora (asesora 2 establecimientos)",
  },
  { email: "admin@demo.impulso.cl", roleKey: "role.admin", description: "Administrador de la organización" },
  {
    email: "directora.aromos@demo.impulso.cl",
    roleKey: "role.leader",
    description: "Directora, Escuela Los Aromos (La Pintana)",
  },
  {
    email: "mentor@demo.impulso.cl",
    roleKey: "role.mentor",
    description: "Mentor certificado (Escuela Los Aromos)",
  },
  { email: "docente@demo.impulso.cl", roleKey: "role.teacher", description: "Docente, Escuela Los Aromos" },
  {
    email: "facilitadora@demo.impulso.cl",
    roleKey: "role.facilitator",
    description: "Facilitadora del taller abierto de la red",
  },
];

/** The second demo organization's accounts (same password), to try cross-organization access by hand. */
export const OTHER_ORGANIZATION_ACCOUNTS: DemoAccount[] = [
  {
    email: "admin@litoral.demo.impulso.cl",
    roleKey: "role.admin",
    description: "Administrador, Red Escuelas del Litoral (otra organización)",
  },
  {
    email: "directora@litoral.demo.impulso.cl",
    roleKey: "role.leader",
    description: "Directora, Escuela Costa Azul (otra organización)",
  },
  {
    email: "docente@litoral.demo.impulso.cl",
    roleKey: "role.teacher",
    description: "Docente, Escuela Costa Azul (otra organización)",
  },
];

const SCHOOLS = [
  {
    key: "aromos",
    name: "Escuela Básica Los Aromos",
    rbd: 24517,
    regionCode: "13",
    comunaCode: "13112",
    dependencia: "slep",
    sostenedor: "SLEP Santa Rosa",
    ive: 92.4,
    address: "Av. Santa Rosa 12.450, La Pintana",
  },
  {
    key: "pampa",
    name: "Liceo Pampa del Tamarugal",
    rbd: 12843,
    regionCode: "01",
    comunaCode: "01107",
    dependencia: "municipal_daem",
    sostenedor: "Municipalidad de Alto Hospicio",
    ive: 88.1,
    address: "Calle Los Cóndores 3.210, Alto Hospicio",
  },
  {
    key: "nielol",
    name: "Colegio Cerro Ñielol",
    rbd: 5731,
    regionCode: "09",
    comunaCode: "09101",
    dependencia: "particular_subvencionado",
    sostenedor: "Fundación Educacional Ñielol",
    ive: 79.6,
    address: "Pasaje Los Canelos 455, Temuco",
  },
  {
    key: "estrecho",
    name: "Escuela Estrecho de Magallanes",
    rbd: 8402,
    regionCode: "12",
    comunaCode: "12101",
    dependencia: "municipal_corporacion",
    sostenedor: "Corporación Municipal de Punta Arenas",
    ive: 71.3,
    address: "Av. Bulnes 0870, Punta Arenas",
  },
] as const;

const GIVEN = [
  "Camila",
  "Javiera",
  "Valentina",
  "Francisca",
  "Constanza",
  "Catalina",
  "Fernanda",
  "Daniela",
  "Carolina",
  "Paula",
  "Matías",
  "Benjamín",
  "Vicente",
  "Tomás",
  "Joaquín",
  "Diego",
  "Cristóbal",
  "Felipe",
  "Sebastián",
  "Ignacio",
  "María José",
  "Ana María",
  "Rodrigo",
  "Claudia",
  "Patricia",
  "Andrés",
  "Gonzalo",
  "Macarena",
  "Bárbara",
  "Nicolás",
  "Rocío",
  "Héctor",
];
const FAMILY = [
  "González Muñoz",
  "Rojas Díaz",
  "Pérez Soto",
  "Contreras Silva",
  "Martínez Sepúlveda",
  "Morales Fuentes",
  "Araya Torres",
  "Espinoza Castillo",
  "Reyes Flores",
  "Valenzuela Núñez",
  "Tapia Carrasco",
  "Figueroa Vega",
  "Cortés Jara",
  "Vásquez Herrera",
  "Castro Ramírez",
  "Álvarez Ñancupil",
  "Huenchumilla Paredes",
  "Millán Cárcamo",
  "Bustos Ortiz",
  "Salazar Leiva",
  "Riquelme Pizarro",
  "Aguilera Vidal",
  "Sandoval Orellana",
  "Gutiérrez Lagos",
  "Navarro Saavedra",
  "Ibáñez Correa",
  "Fuentealba Mena",
  "Quiroz Olivares",
  "Cárdenas Yáñez",
  "Poblete Arancibia",
  "Toledo Zúñiga",
  "Parra Molina",
];

/**
 * Two feedback cycles of the demo teacher (a step named, then continued and now in course) and a
 * visit of two colleagues still waiting for their meeting: the pages have something true to show.
 */
async function seedDemoObservations(
  tx: DbOrTx,
  ids: {
    organizationId: string;
    schoolId: string;
    leaderId: string;
    mentorId: string;
    teacherId: string;
    otherTeacherIds: string[];
  },
) {
  const [version] = await tx
    .select({ id: instrumentVersions.id, content: instrumentVersions.content })
    .from(instrumentVersions)
    .where(eq(instrumentVersions.organizationId, ids.organizationId))
    .orderBy(asc(instrumentVersions.createdAt))
    .limit(1);
  const [step] = await tx
    .select()
    .from(catalogueSteps)
    .where(
      and(eq(catalogueSteps.organizationId, ids.organizationId), eq(catalogueSteps.category, "routines")),
    )
    .orderBy(asc(catalogueSteps.position))
    .limit(1);
  const day = 86_400_000;
  const now = Date.now();
  const visit = async (
    teacherId: string,
    observerId: string,
    daysAgo: number,
    onTask: number[],
    notes: string[],
    extra: Partial<typeof observations.$inferInsert> = {},
  ) => {
    const id = newId();
    const startedAt = new Date(now - daysAgo * day);
    await tx.insert(observations).values({
      id,
      organizationId: ids.organizationId,
      schoolId: ids.schoolId,
      teacherId,
      observerId,
      instrumentVersionId: version.id,
      purpose: "formativa",
      course: "6° básico B",
      subject: "Lenguaje y Comunicación",
      status: "submitted",
      startedAt,
      submittedAt: new Date(startedAt.getTime() + 20 * 60_000),
      ...extra,
    });
    await tx
      .insert(observationNotes)
      .values(notes.map((body, i) => ({ id: newId(), observationId: id, minute: i * 4, body })));
    await tx
      .insert(observationSnapshots)
      .values(
        onTask.map((n, i) => ({ id: newId(), observationId: id, minute: 3 + i * 5, onTask: n, present: 30 })),
      );
    await tx.insert(observationLevels).values([
      { observationId: id, indicatorKey: "b5.1", level: 2 },
      { observationId: id, indicatorKey: "c7.1", level: 3 },
    ]);
    return { id, startedAt };
  };
  const first = await visit(
    ids.teacherId,
    ids.leaderId,
    16,
    [19, 21, 20],
    [
      "La docente espera en silencio; 6 estudiantes siguen conversando al minuto 2.",
      "Instrucción oral para la guía: 9 estudiantes preguntan qué hacer.",
      "A los 10 minutos, 20 de 30 escriben en la guía.",
    ],
  );
  const stepId = newId();
  await tx.insert(actionSteps).values({
    id: stepId,
    organizationId: ids.organizationId,
    schoolId: ids.schoolId,
    teacherId: ids.teacherId,
    catalogueStepId: step.id,
    category: step.category,
    title: step.title,
    mastery: step.mastery,
    status: "open",
    openedAt: new Date(first.startedAt.getTime() + day),
    openedBy: ids.leaderId,
  });
  const meeting = (observationId: string, observerId: string, heldAt: Date, praise: string) => ({
    id: newId(),
    organizationId: ids.organizationId,
    schoolId: ids.schoolId,
    observationId,
    teacherId: ids.teacherId,
    observerId,
    heldAt,
    praise,
    model: "Vimos juntas el video de una entrada a clases con instrucciones en tres pasos.",
    gap: "Las instrucciones se dieron solo de forma oral y sin tiempo definido.",
    actionStepId: stepId,
    plan: "Escribir en la pizarra qué, cómo y en cuánto tiempo antes de cada actividad.",
    practiced: true,
    practiceNote: "Dos ensayos de la instrucción para la guía del jueves.",
    acknowledgedAt: new Date(heldAt.getTime() + 3 * 3_600_000),
  });
  await tx
    .insert(feedbackMeetings)
    .values(
      meeting(
        first.id,
        ids.leaderId,
        new Date(first.startedAt.getTime() + day),
        "Saludaste a cada estudiante en la puerta y la clase empezó a la hora.",
      ),
    );
  const second = await visit(
    ids.teacherId,
    ids.mentorId,
    5,
    [24, 25, 26],
    [
      "Instrucción escrita en la pizarra con tres pasos; 25 de 30 comienzan al minuto 1.",
      "Dos estudiantes preguntan por el tiempo; la docente señala la pizarra.",
      "Cierre: la docente pide a 3 estudiantes leer su respuesta.",
    ],
    { focusStepId: stepId, focusResult: "continued" },
  );
  // The latest feedback is still to be read (the teacher's home page lists it), with a follow-up in
  // three days.
  await tx.insert(feedbackMeetings).values({
    ...meeting(
      second.id,
      ids.mentorId,
      new Date(second.startedAt.getTime() + day),
      "La instrucción escrita en tres pasos hizo que 25 estudiantes comenzaran al primer minuto.",
    ),
    acknowledgedAt: null,
    followUpOn: new Date(now + 3 * day).toISOString().slice(0, 10),
  });
  for (const [i, teacherId] of ids.otherTeacherIds.entries()) {
    await visit(
      teacherId,
      ids.leaderId,
      1 + i * 2,
      [22 + i, 24],
      ["Inicio con objetivo escrito en la pizarra.", "Trabajo en parejas; la docente recorre la sala."],
    );
  }
}

function rut(body: number): string {
  return `${body}-${rutCheckDigit(body)}`;
}

type DemoRole = Role;

/** Adds people with their roles to one organization of the demo; RUTs valid and distinct. */
function personAdder(
  tx: DbOrTx,
  organizationId: string,
  schoolIds: Record<string, string>,
  passwordHash: string,
) {
  let n = 0;
  const rutOffset = organizationId.charCodeAt(organizationId.length - 1) * 1_000_003;
  return async (
    givenNames: string,
    familyNames: string,
    email: string,
    roles: Array<{ role: DemoRole; school?: string; title?: string }>,
    options: { rutBody?: number | null; active?: boolean } = {},
  ) => {
    const id = newId();
    const personRut =
      options.rutBody === null
        ? null
        : rut(options.rutBody ?? 12_100_000 + n * 377_113 + (rutOffset % 7_000_000));
    n++;
    await tx.insert(persons).values({
      id,
      organizationId,
      givenNames,
      familyNames,
      email,
      rut: personRut,
      passwordHash: options.active === false ? null : passwordHash,
      passwordChangedAt: new Date(),
      status: options.active === false ? "invited" : "active",
      searchText: searchable(givenNames, familyNames, email, personRut),
    });
    for (const r of roles) {
      await tx.insert(memberships).values({
        id: newId(),
        organizationId,
        personId: id,
        schoolId: r.school ? schoolIds[r.school] : null,
        role: r.role,
        title: r.title ?? null,
      });
    }
    return id;
  };
}

/**
 * A second, small organization with its own accounts (OTHER_ORGANIZATION_ACCOUNTS): one school, its
 * director, two teachers and a visit, so that anyone can try by hand that one organization's people
 * never reach the other's records (the access test does it for every route).
 */
async function seedOtherOrganization(tx: DbOrTx, passwordHash: string) {
  const organizationId = newId();
  await tx
    .insert(organizations)
    .values({ id: organizationId, name: "Red Escuelas del Litoral (demo)", slug: "demo-litoral" });
  const schoolId = newId();
  await tx.insert(schools).values({
    id: schoolId,
    organizationId,
    name: "Escuela Costa Azul",
    rbd: 1_523,
    rbdCheckDigit: rutCheckDigit(1_523),
    regionCode: "05",
    comunaCode: "05101",
    dependencia: "slep",
    sostenedor: "SLEP Valparaíso",
    ive: 88.1,
    iveYear: 2025,
    address: "Av. Alemania 4550, Valparaíso",
    searchText: searchable("Escuela Costa Azul", "1523"),
  });
  const addPerson = personAdder(tx, organizationId, { costa: schoolId }, passwordHash);
  await addPerson("Ignacio", "Bravo Lemus", "admin@litoral.demo.impulso.cl", [{ role: "admin" }]);
  const leaderId = await addPerson("Pilar", "Urrutia Caro", "directora@litoral.demo.impulso.cl", [
    { role: "leader", school: "costa", title: "Directora" },
  ]);
  const teacherId = await addPerson("Simón", "Acevedo Troncoso", "docente@litoral.demo.impulso.cl", [
    { role: "teacher", school: "costa" },
  ]);
  const colleagueId = await addPerson("Antonia", "Lillo Gallardo", "docente2@litoral.demo.impulso.cl", [
    { role: "teacher", school: "costa" },
  ]);
  await ensureObservationSetup(organizationId, tx);
  await seedDemoObservations(tx, {
    organizationId,
    schoolId,
    leaderId,
    mentorId: leaderId,
    teacherId,
    otherTeacherIds: [colleagueId],
  });
}

export async function isDatabaseEmpty(tx: DbOrTx = db()): Promise<boolean> {
  const [{ n }] = await tx.select({ n: count() }).from(organizations);
  return n === 0;
}

/** Seeds the demo once; does nothing when any organization exists. */
/** Any constant: the advisory lock held while the demo is written. */
const SEED_LOCK = 7_240_312;

export async function seedDemo(): Promise<boolean> {
  if (!(await isDatabaseEmpty())) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  let created = false;
  await db().transaction(async (tx) => {
    // Several processes starting together on one empty database (docs/operations.md): one seeds, the
    // others wait here, then find it seeded.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${SEED_LOCK})`);
    if (!(await isDatabaseEmpty(tx))) return;
    const organizationId = newId();
    await tx
      .insert(organizations)
      .values({ id: organizationId, name: "Fundación Enseñar Juntos (demo)", slug: "demo" });
    const schoolIds: Record<string, string> = {};
    for (const s of SCHOOLS) {
      const id = newId();
      schoolIds[s.key] = id;
      const { key: _key, ...values } = s;
      await tx.insert(schools).values({
        id,
        organizationId,
        ...values,
        rbdCheckDigit: rutCheckDigit(s.rbd),
        iveYear: 2025,
        searchText: searchable(s.name, String(s.rbd)),
      });
    }
    const addPerson = personAdder(tx, organizationId, schoolIds, passwordHash);
    const coordinatorId = await addPerson("Carolina", "Henríquez Lagos", "coordinadora@demo.impulso.cl", [
      { role: "coordinator" },
    ]);
    for (const key of ["aromos", "pampa"]) {
      await tx
        .insert(coordinatorSchools)
        .values({ organizationId, personId: coordinatorId, schoolId: schoolIds[key] });
    }
    await addPerson("Rodrigo", "Salinas Mella", "admin@demo.impulso.cl", [{ role: "admin" }]);
    const facilitatorId = await addPerson("Paulina", "Riquelme Díaz", "facilitadora@demo.impulso.cl", [
      { role: "facilitator" },
    ]);
    const directoraId = await addPerson("Marcela", "Fuentes Araya", "directora.aromos@demo.impulso.cl", [
      { role: "leader", school: "aromos", title: "Directora" },
    ]);
    await addPerson("Jorge", "Pino Retamal", "utp.aromos@demo.impulso.cl", [
      { role: "leader", school: "aromos", title: "Jefe UTP" },
    ]);
    await addPerson("Lorena", "Cifuentes Rivas", "directora.pampa@demo.impulso.cl", [
      { role: "leader", school: "pampa", title: "Directora" },
    ]);
    await addPerson("Hernán", "Catrileo Painemal", "director.nielol@demo.impulso.cl", [
      { role: "leader", school: "nielol", title: "Director" },
    ]);
    await addPerson("Verónica", "Oyarzún Barría", "directora.estrecho@demo.impulso.cl", [
      { role: "leader", school: "estrecho", title: "Directora" },
    ]);
    const mentorId = await addPerson("Andrea", "Moreno Lillo", "mentor@demo.impulso.cl", [
      { role: "mentor", school: "aromos" },
      { role: "teacher", school: "pampa" },
    ]);
    const docenteId = await addPerson("Daniela", "Soto Vergara", "docente@demo.impulso.cl", [
      { role: "teacher", school: "aromos" },
    ]);
    const docente2Id = await addPerson("Tomás", "Vidal Rojas", "docente2@demo.impulso.cl", [
      { role: "teacher", school: "aromos" },
    ]);
    const keys = ["aromos", "aromos", "pampa", "nielol", "estrecho"];
    const aromosTeachers: string[] = [];
    for (let i = 0; i < 30; i++) {
      const given = GIVEN[i % GIVEN.length];
      const family = FAMILY[(i * 7) % FAMILY.length];
      const email = `${searchable(given).replace(/\s+/g, "")}.${searchable(family.split(" ")[0])}${i}@demo.impulso.cl`;
      // Two teachers come from abroad (no RUT) and three have not accepted their invitation yet.
      const teacherId = await addPerson(
        given,
        family,
        email,
        [{ role: "teacher", school: keys[i % keys.length] }],
        {
          rutBody: i === 7 || i === 19 ? null : undefined,
          active: i % 10 !== 9,
        },
      );
      if (keys[i % keys.length] === "aromos" && i % 10 !== 9) aromosTeachers.push(teacherId);
    }
    await ensureObservationSetup(organizationId, tx);
    await seedDemoObservations(tx, {
      organizationId,
      schoolId: schoolIds.aromos,
      leaderId: directoraId,
      mentorId,
      teacherId: docenteId,
      otherTeacherIds: aromosTeachers.slice(0, 2),
    });
    await seedDemoObservationHistory(tx, {
      organizationId,
      schoolId: schoolIds.aromos,
      observerIds: [directoraId, mentorId],
      teacherIds: aromosTeachers.slice(2),
    });
    // the demo mentor is paired with the Los Aromos teachers she observes (issue #18: a mentor sees
    // and observes her mentees, not every teacher of the school)
    await seedDemoMentoring(tx, {
      organizationId,
      schoolId: schoolIds.aromos,
      mentorId,
      coordinatorId,
      teacherId: docenteId,
      menteeIds: [docente2Id, ...aromosTeachers],
    });
    await seedDemoCalibration(tx, organizationId);
    await seedDemoLearning(tx, {
      organizationId,
      coordinatorId,
      facilitatorId,
      teacher: { id: docenteId, email: "docente@demo.impulso.cl" },
    });
    await seedDemoCommunity(tx, {
      organizationId,
      schoolId: schoolIds.aromos,
      leaderId: directoraId,
      teacherId: docenteId,
      colleagueId: docente2Id,
      coordinatorId,
    });
    await seedDemoPractices(tx, {
      organizationId,
      schoolId: schoolIds.aromos,
      leaderId: directoraId,
      teacherId: docenteId,
      colleagueId: docente2Id,
    });
    await seedDemoWellbeing(tx, {
      organizationId,
      schoolId: schoolIds.aromos,
      leaderId: directoraId,
      answererIds: aromosTeachers,
    });
    await seedDemoAdvisories(tx, {
      organizationId,
      activeSchoolId: schoolIds.aromos,
      plannedSchoolId: schoolIds.pampa,
      coordinatorId,
    });
    await seedDemoMentorTrack(tx, {
      organizationId,
      coordinatorId,
      completeId: mentorId,
      inProgressId: directoraId,
    });
    await seedOtherOrganization(tx, passwordHash);
    created = true;
  });
  return created;
}
