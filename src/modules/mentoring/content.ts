// Plain values of the mentoring module's pairings and sessions that pages may import (never the
// module's index: it pulls the database into the browser bundle).

export const SESSION_LIMITS = { focus: 200, agreements: 4000, nextStep: 1000, comment: 2000 } as const;

/** The states a pairing list can be filtered by. */
export const PAIRING_STATES = ["in_force", "upcoming", "ended", "all"] as const;
export type PairingState = (typeof PAIRING_STATES)[number];

/** How many teachers one form may pair at once. */
export const PAIRING_TEACHERS_MAX = 60;
export const PAIRINGS_PER_PAGE = 50;
