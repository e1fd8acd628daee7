// Agreement between an observer and the reference scorer of a calibration: plain functions over pairs
// of levels (1..4), no database. Also the rule that flags an observer who drifts, with its thresholds.
// Imported by pages too (the rule is written on the results page): keep it free of server code.

/** Levels of the instruments' scored indicators: Insatisfactorio, Básico, Competente, Destacado. */
export const AGREEMENT_LEVELS = [1, 2, 3, 4] as const;

/** An observer drifts in a calibration when Cohen's kappa against the reference is below this… */
export const DRIFT_KAPPA_BELOW = 0.4;
/** …or when fewer than this share of the indicators got exactly the reference's level. */
export const DRIFT_EXACT_BELOW = 0.5;
/** With fewer indicators scored by both, the figures are shown but nobody is flagged. */
export const DRIFT_MIN_PAIRS = 5;
/** Drift that persists: the observer drifted in each of their latest this-many closed calibrations. */
export const DRIFT_PERSISTENT_COUNT = 2;

/** One indicator scored by both: the observer's level and the reference's. */
export type LevelPair = readonly [observer: number, reference: number];

export interface Agreement {
  /** indicators scored by both */
  n: number;
  /** share of them with the same level (null when n is 0) */
  exact: number | null;
  /** share within one level, exact ones included (null when n is 0) */
  adjacent: number | null;
  /**
   * Cohen's kappa, unweighted, over the categories 1..4. Null when n is 0, and when it cannot be
   * computed: the expected agreement is 1, which happens only when both gave one and the same level to
   * every indicator (then the exact agreement is 100 %).
   */
  kappa: number | null;
}

/** The indicators both scored, as pairs, in the order of `keys`. */
export function pairLevels(
  observer: Readonly<Record<string, number>>,
  reference: Readonly<Record<string, number>>,
  keys: readonly string[] = Object.keys(reference),
): LevelPair[] {
  const pairs: LevelPair[] = [];
  for (const key of keys) {
    const o = observer[key];
    const r = reference[key];
    if (o !== undefined && r !== undefined) pairs.push([o, r]);
  }
  return pairs;
}

export function agreement(pairs: readonly LevelPair[]): Agreement {
  const n = pairs.length;
  if (n === 0) return { n: 0, exact: null, adjacent: null, kappa: null };
  let same = 0;
  let near = 0;
  const observerCounts = new Map<number, number>();
  const referenceCounts = new Map<number, number>();
  for (const [o, r] of pairs) {
    if (o === r) same++;
    if (Math.abs(o - r) <= 1) near++;
    observerCounts.set(o, (observerCounts.get(o) ?? 0) + 1);
    referenceCounts.set(r, (referenceCounts.get(r) ?? 0) + 1);
  }
  // In whole numbers: p_o = same / n and p_e = Σ_k rows_k · cols_k / n², so
  // κ = (p_o − p_e) / (1 − p_e) = (n · same − Σ) / (n² − Σ), exact and free of rounding.
  let chance = 0;
  for (const level of AGREEMENT_LEVELS) {
    chance += (observerCounts.get(level) ?? 0) * (referenceCounts.get(level) ?? 0);
  }
  const denominator = n * n - chance;
  return {
    n,
    exact: same / n,
    adjacent: near / n,
    kappa: denominator === 0 ? null : (n * same - chance) / denominator,
  };
}

/** Whether these figures flag the observer (see the constants above); too few pairs never do. */
export function drifts(a: Agreement): boolean {
  if (a.n < DRIFT_MIN_PAIRS || a.exact === null) return false;
  return a.exact < DRIFT_EXACT_BELOW || (a.kappa !== null && a.kappa < DRIFT_KAPPA_BELOW);
}

/**
 * Persistent drift: the observer's closed calibrations, latest first, drifted in each of the latest
 * DRIFT_PERSISTENT_COUNT (calibrations with too few pairs to judge are left out).
 */
export function driftsPersistently(latestFirst: readonly Agreement[]): boolean {
  const judged = latestFirst.filter((a) => a.n >= DRIFT_MIN_PAIRS);
  return judged.length >= DRIFT_PERSISTENT_COUNT && judged.slice(0, DRIFT_PERSISTENT_COUNT).every(drifts);
}

/** How many gave each level 1..4 to one indicator. */
export function spread(levels: readonly number[]): [number, number, number, number] {
  const counts: [number, number, number, number] = [0, 0, 0, 0];
  for (const level of levels) if (level >= 1 && level <= 4) counts[level - 1]++;
  return counts;
}
