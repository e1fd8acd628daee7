// Who may do what with the mentor certification track and "coaching the coach" (issue #18).
// Coordinators configure tracks, add candidates, assign each candidacy's supervisor, record the final
// interview and certify. A candidacy (its progress, item by item) is read by its candidate, its
// supervisor and coordinators. A feedback meeting is reviewed by a coordinator advising its school
// (who already reads its observation) or by the supervisor of an open candidacy of the meeting's
// observer (who reads, for reviewing, that meeting's record and nothing else of the teacher's file);
// never by its own observer. A review is read by its reviewer, the meeting's observer (who marks it
// read) and the coordinators advising the meeting's school; anybody else gets 404.
import { type Actor, advises, allow, isCoordinator } from "../../platform/policy";

type OrganizationSubject = { organizationId: string };

export interface CandidacySubject {
  organizationId: string;
  /** the candidate */
  personId: string;
  supervisorId: string | null;
}

/** A feedback meeting as a possible reviewer reaches it. */
export interface MeetingReviewSubject {
  organizationId: string;
  schoolId: string;
  observerId: string;
  /** the supervisors of the observer's open candidacies */
  supervisorIds: readonly string[];
}

export interface FeedbackReviewSubject {
  organizationId: string;
  schoolId: string;
  observerId: string;
  reviewerId: string;
}

declare module "../../platform/policy" {
  interface PolicyRules {
    "mentor_track:manage": OrganizationSubject;
    "mentor_candidacy:read": CandidacySubject;
    "feedback_meeting:review": MeetingReviewSubject;
    "feedback_review:read": FeedbackReviewSubject;
    "feedback_review:acknowledge": FeedbackReviewSubject;
  }
}

// The tenant rule (platform/policy.ts) has already refused any subject of another organization.
/** tracks, their requirements and candidates, interviews, supervisors, certification */
allow("manage", "mentor_track", (a) => isCoordinator(a));
allow("read", "mentor_candidacy", (a) => isCoordinator(a));
allow("read", "mentor_candidacy", (a, c) => c.personId === a.personId);
allow("read", "mentor_candidacy", (a, c) => c.supervisorId !== null && c.supervisorId === a.personId);
allow(
  "review",
  "feedback_meeting",
  (a, m) => m.observerId !== a.personId && (advises(a, m.schoolId) || m.supervisorIds.includes(a.personId)),
);
allow("read", "feedback_review", (a, r) => r.observerId === a.personId || r.reviewerId === a.personId);
allow("read", "feedback_review", (a, r) => advises(a, r.schoolId));
allow("acknowledge", "feedback_review", (a, r) => r.observerId === a.personId);

/** Whether the actor configures tracks (the coordinator's links to /mentoria/certificacion). */
export function managesTracks(actor: Actor): boolean {
  return isCoordinator(actor);
}
