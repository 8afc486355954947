// The complex Wishart law CW_p(n, Σ), Σ ∈ Herm_p^{++}, real n > p − 1 (MATH §4.8). Density w.r.t.
// du = Π dS_ii Π_{i<j} d Re S_ij d Im S_ij:
//   f(S) = det S^{n−p} e^{−tr(Σ⁻¹S)} / (Γ̃_p(n) det Σ^n);  with respect to ds divide by 2^{p(p−1)/2}.
// Moments: E S = nΣ, E|S_ij − nΣ_ij|² = n Σ_ii Σ_jj, E det S = det Σ Π_{i=0}^{p−1}(n − i),
// E log det S = ψ̃_p(n) + log det Σ with ψ̃_p(n) = Σ_{i=1}^p ψ(n − i + 1),
// Laplace transform E e^{−tr(ΘS)} = det(I + ΣΘ)^{−n} for Θ Hermitian with Σ⁻¹ + Θ ≻ 0,
// entropy H = p log det Σ + log Γ̃_p(n) − (n − p) ψ̃_p(n) + np (du).
// Samplers (Σ = L L*): Bartlett S = L A A* L*, A lower triangular, A_ii² ~ Gamma(n − i + 1, 1) (1-based),
// A_ij ~ CN(0, 1) (i > j); for integer n, S = Σ_ℓ z_ℓ z_ℓ*, z_ℓ = L w_ℓ, w_ℓ ~ CN_p(0, I).
import { QgeomError } from "../core/index.js";
import type { CMatrix } from "../linalg/index.js";
import { type Rng, complexNormal, gamma as gammaVariate } from "../random/index.js";
import { cmultidigamma, cmultigammaln } from "./gamma.js";
import { type HermitianFactor, checkHermitianInput, factorHpd, hermitianCholesky, traceHermitianProduct } from "./hermitian.js";
import { type DensityOptions, coordinateShift } from "./logpdf.js";
import { type SampleOptions, type SamplerMethod, checkCount, checkMethod } from "./sample.js";
import { type ComplexMatrixInput, checkDf, checkSize, excerpt, toComplexMatrix } from "./validate.js";

function setup(df: number, scale: ComplexMatrixInput): HermitianFactor {
  const sc = factorHpd(scale, "scale");
  checkDf(df, sc.p, "df", sc.p - 1, "the complex Wishart law CW_p(n, Σ)");
  return sc;
}

/** The CW_p(df, scale) log-density with the scale factored once. */
export interface ComplexWishartLogPdf {
  /** Dimension p (S and Σ are p×p Hermitian). */
  readonly p: number;
  /** Degrees of freedom n > p − 1 (real). */
  readonly df: number;
  /** Σ factored once: Σ = L L*, log det Σ and Σ⁻¹. */
  readonly scale: HermitianFactor;
  /** The S-independent part −log Γ̃_p(n) − n log det Σ (plus the coordinate shift −p(p−1)/2 · log 2 for ds). */
  readonly constant: number;
  /**
   * log f(S) = constant + (n − p) log det S − tr(Σ⁻¹S) for one Hermitian positive-definite p×p S
   * (SHAPE, NOT_FINITE, NOT_HERMITIAN or NOT_POSITIVE_DEFINITE otherwise).
   */
  logpdf(S: ComplexMatrixInput): number;
}

/** The CW_p(df, scale) log-density (MATH §4.8) with Σ factored once. */
export function complexWishartLogPdf(df: number, scale: ComplexMatrixInput, options: DensityOptions = {}): ComplexWishartLogPdf {
  const sc = setup(df, scale);
  const p = sc.p;
  const constant = -cmultigammaln(df, p) - df * sc.logDet + coordinateShift(p, options.coordinates, true);
  return {
    p,
    df,
    scale: sc,
    constant,
    logpdf(S: ComplexMatrixInput): number {
      const A = toComplexMatrix(S, "S");
      checkSize(A, p, "S", "scale");
      checkHermitianInput(A, "S");
      const L = hermitianCholesky(A, "S");
      let ld = 0;
      for (let i = 0; i < p; i++) ld += Math.log(L.re[i * p + i]!);
      return constant + (df - p) * 2 * ld - traceHermitianProduct(sc.inverse, A);
    },
  };
}

/** log f(S) of CW_p(df, scale) w.r.t. du (default) or ds (MATH §4.8). S, scale Hermitian positive definite. */
export function complexLogpdf(S: ComplexMatrixInput, df: number, scale: ComplexMatrixInput, options: DensityOptions = {}): number {
  return complexWishartLogPdf(df, scale, options).logpdf(S);
}

/** E S = nΣ (complex). */
export function complexMean(df: number, scale: ComplexMatrixInput): CMatrix {
  const sc = setup(df, scale);
  const A = sc.matrix, p = sc.p;
  const re = new Float64Array(p * p), im = new Float64Array(p * p);
  for (let i = 0; i < p; i++)
    for (let j = 0; j < p; j++) {
      re[i * p + j] = 0.5 * df * (A.re[i * p + j]! + A.re[j * p + i]!);
      im[i * p + j] = 0.5 * df * (A.im[i * p + j]! - A.im[j * p + i]!);
    }
  return { rows: p, cols: p, re, im };
}

/** E|S_ij − nΣ_ij|² = n Σ_ii Σ_jj as a real p×p matrix (MATH §4.8). */
export function complexVariance(
  df: number,
  scale: ComplexMatrixInput,
): {
  /** p. */
  rows: number;
  /** p. */
  cols: number;
  /** Row-major p×p real entries n Σ_ii Σ_jj. */
  data: Float64Array;
} {
  const sc = setup(df, scale);
  const p = sc.p, d = sc.matrix.re, out = new Float64Array(p * p);
  for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) out[i * p + j] = df * d[i * p + i]! * d[j * p + j]!;
  return { rows: p, cols: p, data: out };
}

/** E det S = det Σ Π_{i=0}^{p−1}(n − i) (complex, MATH §4.8). */
export function complexMeanDet(df: number, scale: ComplexMatrixInput): number {
  const sc = setup(df, scale);
  let r = Math.exp(sc.logDet);
  for (let i = 0; i < sc.p; i++) r *= df - i;
  return r;
}

/** E log det S = Σ_{i=1}^p ψ(n − i + 1) + log det Σ (complex). */
export function complexMeanLogDet(df: number, scale: ComplexMatrixInput): number {
  const sc = setup(df, scale);
  return cmultidigamma(df, sc.p) + sc.logDet;
}

/** Differential entropy of CW_p(df, scale): p log det Σ + log Γ̃_p(n) − (n − p) ψ̃_p(n) + np (du; ds adds p(p−1)/2 log 2). */
export function complexEntropy(df: number, scale: ComplexMatrixInput, options: DensityOptions = {}): number {
  const sc = setup(df, scale);
  const p = sc.p;
  return p * sc.logDet + cmultigammaln(df, p) - (df - p) * cmultidigamma(df, p) + df * p - coordinateShift(p, options.coordinates, true);
}

/**
 * log E e^{−tr(ΘS)} = −n log det(I + ΣΘ) = −n (log det Σ + log det(Σ⁻¹ + Θ)) for Hermitian Θ with
 * Σ⁻¹ + Θ ≻ 0 (MATH §4.8). @throws DOMAIN outside that set.
 */
export function complexLogLaplaceTransform(theta: ComplexMatrixInput, df: number, scale: ComplexMatrixInput): number {
  const sc = setup(df, scale);
  const T = toComplexMatrix(theta, "theta");
  checkSize(T, sc.p, "theta", "scale");
  checkHermitianInput(T, "theta");
  const p = sc.p;
  const M: CMatrix = { rows: p, cols: p, re: new Float64Array(p * p), im: new Float64Array(p * p) };
  for (let k = 0; k < p * p; k++) {
    M.re[k] = sc.inverse.re[k]! + T.re[k]!;
    M.im[k] = sc.inverse.im[k]! + T.im[k]!;
  }
  let L: CMatrix;
  try {
    L = hermitianCholesky(M, "Σ⁻¹ + theta");
  } catch (e) {
    if (e instanceof QgeomError && e.code === "NOT_POSITIVE_DEFINITE")
      throw new QgeomError("DOMAIN", `theta is outside the domain of the Laplace transform: ${e.message.replace(/; pass.*$/, "")}; E e^{−tr(ΘS)} is finite only when Σ⁻¹ + Θ ≻ 0 (MATH §4.8); choose theta with Σ⁻¹ + Θ positive definite`);
    throw e;
  }
  let ld = 0;
  for (let i = 0; i < p; i++) ld += Math.log(L.re[i * p + i]!);
  return -df * (sc.logDet + 2 * ld);
}

/** E e^{−tr(ΘS)} = det(I + ΣΘ)^{−n} (complex, MATH §4.8). */
export function complexLaplaceTransform(theta: ComplexMatrixInput, df: number, scale: ComplexMatrixInput): number {
  return Math.exp(complexLogLaplaceTransform(theta, df, scale));
}

/** A seeded CW_p(df, scale) sampler with the scale factored once. */
export interface ComplexWishartSampler {
  /** Dimension p. */
  readonly p: number;
  /** Degrees of freedom n (real n > p − 1 for "bartlett", integer 1 ≤ n ≤ 1e6 for "outer"). */
  readonly df: number;
  /** The construction in use (default "bartlett"). */
  readonly method: SamplerMethod;
  /** One draw S ~ CW_p(n, Σ), a fresh exactly Hermitian p×p CMatrix; advances `rng`. */
  sample(rng: Rng): CMatrix;
}

/**
 * A sampler of CW_p(df, scale) (MATH §4.8): "bartlett" (default, real df > p − 1) or "outer"
 * (integer df ≥ 1; df < p gives the singular law of rank df).
 */
export function complexWishartSampler(df: number, scale: ComplexMatrixInput, options: SampleOptions = {}): ComplexWishartSampler {
  const method = checkMethod(options.method);
  const sc = factorHpd(scale, "scale");
  const p = sc.p;
  if (method === "bartlett") checkDf(df, p, "df", p - 1, "the complex Bartlett sampler");
  else if (typeof df !== "number" || !Number.isInteger(df) || df < 1 || df > 1e6)
    throw new QgeomError("INVALID_ARGUMENT", `method "outer" sums df outer products and needs an integer df in [1, 1e6], got ${excerpt(df)}; use method "bartlett" for real df > p − 1`);
  const lr = sc.L.re, li = sc.L.im;
  const m = method === "bartlett" ? p : df;
  const ar = new Float64Array(p * m), ai = new Float64Array(p * m);
  const br = new Float64Array(p * m), bi = new Float64Array(p * m);
  return {
    p,
    df,
    method,
    sample(rng: Rng): CMatrix {
      ar.fill(0);
      ai.fill(0);
      if (method === "bartlett") {
        for (let i = 0; i < p; i++) {
          for (let j = 0; j < i; j++) {
            const z = complexNormal(rng);
            ar[i * p + j] = z.re;
            ai[i * p + j] = z.im;
          }
          ar[i * p + i] = Math.sqrt(gammaVariate(rng, df - i, 1));
        }
      } else {
        for (let k = 0; k < p * m; k++) {
          const z = complexNormal(rng);
          ar[k] = z.re;
          ai[k] = z.im;
        }
      }
      // B = L A (p×m), L lower triangular
      for (let i = 0; i < p; i++)
        for (let l = 0; l < m; l++) {
          let sr = 0, si = 0;
          for (let k = 0; k <= i; k++) {
            const xr = lr[i * p + k]!, xi = li[i * p + k]!, yr = ar[k * m + l]!, yi = ai[k * m + l]!;
            sr += xr * yr - xi * yi;
            si += xr * yi + xi * yr;
          }
          br[i * m + l] = sr;
          bi[i * m + l] = si;
        }
      // S = B B*, exactly Hermitian
      const re = new Float64Array(p * p), im = new Float64Array(p * p);
      for (let i = 0; i < p; i++)
        for (let j = 0; j <= i; j++) {
          let sr = 0, si = 0;
          for (let l = 0; l < m; l++) {
            const xr = br[i * m + l]!, xi = bi[i * m + l]!, yr = br[j * m + l]!, yi = -bi[j * m + l]!;
            sr += xr * yr - xi * yi;
            si += xr * yi + xi * yr;
          }
          re[i * p + j] = sr;
          re[j * p + i] = sr;
          im[i * p + j] = i === j ? 0 : si;
          im[j * p + i] = i === j ? 0 : -si;
        }
      return { rows: p, cols: p, re, im };
    },
  };
}

/** One draw of CW_p(df, scale). */
export function complexSample(rng: Rng, df: number, scale: ComplexMatrixInput, options: SampleOptions = {}): CMatrix {
  return complexWishartSampler(df, scale, options).sample(rng);
}

/** `count` draws of CW_p(df, scale). */
export function complexSampleMany(rng: Rng, df: number, scale: ComplexMatrixInput, count: number, options: SampleOptions = {}): CMatrix[] {
  const s = complexWishartSampler(df, scale, options);
  return Array.from({ length: checkCount(count) }, () => s.sample(rng));
}
