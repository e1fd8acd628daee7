// Test fixtures: real rows in the test database, and the actor a signed-in person would have.
import { db } from "../../platform/db/client";
import { newId } from "../../platform/ids";
import type { Actor } from "../../platform/policy";
import { searchable } from "../../platform/text";
import { mentorPairings } from "../mentoring/schema";
import { loadActor, organizationToday } from "./actor";
import { coordinatorSchools, memberships, organizations, persons, type Role, schools } from "./schema";

let counter = 0;
const next = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

export async function makeOrganization(name = "Fundación de Prueba") {
  const id = newId();
  await db()
    .insert(organizations)
    .values({ id, name, slug: `org-${next()}` });
  return { id, name };
}

export async function makeSchool(organizationId: string, values: Partial<typeof schools.$inferInsert> = {}) {
  const id = newId();
  const name = values.name ?? `Escuela ${next()}`;
  const row = {
    id,
    organizationId,
    name,
    rbd: values.rbd ?? 10_000 + (counter++ % 80_000),
    regionCode: "13",
    comunaCode: "13101",
    dependencia: "slep" as const,
    ive: 85.5,
    iveYear: 2025,
    searchText: searchable(name),
    ...values,
  };
  await db().insert(schools).values(row);
  return row;
}

export async function makePerson(
  organizationId: string,
  roles: Array<{ role: Role; schoolId?: string | null }> = [],
  values: Partial<typeof persons.$inferInsert> = {},
) {
  const id = newId();
  const tag = next();
  const row = {
    id,
    organizationId,
    givenNames: values.givenNames ?? "Persona",
    familyNames: values.familyNames ?? `Prueba ${tag}`,
    email: values.email ?? `persona.${tag}@example.cl`,
    status: "active" as const,
    searchText: "",
    ...values,
  };
  row.searchText = searchable(row.givenNames, row.familyNames, row.email);
  await db().insert(persons).values(row);
  for (const { role, schoolId } of roles) {
    await db()
      .insert(memberships)
      .values({ id: newId(), organizationId, personId: id, schoolId: schoolId ?? null, role });
  }
  return row;
}

export async function advise(organizationId: string, coordinatorId: string, schoolId: string) {
  await db().insert(coordinatorSchools).values({ organizationId, personId: coordinatorId, schoolId });
}

/**
 * Pairs a mentor with a teacher of a school (issue #18), from `startsOn` (today by default) to `endsOn`;
 * `ended` writes it as ended now. Returns the pairing's id.
 */
export async function pair(
  organizationId: string,
  mentorId: string,
  teacherId: string,
  schoolId: string,
  values: { startsOn?: string; endsOn?: string | null; ended?: boolean } = {},
) {
  const id = newId();
  await db()
    .insert(mentorPairings)
    .values({
      id,
      organizationId,
      mentorId,
      teacherId,
      schoolId,
      startsOn: values.startsOn ?? organizationToday(),
      endsOn: values.endsOn ?? null,
      endedAt: values.ended ? new Date() : null,
      endedBy: values.ended ? mentorId : null,
      createdBy: mentorId,
    });
  return id;
}

export async function actorOf(personId: string): Promise<Actor> {
  const loaded = await loadActor(personId);
  if (!loaded) throw new Error("person is not active");
  return loaded.actor;
}

/** An organization with two schools and one person of each role, the usual cast of policy tests. */
export async function makeWorld() {
  const org = await makeOrganization();
  const schoolA = await makeSchool(org.id, { name: "Escuela A" });
  const schoolB = await makeSchool(org.id, { name: "Escuela B" });
  const admin = await makePerson(org.id, [{ role: "admin" }]);
  const coordinator = await makePerson(org.id, [{ role: "coordinator" }]);
  await advise(org.id, coordinator.id, schoolA.id);
  const otherCoordinator = await makePerson(org.id, [{ role: "coordinator" }]);
  await advise(org.id, otherCoordinator.id, schoolB.id);
  const leaderA = await makePerson(org.id, [{ role: "leader", schoolId: schoolA.id }]);
  const leaderB = await makePerson(org.id, [{ role: "leader", schoolId: schoolB.id }]);
  const mentorA = await makePerson(org.id, [{ role: "mentor", schoolId: schoolA.id }]);
  const teacherA = await makePerson(org.id, [{ role: "teacher", schoolId: schoolA.id }]);
  const teacherA2 = await makePerson(org.id, [{ role: "teacher", schoolId: schoolA.id }]);
  const teacherB = await makePerson(org.id, [{ role: "teacher", schoolId: schoolB.id }]);
  // mentor A is paired with the two teachers of school A (the pairings in force give a mentor access)
  const startsOn = "2020-01-01";
  await pair(org.id, mentorA.id, teacherA.id, schoolA.id, { startsOn });
  await pair(org.id, mentorA.id, teacherA2.id, schoolA.id, { startsOn });
  const facilitator = await makePerson(org.id, [{ role: "facilitator" }]);
  const otherOrg = await makeOrganization("Otra Fundación");
  const otherSchool = await makeSchool(otherOrg.id, { name: "Escuela Ajena" });
  const otherAdmin = await makePerson(otherOrg.id, [{ role: "admin" }]);
  const otherLeader = await makePerson(otherOrg.id, [{ role: "leader", schoolId: otherSchool.id }]);
  return {
    org,
    schoolA,
    schoolB,
    admin,
    coordinator,
    otherCoordinator,
    leaderA,
    leaderB,
    mentorA,
    teacherA,
    teacherA2,
    teacherB,
    facilitator,
    otherOrg,
    otherSchool,
    otherAdmin,
    otherLeader,
  };
}

/** The actor of each person of a world (makeWorld), by the name the world gives them. */
export async function actorsOf(world: Awaited<ReturnType<typeof makeWorld>>): Promise<Record<string, Actor>> {
  const actors: Record<string, Actor> = {};
  for (const [name, value] of Object.entries(world))
    if (value && typeof value === "object" && "email" in value && "id" in value)
      actors[name] = await actorOf(String(value.id));
  return actors;
}
