import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvents } from "../../platform/audit/schema";
import { db } from "../../platform/db/client";
import { NotFoundError, ValidationError } from "../../platform/errors";
import { useTestDatabase } from "../../platform/testing/database";
import { coordinatorSchools, schools } from "./schema";
import {
  assignCoordinator,
  createSchool,
  getSchool,
  iveBandOf,
  listSchools,
  prepareSchoolForm,
  schoolFormOptions,
  unassignCoordinator,
  updateSchool,
} from "./schools";
import { actorOf, makeOrganization, makePerson, makeSchool, makeWorld } from "./testing";

useTestDatabase();

let nextRbd = 30_000;
/** What the form sends for a valid school; every value is a string, as in a browser. */
const input = (over: Record<string, unknown> = {}) => ({
  name: "Escuela Básica Las Araucarias",
  rbd: String(nextRbd++),
  rbdCheckDigit: "",
  regionCode: "13",
  comunaCode: "13120",
  dependencia: "slep",
  sostenedor: "SLEP Santa Rosa",
  ive: "92,4",
  iveYear: "2025",
  address: "",
  ...over,
});

/** The field errors of a refused input (fails the test if it was accepted). */
async function fieldErrors(promise: Promise<unknown>): Promise<Record<string, string>> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).fieldErrors;
}

async function stored(id: string) {
  const [row] = await db().select().from(schools).where(eq(schools.id, id));
  return row;
}

describe("school input validation", () => {
  let w: Awaited<ReturnType<typeof makeWorld>>;
  beforeAll(async () => {
    w = await makeWorld();
  });
  const create = async (over: Record<string, unknown>) =>
    createSchool(await actorOf(w.admin.id), input(over));

  it("requires the name, the RBD, the region, the comuna and the dependencia", async () => {
    const errors = await fieldErrors(
      create({ name: "  ", rbd: "", regionCode: "", comunaCode: "", dependencia: "" }),
    );
    expect(errors).toEqual({
      name: "errors.required",
      rbd: "schools.errors.rbd_required",
      regionCode: "schools.errors.region_required",
      comunaCode: "schools.errors.comuna_required",
      dependencia: "schools.errors.dependencia_required",
    });
    expect((await fieldErrors(create({ name: "x".repeat(201) }))).name).toBe("schools.errors.name_too_long");
  });

  it("accepts an RBD of up to 5 digits, with or without its check digit, and refuses anything else", async () => {
    for (const rbd of ["abc", "123456", "0", "-12", "12,5", "12 34"]) {
      expect((await fieldErrors(create({ rbd }))).rbd, rbd).toBe("schools.errors.rbd_invalid");
    }
    expect((await fieldErrors(create({ rbdCheckDigit: "X" }))).rbdCheckDigit).toBe(
      "schools.errors.rbd_check_digit_invalid",
    );
    expect((await fieldErrors(create({ rbd: "24517-5", rbdCheckDigit: "6" }))).rbdCheckDigit).toBe(
      "schools.errors.rbd_check_digit_mismatch",
    );
    const dashed = await stored((await create({ rbd: "24.517-k" })).id);
    expect([dashed.rbd, dashed.rbdCheckDigit]).toEqual([24517, "K"]);
    const separate = await stored((await create({ rbd: "8402", rbdCheckDigit: "3" })).id);
    expect([separate.rbd, separate.rbdCheckDigit]).toEqual([8402, "3"]);
    const bare = await stored((await create({ rbd: "99" })).id);
    expect([bare.rbd, bare.rbdCheckDigit]).toEqual([99, null]);
  });

  it("refuses an unknown region, an unknown comuna and a comuna of another region", async () => {
    expect((await fieldErrors(create({ regionCode: "17" }))).regionCode).toBe(
      "schools.errors.region_unknown",
    );
    expect((await fieldErrors(create({ comunaCode: "13999" }))).comunaCode).toBe(
      "schools.errors.comuna_unknown",
    );
    // Ñuñoa (13120) is in the Región Metropolitana, not in Tarapacá (01)
    const errors = await fieldErrors(create({ regionCode: "01", comunaCode: "13120" }));
    expect(errors).toEqual({ comunaCode: "schools.errors.comuna_not_in_region" });
  });

  it("accepts an unpadded CUT code and pads it", async () => {
    const school = await stored((await create({ regionCode: "1", comunaCode: "1107" })).id);
    expect([school.regionCode, school.comunaCode]).toEqual(["01", "01107"]);
  });

  it("refuses a dependencia outside the Mineduc list", async () => {
    expect((await fieldErrors(create({ dependencia: "municipal" }))).dependencia).toBe(
      "errors.invalid_choice",
    );
  });

  it("keeps the IVE between 0 and 100 with at most one decimal", async () => {
    for (const ive of ["100,1", "250", "-3"]) {
      expect((await fieldErrors(create({ ive }))).ive, ive).toBe("schools.errors.ive_range");
    }
    expect((await fieldErrors(create({ ive: "92,45" }))).ive).toBe("schools.errors.ive_decimals");
    expect((await fieldErrors(create({ ive: "alto" }))).ive).toBe("schools.errors.ive_invalid");
    expect((await stored((await create({ ive: "0", iveYear: "2024" })).id)).ive).toBe(0);
    expect((await stored((await create({ ive: "100" })).id)).ive).toBe(100);
  });

  it("accepts a comma as the decimal separator, and a trailing %", async () => {
    expect((await stored((await create({ ive: "92,4" })).id)).ive).toBe(92.4);
    expect((await stored((await create({ ive: "88.1 %" })).id)).ive).toBe(88.1);
  });

  it("wants the IVE and its year together, the year between 2000 and next year", async () => {
    expect(await fieldErrors(create({ iveYear: "" }))).toEqual({
      iveYear: "schools.errors.ive_year_required",
    });
    expect(await fieldErrors(create({ ive: "" }))).toEqual({ ive: "schools.errors.ive_required_with_year" });
    const nextYear = new Date().getFullYear() + 1;
    for (const iveYear of ["1999", String(nextYear + 1), "25", "dos mil"]) {
      expect((await fieldErrors(create({ iveYear }))).iveYear, iveYear).toBe("schools.errors.ive_year_range");
    }
    expect((await stored((await create({ iveYear: String(nextYear) })).id)).iveYear).toBe(nextYear);
    const without = await stored((await create({ ive: "", iveYear: "" })).id);
    expect([without.ive, without.iveYear]).toEqual([null, null]);
  });

  it("refuses an IVE for a particular pagado school, which has none", async () => {
    expect((await fieldErrors(create({ dependencia: "particular_pagado" }))).ive).toBe(
      "schools.errors.ive_not_applicable",
    );
    expect((await fieldErrors(create({ dependencia: "particular_pagado", ive: "" }))).iveYear).toBe(
      "schools.errors.ive_not_applicable",
    );
    const paid = await stored((await create({ dependencia: "particular_pagado", ive: "", iveYear: "" })).id);
    expect(paid.dependencia).toBe("particular_pagado");
  });

  it("reports every problem of a form at once", async () => {
    const errors = await fieldErrors(create({ rbd: "x", regionCode: "99", ive: "92,4", iveYear: "" }));
    expect(errors).toEqual({
      rbd: "schools.errors.rbd_invalid",
      regionCode: "schools.errors.region_unknown",
      iveYear: "schools.errors.ive_year_required",
    });
  });

  it("refuses a second school with the same RBD in the organization, not in another one", async () => {
    await create({ rbd: "12843" });
    expect(await fieldErrors(create({ rbd: "12843", name: "Otra" }))).toEqual({
      rbd: "schools.errors.rbd_taken",
    });
    expect(await fieldErrors(create({ rbd: "12843-1", name: "Otra" }))).toEqual({
      rbd: "schools.errors.rbd_taken",
    });
    const elsewhere = await createSchool(await actorOf(w.otherAdmin.id), input({ rbd: "12843" }));
    expect((await stored(elsewhere.id)).organizationId).toBe(w.otherOrg.id);
  });

  it("answers the same message when two people create the same RBD at the same moment", async () => {
    const admin = await actorOf(w.admin.id);
    const results = await Promise.allSettled([
      createSchool(admin, input({ rbd: "77777" })),
      createSchool(admin, input({ rbd: "77777" })),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(ValidationError);
    expect(refused.reason.fieldErrors).toEqual({ rbd: "schools.errors.rbd_taken" });
  });

  it("trims the texts and stores empty optional ones as null", async () => {
    const school = await stored(
      (await create({ name: "  Liceo  A-1 ", sostenedor: "   ", address: " Calle 1 " })).id,
    );
    expect([school.name, school.sostenedor, school.address]).toEqual(["Liceo  A-1", null, "Calle 1"]);
  });
});

describe("creating a school", () => {
  let w: Awaited<ReturnType<typeof makeWorld>>;
  beforeAll(async () => {
    w = await makeWorld();
  });

  it("writes the school and an audit record in the admin's organization", async () => {
    const { id } = await createSchool(await actorOf(w.admin.id), input({ name: "Escuela Audit" }));
    const school = await stored(id);
    expect(school.organizationId).toBe(w.org.id);
    expect(school.searchText).toBe(`escuela audit ${school.rbd}`);
    const events = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.subjectId, id), eq(auditEvents.action, "school.create")));
    expect(events).toHaveLength(1);
    expect(events[0].actorPersonId).toBe(w.admin.id);
    expect(events[0].organizationId).toBe(w.org.id);
    // an administrator is not a coordinator: nobody is assigned
    expect(await db().select().from(coordinatorSchools).where(eq(coordinatorSchools.schoolId, id))).toEqual(
      [],
    );
  });

  it("assigns the coordinator who creates it, who can then edit it and manage its people", async () => {
    const { id } = await createSchool(await actorOf(w.otherCoordinator.id), input({ name: "Escuela Nueva" }));
    const links = await db().select().from(coordinatorSchools).where(eq(coordinatorSchools.schoolId, id));
    expect(links.map((l) => l.personId)).toEqual([w.otherCoordinator.id]);
    const assigned = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.subjectId, id), eq(auditEvents.action, "school.coordinator_assign")));
    expect(assigned[0].details).toEqual({ coordinatorId: w.otherCoordinator.id, automatic: true });
    const page = await getSchool(await actorOf(w.otherCoordinator.id), id);
    expect([page.canEdit, page.canManagePeople, page.canAssignCoordinators]).toEqual([true, true, false]);
    expect(page.coordinators.map((c) => c.id)).toEqual([w.otherCoordinator.id]);
  });

  it("is refused to school roles and to strangers, and never lands in another organization", async () => {
    for (const person of [w.leaderA, w.teacherA, w.mentorA]) {
      await expect(createSchool(await actorOf(person.id), input())).rejects.toBeInstanceOf(NotFoundError);
      await expect(prepareSchoolForm(await actorOf(person.id))).rejects.toBeInstanceOf(NotFoundError);
    }
    const { id } = await createSchool(await actorOf(w.otherAdmin.id), input({ organizationId: w.org.id }));
    expect((await stored(id)).organizationId).toBe(w.otherOrg.id);
  });
});

describe("listing schools", () => {
  let w: Awaited<ReturnType<typeof makeWorld>>;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    w = await makeWorld();
    const admin = await actorOf(w.admin.id);
    ids.nunoa = (
      await createSchool(
        admin,
        input({
          name: "Liceo Ñuñoa Poniente",
          comunaCode: "13120",
          dependencia: "particular_subvencionado",
          ive: "75",
        }),
      )
    ).id;
    ids.pintana = (
      await createSchool(
        admin,
        input({
          name: "Escuela Básica Los Aromos de La Pintana",
          rbd: "24517-5",
          comunaCode: "13112",
          ive: "93,1",
        }),
      )
    ).id;
    ids.temuco = (
      await createSchool(
        admin,
        input({
          name: "Colegio Cerro Ñielol",
          regionCode: "09",
          comunaCode: "09101",
          dependencia: "particular_pagado",
          ive: "",
          iveYear: "",
        }),
      )
    ).id;
    ids.low = (
      await createSchool(
        admin,
        input({
          name: "Escuela Estrecho",
          regionCode: "12",
          comunaCode: "12101",
          dependencia: "municipal_corporacion",
          ive: "59,9",
        }),
      )
    ).id;
    await makeSchool(w.otherOrg.id, { name: "Liceo Ñuñoa Ajeno", searchText: "liceo nunoa ajeno" });
  });
  const names = (r: Awaited<ReturnType<typeof listSchools>>) => r.schools.map((s) => s.name).sort();

  it("finds schools without caring about accents or case, by name or by RBD", async () => {
    const admin = await actorOf(w.admin.id);
    expect(names(await listSchools(admin, { q: "nunoa" }))).toEqual(["Liceo Ñuñoa Poniente"]);
    expect(names(await listSchools(admin, { q: "ÑUÑOA" }))).toEqual(["Liceo Ñuñoa Poniente"]);
    expect(names(await listSchools(admin, { q: "pintana" }))).toEqual([
      "Escuela Básica Los Aromos de La Pintana",
    ]);
    expect(names(await listSchools(admin, { q: "escuela aromos" }))).toEqual([
      "Escuela Básica Los Aromos de La Pintana",
    ]);
    expect(names(await listSchools(admin, { q: "nielol" }))).toEqual(["Colegio Cerro Ñielol"]);
    expect(names(await listSchools(admin, { q: "24517" }))).toEqual([
      "Escuela Básica Los Aromos de La Pintana",
    ]);
    expect(names(await listSchools(admin, { q: "24.517-5" }))).toEqual([
      "Escuela Básica Los Aromos de La Pintana",
    ]);
    expect((await listSchools(admin, { q: "100%_" })).total).toBe(0);
  });

  it("filters by region, comuna, dependencia and IVE band", async () => {
    const admin = await actorOf(w.admin.id);
    expect(names(await listSchools(admin, { regionCode: "09" }))).toEqual(["Colegio Cerro Ñielol"]);
    expect(names(await listSchools(admin, { comunaCode: "13112" }))).toEqual([
      "Escuela Básica Los Aromos de La Pintana",
    ]);
    expect(names(await listSchools(admin, { dependencia: "particular_pagado" }))).toEqual([
      "Colegio Cerro Ñielol",
    ]);
    expect(names(await listSchools(admin, { iveBand: "muy_alto" }))).toEqual([
      "Escuela Básica Los Aromos de La Pintana",
    ]);
    expect(names(await listSchools(admin, { iveBand: "alto" }))).toEqual(["Escuela A", "Escuela B"]); // 85,5 (fixtures)
    expect(names(await listSchools(admin, { iveBand: "medio" }))).toEqual(["Liceo Ñuñoa Poniente"]);
    expect(names(await listSchools(admin, { iveBand: "bajo" }))).toEqual(["Escuela Estrecho"]);
    expect(names(await listSchools(admin, { iveBand: "sin_dato" }))).toEqual(["Colegio Cerro Ñielol"]);
    expect(
      names(await listSchools(admin, { regionCode: "13", dependencia: "slep", iveBand: "alto" })),
    ).toEqual(["Escuela A", "Escuela B"]);
    expect(names(await listSchools(admin, { regionCode: "13", q: "ponien" }))).toEqual([
      "Liceo Ñuñoa Poniente",
    ]);
    expect(names(await listSchools(admin, { regionCode: "09", q: "ponien" }))).toEqual([]);
  });

  it("ignores filter values that are not on the lists", async () => {
    const admin = await actorOf(w.admin.id);
    const result = await listSchools(admin, {
      regionCode: "99",
      comunaCode: "x",
      dependencia: "otra",
      iveBand: "altísimo",
    });
    expect(result.total).toBe(6);
    expect(result.filters).toEqual({ q: "", regionCode: "", comunaCode: "", dependencia: "", iveBand: "" });
  });

  it("counts each school's teachers and names its place", async () => {
    await makePerson(w.org.id, [{ role: "leader", schoolId: w.schoolB.id }]);
    const { schools: rows } = await listSchools(await actorOf(w.admin.id), {});
    const a = rows.find((s) => s.id === w.schoolA.id);
    const b = rows.find((s) => s.id === w.schoolB.id);
    const nunoa = rows.find((s) => s.id === ids.nunoa);
    expect([a?.teacherCount, b?.teacherCount, nunoa?.teacherCount]).toEqual([2, 1, 0]);
    expect([nunoa?.comunaName, nunoa?.regionName, nunoa?.iveBand]).toEqual([
      "Ñuñoa",
      "Región Metropolitana de Santiago",
      "medio",
    ]);
  });

  it("shows staff every school of their organization, and nothing of another one", async () => {
    const all = await listSchools(await actorOf(w.admin.id), {});
    expect(all.total).toBe(6);
    expect(all.seesAll).toBe(true);
    expect(all.canCreate).toBe(true);
    const coordinator = await listSchools(await actorOf(w.coordinator.id), {});
    expect(coordinator.total).toBe(6);
    expect(coordinator.schools.filter((s) => s.advisedByMe).map((s) => s.id)).toEqual([w.schoolA.id]);
    const other = await listSchools(await actorOf(w.otherAdmin.id), { q: "nunoa" });
    expect(names(other)).toEqual(["Liceo Ñuñoa Ajeno"]);
  });

  it("shows everyone else only the schools where they hold a role", async () => {
    const teacher = await listSchools(await actorOf(w.teacherA.id), {});
    expect(teacher.schools.map((s) => s.id)).toEqual([w.schoolA.id]);
    expect([teacher.seesAll, teacher.canCreate]).toEqual([false, false]);
    expect((await listSchools(await actorOf(w.leaderB.id), {})).schools.map((s) => s.id)).toEqual([
      w.schoolB.id,
    ]);
    expect((await listSchools(await actorOf(w.teacherA.id), { q: "pintana" })).total).toBe(0);
    const nobody = await makePerson(w.org.id, []);
    expect((await listSchools(await actorOf(nobody.id), {})).total).toBe(0);
  });

  it("offers as filters only the comunas of the schools the actor sees, whatever the other filters", async () => {
    const admin = await listSchools(await actorOf(w.admin.id), { regionCode: "09" });
    // makeWorld's schools are in Santiago (13101); another organization's Ñuñoa school is not counted twice
    expect([...admin.comunasInUse].sort()).toEqual(["09101", "12101", "13101", "13112", "13120"]);
    const teacher = await listSchools(await actorOf(w.teacherA.id), {});
    expect(teacher.comunasInUse).toEqual(["13101"]);
  });

  it("pages by 25", async () => {
    const org = await makeOrganization();
    const admin = await makePerson(org.id, [{ role: "admin" }]);
    for (let i = 0; i < 27; i++)
      await makeSchool(org.id, { name: `Escuela ${String(i).padStart(2, "0")}`, rbd: 100 + i });
    const first = await listSchools(await actorOf(admin.id), { page: 1 });
    expect([first.schools.length, first.total, first.pages]).toEqual([25, 27, 2]);
    const second = await listSchools(await actorOf(admin.id), { page: 2 });
    expect(second.schools.map((s) => s.name)).toEqual(["Escuela 25", "Escuela 26"]);
    expect((await listSchools(await actorOf(admin.id), { page: -4 })).page).toBe(1);
  });
});

describe("a school's page", () => {
  let w: Awaited<ReturnType<typeof makeWorld>>;
  beforeAll(async () => {
    w = await makeWorld();
  });

  it("gives a leader its school's facts, people per role, coordinators and what it may do", async () => {
    const page = await getSchool(await actorOf(w.leaderA.id), w.schoolA.id);
    expect(page.school).toMatchObject({
      name: "Escuela A",
      regionName: "Región Metropolitana de Santiago",
      comunaName: "Santiago",
      dependenciaLabel: "dependencia.slep",
      ive: 85.5,
      iveYear: 2025,
      iveBand: "alto",
    });
    expect(page.peopleByRole).toEqual([
      { role: "teacher", count: 2 },
      { role: "leader", count: 1 },
      { role: "mentor", count: 1 },
    ]);
    expect(page.coordinators.map((c) => c.id)).toEqual([w.coordinator.id]);
    expect(page.coordinators[0].canOpen).toBe(false);
    expect([page.canEdit, page.canManagePeople, page.canAssignCoordinators, page.canListPeople]).toEqual([
      false,
      true,
      false,
      true,
    ]);
    expect(page.assignableCoordinators).toEqual([]);
  });

  it("lets a teacher read its own school but do nothing there", async () => {
    const page = await getSchool(await actorOf(w.teacherA.id), w.schoolA.id);
    expect([page.canEdit, page.canManagePeople, page.canAssignCoordinators, page.canListPeople]).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });

  it("gives the admin every action and the coordinators it could assign", async () => {
    const page = await getSchool(await actorOf(w.admin.id), w.schoolA.id);
    expect([page.canEdit, page.canManagePeople, page.canAssignCoordinators, page.canListPeople]).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(page.assignableCoordinators.map((c) => c.id)).toEqual([w.otherCoordinator.id]);
    expect(page.coordinators[0].canOpen).toBe(true);
  });

  it("lets a coordinator read a school it does not advise, without editing it", async () => {
    const page = await getSchool(await actorOf(w.coordinator.id), w.schoolB.id);
    expect([page.canEdit, page.canManagePeople, page.canListPeople]).toEqual([false, false, false]);
  });

  it("is not found for another organization's admin, another school's people, and unknown ids", async () => {
    for (const person of [w.otherAdmin, w.otherLeader, w.leaderB, w.teacherB]) {
      await expect(getSchool(await actorOf(person.id), w.schoolA.id)).rejects.toBeInstanceOf(NotFoundError);
    }
    const admin = await actorOf(w.admin.id);
    await expect(getSchool(admin, w.otherSchool.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getSchool(admin, "nuevo")).rejects.toBeInstanceOf(NotFoundError);
    await expect(getSchool(admin, "0190a4c2-0000-7000-8000-000000000000")).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });
});

describe("editing a school", () => {
  let w: Awaited<ReturnType<typeof makeWorld>>;
  beforeAll(async () => {
    w = await makeWorld();
  });

  it("lets the advising coordinator change it, and audits what changed", async () => {
    const coordinator = await actorOf(w.coordinator.id);
    const form = await prepareSchoolForm(coordinator, w.schoolA.id);
    expect(form.school?.name).toBe("Escuela A");
    await updateSchool(
      coordinator,
      w.schoolA.id,
      input({ name: "Escuela A Renovada", rbd: String(w.schoolA.rbd), ive: "85,5", iveYear: "2025" }),
    );
    const school = await stored(w.schoolA.id);
    expect([school.name, school.comunaCode, school.searchText]).toEqual([
      "Escuela A Renovada",
      "13120",
      `escuela a renovada ${w.schoolA.rbd}`,
    ]);
    const [event] = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.subjectId, w.schoolA.id), eq(auditEvents.action, "school.update")));
    expect(event.details).toEqual({ changed: ["name", "comunaCode", "sostenedor"] });
  });

  it("is not found for a coordinator who does not advise it, its leader, its teacher and strangers", async () => {
    for (const person of [w.coordinator, w.leaderB, w.teacherB, w.otherAdmin, w.otherLeader]) {
      const actor = await actorOf(person.id);
      await expect(updateSchool(actor, w.schoolB.id, input())).rejects.toBeInstanceOf(NotFoundError);
      await expect(prepareSchoolForm(actor, w.schoolB.id)).rejects.toBeInstanceOf(NotFoundError);
    }
    // the policy comes before validation: a stranger learns nothing from the messages
    await expect(updateSchool(await actorOf(w.otherAdmin.id), w.schoolB.id, {})).rejects.toBeInstanceOf(
      NotFoundError,
    );
    expect((await stored(w.schoolB.id)).name).toBe("Escuela B");
  });

  it("refuses the RBD of another school of the organization, and keeps its own", async () => {
    const admin = await actorOf(w.admin.id);
    const errors = await fieldErrors(
      updateSchool(admin, w.schoolB.id, input({ rbd: String(w.schoolA.rbd) })),
    );
    expect(errors).toEqual({ rbd: "schools.errors.rbd_taken" });
    await updateSchool(admin, w.schoolB.id, input({ name: "Escuela B", rbd: String(w.schoolB.rbd) }));
    expect((await stored(w.schoolB.id)).rbd).toBe(w.schoolB.rbd);
  });
});

describe("assigning coordinators", () => {
  let w: Awaited<ReturnType<typeof makeWorld>>;
  beforeAll(async () => {
    w = await makeWorld();
  });
  const advisors = async (schoolId: string) =>
    (await db().select().from(coordinatorSchools).where(eq(coordinatorSchools.schoolId, schoolId)))
      .map((r) => r.personId)
      .sort();

  it("lets the admin assign a coordinator, once, and audits it", async () => {
    const admin = await actorOf(w.admin.id);
    await assignCoordinator(admin, w.schoolA.id, w.otherCoordinator.id);
    await assignCoordinator(admin, w.schoolA.id, w.otherCoordinator.id);
    expect(await advisors(w.schoolA.id)).toEqual([w.coordinator.id, w.otherCoordinator.id].sort());
    const events = await db()
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.subjectId, w.schoolA.id), eq(auditEvents.action, "school.coordinator_assign")),
      );
    expect(events.map((e) => e.details)).toEqual([{ coordinatorId: w.otherCoordinator.id }]);
    expect((await actorOf(w.otherCoordinator.id)).advisedSchoolIds.has(w.schoolA.id)).toBe(true);
  });

  it("lets the admin remove a coordinator, who then no longer advises the school", async () => {
    const admin = await actorOf(w.admin.id);
    await unassignCoordinator(admin, w.schoolB.id, w.otherCoordinator.id);
    expect(await advisors(w.schoolB.id)).toEqual([]);
    expect((await actorOf(w.otherCoordinator.id)).advisedSchoolIds.has(w.schoolB.id)).toBe(false);
    await expect(
      updateSchool(await actorOf(w.otherCoordinator.id), w.schoolB.id, input()),
    ).rejects.toBeInstanceOf(NotFoundError);
    const [event] = await db()
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.subjectId, w.schoolB.id), eq(auditEvents.action, "school.coordinator_unassign")),
      );
    expect(event.details).toEqual({ coordinatorId: w.otherCoordinator.id });
  });

  it("is for admins only: coordinators, leaders and other organizations get not found", async () => {
    for (const person of [w.coordinator, w.otherCoordinator, w.leaderA, w.teacherA, w.otherAdmin]) {
      const actor = await actorOf(person.id);
      await expect(assignCoordinator(actor, w.schoolA.id, person.id)).rejects.toBeInstanceOf(NotFoundError);
      await expect(unassignCoordinator(actor, w.schoolA.id, w.coordinator.id)).rejects.toBeInstanceOf(
        NotFoundError,
      );
    }
    expect(await advisors(w.schoolA.id)).toContain(w.coordinator.id);
  });

  it("only assigns coordinators of the same organization", async () => {
    const admin = await actorOf(w.admin.id);
    const foreignCoordinator = await makePerson(w.otherOrg.id, [{ role: "coordinator" }]);
    for (const id of [w.teacherA.id, w.admin.id, foreignCoordinator.id, "not-an-id"]) {
      expect(await fieldErrors(assignCoordinator(admin, w.schoolA.id, id)), id).toEqual({
        coordinatorId: "schools.errors.not_a_coordinator",
      });
    }
    expect(await fieldErrors(assignCoordinator(admin, w.schoolA.id, ""))).toEqual({
      coordinatorId: "schools.errors.coordinator_required",
    });
    await expect(assignCoordinator(admin, w.otherSchool.id, w.coordinator.id)).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });
});

describe("reference data", () => {
  it("lists the 16 regions north to south with all 346 comunas", () => {
    const { regions, dependencias } = schoolFormOptions();
    expect(regions).toHaveLength(16);
    expect(regions[0].code).toBe("15");
    expect(regions.at(-1)?.code).toBe("12");
    expect(regions.reduce((n, r) => n + r.comunas.length, 0)).toBe(346);
    expect(regions.every((r) => r.comunas.every(([code]) => code.startsWith(r.code)))).toBe(true);
    expect(dependencias).toHaveLength(6);
  });

  it("puts an IVE in its band at the thresholds", () => {
    expect([
      iveBandOf(90),
      iveBandOf(89.9),
      iveBandOf(80),
      iveBandOf(79.9),
      iveBandOf(60),
      iveBandOf(59.9),
      iveBandOf(0),
      iveBandOf(null),
    ]).toEqual(["muy_alto", "alto", "alto", "medio", "medio", "bajo", "bajo", "sin_dato"]);
  });
});
