// The practices library (issue #17, "Practices library"): exemplary practices teachers and leaders
// share with their school, the network or everyone; consent before anything showing students is
// published; comments (the discussions module) and "me sirvió"; proposals from a visit; search in Spanish.
import "./policy";
import "./spaces";
import "./personal-data";
import "./video";

export {
  PRACTICE_LEVELS,
  PRACTICE_LIMITS,
  PRACTICE_SUBJECTS,
  PRACTICE_VISIBILITIES,
  PRACTICES_PER_PAGE,
  type PracticeLevel,
  type PracticeSubject,
  type PracticeVisibility,
} from "./content";
export { seedDemoPractices } from "./demo";
export type { PracticeSchoolSubject, PracticeSubject as PracticePolicySubject } from "./policy";
export {
  attachPracticeFile,
  commentOnPractice,
  createPractice,
  deletePractice,
  featurePractice,
  momentOf,
  myPractices,
  PRACTICE_FILE_KINDS,
  practiceFileForDownload,
  practiceFor,
  practiceForEditing,
  proposeFromVisit,
  publishPractice,
  recordConsent,
  removePracticeFile,
  removePracticeVideo,
  sharingSchools,
  toggleHelpful,
  unpublishPractice,
  updatePractice,
  visitForProposal,
  withdrawConsent,
} from "./practices";
export {
  featuredPractices,
  filtersFrom,
  type PracticeCard,
  type PracticeFilters,
  publicPractice,
  publicPractices,
  schoolChoices,
  searchPractices,
} from "./search";
export { practiceVideo, publicPracticeVideo } from "./video";
