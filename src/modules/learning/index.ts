// The learning module (issue #16): courses and open workshops, cohorts, live sessions across time
// zones, and registration with a waiting list. Routes and other modules use only what is exported here.
import "./policy";
import "./personal-data";
import "./discussion-space";

export {
  activityForEditing,
  activityInClassroom,
  activityReview,
  addActivity,
  cohortActivities,
  deleteActivity,
  reviewSubmission,
  submitActivity,
  updateActivity,
} from "./activities";
export { announceToCohort, cohortAnnouncementsOf } from "./announcements";
export {
  type AttendanceImport,
  type AttendanceSheetRow,
  attendanceSheet,
  type CompletionRow,
  cohortCompletion,
  importAttendanceReport,
  MAX_REPORT_BYTES,
  markAttendance,
  PRESENT_SHARE,
} from "./attendance";
export {
  CATALOGUE_LIMIT,
  type CatalogueEntry,
  type CatalogueFilters,
  cohortCalendar,
  type LearnerHome,
  learnerHome,
  type NextSession,
  type PublicCohort,
  type PublicCourse,
  type PublicSession,
  publicCatalogue,
  publicCourse,
} from "./catalogue";
export {
  certificateForDownload,
  certificatePdf,
  cohortForFacilitation,
  issueCertificatesRun,
  issueMentorCertificate,
  latestCertificateRun,
  type MentorCertificateData,
  normalizeCertificateCode,
  reissueCertificate,
  requestCertificates,
  revokeCertificate,
  STATUS_LIST_SIZE,
  type VerifiedCertificate,
  verifyCertificate,
} from "./certificates";
export { COUNTRIES, type Country } from "./countries";
export {
  type CourseListItem,
  courseForManagement,
  courseSubject,
  createCohort,
  createCourse,
  listCourses,
  planSession,
  publishCohort,
  setCourseFacilitators,
  setCourseProgram,
} from "./courses";
export { certificateCredential, publishedIssuer, publishedStatusList } from "./credentials";
export { seedDemoLearning } from "./demo";
export { type EnrolmentReport, enrolFromFile, enrolInCohort } from "./enrolment";
export {
  addLesson,
  addModule,
  attachLessonFile,
  classroom,
  cohortLessonProgress,
  courseContent,
  deleteLesson,
  deleteModule,
  LESSON_FILE_KINDS,
  lessonFileForDownload,
  lessonForEditing,
  lessonInClassroom,
  MAX_LESSON_FILE_BYTES,
  moveLesson,
  moveModule,
  myCourses,
  removeLessonFile,
  renameModule,
  setLessonDone,
  submissionStatuses,
  updateLesson,
} from "./lessons";
export type { CourseSubject, LessonSubject } from "./policy";
export { parseQuiz, quizToText } from "./quiz-format";
export {
  type CancellationResult,
  cancelRegistration,
  type RegistrationResult,
  registerForCohort,
} from "./registrations";
export { scheduleSessionReminders, sendSessionReminders } from "./reminders";
export { type CohortReportFile, cohortReport, courseReport } from "./reports";
export {
  COURSE_KINDS,
  COURSE_LEVELS,
  COURSE_MODALITIES,
  type CourseKind,
  type CourseLevel,
  type CourseModality,
  PARTICIPANT_ROLES,
  type ParticipantRole,
  type RegistrationStatus,
} from "./schema";
