// What an instrument and the action-step catalogue are made of. An instrument version's content is
// stored whole (JSONB) in instrument_versions, so a published version never changes under the visits
// scored with it; indicator keys stay the same across versions so that figures can be compared.

/** Why a visit is made: formativa (to coach; the default) or evaluativa (when the school decides so). */
export const PURPOSES = ["formativa", "evaluativa"] as const;
export type Purpose = (typeof PURPOSES)[number];

/** The longest evidence note, in characters. */
export const NOTE_MAX = 2000;

/** Levels of a scored indicator, stored as 1..4. */
export const LEVELS = [1, 2, 3, 4] as const;
export type Level = (typeof LEVELS)[number];

export interface IndicatorDef {
  /** stable across versions: "b5.1", "wt.focus" */
  key: string;
  title: string;
  /** what to look for, shown under the title */
  description?: string;
  /** the Marco para la Buena Enseñanza 2021 standard it belongs to (5 to 9 for domains B and C) */
  mbeStandard?: number | null;
  /** "scored": the observer may give a level; "evidence": notes only */
  kind: "scored" | "evidence";
  /** for scored indicators: what Insatisfactorio, Básico, Competente and Destacado look like */
  descriptors?: [string, string, string, string];
  /** wording not verified against the official text: shown as editable draft text */
  draft?: boolean;
}

export interface SectionDef {
  key: string;
  title: string;
  description?: string;
  indicators: IndicatorDef[];
}

export interface InstrumentContent {
  sections: SectionDef[];
  /** whether the visit records time-on-task snapshots */
  timeOnTask: boolean;
}

export const ACTION_STEP_CATEGORIES = ["routines", "climate", "checking", "challenge", "feedback"] as const;
export type ActionStepCategory = (typeof ACTION_STEP_CATEGORIES)[number];

export interface CatalogueStepDef {
  category: ActionStepCategory;
  /** the step, as the teacher will read it: short, concrete, doable within a week */
  title: string;
  /** what mastery looks like: what an observer sees when the step is done */
  mastery: string;
  mbeStandard: number | null;
}

export interface SeedInstrument {
  name: string;
  description: string;
  content: InstrumentContent;
}

// ─── Editing instruments and the catalogue (limits shared by the service and the forms) ──────────

/** The Marco para la Buena Enseñanza 2021 standards a visit can see (domains B and C). */
export const MBE_STANDARDS = [5, 6, 7, 8, 9] as const;
export type MbeStandard = (typeof MBE_STANDARDS)[number];

export const INSTRUMENT_LIMITS = {
  name: 200,
  description: 2000,
  sectionTitle: 200,
  sectionDescription: 1000,
  indicatorTitle: 300,
  indicatorDescription: 1000,
  descriptor: 800,
  sections: 12,
  indicators: 60,
} as const;

export const CATALOGUE_LIMITS = { title: 300, mastery: 1000 } as const;

/** The editor's field names: one form holds the whole draft, each field named by its stable key. */
export const draftField = {
  section: (key: string, field: "title" | "description") => `s[${key}].${field}`,
  indicator: (key: string, field: "title" | "description" | "mbe" | "kind" | "draft" | `d${1 | 2 | 3 | 4}`) =>
    `i[${key}].${field}`,
};
