// The people module's public face: schools, persons, memberships, roster import.
import "./policy";

export { homeSummary } from "./home";
export { loadActor, schoolsWithPeopleAccess, type Viewer } from "./actor";
export {
  PAGE_SIZE,
  addMembership,
  assertUnique,
  ensurePersonWithRole,
  findActiveByEmail,
  getPersonProfile,
  isTimeZone,
  listPeople,
  personSubject,
  removeMembership,
  schoolForPeopleManagement,
  schoolsActorManages,
  schoolsActorSeesPeopleOf,
  setPreferredLocale,
  updatePerson,
} from "./persons";
export { formatRut, normalizeRut, rutCheckDigit } from "./rut";
export { COMUNAS, REGIONS, comunaName, regionName } from "./territory";
export { persons, organizations, memberships, schools, coordinatorSchools, rosterImports, type Role, type SchoolRole } from "./schema";
export { personInput, schoolRoleField, optionalTitle, emailField, type PersonInput } from "./validation";
export { IVE_BANDS, assignCoordinator, createSchool, getSchool, iveBandOf, listSchools, prepareSchoolForm, schoolFormOptions, unassignCoordinator, updateSchool, type IveBand, type SchoolFilters, type SchoolFormOptions } from "./schools";
export {
  BATCH_SIZE,
  REJECTED_ON_PAGE,
  ROSTER_IMPORT_JOB,
  cancelRosterImport,
  confirmRosterImport,
  exampleRosterCsv,
  getRosterImport,
  listRosterImports,
  previewRosterImport,
  rejectedRowsCsv,
  runRosterImport,
  type RejectedRosterRow,
  type RosterImportStatus,
} from "./roster-import";
export { MAX_FILE_BYTES, MAX_ROWS } from "./roster-parse";
