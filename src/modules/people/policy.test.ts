import { beforeAll, describe, expect, it } from "vitest";
import { can } from "../../platform/policy";
import { useTestDatabase } from "../../platform/testing/database";
import "./policy";
import type { PersonSubject } from "./policy";
import { actorOf, makeWorld } from "./testing";

useTestDatabase();

describe("people policy", () => {
  let w: Awaited<ReturnType<typeof makeWorld>>;
  const actors: Record<string, Awaited<ReturnType<typeof actorOf>>> = {};
  beforeAll(async () => {
    w = await makeWorld();
    for (const key of [
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
    ] as const) {
      actors[key] = await actorOf(w[key].id);
    }
  });
  const teacherASubject = (): PersonSubject => ({
    organizationId: w.org.id,
    personId: w.teacherA.id,
    schoolIds: [w.schoolA.id],
    isStaff: false,
    status: "active",
  });

  it("lets a teacher's own school team, its advising coordinator and the admin read the teacher", () => {
    for (const who of ["teacherA", "leaderA", "mentorA", "coordinator", "admin"]) {
      expect(can(actors[who], "read", "person", teacherASubject()), who).toBe(true);
    }
  });

  it("hides the teacher from a colleague, another school's leader, a coordinator who does not advise it and another organization", () => {
    for (const who of ["teacherA2", "leaderB", "otherCoordinator", "otherAdmin", "otherLeader", "teacherB"]) {
      expect(can(actors[who], "read", "person", teacherASubject()), who).toBe(false);
    }
  });

  it("lets only leaders, advising coordinators and admins manage a school's people", () => {
    const subject = { organizationId: w.org.id, schoolId: w.schoolA.id };
    expect(can(actors.leaderA, "manage_people", "school", subject)).toBe(true);
    expect(can(actors.coordinator, "manage_people", "school", subject)).toBe(true);
    expect(can(actors.admin, "manage_people", "school", subject)).toBe(true);
    for (const who of ["mentorA", "teacherA", "leaderB", "otherCoordinator", "otherAdmin"]) {
      expect(can(actors[who], "manage_people", "school", subject), who).toBe(false);
    }
  });

  it("lets staff create schools only in their own organization", () => {
    expect(can(actors.coordinator, "create", "school", { organizationId: w.org.id })).toBe(true);
    expect(can(actors.leaderA, "create", "school", { organizationId: w.org.id })).toBe(false);
    expect(can(actors.otherAdmin, "create", "school", { organizationId: w.org.id })).toBe(false);
  });

  it("lets a school's team change its teachers, but only administrators change organization staff", () => {
    // The coordinator also teaching at school A does not put them under school A's leader.
    const staffInSchoolA: PersonSubject = {
      organizationId: w.org.id,
      personId: w.coordinator.id,
      schoolIds: [w.schoolA.id],
      isStaff: true,
      status: "active",
    };
    expect(can(actors.leaderA, "update", "person", teacherASubject())).toBe(true);
    expect(can(actors.leaderA, "invite", "person", teacherASubject())).toBe(true);
    for (const action of ["update", "invite"] as const) {
      expect(can(actors.leaderA, action, "person", staffInSchoolA), action).toBe(false);
      expect(can(actors.admin, action, "person", staffInSchoolA), action).toBe(true);
    }
  });

  it("denies an action nobody declared (and does not compile it)", () => {
    // @ts-expect-error: "launch_rockets" is no action of "school"; this line would not compile
    expect(can(actors.admin, "launch_rockets", "school", { organizationId: w.org.id })).toBe(false);
  });
});
