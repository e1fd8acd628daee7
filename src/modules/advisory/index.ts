// School advisories (issue #18): the organization's engagements with schools, their plan of
// milestones, visits with notes and agreements, and the school's indicators since each began.
import "./policy";
import "./personal-data";

export {
  type AdvisoryFormOptions,
  type AdvisoryListRow,
  type AdvisoryPage,
  addMilestone,
  advisoryForEdit,
  createAdvisory,
  getAdvisory,
  hasAdvisories,
  indicatorSpan,
  listAdvisories,
  milestoneForEdit,
  newAdvisoryForm,
  newVisitForm,
  recordVisit,
  removeMilestone,
  removeVisit,
  schoolAdvisories,
  setAdvisoryStatus,
  setMilestoneDone,
  todayIn,
  updateAdvisory,
  updateMilestone,
  updateVisit,
  visitForEdit,
} from "./advisories";
export {
  ADVISOR_FIELD,
  ADVISORY_LIMITS,
  ADVISORY_STATUSES,
  type AdvisoryStatusName,
  STATUS_MOVES,
} from "./content";
export { seedDemoAdvisories } from "./demo";
export { advisoryIndicators } from "./indicators";
export type { AdvisorySubject } from "./policy";
