// Who may do what with the well-being pulse (issue #17): a coordinator opens a pulse for any school of
// the organization or for the whole network, a leader for their own school. Whoever has a role at a
// school answers that school's pulses; every member with a school role answers the network's. The
// results (only aggregates of five or more answers, pulses.ts) are for the pulse's opener, the
// coordinators, and, for a school's pulse, its leaders. A support request goes to the people the school
// chose (or its leaders); leaders and the coordinators advising a school choose them.
import { type Actor, advises, allow, hasSchoolRole, isCoordinator } from "../../platform/policy";

/** A pulse's scope: a school, or the whole network (schoolId null). */
export interface PulseScopeSubject {
  organizationId: string;
  schoolId: string | null;
}
export interface PulseSubject extends PulseScopeSubject {
  openedBy: string;
}
export interface SupportSchoolSubject {
  organizationId: string;
  schoolId: string;
}
export interface SupportInboxSubject extends SupportSchoolSubject {
  /** the people who receive the school's requests (chosen, or its leaders when none was chosen) */
  contactIds: readonly string[];
}

declare module "../../platform/policy" {
  interface PolicyRules {
    "wellbeing_pulse:open": PulseScopeSubject;
    "wellbeing_pulse:answer": PulseScopeSubject;
    "wellbeing_pulse:results": PulseSubject;
    "wellbeing_pulse:close": PulseSubject;
    "wellbeing_support:request": SupportSchoolSubject;
    "wellbeing_support:handle": SupportInboxSubject;
    "wellbeing_contacts:manage": SupportSchoolSubject;
  }
}

const leads = (a: Actor, schoolId: string | null) =>
  schoolId !== null && hasSchoolRole(a, schoolId, "leader");

// The tenant rule (platform/policy.ts) has already refused any subject of another organization.
allow("open", "wellbeing_pulse", (a, s) => isCoordinator(a) || leads(a, s.schoolId));
allow("answer", "wellbeing_pulse", (a, s) =>
  s.schoolId === null ? a.schoolRoles.size > 0 : hasSchoolRole(a, s.schoolId),
);
allow(
  "results",
  "wellbeing_pulse",
  // whoever may open it now (its opener, while they still lead the school or coordinate)
  (a, s) => isCoordinator(a) || leads(a, s.schoolId),
);
allow("close", "wellbeing_pulse", (a, s) => isCoordinator(a) || leads(a, s.schoolId));
allow("request", "wellbeing_support", (a, s) => hasSchoolRole(a, s.schoolId));
allow("handle", "wellbeing_support", (a, s) => s.contactIds.includes(a.personId));
allow(
  "manage",
  "wellbeing_contacts",
  (a, s) => hasSchoolRole(a, s.schoolId, "leader") || advises(a, s.schoolId),
);

/** Whether the actor has anything to do with the pulse (the menu's "Bienestar", /bienestar). */
export function hasWellbeing(actor: Actor): boolean {
  return isCoordinator(actor) || actor.schoolRoles.size > 0;
}

/** Whether the actor may open a pulse for some scope. */
export function opensPulses(actor: Actor): boolean {
  return isCoordinator(actor) || [...actor.schoolRoles.values()].some((roles) => roles.has("leader"));
}
