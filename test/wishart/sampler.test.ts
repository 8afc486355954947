// Monte-Carlo checks of the samplers (MATH §4.2–4.8, V13–V16): moments within 5 standard errors
// (SE from the same sample), KS tests at level 1e-3, rank facts. Fixed seeds; each check also has a
// negative control that must fail, so none of them is vacuous.
import { describe, expect, it } from "vitest";
import {
  type CMatrix,
  type Matrix,
  cmatmul,
  conjTranspose,
  eigvalsh,
  funm,
  matmul,
  powImag,
  schurComplement,
  singularValues,
  transpose,
} from "../../src/linalg/index.js";
import { Rng, chiSquare } from "../../src/random/index.js";
import * as W from "../../src/wishart/index.js";

const N = 20000;
const SIG3 = [[2, 0.6, -0.3], [0.6, 1.5, 0.4], [-0.3, 0.4, 1]];
const SIG4 = [[2, 0.5, 0.2, -0.4], [0.5, 1.5, 0.3, 0.1], [0.2, 0.3, 1, 0.25], [-0.4, 0.1, 0.25, 1.2]];

function logDets(stack: Float64Array, p: number): Float64Array {
  const n = stack.length / (p * p), out = new Float64Array(n);
  for (let k = 0; k < n; k++) out[k] = W.logDetOf(stack, k * p * p, p);
  return out;
}
function entries(stack: Float64Array, p: number, i: number, j: number): Float64Array {
  const n = stack.length / (p * p), out = new Float64Array(n);
  for (let k = 0; k < n; k++) out[k] = stack[k * p * p + i * p + j]!;
  return out;
}
function mapStack(stack: Float64Array, p: number, q: number, f: (M: Matrix) => Matrix): Float64Array {
  const n = stack.length / (p * p), out = new Float64Array(n * q * q);
  for (let k = 0; k < n; k++) out.set(f({ rows: p, cols: p, data: stack.subarray(k * p * p, (k + 1) * p * p) }).data, k * q * q);
  return out;
}
const sym = (M: Matrix): Matrix => {
  const p = M.rows, d = M.data.slice();
  for (let i = 0; i < p; i++) for (let j = 0; j < i; j++) d[i * p + j] = d[j * p + i] = 0.5 * (d[i * p + j]! + d[j * p + i]!);
  return { rows: p, cols: p, data: d };
};

describe("real sampler moments (V13, 5 SE)", () => {
  it("Bartlett at non-integer df and the sum of outer products at integer df", () => {
    expect(W.samplerMoments(new Rng(1), 3.7, SIG3, N).max).toBeLessThan(5);
    expect(W.samplerMoments(new Rng(2), 10, SIG3, N).max).toBeLessThan(5);
    expect(W.samplerMoments(new Rng(3), 6, SIG3, N, { method: "outer" }).max).toBeLessThan(5);
    expect(W.samplerMoments(new Rng(4), 5.5, SIG4, N).max).toBeLessThan(5);
  });
  it("negative control: draws of W(6, Σ) fail the moment test of W(6.5, Σ)", () => {
    const stack = W.wishartSampler(6, SIG3).sampleStack(new Rng(5), N);
    expect(W.momentZScores(stack, 6, SIG3).max).toBeLessThan(5);
    expect(W.momentZScores(stack, 6.5, SIG3).max).toBeGreaterThan(5);
  });
  it("Bartlett and sum-of-outer-products give one law (two-sample KS on log det S and S_12, level 1e-3)", () => {
    const a = W.wishartSampler(5, SIG3).sampleStack(new Rng(6), 5000);
    const b = W.wishartSampler(5, SIG3, { method: "outer" }).sampleStack(new Rng(7), 5000);
    expect(W.ksTwoSample(logDets(a, 3), logDets(b, 3)).pValue).toBeGreaterThan(1e-3);
    expect(W.ksTwoSample(entries(a, 3, 0, 1), entries(b, 3, 0, 1)).pValue).toBeGreaterThan(1e-3);
    const c = W.wishartSampler(6, SIG3, { method: "outer" }).sampleStack(new Rng(8), 5000);
    expect(W.ksTwoSample(logDets(a, 3), logDets(c, 3)).pValue).toBeLessThan(1e-3);
  });
  it("det S / det Σ ~ Π χ²_{n−i+1} (§4.5), KS against independent chi-square products", () => {
    const df = 4.3;
    const a = W.wishartSampler(df, SIG3).sampleStack(new Rng(9), 5000);
    const ldSig = Math.log(W.meanDet(df, SIG3) / (df * (df - 1) * (df - 2)));
    const x = logDets(a, 3).map((v) => v - ldSig);
    const rng = new Rng(10);
    const y = Float64Array.from({ length: 5000 }, () => Math.log(chiSquare(rng, df)) + Math.log(chiSquare(rng, df - 1)) + Math.log(chiSquare(rng, df - 2)));
    expect(W.ksTwoSample(x, y).pValue).toBeGreaterThan(1e-3);
  });
  it("entropy = −E log f, KL = E_1[log f_1 − log f_2], Laplace transform = E e^{−tr(ΘS)} (5 SE)", () => {
    const df = 6.5, S2 = [[1, -0.2, 0], [-0.2, 2, 0.3], [0, 0.3, 1.4]];
    const stack = W.wishartSampler(df, SIG3).sampleStack(new Rng(11), N);
    const l1 = W.logpdfBatch(stack, df, SIG3), l2 = W.logpdfBatch(stack, 8, S2);
    expect(Math.abs(W.zScore(W.meanEstimate(l1.map((v) => -v)), W.entropy(df, SIG3)))).toBeLessThan(5);
    expect(Math.abs(W.zScore(W.meanEstimate(l1.map((v, k) => v - l2[k]!)), W.klDivergence(df, SIG3, 8, S2)))).toBeLessThan(5);
    // the swapped order must fail
    expect(Math.abs(W.zScore(W.meanEstimate(l1.map((v, k) => v - l2[k]!)), W.klDivergence(8, S2, df, SIG3)))).toBeGreaterThan(5);
    const theta = [[0.1, 0.02, 0], [0.02, 0.15, 0], [0, 0, 0.05]];
    const lap = Float64Array.from({ length: N }, (_, k) => {
      let tr = 0;
      for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) tr += theta[i]![j]! * stack[9 * k + 3 * j + i]!;
      return Math.exp(-tr);
    });
    expect(Math.abs(W.zScore(W.meanEstimate(lap), W.laplaceTransform(theta, df, SIG3)))).toBeLessThan(5);
  });
});

describe("congruence closure and Schur complements (V15)", () => {
  const R: Matrix = { rows: 2, cols: 4, data: Float64Array.from([1, 0.5, -0.2, 0.3, 0, 1, 0.4, -1]) };
  const RSR = (M: Matrix) => sym(matmul(matmul(R, M), transpose(R)));
  it("R S Rᵀ ~ W_2(n, R Σ Rᵀ): moments (5 SE), KS on log det and λ_max against direct draws", () => {
    const df = 5.2;
    const stack = mapStack(W.wishartSampler(df, SIG4).sampleStack(new Rng(12), N), 4, 2, RSR);
    const target = RSR({ rows: 4, cols: 4, data: Float64Array.from(SIG4.flat()) });
    expect(W.momentZScores(stack, df, target).max).toBeLessThan(5);
    const direct = W.wishartSampler(df, target).sampleStack(new Rng(13), N);
    const lmax = (s: Float64Array) => Float64Array.from({ length: s.length / 4 }, (_, k) => eigvalsh({ rows: 2, cols: 2, data: s.subarray(4 * k, 4 * k + 4) })[1]!);
    expect(W.ksTwoSample(logDets(stack, 2), logDets(direct, 2)).pValue).toBeGreaterThan(1e-3);
    expect(W.ksTwoSample(lmax(stack), lmax(direct)).pValue).toBeGreaterThan(1e-3);
    // a wrong target (the first two rows of Σ only) is rejected
    expect(W.momentZScores(stack, df, [[2, 0.5], [0.5, 1.5]]).max).toBeGreaterThan(5);
  });
  it("S/S_cc ~ W_{p−k}(n − k, Σ/Σ_cc), uncorrelated with S_cc (5 SE)", () => {
    const df = 7.5, block = [1, 3];
    const raw = W.wishartSampler(df, SIG4).sampleStack(new Rng(14), N);
    const schur = mapStack(raw, 4, 2, (M) => schurComplement(M, block));
    const target = schurComplement({ rows: 4, cols: 4, data: Float64Array.from(SIG4.flat()) }, block);
    expect(W.momentZScores(schur, df - 2, target).max).toBeLessThan(5);
    expect(W.momentZScores(schur, df, target).max).toBeGreaterThan(5); // n, not n − k, is wrong
    const x = entries(schur, 2, 0, 0), y = entries(raw, 4, 1, 1), z = entries(raw, 4, 0, 0);
    const corr = (a: Float64Array, b: Float64Array) => {
      const ma = W.meanEstimate(a).mean, mb = W.meanEstimate(b).mean;
      let sab = 0, saa = 0, sbb = 0;
      for (let k = 0; k < a.length; k++) {
        sab += (a[k]! - ma) * (b[k]! - mb);
        saa += (a[k]! - ma) ** 2;
        sbb += (b[k]! - mb) ** 2;
      }
      return sab / Math.sqrt(saa * sbb);
    };
    expect(Math.abs(corr(x, y)) * Math.sqrt(N)).toBeLessThan(5); // independent of S_cc
    expect(Math.abs(corr(x, z)) * Math.sqrt(N)).toBeGreaterThan(5); // but not of S_ff
  });
});

describe("rank facts (V14)", () => {
  it("n ≥ p: λ_min(S) > 0 on every draw; integer n < p: rank exactly n (singular-value gap > 1e8)", () => {
    const rng = new Rng(15);
    for (const [df, method] of [[4, "outer"], [4, "bartlett"], [9, "bartlett"]] as const) {
      const st = W.wishartSampler(df, SIG4, { method }).sampleStack(rng, 500);
      for (let k = 0; k < 500; k++) expect(eigvalsh({ rows: 4, cols: 4, data: st.subarray(16 * k, 16 * k + 16) })[0]).toBeGreaterThan(0);
    }
    for (const n of [1, 2, 3]) {
      const st = W.wishartSampler(n, SIG4, { method: "outer" }).sampleStack(rng, 200);
      for (let k = 0; k < 200; k++) {
        const s = singularValues({ rows: 4, cols: 4, data: st.slice(16 * k, 16 * k + 16) });
        expect(s[n - 1]! / Math.max(s[n]!, 1e-300)).toBeGreaterThan(1e8);
      }
    }
  });
});

describe("inverse Wishart sampler", () => {
  it("mean Ψ/(n − p − 1) (5 SE) and X⁻¹ ~ W_p(n, Ψ⁻¹) (KS on log det)", () => {
    const df = 12.5, s = W.inverseWishartSampler(df, SIG3);
    const stack = s.sampleStack(new Rng(16), N);
    const m = W.inverseMean(df, SIG3);
    for (let i = 0; i < 3; i++)
      for (let j = 0; j < 3; j++) expect(Math.abs(W.zScore(W.meanEstimate(entries(stack, 3, i, j)), m.data[3 * i + j]!))).toBeLessThan(5);
    const inv = funm({ rows: 3, cols: 3, data: Float64Array.from(SIG3.flat()) }, (x) => 1 / x);
    const direct = W.wishartSampler(df, sym(inv)).sampleStack(new Rng(17), 5000);
    expect(W.ksTwoSample(logDets(stack.subarray(0, 45000), 3).map((v) => -v), logDets(direct, 3)).pValue).toBeGreaterThan(1e-3);
  });
});

// ---------------------------------------------------------------------------------------------
// Complex Wishart (V16) and modular-flow equivariance (P7.4)

const H3: CMatrix = {
  rows: 3,
  cols: 3,
  re: Float64Array.from([2, 0.4, -0.2, 0.4, 1.5, 0.3, -0.2, 0.3, 1]),
  im: Float64Array.from([0, 0.5, 0.1, -0.5, 0, -0.2, -0.1, 0.2, 0]),
};

function cLogDets(draws: CMatrix[]): Float64Array {
  return Float64Array.from(draws, (S) => W.factorHpd(S, "S").logDet);
}

describe("complex Wishart (V16)", () => {
  it("E S = nΣ, E|S_ij − nΣ_ij|² = nΣ_iiΣ_jj, E det S, E log det S, Laplace transform (5 SE)", () => {
    const df = 4.6, p = 3;
    const draws = W.complexSampleMany(new Rng(18), df, H3, N);
    const v = W.complexVariance(df, H3);
    for (let i = 0; i < p; i++)
      for (let j = 0; j < p; j++) {
        const k = i * p + j;
        expect(Math.abs(W.zScore(W.meanEstimate(draws.map((S) => S.re[k]!)), df * H3.re[k]!))).toBeLessThan(5);
        expect(Math.abs(W.zScore(W.meanEstimate(draws.map((S) => S.im[k]!)), df * H3.im[k]!))).toBeLessThan(5);
        const sq = draws.map((S) => (S.re[k]! - df * H3.re[k]!) ** 2 + (S.im[k]! - df * H3.im[k]!) ** 2);
        expect(Math.abs(W.zScore(W.meanEstimate(sq), v.data[k]!))).toBeLessThan(5);
      }
    const ld = cLogDets(draws);
    expect(Math.abs(W.zScore(W.meanEstimate(ld.map(Math.exp)), W.complexMeanDet(df, H3)))).toBeLessThan(5);
    expect(Math.abs(W.zScore(W.meanEstimate(ld), W.complexMeanLogDet(df, H3)))).toBeLessThan(5);
    expect(Math.abs(W.zScore(W.meanEstimate(ld), W.complexMeanLogDet(df + 0.2, H3)))).toBeGreaterThan(5);
    const theta: CMatrix = { rows: 3, cols: 3, re: Float64Array.from([0.2, 0.05, 0, 0.05, 0.1, 0, 0, 0, 0.15]), im: Float64Array.from([0, 0.03, 0, -0.03, 0, 0, 0, 0, 0]) };
    const lap = draws.map((S) => {
      let tr = 0;
      for (let k = 0; k < 9; k++) tr += theta.re[k]! * S.re[k]! + theta.im[k]! * S.im[k]!;
      return Math.exp(-tr);
    });
    expect(Math.abs(W.zScore(W.meanEstimate(lap), W.complexLaplaceTransform(theta, df, H3)))).toBeLessThan(5);
    const lp = draws.map((S) => -W.complexLogpdf(S, df, H3));
    expect(Math.abs(W.zScore(W.meanEstimate(lp), W.complexEntropy(df, H3)))).toBeLessThan(5);
  });
  it("Bartlett (§4.8) against the sum of outer products: two-sample KS on log det and Im S_12", () => {
    const a = W.complexSampleMany(new Rng(19), 5, H3, 4000);
    const b = W.complexSampleMany(new Rng(20), 5, H3, 4000, { method: "outer" });
    expect(W.ksTwoSample(cLogDets(a), cLogDets(b)).pValue).toBeGreaterThan(1e-3);
    expect(W.ksTwoSample(a.map((S) => S.im[1]!), b.map((S) => S.im[1]!)).pValue).toBeGreaterThan(1e-3);
    const c = W.complexSampleMany(new Rng(21), 4, H3, 4000, { method: "outer" });
    expect(W.ksTwoSample(cLogDets(a), cLogDets(c)).pValue).toBeLessThan(1e-3);
  });
});

describe("modular flow U_t = ρ^{it} (P7.4, V16; tolerance 1e-8 with powers)", () => {
  const rho: CMatrix = { rows: 3, cols: 3, re: Float64Array.from([0.5, 0.1, 0, 0.1, 0.3, 0.05, 0, 0.05, 0.2]), im: Float64Array.from([0, 0.05, 0.02, -0.05, 0, 0, -0.02, 0, 0]) };
  const conj = (U: CMatrix, A: CMatrix) => {
    const M = cmatmul(cmatmul(U, A), conjTranspose(U));
    // Hermitian part (rounding)
    const p = M.rows;
    for (let i = 0; i < p; i++) {
      M.im[i * p + i] = 0;
      for (let j = 0; j < i; j++) {
        const r = 0.5 * (M.re[i * p + j]! + M.re[j * p + i]!), m = 0.5 * (M.im[i * p + j]! - M.im[j * p + i]!);
        M.re[i * p + j] = M.re[j * p + i] = r;
        M.im[i * p + j] = m;
        M.im[j * p + i] = -m;
      }
    }
    return M;
  };
  const dist = (A: CMatrix, B: CMatrix) => Math.max(...Array.from(A.re, (x, k) => Math.hypot(x - B.re[k]!, A.im[k]! - B.im[k]!)));
  it("equivariance f_{Σ_t}(U S U*) = f_Σ(S) for every t, whether or not [ρ, Σ] = 0", () => {
    const draws = W.complexSampleMany(new Rng(22), 4.5, H3, 20);
    for (const t of [-2.5, 0.7, 3.1]) {
      const U = powImag(rho, t);
      const St = conj(U, H3);
      for (const S of draws) expect(Math.abs(W.complexLogpdf(conj(U, S), 4.5, St) - W.complexLogpdf(S, 4.5, H3))).toBeLessThan(1e-8 * Math.max(1, Math.abs(W.complexLogpdf(S, 4.5, H3))));
    }
  });
  it("invariance iff [ρ, Σ] = 0: Σ = ρ² + ρ is fixed by the flow, H3 is not", () => {
    const Sc = funm(rho, (x) => x * x + x) as CMatrix;
    const draws = W.complexSampleMany(new Rng(23), 4.5, Sc, 20);
    const U = powImag(rho, 1.3);
    expect(dist(conj(U, Sc), Sc)).toBeLessThan(1e-12);
    for (const S of draws) expect(Math.abs(W.complexLogpdf(conj(U, S), 4.5, Sc) - W.complexLogpdf(S, 4.5, Sc))).toBeLessThan(1e-8 * Math.max(1, Math.abs(W.complexLogpdf(S, 4.5, Sc))));
    expect(dist(conj(U, H3), H3)).toBeGreaterThan(1e-2);
    const d = W.complexSampleMany(new Rng(24), 4.5, H3, 20).map((S) => Math.abs(W.complexLogpdf(conj(U, S), 4.5, H3) - W.complexLogpdf(S, 4.5, H3)));
    expect(Math.max(...d)).toBeGreaterThan(1e-2);
  });
  it("the flowed law: U S U* has mean nΣ_t, not nΣ, when [ρ, Σ] ≠ 0 (5 SE)", () => {
    const U = powImag(rho, 1.3), St = conj(U, H3), df = 4.5;
    const draws = W.complexSampleMany(new Rng(25), df, H3, N).map((S) => conj(U, S));
    const k = 1; // entry (0, 1)
    const est = W.meanEstimate(draws.map((S) => S.im[k]!));
    expect(Math.abs(W.zScore(est, df * St.im[k]!))).toBeLessThan(5);
    expect(Math.abs(W.zScore(est, df * H3.im[k]!))).toBeGreaterThan(5);
  });
});
