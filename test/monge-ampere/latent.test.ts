// Latent Gaussian generator and polar factor (MATH.md §3.7, V10, V14).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { eigvalsh, matmul, matrix, transpose } from "../../src/linalg/index.js";
import { Rng, normalMatrix } from "../../src/random/index.js";
import { spdMatrix } from "../../src/testing/index.js";
import { gaussianBrenierMap, latentGenerator, latentPolarFactor, monteCarloTransportCost } from "../../src/monge-ampere/index.js";
import { qgeomError } from "../helpers/matrix.js";
import { matRelErr, relErr } from "./helpers.js";

const mat = (d: number, k: number) =>
  fc.array(fc.integer({ min: -2000, max: 2000 }), { minLength: d * k, maxLength: d * k }).map((xs) => ({ rows: d, cols: k, data: Float64Array.from(xs, (v) => v / 1000) }));

describe("V10: rank, polar factor, cost inequality", () => {
  it("WWᵀ ≻ 0 iff rank W = d (k ≥ d generic: full rank; k < d: rank k, singular law)", () => {
    const rng = new Rng(7);
    for (const [d, k] of [[3, 3], [3, 5], [4, 2], [5, 1]] as const) {
      const g = latentGenerator(normalMatrix(rng, d, k));
      expect(g.rank).toBe(Math.min(d, k));
      expect(g.absolutelyContinuous).toBe(k >= d);
      const lmin = eigvalsh(g.covariance)[0]!;
      if (k >= d) expect(lmin).toBeGreaterThan(0);
      else expect(Math.abs(lmin)).toBeLessThanOrEqual(1e-12 * eigvalsh(g.covariance)[d - 1]!); // on ∂Sym⁺ (V14)
    }
  });
  it("P = (WWᵀ)^{1/2} = W Uᵀ, U orthogonal; W₂² ≤ generator cost with gap 2(tr P − tr W) ≥ 0 (N)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 5 }).chain((d) => mat(d, d)), (W) => {
        const g = latentGenerator(W);
        fc.pre(g.singularValues[g.d - 1]! > 1e-3 * g.singularValues[0]!);
        const r = latentPolarFactor(W);
        const d = W.rows;
        expect(matRelErr(matmul(r.P, r.P).data, g.covariance.data)).toBeLessThanOrEqual(1e-10);
        expect(matRelErr(matmul(r.U, transpose(r.U)).data, matrix(Array.from({ length: d }, (_, i) => Array.from({ length: d }, (_, j) => (i === j ? 1 : 0)))).data)).toBeLessThanOrEqual(1e-10);
        expect(matRelErr(matmul(W, transpose(r.U)).data, r.P.data)).toBeLessThanOrEqual(1e-9);
        expect(r.gap).toBeGreaterThanOrEqual(-1e-12 * (1 + r.generatorCost));
        expect(Math.abs(r.generatorCost - r.w2sq - r.gap)).toBeLessThanOrEqual(1e-10 * (1 + r.generatorCost));
        // W₂² agrees with the Gaussian Brenier map N(0, I) → N(0, WWᵀ), whose matrix is P
        const z = new Array(d).fill(0);
        const I = Array.from({ length: d }, (_, i) => Array.from({ length: d }, (_, j) => (i === j ? 1 : 0)));
        const T = gaussianBrenierMap(z, I, z, g.covariance);
        expect(matRelErr(T.A.data, r.P.data)).toBeLessThanOrEqual(1e-8);
        expect(Math.abs(T.w2sq - r.w2sq)).toBeLessThanOrEqual(1e-9 * (1 + r.w2sq));
      }),
    );
  });
  it("equality iff W = P: symmetric PD W has zero gap, a rotated one a positive gap", () => {
    fc.assert(
      fc.property(spdMatrix({ n: 3, maxCond: 100 }), (W) => {
        const r = latentPolarFactor(W);
        expect(r.distanceToBrenier).toBeLessThanOrEqual(1e-10);
        expect(Math.abs(r.gap)).toBeLessThanOrEqual(1e-10 * (1 + r.w2sq));
      }),
      { numRuns: 30 },
    );
    const R = matrix([[0, -1], [1, 0]]);
    const r = latentPolarFactor(matmul(matrix([[2, 0.5], [0.5, 1]]), R));
    expect(r.gap).toBeGreaterThan(1);
    expect(r.distanceToBrenier).toBeGreaterThan(0.1);
  });
  it("the generator cost is the Monte Carlo cost E‖z − Wz‖² (MC, 5 SE)", () => {
    const W = matrix([[1, 2], [0.5, -1]]);
    const r = latentPolarFactor(W);
    const mc = monteCarloTransportCost([0, 0], [[1, 0], [0, 1]], W, [0, 0], new Rng(11), 20000);
    expect(Math.abs(mc.mean - r.generatorCost)).toBeLessThanOrEqual(5 * mc.standardError);
    expect(relErr(r.generatorCost, 8.25)).toBeLessThanOrEqual(1e-14);
  });
  it("tiny (subnormal) and huge entries keep full relative precision (power-of-two scaling)", () => {
    for (const c of [1e-320, 1e300]) {
      const r = latentPolarFactor(matrix([[2 * c, c], [0, 3 * c]]));
      const ref = latentPolarFactor(matrix([[2, 1], [0, 3]]));
      expect(matRelErr(r.U.data, ref.U.data)).toBeLessThanOrEqual(c < 1 ? 1e-3 : 1e-14); // subnormal inputs carry few bits
      expect(matRelErr(r.P.data.map((v) => v / c), ref.P.data)).toBeLessThanOrEqual(c < 1 ? 1e-3 : 1e-14);
    }
  });
  it("k ≠ d and rank-deficient W are reported", () => {
    expect(qgeomError(() => latentPolarFactor([[1, 2, 3], [4, 5, 6]])).code).toBe("SHAPE");
    expect(qgeomError(() => latentPolarFactor([[1], [2]])).message).toMatch(/singular/);
    expect(qgeomError(() => latentPolarFactor([[1, 2], [2, 4]])).code).toBe("SINGULAR");
  });
});
