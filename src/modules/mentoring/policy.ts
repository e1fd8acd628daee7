// Who may do what with mentor pairings and mentoring sessions (issue #18; product.md, "a mentoring
// session log": the mentee, the mentor of the pairing while it lasts, coordinators; not the school's
// leaders). Coordinators of the organization pair mentors with teachers, change a pairing's end date and
// end it. A pairing (and its sessions) is read by its teacher, by its mentor while it is in force, and by
// coordinators; the mentor logs and edits sessions while it is in force; the mentee and the mentor (while
// in force) comment. After a pairing ends, its mentor reads none of it: 404.
//
// What the pairing opens in the observation module (the mentee's visits, reflections and development)
// is decided there, from `actor.mentees` (platform/policy.ts `mentors`), loaded on every request.
import { type Actor, allow, isCoordinator } from "../../platform/policy";

type OrganizationSubject = { organizationId: string };

/** A pairing as the policy reads it; `inForce` is computed from its row with the organization's day. */
export interface PairingSubject {
  organizationId: string;
  mentorId: string;
  teacherId: string;
  schoolId: string;
  inForce: boolean;
}

/** A session is read through its pairing; `authorId` wrote it. */
export interface MentoringSessionSubject extends PairingSubject {
  authorId: string;
}

declare module "../../platform/policy" {
  interface PolicyRules {
    "pairing:manage": OrganizationSubject;
    "pairing:read": PairingSubject;
    "pairing:log_session": PairingSubject;
    "mentoring_session:read": MentoringSessionSubject;
    "mentoring_session:update": MentoringSessionSubject;
    "mentoring_session:comment": MentoringSessionSubject;
  }
}

/** the pairing's mentor, while it is in force */
const mentorInForce = (a: Actor, p: PairingSubject) => p.inForce && a.personId === p.mentorId;
const mentee = (a: Actor, p: PairingSubject) => a.personId === p.teacherId;

// The tenant rule (platform/policy.ts) has already refused any subject of another organization.
/** pair, list every pairing, change the end date, end */
allow("manage", "pairing", (a) => isCoordinator(a));
allow("read", "pairing", (a) => isCoordinator(a));
allow("read", "pairing", (a, p) => mentorInForce(a, p) || mentee(a, p));
allow("log_session", "pairing", (a, p) => mentorInForce(a, p));

allow("read", "mentoring_session", (a) => isCoordinator(a));
allow("read", "mentoring_session", (a, s) => mentorInForce(a, s) || mentee(a, s));
/** its mentor (who wrote it), while the pairing is in force */
allow("update", "mentoring_session", (a, s) => mentorInForce(a, s) && s.authorId === a.personId);
allow("comment", "mentoring_session", (a, s) => mentorInForce(a, s) || mentee(a, s));
