import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvents } from "../../platform/audit/schema";
import { db } from "../../platform/db/client";
import { DomainError, NotFoundError, ValidationError } from "../../platform/errors";
import { useTestDatabase } from "../../platform/testing/database";
import { addMembership, getPersonProfile, listPeople, removeMembership, updatePerson } from "./persons";
import { formatRut, normalizeRut, rutCheckDigit } from "./rut";
import { memberships, persons } from "./schema";
import { actorOf, makePerson, makeWorld } from "./testing";

useTestDatabase();

describe("RUT", () => {
  it("computes the módulo 11 check digit of known RUTs", () => {
    expect(rutCheckDigit(12345678)).toBe("5");
    expect(rutCheckDigit(15509661)).toBe("6");
    expect(rutCheckDigit(30686957)).toBe("4");
    expect(rutCheckDigit(1)).toBe("9");
    expect(rutCheckDigit(10000000)).toBe("8");
  });
  it("accepts dots, hyphen, spaces and lower-case k; rejects a wrong digit or leading zeros", () => {
    expect(normalizeRut("12.345.678-5")).toBe("12345678-5");
    expect(normalizeRut("123456785")).toBe("12345678-5");
    expect(normalizeRut(" 76.086.428-5 ")).toBe("76086428-5");
    expect(normalizeRut("12.345.678-6")).toBeNull();
    expect(normalizeRut("012345678-5")).toBeNull();
    expect(normalizeRut("abc")).toBeNull();
    const withK = [...Array(200).keys()]
      .map((i) => 10_000_000 + i)
      .find((n) => rutCheckDigit(n) === "K") as number;
    expect(normalizeRut(`${withK}-k`)).toBe(`${withK}-K`);
  });
  it("shows a RUT as 12.345.678-5", () => {
    expect(formatRut("12345678-5")).toBe("12.345.678-5");
    expect(formatRut("1-9")).toBe("1-9");
  });
});

describe("people service", () => {
  let w: Awaited<ReturnType<typeof makeWorld>>;
  beforeAll(async () => {
    w = await makeWorld();
    await makePerson(w.org.id, [{ role: "teacher", schoolId: w.schoolA.id }], {
      givenNames: "Ñuñoa",
      familyNames: "Muñoz Peña",
    });
  });

  it("lists for a leader the people of their school, not those of another school", async () => {
    const { people } = await listPeople(await actorOf(w.leaderA.id), {});
    const ids = people.map((p) => p.id);
    expect(ids).toContain(w.teacherA.id);
    expect(ids).toContain(w.mentorA.id);
    expect(ids).not.toContain(w.teacherB.id);
    expect(ids).not.toContain(w.otherLeader.id);
  });

  it("lists for an advising coordinator its schools' people and the staff, and everything for the admin", async () => {
    const coordinatorIds = (await listPeople(await actorOf(w.coordinator.id), {})).people.map((p) => p.id);
    expect(coordinatorIds).toContain(w.teacherA.id);
    expect(coordinatorIds).toContain(w.admin.id);
    expect(coordinatorIds).not.toContain(w.teacherB.id);
    const admin = await listPeople(await actorOf(w.admin.id), {});
    expect(admin.people.map((p) => p.id)).toContain(w.teacherB.id);
    expect(admin.people.map((p) => p.id)).not.toContain(w.otherAdmin.id);
  });

  it("searches without accents and filters by role and school", async () => {
    const leader = await actorOf(w.leaderA.id);
    const found = await listPeople(leader, { q: "munoz pena" });
    expect(found.people.map((p) => p.familyNames)).toEqual(["Muñoz Peña"]);
    const mentors = await listPeople(leader, { role: "mentor", schoolId: w.schoolA.id });
    expect(mentors.people.map((p) => p.id)).toEqual([w.mentorA.id]);
  });

  it("refuses the list to a teacher", async () => {
    await expect(listPeople(await actorOf(w.teacherA.id), {})).rejects.toBeInstanceOf(NotFoundError);
  });

  it("shows a profile to its school's leader and audits the read; 404 for a colleague and strangers", async () => {
    const profile = await getPersonProfile(await actorOf(w.leaderA.id), w.teacherA.id);
    expect(profile.person?.email).toBe(w.teacherA.email);
    const reads = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "person.read"), eq(auditEvents.subjectId, w.teacherA.id)));
    expect(reads.map((r) => r.actorPersonId)).toContain(w.leaderA.id);
    for (const stranger of [w.teacherA2, w.leaderB, w.otherCoordinator, w.otherAdmin]) {
      await expect(getPersonProfile(await actorOf(stranger.id), w.teacherA.id)).rejects.toBeInstanceOf(
        NotFoundError,
      );
    }
    await expect(getPersonProfile(await actorOf(w.admin.id), "not-a-uuid")).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it("updates a person with a normalized RUT, refusing a taken email and writing nothing then", async () => {
    const leader = await actorOf(w.leaderA.id);
    // An invited teacher (never signed in): the leader may also correct the address.
    const invited = await makePerson(w.org.id, [{ role: "teacher", schoolId: w.schoolA.id }], {
      status: "invited",
    });
    await updatePerson(leader, invited.id, {
      givenNames: " Camila ",
      familyNames: "Rojas",
      email: "Camila.Rojas@Example.cl",
      rut: "15.509.661-6",
    });
    const [after] = await db().select().from(persons).where(eq(persons.id, invited.id));
    expect(after).toMatchObject({
      givenNames: "Camila",
      email: "camila.rojas@example.cl",
      rut: "15509661-6",
    });
    const another = await makePerson(w.org.id, [{ role: "teacher", schoolId: w.schoolA.id }], {
      status: "invited",
    });
    const clash = await updatePerson(leader, another.id, {
      givenNames: "Otra",
      familyNames: "Persona",
      email: "camila.rojas@example.cl",
      rut: "15509661-6",
    }).catch((e) => e);
    expect(clash).toBeInstanceOf(ValidationError);
    expect(clash.fieldErrors).toEqual({ email: "people.errors.email_taken", rut: "people.errors.rut_taken" });
    const [untouched] = await db().select().from(persons).where(eq(persons.id, another.id));
    expect(untouched.givenNames).toBe(another.givenNames);
    // An active teacher's RUT and names, yes; her sign-in address, no (see accounts/email-change).
    await updatePerson(leader, w.teacherA.id, {
      givenNames: "Camila",
      familyNames: "Rojas",
      email: w.teacherA.email,
      rut: "16.000.000-7",
    });
    const refused = await updatePerson(leader, w.teacherA.id, {
      givenNames: "Camila",
      familyNames: "Rojas",
      email: "otra.direccion@example.cl",
    }).catch((e) => e);
    expect(refused.fieldErrors).toEqual({ email: "people.errors.email_needs_confirmation" });
  });

  it("lets a teacher edit their own data but not a colleague's", async () => {
    const teacher = await actorOf(w.teacherA2.id);
    await updatePerson(teacher, w.teacherA2.id, {
      givenNames: "Yo",
      familyNames: "Misma",
      email: w.teacherA2.email,
      locale: "pt-BR",
      timeZone: "America/Mexico_City",
    });
    const [me] = await db().select().from(persons).where(eq(persons.id, w.teacherA2.id));
    expect(me).toMatchObject({ givenNames: "Yo", locale: "pt-BR", timeZone: "America/Mexico_City" });
    await expect(
      updatePerson(teacher, w.teacherA.id, { givenNames: "X", familyNames: "Y", email: "x@example.cl" }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it("adds and removes roles within the actor's reach only", async () => {
    const leader = await actorOf(w.leaderA.id);
    await addMembership(leader, w.teacherA2.id, { role: "mentor", schoolId: w.schoolA.id });
    const dup = await addMembership(leader, w.teacherA2.id, { role: "mentor", schoolId: w.schoolA.id }).catch(
      (e) => e,
    );
    expect(dup.fieldErrors).toEqual({ role: "people.errors.role_exists" });
    const wrongSchool = await addMembership(leader, w.teacherA2.id, {
      role: "mentor",
      schoolId: w.schoolB.id,
    }).catch((e) => e);
    expect(wrongSchool.fieldErrors).toEqual({ schoolId: "errors.invalid_choice" });
    await expect(addMembership(leader, w.teacherA2.id, { role: "admin" })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    const [m] = await db()
      .select()
      .from(memberships)
      .where(and(eq(memberships.personId, w.teacherA2.id), eq(memberships.role, "mentor")));
    await expect(removeMembership(await actorOf(w.leaderB.id), m.id)).rejects.toBeInstanceOf(NotFoundError);
    await removeMembership(leader, m.id);
    expect(await db().select().from(memberships).where(eq(memberships.id, m.id))).toEqual([]);
  });

  it("never removes a person's last role, also when two removals race", async () => {
    const leader = await actorOf(w.leaderA.id);
    const person = await makePerson(w.org.id, [
      { role: "teacher", schoolId: w.schoolA.id },
      { role: "mentor", schoolId: w.schoolA.id },
    ]);
    const rolesOf = () =>
      db().select({ id: memberships.id }).from(memberships).where(eq(memberships.personId, person.id));
    const [first, second] = await rolesOf();
    // Both at once (on PostgreSQL, two connections): one passes, the other finds the last role.
    const results = await Promise.allSettled([
      removeMembership(leader, first.id),
      removeMembership(await actorOf(w.leaderA.id), second.id),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(DomainError);
    expect(refused.reason.messageKey).toBe("people.errors.last_role");
    const [left] = await rolesOf();
    expect(await rolesOf()).toHaveLength(1);
    await expect(removeMembership(leader, left.id)).rejects.toMatchObject({
      messageKey: "people.errors.last_role",
    });
    expect(await rolesOf()).toEqual([left]);
  });
});
