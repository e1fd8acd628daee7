// Who may do what in a school's and the network's community (issue #17): a school's conversation and
// announcements are its staff's (anyone with a role there) and of the coordinators who advise it; its
// leaders and those coordinators moderate and post announcements. The network's conversation is every
// member of the organization's; coordinators moderate it. Administrators run the platform, not its
// conversations: they read a school's space only if they also hold a role there.
import { type Actor, advises, allow, hasSchoolRole, isCoordinator } from "../../platform/policy";

export interface SchoolCommunitySubject {
  organizationId: string;
  schoolId: string;
}
export interface NetworkCommunitySubject {
  organizationId: string;
}

declare module "../../platform/policy" {
  interface PolicyRules {
    "school_community:read": SchoolCommunitySubject;
    "school_community:moderate": SchoolCommunitySubject;
    "school_community:announce": SchoolCommunitySubject;
    "network_community:read": NetworkCommunitySubject;
    "network_community:moderate": NetworkCommunitySubject;
  }
}

const staffOf = (a: Actor, s: SchoolCommunitySubject) =>
  hasSchoolRole(a, s.schoolId) || advises(a, s.schoolId);
const leads = (a: Actor, s: SchoolCommunitySubject) =>
  hasSchoolRole(a, s.schoolId, "leader") || advises(a, s.schoolId);

// The tenant rule (platform/policy.ts) has already refused any subject of another organization.
allow("read", "school_community", staffOf);
allow("moderate", "school_community", leads);
allow("announce", "school_community", leads);
// every member of the organization: a person with any role in it (an actor exists only with one)
allow("read", "network_community", (a) => a.organizationRoles.size > 0 || a.schoolRoles.size > 0);
allow("moderate", "network_community", (a) => isCoordinator(a));

/** The schools whose community the actor may be part of: where they hold a role, or that they advise. */
export function communitySchoolIds(actor: Actor): string[] {
  return [...new Set([...actor.schoolRoles.keys(), ...actor.advisedSchoolIds])];
}
