// What the learning pages show in the browser too (choices of the forms and filters): plain values,
// no database code, so that a page's script can import them (the module's index cannot).
export { COUNTRIES, type Country } from "./countries";

/** An open workshop (taller abierto: anyone registers) or a course (curso: coordinators enrol). */
export const COURSE_KINDS = ["workshop", "course"] as const;
export type CourseKind = (typeof COURSE_KINDS)[number];
export const COURSE_MODALITIES = ["online", "in_person", "blended"] as const;
export type CourseModality = (typeof COURSE_MODALITIES)[number];
export const COURSE_LEVELS = ["introductory", "intermediate", "advanced"] as const;
export type CourseLevel = (typeof COURSE_LEVELS)[number];
export const PARTICIPANT_ROLES = ["teacher", "leader", "student", "other"] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];

/** A lesson's file: at most this many MB (the file store checks the bytes; the form says the limit). */
export const MAX_LESSON_FILE_MB = 20;
/** What a lesson's file input offers to pick (the server reads the type from the content anyway). */
export const LESSON_FILE_ACCEPT =
  ".pdf,.png,.jpg,.jpeg,.webp,.gif,.docx,.xlsx,.pptx,.odt,.ods,.odp,.txt,.csv,.md";

/** A reflection that facilitators review, or a short quiz scored on the spot. */
export const ACTIVITY_KINDS = ["reflection", "quiz"] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];
