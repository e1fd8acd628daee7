// The tenant rule, for every resource and action the policy knows: an actor of another organization
// gets "no", whatever roles it holds and whatever the subject says. The list comes from the policy
// itself (declaredRules, after loading every module's policy.ts), so a new module's rules are covered
// without a new test. The second test shows that this is the tenant rule's doing: the modules' rules
// alone would let that actor in for every one of them.
import { describe, expect, it } from "vitest";
import { type Actor, can, declaredRules, rulesAloneForTests } from "../platform/policy";

// Every module's rules, found on disk.
const policies = import.meta.glob(["./*/policy.ts", "./*/*-policy.ts"], { eager: true });

const ORG = "00000000-0000-7000-8000-00000000000a";
const OTHER_ORG = "00000000-0000-7000-8000-00000000000b";
const SCHOOL = "00000000-0000-7000-8000-0000000000c1";
const ME = "00000000-0000-7000-8000-0000000000d1";
const SOMEONE = "00000000-0000-7000-8000-0000000000d2";

/** Another organization's actor holding every role there is, in the subject's school too. */
const outsider: Actor = {
  personId: ME,
  organizationId: OTHER_ORG,
  organizationRoles: new Set(["admin", "coordinator"]),
  schoolRoles: new Map([[SCHOOL, new Set(["teacher", "leader", "mentor"] as const)]]),
  advisedSchoolIds: new Set([SCHOOL]),
  /** paired with everyone, the actor included */
  mentees: new Set([`${SCHOOL}:${ME}`, `${SCHOOL}:${SOMEONE}`]),
};

/**
 * Subjects of every shape a rule may read, in the first organization: about the actor or about
 * someone else, in every status, staff or not, private or not. Fields nobody reads are harmless.
 */
function subjects(organizationId: string) {
  const list: Array<Record<string, unknown>> = [];
  for (const aboutMe of [true, false]) {
    for (const status of ["draft", "submitted", "open", "closed", "active", "invited", "published"]) {
      for (const flag of [false, true]) {
        const person = aboutMe ? ME : SOMEONE;
        list.push({
          organizationId,
          schoolId: SCHOOL,
          schoolIds: [SCHOOL],
          personId: person,
          teacherId: person,
          observerId: aboutMe ? ME : SOMEONE,
          participantIds: [ME],
          contactIds: [ME],
          advisorIds: [ME],
          // a mentor pairing's mentor, and whether it is in force
          mentorId: person,
          inForce: flag,
          // a practice's author, and its audience (its school only, or the network)
          authorId: person,
          visibility: flag ? "school" : "network",
          status,
          isStaff: flag,
          private: flag,
          // a course's participant; what a discussion space's host allows
          participant: flag,
          read: flag,
          post: flag,
          moderate: flag,
        });
        // the author is the actor, the teacher someone else (and the other way round)
        list.push({ ...list.at(-1), observerId: aboutMe ? SOMEONE : ME });
      }
    }
  }
  return list;
}

const rules = declaredRules();

describe("the tenant rule", () => {
  it("has every module's rules loaded", () => {
    expect(Object.keys(policies).length).toBeGreaterThanOrEqual(3);
    expect(rules.length).toBeGreaterThan(30);
  });

  it.each(rules)("refuses %s to an actor of another organization", (key) => {
    const [resource, action] = key.split(":");
    for (const subject of subjects(ORG)) {
      // biome-ignore lint/suspicious/noExplicitAny: every declared key, whatever its subject type
      expect((can as any)(outsider, action, resource, subject), JSON.stringify(subject)).toBe(false);
    }
  });

  it("is what refuses them: the modules' rules alone would let that actor in, for every resource and action", () => {
    const openWithoutIt = rules.filter((key) =>
      subjects(ORG).some((s) => rulesAloneForTests(outsider, key, s)),
    );
    expect(openWithoutIt).toEqual(rules);
  });

  it("lets the same actor in for its own organization's subjects (the subjects are not simply refused)", () => {
    const own = { ...outsider, organizationId: ORG };
    const allowed = rules.filter((key) => {
      const [resource, action] = key.split(":");
      // biome-ignore lint/suspicious/noExplicitAny: every declared key, whatever its subject type
      return subjects(ORG).some((s) => (can as any)(own, action, resource, s));
    });
    expect(allowed).toEqual(rules);
  });
});
