// V6 RBM free-energy convexity (MATH.md §2.2) and V7 Gaussian–Gaussian marginal.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as bz from "../../src/boltzmann/index.js";
import { Matrix as SMatrix, inverse as sinverse, matMul, matAdd, matScale, transpose as stranspose, identityMatrix, num, evaluate, type Expr } from "../../src/core/index.js";
import { eigvalsh, spectralNorm } from "../../src/linalg/index.js";
import { expectClose, rbmArb } from "./helpers.js";

const vecArb = (d: number, s = 3) => fc.array(fc.double({ min: -s, max: s, noNaN: true }), { minLength: d, maxLength: d });

function fdGradient(f: (v: number[]) => number, v: number[], h = 1e-6): number[] {
  return v.map((_, i) => (f(v.map((x, k) => (k === i ? x + h : x))) - f(v.map((x, k) => (k === i ? x - h : x)))) / (2 * h));
}

describe("V6 free-energy derivatives against finite differences", () => {
  for (const kind of bz.RBM_KINDS)
    it(`${kind}: ∇F (FD h = 1e-6) and ∇²F (FD of ∇F, h = 1e-4), T ≠ 1, relative 1e-5`, () => {
      fc.assert(
        fc.property(rbmArb(kind, { scale: kind === "gaussian-gaussian" ? 0.2 : 2 }).chain((m) => fc.tuple(fc.constant(m), vecArb(m.W.rows))), fc.double({ min: 0.5, max: 2, noNaN: true }), ([model, v], T) => {
          const d = model.W.rows;
          const F = (x: number[]) => bz.freeEnergy(model, x, { T, extended: true });
          const g = bz.freeEnergyGradient(model, v, { T });
          fdGradient(F, v).forEach((x, i) => expectClose(x, g[i]!, 1e-5, 1e-7, "∇F"));
          const H = bz.freeEnergyHessian(model, v, { T });
          for (let i = 0; i < d; i++) {
            const col = fdGradient((x) => bz.freeEnergyGradient(model, x, { T })[i]!, v, 1e-4);
            col.forEach((x, k) => expectClose(x, H.data[i * d + k]!, 1e-5, 1e-7, "∇²F"));
          }
        }),
        { numRuns: 25 },
      );
    });

  it("Bernoulli extension is concave: ∇²F = −(1/T) W D Wᵀ ⪯ 0", () => {
    fc.assert(
      fc.property(rbmArb("bernoulli", { scale: 3 }).chain((m) => fc.tuple(fc.constant(m), vecArb(m.W.rows))), ([model, v]) => {
        const lam = eigvalsh(bz.freeEnergyHessian(model, v));
        expect(lam[lam.length - 1]!).toBeLessThanOrEqual(1e-12);
      }),
      { numRuns: 60 },
    );
  });

  it("Gaussian–Bernoulli: ‖W‖₂ < 2 ⇒ λ_min(∇²F) ≥ 1 − ‖W‖₂²/4 > 0 on random v", () => {
    fc.assert(
      fc.property(rbmArb("gaussian-bernoulli", { d: [1, 5], m: [1, 5] }), fc.double({ min: 0.05, max: 1.99, noNaN: true }), fc.integer(), (m0, target, seed) => {
        const s = spectralNorm(m0.W);
        fc.pre(s > 1e-3);
        const model = bz.rbm({ kind: "gaussian-bernoulli", W: { ...m0.W, data: m0.W.data.map((x) => (x * target) / s) }, a: m0.a, c: m0.c });
        const d = model.W.rows;
        const v = Array.from({ length: d }, (_, i) => 5 * Math.sin(seed + 7 * i));
        const r = bz.gbConvexity(model, v);
        expect(r.sufficient).toBe(true);
        expect(r.lambdaMin).toBeGreaterThan(0);
        expect(r.lambdaMin).toBeGreaterThanOrEqual(r.bound - 1e-12);
      }),
      { numRuns: 80 },
    );
  });

  it("counterexample: ‖W‖₂ ≫ 2 gives λ_min < 0, and F is not convex along the eigenvector (second difference < 0)", () => {
    const { model, v, lambdaMin } = bz.gbNonConvexExample(3, 6);
    const r = bz.gbConvexity(model, v);
    expect(r.normW).toBe(6);
    expect(r.sufficient).toBe(false);
    expectClose(r.lambdaMin, lambdaMin, 1e-12, 0, "λ_min");
    expect(lambdaMin).toBe(-8);
    const t = 1e-2;
    const F = (x: number[]) => bz.freeEnergy(model, x);
    const dir = [1, 0, 0];
    const second = (F(dir.map((e) => t * e)) + F(dir.map((e) => -t * e)) - 2 * F([0, 0, 0])) / (t * t);
    expect(second).toBeLessThan(-7.9);
    // and the normalisation Z stays finite for every W (MATH.md §2.2)
    expect(Number.isFinite(bz.logPartition(model))).toBe(true);
  });
});

describe("V7 Gaussian–Gaussian RBM", () => {
  const Wq: number[][] = [[1 / 2, -1 / 4], [1 / 3, 1 / 5], [0, -1 / 6]];
  const a = [1 / 2, -1, 1 / 3], c = [2 / 3, -1 / 4];

  it("Cov(v) = (I − WWᵀ)⁻¹ and mean (I − WWᵀ)⁻¹(a + Wc) from the joint precision (E at rational W)", () => {
    const d = 3, n = 5; // m = 2 hidden units
    // exact rationals (1/3 as a double is not 1/3): every entry is a multiple of 1/60
    const frac = (x: number) => num(`${Math.round(x * 60)}/60`);
    const K = new SMatrix(Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j): Expr => {
      if (i === j) return num(1);
      if (i < d && j >= d) return frac(-Wq[i]![j - d]!);
      if (j < d && i >= d) return frac(-Wq[j]![i - d]!);
      return num(0);
    })));
    const Kinv = sinverse(K);
    const W = new SMatrix(Wq.map((r) => r.map(frac)));
    const S = matAdd(identityMatrix(d), matScale(matMul(W, stranspose(W)), num(-1)));
    const Sinv = sinverse(S);
    for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) expect(Kinv.get(i, j)).toBe(Sinv.get(i, j));
    // mean: (K⁻¹ β)_v = (I − WWᵀ)⁻¹ (a + Wc)
    const beta = new SMatrix([...a, ...c].map((x) => [frac(x)]));
    const aPlusWc = matAdd(new SMatrix(a.map((x) => [frac(x)])), matMul(W, new SMatrix(c.map((x) => [frac(x)]))));
    const mean1 = matMul(Kinv, beta);
    const mean2 = matMul(Sinv, aPlusWc);
    for (let i = 0; i < d; i++) expect(mean1.get(i, 0)).toBe(mean2.get(i, 0));
    // numeric twin
    const model = bz.rbm({ kind: "gaussian-gaussian", W: Wq.map((r) => r.map((x) => Math.round(x * 60) / 60)), a: a.map((x) => Math.round(x * 60) / 60), c: c.map((x) => Math.round(x * 60) / 60) });
    const mg = bz.ggMarginal(model);
    for (let i = 0; i < d; i++) {
      expectClose(mg.mean[i]!, evaluate(mean1.get(i, 0)), 1e-13, 1e-15, "mean");
      for (let j = 0; j < d; j++) expectClose(mg.covariance.data[i * d + j]!, evaluate(Sinv.get(i, j)), 1e-13, 1e-15, "cov");
    }
  });

  it("the marginal and ∇²F = I − WWᵀ (constant) at random W with ‖W‖₂ < 1, and T scales the covariance (N)", () => {
    fc.assert(
      fc.property(rbmArb("gaussian-gaussian", { scale: 0.25 }), fc.double({ min: 0.5, max: 2, noNaN: true }), (model, T) => {
        const d = model.W.rows, m = model.W.cols;
        const mg = bz.ggMarginal(model, { T });
        const H = bz.freeEnergyHessian(model, new Array(d).fill(0.3), { T });
        for (let i = 0; i < d; i++)
          for (let k = 0; k < d; k++) {
            let s = i === k ? 1 : 0;
            for (let j = 0; j < m; j++) s -= model.W.data[i * m + j]! * model.W.data[k * m + j]!;
            expectClose(H.data[i * d + k]!, s, 1e-13, 1e-15, "∇²F");
            expectClose(mg.precision.data[i * d + k]!, s / T, 1e-12, 1e-14, "precision");
          }
        // the mean is the minimiser of F: ∇F(mean) = 0
        bz.freeEnergyGradient(model, mg.mean, { T }).forEach((g) => expect(Math.abs(g)).toBeLessThan(1e-12 * (1 + Math.max(...mg.mean.map(Math.abs)))));
      }),
      { numRuns: 40 },
    );
  });

  it("‖W‖₂ ≥ 1: K is not positive definite (λ_min ≤ 0) and the model is rejected", () => {
    const W = [[0.8, 0.6], [0.6, -0.8]]; // orthogonal: ‖W‖₂ = 1
    const bad = { kind: "gaussian-gaussian" as const, W: { rows: 2, cols: 2, data: Float64Array.from(W.flat()) }, a: new Float64Array(2), c: new Float64Array(2) };
    expect(eigvalsh(bz.jointPrecision(bad))[0]!).toBeLessThanOrEqual(1e-15);
    expect(() => bz.rbm({ W, a: [0, 0], c: [0, 0], kind: "gaussian-gaussian" })).toThrow(/not normalisable/);
    expect(() => bz.ggMarginal(bad)).toThrow(/not normalisable/);
    expect(() => bz.logPartition(bad)).toThrow(/not normalisable/);
  });
});
