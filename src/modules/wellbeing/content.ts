// The well-being pulse's question bank (issue #17). Its eight first items are built on the Teacher
// Subjective Wellbeing Questionnaire (TSWQ):
//   Renshaw, T. L., Long, A. C. J., & Cook, C. R. (2015). Assessing teachers' positive psychological
//   functioning at work: Development and validation of the Teacher Subjective Wellbeing Questionnaire.
//   School Psychology Quarterly, 30(2), 289–306. https://doi.org/10.1037/spq0000112
// School connectedness: items 1, 3, 5 and 7; teaching efficacy: items 2, 4, 6 and 8. The TSWQ asks
// about the past month on a 1–4 scale (almost never … almost always), no item reversed.
// What this bank is NOT: a validated Spanish version. No published Spanish adaptation of the TSWQ was
// found (docs/research/community.md §3); the Spanish wording (src/messages/es-CL/wellbeing.ts) is our
// own translation and adaptation, and so is the 1–5 scale (Nunca … Siempre) the issue asks for. The
// Portuguese and English texts are ours too (the Brazilian adaptation of de Biagi, Celeri & Renshaw,
// 2018, is not what pt-BR shows). The figures are for a school's conversation about its staff's
// well-being, not a measurement comparable with the published scale's norms. The user guide (OSF
// osf.io/6548v) is said to be CC BY 4.0: confirm before presenting the bank as the TSWQ's.
// The three last items (time, energy, disconnecting) are ours, on the load of time and energy the
// organization names ("siempre sobreexigidos en tiempo y energía"); worded so that a higher score is
// better, as the TSWQ's.

export interface QuestionItem {
  key: QuestionKey;
  /** the TSWQ item number it is built on; null: one of our own */
  tswq: number | null;
  dimension: "connectedness" | "efficacy" | "load";
}

export const QUESTION_KEYS = [
  "belong",
  "successful",
  "myself",
  "helping",
  "cared",
  "accomplished",
  "respected",
  "effective",
  "time",
  "energy",
  "disconnect",
] as const;
export type QuestionKey = (typeof QUESTION_KEYS)[number];

export const QUESTION_BANK: readonly QuestionItem[] = [
  { key: "belong", tswq: 1, dimension: "connectedness" },
  { key: "successful", tswq: 2, dimension: "efficacy" },
  { key: "myself", tswq: 3, dimension: "connectedness" },
  { key: "helping", tswq: 4, dimension: "efficacy" },
  { key: "cared", tswq: 5, dimension: "connectedness" },
  { key: "accomplished", tswq: 6, dimension: "efficacy" },
  { key: "respected", tswq: 7, dimension: "connectedness" },
  { key: "effective", tswq: 8, dimension: "efficacy" },
  { key: "time", tswq: null, dimension: "load" },
  { key: "energy", tswq: null, dimension: "load" },
  { key: "disconnect", tswq: null, dimension: "load" },
];

/** The questions a new pulse offers ticked: the eight TSWQ items. */
export const DEFAULT_QUESTIONS: readonly QuestionKey[] = QUESTION_BANK.filter((q) => q.tswq !== null).map(
  (q) => q.key,
);

export const MIN_QUESTIONS = 5;
export const MAX_QUESTIONS = 8;
/** 1 Nunca … 5 Siempre */
export const SCALE = [1, 2, 3, 4, 5] as const;
/** A group's figures (and free text) are shown only from this many answers. */
export const MIN_GROUP = 5;
export const MAX_DAYS = 30;

export const isQuestionKey = (value: unknown): value is QuestionKey =>
  typeof value === "string" && (QUESTION_KEYS as readonly string[]).includes(value);

/** The value of the scope field that means the whole network. */
export const NETWORK_SCOPE = "red";
