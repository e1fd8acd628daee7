// The people module's public face: schools, persons, memberships, roster import.
import "./policy";
import "./personal-data";

export { loadActor, schoolsWithPeopleAccess, type Viewer } from "./actor";
export { homeSummary, worksWithSchools } from "./home";
export {
  addMembership,
  assertUnique,
  ensurePersonWithRole,
  findActiveByEmail,
  getPersonProfile,
  isTimeZone,
  listPeople,
  PAGE_SIZE,
  personSubject,
  removeMembership,
  schoolForPeopleManagement,
  schoolsActorManages,
  schoolsActorSeesPeopleOf,
  setPreferredLocale,
  updatePerson,
} from "./persons";
export {
  BATCH_SIZE,
  cancelRosterImport,
  confirmRosterImport,
  exampleRosterCsv,
  getRosterImport,
  listRosterImports,
  previewRosterImport,
  REJECTED_ON_PAGE,
  type RejectedRosterRow,
  ROSTER_IMPORT_JOB,
  type RosterImportStatus,
  rejectedRowsCsv,
} from "./roster-import";
export {
  canManagePrograms,
  createProgram,
  listPrograms,
  PROGRAM_NAME_MAX,
  type ProgramRow,
  programOfOrganization,
  renameProgram,
} from "./programs";
export { runRosterImport } from "./roster-import-job";
export { MAX_FILE_BYTES, MAX_ROWS, type ParsedRoster, parseRosterFile } from "./roster-parse";
export { formatRut, normalizeRut, rutCheckDigit } from "./rut";
// The tables other modules join (names, roles, schools): the people module's read model. Its other
// tables are its own.
export {
  isOrganizationRole,
  memberships,
  organizations,
  persons,
  programs,
  ROLES,
  type Role,
  type SchoolRole,
  schools,
} from "./schema";
export {
  assignCoordinator,
  createSchool,
  getSchool,
  IVE_BANDS,
  type IveBand,
  iveBandOf,
  listSchools,
  prepareSchoolForm,
  type SchoolFilters,
  type SchoolFormOptions,
  schoolFormOptions,
  unassignCoordinator,
  updateSchool,
} from "./schools";
export { COMUNAS, comunaName, REGIONS, regionName } from "./territory";
export { emailField, optionalTitle, type PersonInput, personInput, schoolRoleField } from "./validation";
