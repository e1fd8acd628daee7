// Plain values of the advisory module that a page may import (the index pulls in database code).
export const ADVISORY_STATUSES = ["planned", "active", "closed"] as const;
export type AdvisoryStatusName = (typeof ADVISORY_STATUSES)[number];

/**
 * The moves between statuses: a planned advisory starts or is closed without starting; an active one
 * closes; a closed one may be reopened (back to active: a closing by mistake, or a school that asks
 * for more), its closing date cleared and the reopening audited.
 */
export const STATUS_MOVES: Record<AdvisoryStatusName, readonly AdvisoryStatusName[]> = {
  planned: ["active", "closed"],
  active: ["closed"],
  closed: ["active"],
};

export const ADVISORY_LIMITS = {
  title: 160,
  goals: 10_000,
  milestoneTitle: 200,
  visitText: 10_000,
  /** milestones of one plan, visits of one advisory */
  milestones: 100,
  visits: 500,
} as const;

/** The prefix of an advisor's checkbox in the advisory form (`advisor_<personId>`). */
export const ADVISOR_FIELD = "advisor_";
