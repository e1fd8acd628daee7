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
