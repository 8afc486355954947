// Numeric checks of the Wishart statements as library functions (for tests and proofs/, MATH §9
// V13–V16): normalisation by quadrature and sampler moments as z-scores.
import type { CMatrix, Matrix } from "../linalg/index.js";
import type { Rng } from "../random/index.js";
import { complexWishartLogPdf } from "./complex.js";
import { cmultigammaln, multigammaln } from "./gamma.js";
import { wishartLogPdf } from "./logpdf.js";
import { meanDet, meanLogDet } from "./moments.js";
import { type ConeIntegralOptions, integrateOverCone } from "./quadrature.js";
import { type SampleOptions, wishartSampler } from "./sample.js";
import { type MeanEstimate, meanEstimate, zScore } from "./statistics.js";
import { type ComplexMatrixInput, type RealMatrixInput, checkDf, factorSpd } from "./validate.js";

/** A quadrature value against its closed form. */
export interface QuadratureCheck {
  /** The quadrature value ∫ f du (exp of the log-space sum). */
  readonly integral: number;
  /** The closed form: Γ_p(a), Γ̃_p(a) or 1 for a density. */
  readonly expected: number;
  /** |integral − expected| / |expected|. */
  readonly relativeError: number;
  /** Number of integrand evaluations (quadrature nodes). */
  readonly evaluations: number;
}

/**
 * V13/V16: ∫ det S^{a−(p+1)/2} e^{−tr S} du = Γ_p(a) (real) or ∫ det S^{a−p} e^{−tr S} du = Γ̃_p(a)
 * (complex) for p = 1, 2, by {@link integrateOverCone}. Compared in log space (relative error of the value).
 * log det S comes from the parametrisation, so the real case can use the wide default range [−6, 4]
 * (needed when a is close to (p − 1)/2, where the integrand is nearly singular at the boundary).
 */
export function gammaNormalisation(p: number, a: number, options: ConeIntegralOptions = {}): QuadratureCheck {
  const complex = options.field === "complex";
  const expectedLog = complex ? cmultigammaln(a, p) : multigammaln(a, p);
  const power = complex ? a - p : a - (p + 1) / 2;
  const r = integrateOverCone(
    p,
    (S, logDet) => {
      const d = (S as Matrix).data ?? (S as CMatrix).re;
      let tr = 0;
      for (let i = 0; i < p; i++) tr += d[i * p + i]!;
      return power * logDet - tr;
    },
    { range: complex ? [-4, 4] : [-6, 4], ...options },
  );
  return { integral: r.value, expected: Math.exp(expectedLog), relativeError: Math.abs(Math.expm1(r.log - expectedLog)), evaluations: r.evaluations };
}

/**
 * ∫ f du = 1 for the real (or, with `field: "complex"`, complex) Wishart density of df and scale, p = 1, 2,
 * integrating the numeric logpdf (reference matrix = scale). Nodes too close to the boundary for the
 * rounded S to stay positive definite are excluded by the default range [−2.4, 4] (t_ii ≥ 1.5·10⁻⁶ relative to the reference),
 * where the truncated mass is below 1e-10 for df ≥ p + 2.
 */
export function densityMass(df: number, scale: RealMatrixInput | ComplexMatrixInput, options: ConeIntegralOptions = {}): QuadratureCheck {
  const complex = options.field === "complex";
  const opts: ConeIntegralOptions = { range: [-2.4, 4], ...options, reference: scale };
  const r = complex
    ? (() => {
        const f = complexWishartLogPdf(df, scale as ComplexMatrixInput);
        return integrateOverCone(f.p, (S) => f.logpdf(S as CMatrix), opts);
      })()
    : (() => {
        const f = wishartLogPdf(df, scale as RealMatrixInput);
        return integrateOverCone(f.p, (S) => f.logpdf(S as Matrix), opts);
      })();
  return { integral: r.value, expected: 1, relativeError: Math.abs(r.value - 1), evaluations: r.evaluations };
}

/** z-scores of sampler moments against MATH §4.2 (|z| ≤ 5 is the MC criterion of §9). */
export interface MomentZScores {
  /** (mean of S_ij − nΣ_ij)/SE, p×p row-major. */
  readonly mean: Float64Array;
  /** (mean of (S_ij − nΣ_ij)² − n(Σ_ij² + Σ_iiΣ_jj))/SE, p×p row-major. */
  readonly variance: Float64Array;
  /** E det S against det Σ Π(n − i). */
  readonly det: number;
  /** E log det S against ψ_p(n/2) + p log 2 + log det Σ. */
  readonly logDet: number;
  /** The largest |z| of all the above. */
  readonly max: number;
}

/** V13: draws `count` samples of W_p(df, scale) and returns the z-scores of mean, variance, E det S and E log det S. */
export function samplerMoments(rng: Rng, df: number, scale: RealMatrixInput, count: number, options: SampleOptions = {}): MomentZScores {
  const sc = factorSpd(scale, "scale");
  checkDf(df, sc.p);
  return momentZScores(wishartSampler(df, scale, options).sampleStack(rng, count), df, scale);
}

/**
 * z-scores of the moments of a stack of p×p samples (count·p² entries) against W_p(df, scale)
 * (MATH §4.2): mean nΣ, Var(S_ij) = n(Σ_ij² + Σ_iiΣ_jj) (from (S_ij − nΣ_ij)², unbiased), E det S, E log det S.
 */
export function momentZScores(stack: Float64Array, df: number, scale: RealMatrixInput): MomentZScores {
  const sc = factorSpd(scale, "scale");
  const p = sc.p;
  checkDf(df, p);
  const count = stack.length / (p * p);
  const Sg = sc.matrix.data;
  const col = new Float64Array(count), sq = new Float64Array(count);
  const mean = new Float64Array(p * p), variance = new Float64Array(p * p);
  for (let i = 0; i < p; i++)
    for (let j = 0; j < p; j++) {
      const m = df * Sg[i * p + j]!;
      for (let k = 0; k < count; k++) {
        const x = stack[k * p * p + i * p + j]!;
        col[k] = x;
        sq[k] = (x - m) ** 2;
      }
      mean[i * p + j] = zScore(meanEstimate(col), m);
      variance[i * p + j] = zScore(meanEstimate(sq), df * (Sg[i * p + j]! ** 2 + Sg[i * p + i]! * Sg[j * p + j]!));
    }
  const dets = new Float64Array(count), logDets = new Float64Array(count);
  for (let k = 0; k < count; k++) {
    const ld = logDetOf(stack, k * p * p, p);
    logDets[k] = ld;
    dets[k] = Math.exp(ld);
  }
  const det = zScore(meanEstimate(dets), meanDet(df, scale));
  const logDet = zScore(meanEstimate(logDets), meanLogDet(df, scale));
  let max = Math.max(Math.abs(det), Math.abs(logDet));
  for (let k = 0; k < p * p; k++) max = Math.max(max, Math.abs(mean[k]!), Math.abs(variance[k]!));
  return { mean, variance, det, logDet, max };
}

/** log det of the p×p matrix at stack[off ..] by Cholesky (−Infinity if not positive definite). */
export function logDetOf(stack: Float64Array, off: number, p: number): number {
  const L = new Float64Array(p * p);
  let ld = 0;
  for (let i = 0; i < p; i++)
    for (let j = 0; j <= i; j++) {
      let s = stack[off + i * p + j]!;
      for (let k = 0; k < j; k++) s -= L[i * p + k]! * L[j * p + k]!;
      if (i === j) {
        if (!(s > 0)) return -Infinity;
        L[i * p + i] = Math.sqrt(s);
        ld += Math.log(s);
      } else L[i * p + j] = s / L[j * p + j]!;
    }
  return ld;
}

export type { MeanEstimate };
