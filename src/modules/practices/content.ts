// What a practice is made of (issue #17): its context's choices and the limits of its fields. Shared by
// the schema, the use cases and the pages.
export const PRACTICE_VISIBILITIES = ["school", "network", "public"] as const;
export type PracticeVisibility = (typeof PRACTICE_VISIBILITIES)[number];

export const PRACTICE_STATUSES = ["draft", "published"] as const;
export type PracticeStatus = (typeof PRACTICE_STATUSES)[number];

/** Levels of Chile's school system a practice is done in. */
export const PRACTICE_LEVELS = ["parvularia", "basica", "media", "media_tp", "adults", "special"] as const;
export type PracticeLevel = (typeof PRACTICE_LEVELS)[number];

/** Asignaturas of the national curriculum (and "other"). */
export const PRACTICE_SUBJECTS = [
  "language",
  "mathematics",
  "science",
  "history",
  "english",
  "arts",
  "music",
  "physical_education",
  "technology",
  "guidance",
  "religion",
  "technical",
  "other",
] as const;
export type PracticeSubject = (typeof PRACTICE_SUBJECTS)[number];

export const PRACTICE_LIMITS = {
  title: 160,
  problem: 2000,
  howTo: 20000,
  grade: 60,
  videoUrl: 500,
  consentBy: 300,
  consentUse: 500,
  /** an uploaded clip */
  videoBytes: 300 * 1024 * 1024,
  /** each attached file */
  fileBytes: 20 * 1024 * 1024,
  files: 10,
  query: 200,
} as const;

export const PRACTICES_PER_PAGE = 20;
