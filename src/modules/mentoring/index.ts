// The mentoring module (issue #18): pairings, mentoring sessions, the mentor certification track and
// coaching the coach.
import "./policy";
import "./personal-data";
import "./track-policy";
import "./track-personal-data";

export { certifyCandidacy } from "./certification";
export { seedDemoMentoring } from "./demo";
export {
  type MenteeRow,
  managesPairings,
  menteesOf,
  mentoringCards,
  mentoringHome,
  mentorsSomeone,
} from "./home";
export {
  changePairingEnd,
  createPairings,
  endPairing,
  hasMentor,
  listPairings,
  myMentors,
  type PairingFilters,
  type PairingStatus,
  pairingFor,
  pairingOptions,
} from "./pairings";
export type { MentoringSessionSubject, PairingSubject } from "./policy";
export { acknowledgeReview, reviewForm, reviewPage, reviewsHome, writeReview } from "./reviews";
export {
  commentOnSession,
  logSession,
  newSessionFor,
  pairingPage,
  sessionForEditing,
  sessionPage,
  updateSession,
} from "./sessions";
export {
  addCandidate,
  addRequirement,
  candidacyPage,
  createTrack,
  hasTrackWork,
  newTrackOptions,
  progressOf,
  type RequirementProgress,
  recordInterview,
  removeRequirement,
  setSupervisor,
  trackCards,
  trackHome,
  trackPage,
  updateTrack,
} from "./track";
export { seedDemoMentorTrack } from "./track-demo";
export { managesTracks } from "./track-policy";
