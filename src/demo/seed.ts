// The demo organization seeded on the first start: fictitious schools in real comunas, teachers with
// valid RUTs, and one account per role. Everything a newcomer needs to try Impulso.
import { count } from "drizzle-orm";
import {
  coordinatorSchools,
  memberships,
  organizations,
  persons,
  rutCheckDigit,
  schools,
} from "../modules/people";
import { hashPassword } from "../platform/auth/passwords";
import { type DbOrTx, db } from "../platform/db/client";
import { newId } from "../platform/ids";
import { searchable } from "../platform/text";

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

function rut(body: number): string {
  return `${body}-${rutCheckDigit(body)}`;
}

export async function isDatabaseEmpty(tx: DbOrTx = db()): Promise<boolean> {
  const [{ n }] = await tx.select({ n: count() }).from(organizations);
  return n === 0;
}

/** Seeds the demo once; does nothing when any organization exists. */
export async function seedDemo(): Promise<boolean> {
  if (!(await isDatabaseEmpty())) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db().transaction(async (tx) => {
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
    let n = 0;
    const addPerson = async (
      givenNames: string,
      familyNames: string,
      email: string,
      roles: Array<{
        role: "teacher" | "leader" | "mentor" | "coordinator" | "admin";
        school?: string;
        title?: string;
      }>,
      options: { rutBody?: number | null; active?: boolean } = {},
    ) => {
      const id = newId();
      const personRut = options.rutBody === null ? null : rut(options.rutBody ?? 12_100_000 + n * 377_113);
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
    const coordinatorId = await addPerson("Carolina", "Henríquez Lagos", "coordinadora@demo.impulso.cl", [
      { role: "coordinator" },
    ]);
    for (const key of ["aromos", "pampa"]) {
      await tx
        .insert(coordinatorSchools)
        .values({ organizationId, personId: coordinatorId, schoolId: schoolIds[key] });
    }
    await addPerson("Rodrigo", "Salinas Mella", "admin@demo.impulso.cl", [{ role: "admin" }]);
    await addPerson("Marcela", "Fuentes Araya", "directora.aromos@demo.impulso.cl", [
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
    await addPerson("Andrea", "Moreno Lillo", "mentor@demo.impulso.cl", [
      { role: "mentor", school: "aromos" },
      { role: "teacher", school: "pampa" },
    ]);
    await addPerson("Daniela", "Soto Vergara", "docente@demo.impulso.cl", [
      { role: "teacher", school: "aromos" },
    ]);
    const keys = ["aromos", "aromos", "pampa", "nielol", "estrecho"];
    for (let i = 0; i < 30; i++) {
      const given = GIVEN[i % GIVEN.length];
      const family = FAMILY[(i * 7) % FAMILY.length];
      const email = `${searchable(given).replace(/\s+/g, "")}.${searchable(family.split(" ")[0])}${i}@demo.impulso.cl`;
      // Two teachers come from abroad (no RUT) and three have not accepted their invitation yet.
      await addPerson(given, family, email, [{ role: "teacher", school: keys[i % keys.length] }], {
        rutBody: i === 7 || i === 19 ? null : undefined,
        active: i % 10 !== 9,
      });
    }
  });
  return true;
}
