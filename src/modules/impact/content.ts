// Plain values of the impact module that pages may import (no database).

/** The figures, in the order the page, the public summary and the funder report show them. */
export const IMPACT_FIGURES = [
  "teachers_trained",
  "training_hours",
  "territories",
  "mentors_certified",
  "schools_advised",
  "cycles_completed",
  "time_on_task",
] as const;
export type ImpactFigure = (typeof IMPACT_FIGURES)[number];

/** The first year offered in the year filter. */
export const FIRST_IMPACT_YEAR = 2020;

/** Dates of the figures are read in Chile's time (the organization works there). */
export const IMPACT_TIME_ZONE = "America/Santiago";

/** How often the report's page reloads itself while the report is being made (no JavaScript). */
export const REPORT_REFRESH_SECONDS = 2;
