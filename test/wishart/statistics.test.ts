// The statistical helpers behind the MC/KS checks, and KL ≥ 0 as a property.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Rng, standardNormal } from "../../src/random/index.js";
import { spdMatrix } from "../../src/testing/index.js";
import * as W from "../../src/wishart/index.js";

describe("Kolmogorov–Smirnov helpers", () => {
  it("Kolmogorov survival function at tabulated points", () => {
    // Q(λ) = 2 Σ (−1)^{k−1} e^{−2k²λ²}: Q(1) = 0.2699996716773546 (scipy kstwobign.sf(1)), Q(1.3581) ≈ 0.05, Q(1.6276) ≈ 0.01
    expect(W.kolmogorovSurvival(1)).toBeCloseTo(0.2699996716773546, 13);
    expect(W.kolmogorovSurvival(1.3581)).toBeCloseTo(0.05, 4);
    expect(W.kolmogorovSurvival(1.6276)).toBeCloseTo(0.01, 4);
    expect(W.kolmogorovSurvival(0.1)).toBe(1);
  });
  it("accepts a correct null and rejects a shifted one at level 1e-3", () => {
    const rng = new Rng(1);
    const x = Float64Array.from({ length: 3000 }, () => rng.random());
    expect(W.ksOneSample(x, (t) => Math.min(1, Math.max(0, t))).pValue).toBeGreaterThan(1e-3);
    expect(W.ksOneSample(x, (t) => Math.min(1, Math.max(0, t - 0.05))).pValue).toBeLessThan(1e-3);
    const y = Float64Array.from({ length: 3000 }, () => standardNormal(rng));
    const z = Float64Array.from({ length: 3000 }, () => standardNormal(rng));
    expect(W.ksTwoSample(y, z).pValue).toBeGreaterThan(1e-3);
    expect(W.ksTwoSample(y, z.map((v) => v + 0.2)).pValue).toBeLessThan(1e-3);
  });
  it("mean estimate and z-score", () => {
    const e = W.meanEstimate([1, 2, 3, 4]);
    expect(e.mean).toBe(2.5);
    expect(e.se).toBeCloseTo(Math.sqrt(5 / 3 / 4), 14);
    expect(W.zScore(e, 2.5)).toBe(0);
    expect(() => W.meanEstimate([1])).toThrow(/at least 2/);
  });
});

describe("KL divergence (MATH §4.4)", () => {
  it("is ≥ 0 and 0 only at equal laws (fast-check, p = 1..5)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }).chain((p) =>
          fc.tuple(spdMatrix({ n: p }), spdMatrix({ n: p }), fc.double({ min: 0.05, max: 20, noNaN: true }), fc.double({ min: 0.05, max: 20, noNaN: true })),
        ),
        ([S1, S2, e1, e2]) => {
          const p = S1.rows;
          expect(W.klDivergence(p - 1 + e1, S1, p - 1 + e2, S2)).toBeGreaterThanOrEqual(-1e-9);
          expect(Math.abs(W.klDivergence(p - 1 + e1, S1, p - 1 + e1, S1))).toBeLessThan(1e-9);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe("integrateOverCone arguments", () => {
  it("rejects p > 2, bad steps and a mismatched reference", () => {
    expect(() => W.integrateOverCone(3, () => 0)).toThrow(/p = 1 and 2/);
    expect(() => W.integrateOverCone(2, () => 0, { step: 0 })).toThrow(/step must be/);
    expect(() => W.integrateOverCone(2, () => 0, { reference: [[1]] })).toThrow(/reference is 1×1 but p = 2/);
    expect(() => W.integrateOverCone(1, () => NaN)).toThrow(/NaN/);
  });
});
