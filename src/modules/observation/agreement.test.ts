import { describe, expect, it } from "vitest";
import {
  agreement,
  DRIFT_EXACT_BELOW,
  DRIFT_KAPPA_BELOW,
  drifts,
  driftsPersistently,
  type LevelPair,
  pairLevels,
  spread,
} from "./agreement";

describe("agreement of an observer with the reference scorer", () => {
  it("matches a hand-computed example: n, exact, adjacent and Cohen's kappa", () => {
    // Ten indicators, (observer, reference):
    //   1 (3,3)  2 (3,3)  3 (2,2)  4 (4,4)  5 (2,3)  6 (3,2)  7 (1,2)  8 (3,3)  9 (4,3)  10 (2,4)
    //
    // Contingency table, rows = observer, columns = reference:
    //
    //              ref 1  ref 2  ref 3  ref 4 | row
    //   obs 1        0      1      0      0   |  1
    //   obs 2        0      1      1      1   |  3
    //   obs 3        0      1      3      0   |  4
    //   obs 4        0      0      1      1   |  2
    //   column       0      3      5      2   | 10
    //
    // Exact: the diagonal, 0 + 1 + 3 + 1 = 5 of 10 → 0.5.
    // Adjacent (|difference| ≤ 1): all but indicator 10 (2 against 4) → 9 of 10 → 0.9.
    // Observed agreement p_o = 0.5.
    // Expected agreement p_e = (1·0 + 3·3 + 4·5 + 2·2) / 10² = 33 / 100 = 0.33.
    // κ = (p_o − p_e) / (1 − p_e) = (0.5 − 0.33) / (1 − 0.33) = 0.17 / 0.67 = 17/67 ≈ 0.2537.
    const pairs: LevelPair[] = [
      [3, 3],
      [3, 3],
      [2, 2],
      [4, 4],
      [2, 3],
      [3, 2],
      [1, 2],
      [3, 3],
      [4, 3],
      [2, 4],
    ];
    const a = agreement(pairs);
    expect(a.n).toBe(10);
    expect(a.exact).toBe(0.5);
    expect(a.adjacent).toBe(0.9);
    expect(a.kappa).toBeCloseTo(17 / 67, 12);
    expect(a.kappa).toBeCloseTo(0.2537, 4);
    // κ < 0.40 flags the observer, although exact agreement reaches 50 %.
    expect(a.exact).toBeGreaterThanOrEqual(DRIFT_EXACT_BELOW);
    expect(drifts(a)).toBe(true);
  });

  it("pairs only the indicators both scored, in the order given", () => {
    const observer = { "b5.1": 3, "b5.2": 2, "c7.1": 4 };
    const reference = { "b5.1": 3, "c7.1": 3, "c7.2": 1 };
    expect(pairLevels(observer, reference, ["c7.1", "b5.1", "b5.2", "c7.2"])).toEqual([
      [4, 3],
      [3, 3],
    ]);
  });

  it("reports nothing for no pairs", () => {
    expect(agreement([])).toEqual({ n: 0, exact: null, adjacent: null, kappa: null });
    expect(drifts(agreement([]))).toBe(false);
  });

  it("reports kappa as not computable when both gave one and the same level everywhere", () => {
    const a = agreement([
      [3, 3],
      [3, 3],
      [3, 3],
      [3, 3],
      [3, 3],
    ]);
    expect(a).toEqual({ n: 5, exact: 1, adjacent: 1, kappa: null });
    expect(drifts(a)).toBe(false);
  });

  it("gives kappa 1 for perfect agreement over several levels, 0 for none by more than chance", () => {
    expect(
      agreement([
        [1, 1],
        [2, 2],
        [3, 3],
        [4, 4],
      ]).kappa,
    ).toBe(1);
    // The observer always says 2, the reference always 3: no agreement, none expected either.
    const apart = agreement([
      [2, 3],
      [2, 3],
      [2, 3],
    ]);
    expect(apart).toEqual({ n: 3, exact: 0, adjacent: 1, kappa: 0 });
  });

  it("gives a negative kappa when the observer agrees less than chance would", () => {
    // Table: obs1/ref2 = 1, obs2/ref1 = 1. p_o = 0, p_e = (1·1 + 1·1) / 4 = 0.5 → κ = −0.5 / 0.5 = −1.
    expect(
      agreement([
        [1, 2],
        [2, 1],
      ]).kappa,
    ).toBe(-1);
  });

  it("flags on exact agreement or on kappa, never on too few indicators", () => {
    const five = (pairs: LevelPair[]) => agreement(pairs);
    // Exact 2/5 = 40 % < 50 %.
    expect(
      drifts(
        five([
          [1, 1],
          [2, 2],
          [3, 4],
          [4, 3],
          [2, 3],
        ]),
      ),
    ).toBe(true);
    // Exact 4/5 and κ = (5·4 − 6) / (25 − 6) = 14/19 ≈ 0.74: no drift.
    const good = five([
      [1, 1],
      [2, 2],
      [3, 3],
      [4, 4],
      [3, 4],
    ]);
    expect(good.kappa).toBeCloseTo(14 / 19, 12);
    expect(good.kappa).toBeGreaterThan(DRIFT_KAPPA_BELOW);
    expect(drifts(good)).toBe(false);
    // Four pairs, all wrong: too few to judge.
    expect(
      drifts(
        agreement([
          [1, 4],
          [1, 4],
          [4, 1],
          [4, 1],
        ]),
      ),
    ).toBe(false);
  });

  it("calls drift persistent when the latest two judged calibrations both drifted", () => {
    const bad = agreement([
      [1, 4],
      [2, 4],
      [1, 3],
      [4, 1],
      [3, 1],
    ]);
    const good = agreement([
      [1, 1],
      [2, 2],
      [3, 3],
      [4, 4],
      [2, 2],
    ]);
    const tooFew = agreement([[1, 4]]);
    expect(driftsPersistently([bad, bad, good])).toBe(true);
    expect(driftsPersistently([bad, tooFew, bad])).toBe(true);
    expect(driftsPersistently([bad, good, bad])).toBe(false);
    expect(driftsPersistently([bad])).toBe(false);
  });

  it("counts the spread of levels of one indicator", () => {
    expect(spread([3, 3, 2, 4, 3])).toEqual([0, 1, 3, 1]);
  });
});
