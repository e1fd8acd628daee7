// Who may exercise and handle personal data rights (Ley 21.719). A person downloads their own data
// and asks for its deletion; nobody else may (an export of someone else's data is not offered, not
// even to administrators). Coordinators of the organization handle deletion requests, never their
// own. Anyone else gets 404.
import { type Actor, allow, isCoordinator } from "../../platform/policy";

export interface PersonalDataSubject {
  organizationId: string;
  personId: string;
}
export interface PrivacyRequestSubject {
  organizationId: string;
  personId: string;
}
type OrganizationSubject = { organizationId: string };

declare module "../../platform/policy" {
  interface PolicyRules {
    "personal_data:export": PersonalDataSubject;
    "personal_data:request_deletion": PersonalDataSubject;
    "privacy_request:list": OrganizationSubject;
    "privacy_request:handle": PrivacyRequestSubject;
  }
}

const self = (a: Actor, s: PersonalDataSubject) => a.personId === s.personId;

allow("export", "personal_data", self);
allow("request_deletion", "personal_data", self);
allow("list", "privacy_request", (a) => isCoordinator(a));
allow("handle", "privacy_request", (a, s) => isCoordinator(a) && a.personId !== s.personId);
