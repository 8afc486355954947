// V23 RG on Gaussian covariances (MATH.md §8.1–8.4) and V24 Mehta–Schwab exactness (§8.5).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as rg from "../../src/rg/index.js";
import * as bz from "../../src/boltzmann/index.js";
import { Matrix as SMatrix, inverse as sinverse, num, evaluate } from "../../src/core/index.js";
import { type Matrix, cholesky, eigvalsh, inverse, matmul } from "../../src/linalg/index.js";
import { normalMatrix, Rng } from "../../src/random/index.js";
import { spdMatrix } from "../../src/testing/index.js";
import { expectClose, rbmArb } from "../boltzmann/helpers.js";

function maxRelDiff(A: Matrix, B: Matrix): number {
  let mx = 0, scale = 0;
  for (let k = 0; k < A.data.length; k++) {
    mx = Math.max(mx, Math.abs(A.data[k]! - B.data[k]!));
    scale = Math.max(scale, Math.abs(B.data[k]!));
  }
  return mx / scale;
}

const sub = (A: Matrix, idx: number[]): Matrix => ({
  rows: idx.length,
  cols: idx.length,
  data: Float64Array.from(idx.flatMap((i) => idx.map((j) => A.data[i * A.cols + j]!))),
});

const splitArb = spdMatrix({ n: { min: 2, max: 6 } }).chain((S) =>
  fc.tuple(fc.constant(S), fc.shuffledSubarray(Array.from({ length: S.rows }, (_, i) => i), { minLength: 1, maxLength: S.rows - 1 })),
);

describe("V23 Schur-complement decimation", () => {
  it("K/K_ff = (Σ_cc)⁻¹ exactly at rational Σ (E)", () => {
    // Σ = A Aᵀ + I with small integer A: exact rational arithmetic throughout
    const A = [[1, 2, 0, -1], [0, 1, 3, 1], [2, -1, 1, 0], [1, 0, -2, 2]];
    const p = 4;
    const Sigma = new SMatrix(Array.from({ length: p }, (_, i) => Array.from({ length: p }, (_, j) => num(A[i]!.reduce((s, x, k) => s + x * A[j]![k]!, 0) + (i === j ? 1 : 0)))));
    const K = sinverse(Sigma);
    for (const keep of [[0, 2], [3, 1], [0, 1, 3], [2]]) {
      const lhs = rg.decimateSymbolic(K, keep);
      const rhs = sinverse(new SMatrix(keep.map((i) => keep.map((j) => Sigma.get(i, j)))));
      for (let i = 0; i < keep.length; i++) for (let j = 0; j < keep.length; j++) expect(lhs.get(i, j)).toBe(rhs.get(i, j));
      // and the numeric decimation agrees with the exact value
      const Kn: Matrix = { rows: p, cols: p, data: Float64Array.from(K.toArray().flat().map((e) => evaluate(e))) };
      const dec = rg.decimate(Kn, keep);
      dec.K.data.forEach((x, k) => expectClose(x, evaluate(rhs.get(Math.floor(k / keep.length), k % keep.length)), 1e-12, 1e-14, "K′"));
    }
  });

  it("numerically: K/K_ff = (Σ_cc)⁻¹ and the free energy is preserved (N)", () => {
    fc.assert(
      fc.property(splitArb, ([Sigma, keep]) => {
        const K = inverse(Sigma);
        K.data.forEach((_, k) => {
          const i = Math.floor(k / K.rows), j = k % K.rows;
          if (j > i) K.data[j * K.rows + i] = K.data[k]!;
        });
        const dec = rg.decimate(K, keep);
        expect(maxRelDiff(dec.K, inverse(sub(Sigma, keep)))).toBeLessThan(1e-9); // κ(Σ) ≤ 1e4
        expectClose(rg.decimatedFreeEnergy(dec), rg.gaussianFreeEnergy(K), 1e-10, 1e-10, "free energy");
        expect([...dec.keep, ...dec.integrated].sort((a, b) => a - b)).toEqual(Array.from({ length: K.rows }, (_, i) => i));
      }),
      { numRuns: 60 },
    );
  });

  it("decimation is the congruence with the selection R = [I_c 0] on Σ", () => {
    fc.assert(
      fc.property(splitArb, ([Sigma, keep]) => {
        const R = rg.selectionMatrix(Sigma.rows, keep);
        expect(maxRelDiff(rg.coarseGrain(Sigma, R), sub(Sigma, keep))).toBe(0);
      }),
      { numRuns: 30 },
    );
  });

  it("rejects non-positive-definite precisions and bad index sets", () => {
    expect(() => rg.decimate({ rows: 2, cols: 2, data: Float64Array.from([1, 2, 2, 1]) }, [0])).toThrow(/not positive definite: Cholesky failed at pivot 2/);
    const K = { rows: 3, cols: 3, data: Float64Array.from([2, 0, 0, 0, 2, 0, 0, 0, 2]) };
    expect(() => rg.decimate(K, [0, 0])).toThrow(/distinct integer indices/);
    expect(() => rg.decimate(K, [3])).toThrow(/0\.\.2/);
    expect(() => rg.decimate({ rows: 2, cols: 2, data: Float64Array.from([1, 0, 0.5, 1]) }, [0])).toThrow(/not symmetric/);
  });
});

describe("V23 congruence coarse-graining and composition", () => {
  it("composition R₂R₁, positive definiteness preserved for full-row-rank R", () => {
    fc.assert(
      fc.property(spdMatrix({ n: { min: 3, max: 6 } }), fc.integer({ min: 1, max: 1e9 }), (Sigma, seed) => {
        const rng = new Rng(seed);
        const p = Sigma.rows, k1 = p - 1, k2 = Math.max(1, p - 2);
        const R1 = normalMatrix(rng, k1, p), R2 = normalMatrix(rng, k2, k1);
        const seq = rg.coarseGrainingFlow(Sigma, [R1, R2]);
        const direct = rg.coarseGrain(Sigma, rg.composeCoarseGrainings([R1, R2]));
        expect(maxRelDiff(seq[2]!, direct)).toBeLessThan(1e-12);
        expect(() => cholesky(seq[1]!)).not.toThrow();
        expect(eigvalsh(direct)[0]!).toBeGreaterThan(0);
      }),
      { numRuns: 50 },
    );
  });
  it("rejects rank-deficient or wrongly shaped R", () => {
    const S = { rows: 3, cols: 3, data: Float64Array.from([2, 0, 0, 0, 2, 0, 0, 0, 2]) };
    expect(() => rg.coarseGrain(S, { rows: 2, cols: 3, data: Float64Array.from([1, 1, 0, 2, 2, 0]) })).toThrow(/full row rank/);
    expect(() => rg.coarseGrain(S, { rows: 2, cols: 2, data: Float64Array.from([1, 0, 0, 1]) })).toThrow(/needs 3 columns/);
    expect(() => rg.coarseGrain(S, { rows: 4, cols: 3, data: new Float64Array(12) })).toThrow(/at most as many rows/);
  });
});

describe("V23 AR(1) decimation", () => {
  it("r′ = r², σ′² = σ²(1 + r²) proved exactly from the symbolic Schur complement (E), n = 3, 5, 7", () => {
    for (const n of [3, 5, 7]) {
      const d = rg.ar1DecimationSymbolic(n);
      expect(d.proved, `n = ${n}`).toBe(true);
      expect(d.certificates.length).toBe(((n + 1) / 2) ** 2);
    }
  });

  it("numerically: the decimated precision is tridiagonal and equals the AR(1) precision with (r², σ²(1+r²)) (N)", () => {
    fc.assert(
      fc.property(fc.double({ min: -0.95, max: 0.95, noNaN: true }), fc.double({ min: 0.1, max: 5, noNaN: true }), fc.integer({ min: 2, max: 12 }), (r, sigma2, n) => {
        const p = { r, sigma2 };
        const K = rg.ar1Precision(n, p);
        // K really is Σ⁻¹
        const I = matmul(K, rg.ar1Covariance(n, p));
        I.data.forEach((x, k) => expect(Math.abs(x - (k % (n + 1) === 0 ? 1 : 0))).toBeLessThan(1e-9));
        const keep = Array.from({ length: Math.ceil(n / 2) }, (_, k) => 2 * k);
        const dec = rg.decimate(K, keep);
        const q = rg.ar1Decimate(p);
        expect(q.r).toBe(r * r);
        expectClose(q.sigma2, sigma2 * (1 + r * r), 1e-15, 0, "σ′²");
        const target = rg.ar1Precision(keep.length, q);
        const m = keep.length;
        dec.K.data.forEach((x, k) => {
          const i = Math.floor(k / m), j = k % m;
          expectClose(x, target.data[k]!, 1e-9, 1e-9 * (1 + Math.abs(target.data[i * m + i]!)), `K′${i}${j}`);
          if (Math.abs(i - j) > 1) expect(Math.abs(x)).toBeLessThan(1e-9 * Math.abs(dec.K.data[i * m + i]!));
        });
        expectClose(rg.ar1MarginalVariance(q), rg.ar1MarginalVariance(p), 1e-12, 0, "variance");
      }),
      { numRuns: 80 },
    );
  });

  it("flow: ξ halves each step, variance is invariant, fixed points 0 (stable) and 1 (unstable)", () => {
    const traj = rg.ar1Flow({ r: 0.9, sigma2: 1 }, 5);
    for (let k = 1; k < traj.length; k++) {
      expectClose(traj[k]!.xi, traj[k - 1]!.xi / 2, 1e-12, 0, "ξ/2");
      expectClose(traj[k]!.variance, traj[0]!.variance, 1e-12, 0, "variance");
    }
    const [zero, one] = rg.ar1FixedPoints();
    expect(zero).toMatchObject({ x: 0, stable: true });
    expect(one).toMatchObject({ x: 1, stable: false });
    expectClose(one!.multiplier, 2, 1e-8, 0, "f′(1)");
    const found = rg.findFixedPoints((r) => r * r, -0.5, 1.5);
    expect(found.map((f) => Math.round(f.x * 1e9) / 1e9)).toEqual([0, 1]);
    expect(rg.correlationLength(0)).toBe(0);
    expect(rg.correlationLength(1)).toBe(Infinity);
    expect(() => rg.ar1Precision(3, { r: 1, sigma2: 1 })).toThrow(/\|r\| < 1.*degenerate fixed point/);
  });
});

describe("V23 block-spin on periodic lattices: aliasing formula (N)", () => {
  const evenArb = (L: number) =>
    fc.array(fc.double({ min: 0.1, max: 2, noNaN: true }), { minLength: L, maxLength: L }).map((lam) => {
      // C = inverse DFT of an even positive spectrum → even, positive-definite circulant
      const sym = lam.map((x, q) => 0.5 * (x + lam[(L - q) % L]!));
      return Array.from({ length: L }, (_, n) => sym.reduce((s, x, q) => s + x * Math.cos((2 * Math.PI * q * n) / L), 0) / L);
    });

  it("1-D: eigenvalues of RΣRᵀ = Ĉ′ from the aliasing formula; RΣRᵀ = circulant(C′)", () => {
    fc.assert(
      fc.property(fc.constantFrom([8, 2], [8, 4], [12, 3], [12, 2], [9, 3], [6, 6]).chain(([L, b]) => fc.tuple(fc.constant(L!), fc.constant(b!), evenArb(L!))), ([L, b, C]) => {
        const R = rg.blockSpinMatrix1D(L, b);
        const S = rg.coarseGrain(rg.circulant(C), R);
        const coarse = rg.circulant(rg.blockSpin1D(C, b));
        expect(maxRelDiff(S, coarse)).toBeLessThan(1e-12);
        const eig = Array.from(eigvalsh(S)).sort((x, y) => x - y);
        const pred = Array.from(rg.blockSpinSpectrum(C, b)).sort((x, y) => x - y);
        eig.forEach((x, k) => expectClose(x, pred[k]!, 1e-10, 1e-13, "Ĉ′"));
        // the spectrum of the coarse circulant is Ĉ′ itself, q′ by q′
        rg.circulantSpectrum(rg.blockSpin1D(C, b)).forEach((x, q) => expectClose(x, rg.blockSpinSpectrum(C, b)[q]!, 1e-10, 1e-13, "q′"));
      }),
      { numRuns: 40 },
    );
  });

  it("2-D: the factorised aliasing formula on the torus", () => {
    for (const [L1, L2, b1, b2] of [[4, 6, 2, 3], [6, 4, 3, 2], [4, 4, 2, 2]] as const) {
      const rng = new Rng(L1 * 10 + L2);
      // even 2-D covariance from a positive even spectrum
      const lam = Array.from({ length: L1 }, () => Array.from({ length: L2 }, () => 0.2 + rng.random()));
      const sym = lam.map((row, a) => row.map((x, b) => 0.5 * (x + lam[(L1 - a) % L1]![(L2 - b) % L2]!)));
      const C = Array.from({ length: L1 }, (_, n1) => Array.from({ length: L2 }, (_, n2) => {
        let s = 0;
        for (let a = 0; a < L1; a++) for (let b = 0; b < L2; b++) s += sym[a]![b]! * Math.cos(2 * Math.PI * ((a * n1) / L1 + (b * n2) / L2));
        return s / (L1 * L2);
      }));
      const S = rg.coarseGrain(rg.circulant2D(C), rg.blockSpinMatrix2D(L1, L2, b1, b2));
      expect(maxRelDiff(S, rg.circulant2D(rg.blockSpin2D(C, b1, b2)))).toBeLessThan(1e-12);
      const eig = Array.from(eigvalsh(S)).sort((x, y) => x - y);
      const pred = Array.from(rg.blockSpinSpectrum2D(C, b1, b2).data).sort((x, y) => x - y);
      eig.forEach((x, k) => expectClose(x, pred[k]!, 1e-10, 1e-13, "Ĉ′ 2-D"));
      // spectrum of the fine field: eigenvalues of the block circulant
      const e0 = Array.from(eigvalsh(rg.circulant2D(C))).sort((x, y) => x - y);
      const p0 = Array.from(rg.circulantSpectrum2D(C).data).sort((x, y) => x - y);
      e0.forEach((x, k) => expectClose(x, p0[k]!, 1e-10, 1e-13, "Ĉ 2-D"));
    }
  });

  it("rejects block sizes that do not divide L and non-even covariances", () => {
    expect(() => rg.blockSpinMatrix1D(10, 3)).toThrow(/dividing L = 10/);
    expect(() => rg.circulant([1, 0.5, 0.2])).toThrow(/not even: C\(1\) = 0.5 but C\(2\) = 0.2/);
  });
});

describe("V24 Mehta–Schwab exactness", () => {
  it("H := F_λ is exact (max defect ≤ 1e-12) and preserves the free energy", () => {
    fc.assert(
      fc.property(rbmArb("bernoulli", { d: [1, 5], m: [1, 4] }), (model) => {
        const r = rg.mehtaSchwab(model, rg.rbmVisibleFreeEnergies(model));
        expect(r.maxDefect).toBeLessThanOrEqual(1e-12);
        expect(r.exact).toBe(true);
        expect(r.freeEnergyPreserved).toBe(true);
        expect(r.kl).toBeLessThan(1e-12);
        // H^RG = H^RBM: −log Σ_v e^{−E(v,h)}
        const d = model.W.rows, m = model.W.cols;
        const E = bz.stateEnergies(model);
        r.hRG.forEach((x, h) => expectClose(x, -bz.logSumExp(Array.from({ length: 2 ** d }, (_, v) => -E[v + (h << d)]!)), 1e-12, 1e-12, "H^RG"));
        expect(r.hRG.length).toBe(2 ** m);
      }),
      { numRuns: 40 },
    );
  });
  it("a generic H violates both exactness and free-energy preservation", () => {
    fc.assert(
      fc.property(rbmArb("bernoulli", { d: [2, 4], m: [1, 3] }), fc.integer({ min: 1, max: 1e9 }), (model, seed) => {
        const rng = new Rng(seed);
        const H = Float64Array.from({ length: 2 ** model.W.rows }, () => 2 * rng.random() - 1);
        const r = rg.mehtaSchwab(model, H);
        expect(r.exact).toBe(false);
        expect(r.freeEnergyPreserved).toBe(false);
        expect(r.kl).toBeGreaterThan(0);
        expect(r.offset).toBeNull();
      }),
      { numRuns: 30 },
    );
  });
  it("H = F_λ + c: KL = 0 but log Σ_h e^{T_λ} = c at every v, so exactness fails unless c = 0", () => {
    fc.assert(
      fc.property(rbmArb("bernoulli", { d: [1, 4], m: [1, 3] }), fc.double({ min: 0.01, max: 3, noNaN: true }), fc.boolean(), (model, c0, neg) => {
        const c = neg ? -c0 : c0;
        const H = rg.rbmVisibleFreeEnergies(model).map((x) => x + c);
        const r = rg.mehtaSchwab(model, H);
        expect(r.kl).toBeLessThan(1e-12);
        expect(r.exact).toBe(false);
        expect(r.offset).not.toBeNull();
        expectClose(r.offset!, c, 1e-10, 1e-12, "offset");
        r.defects.forEach((x) => expectClose(x, c, 1e-10, 1e-12, "defect"));
        expectClose(r.logZRG - r.logZH, c, 1e-10, 1e-12, "free energies differ by c");
      }),
      { numRuns: 30 },
    );
  });
  it("needs a Bernoulli RBM and H of length 2^d", () => {
    const model = bz.rbm({ W: [[1], [2]], a: [0, 0], c: [0] });
    expect(() => rg.mehtaSchwab(model, [0, 0, 0])).toThrow(/2\^2 = 4 visible states/);
    expect(() => rg.mehtaSchwab(bz.rbm({ W: [[0.1]], a: [0], c: [0], kind: "gaussian-gaussian" }), [0, 0])).toThrow(/Bernoulli–Bernoulli/);
  });
});

