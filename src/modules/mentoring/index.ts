// The mentoring module (issue #18): pairings, mentoring sessions, the mentor certification track and
// coaching the coach.
import "./track-policy";
import "./track-personal-data";

export { certifyCandidacy } from "./certification";
export { acknowledgeReview, reviewForm, reviewPage, reviewsHome, writeReview } from "./reviews";
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
  trackHome,
  trackPage,
  updateTrack,
} from "./track";
export { managesTracks } from "./track-policy";
export { seedDemoMentorTrack } from "./track-demo";
