// The inverse Wishart law W_p⁻¹(n, Ψ): X = S⁻¹ with S ~ W_p(n, Ψ⁻¹) (MATH §1.7; = SciPy
// `invwishart(df=n, scale=Ψ)`). Its density with respect to du is
//   f(X) = det Ψ^{n/2} det X^{−(n+p+1)/2} e^{−½ tr(Ψ X⁻¹)} / (2^{np/2} Γ_p(n/2))
// (the Jacobian of X ↦ X⁻¹ on Sym_p is det X^{−(p+1)}, MATH §1.3). Moments:
//   E X = Ψ/(n−p−1) (n > p+1),  mode Ψ/(n+p+1),
//   Var X_ij = ((n−p+1)Ψ_ij² + (n−p−1)Ψ_ii Ψ_jj) / ((n−p)(n−p−1)²(n−p−3)) (n > p+3),
//   H = (p+1)/2 · log det Ψ − p(p+1)/2 · log 2 + log Γ_p(n/2) − (n+p+1)/2 · ψ_p(n/2) + np/2
//     (= H(S) − (p+1) E log det S for S ~ W_p(n, Ψ⁻¹)).
import { QgeomError } from "../core/index.js";
import { type Matrix, DEFAULT_SYMMETRY_TOL } from "../linalg/index.js";
import type { Rng } from "../random/index.js";
import { multidigamma, multigammaln } from "./gamma.js";
import { type DensityOptions, type MatrixStack, coordinateShift, toStack } from "./logpdf.js";
import { bartlettFactor, drawMethods, gramInto } from "./sample.js";
import { type RealMatrixInput, type ScaleFactor, checkDf, checkSize, excerpt, factorSpd, toRealMatrix } from "./validate.js";

/** The inverse-Wishart log-density with the scale Ψ factored once. */
export interface InverseWishartLogPdf {
  /** Dimension p (X and Ψ are p×p). */
  readonly p: number;
  /** Degrees of freedom n > p − 1. */
  readonly df: number;
  /** Ψ factored once: Ψ = C Cᵀ, log det Ψ and Ψ⁻¹. */
  readonly scale: ScaleFactor;
  /** The X-independent part (n/2) log det Ψ − (np/2) log 2 − log Γ_p(n/2) (plus the coordinate shift). */
  readonly constant: number;
  /**
   * log f(X) for one symmetric positive-definite X: SHAPE unless X is p×p, NOT_FINITE, NOT_SYMMETRIC
   * beyond DEFAULT_SYMMETRY_TOL relative to the largest entry, NOT_POSITIVE_DEFINITE naming the pivot.
   */
  logpdf(X: RealMatrixInput): number;
  /**
   * log f at each matrix of a stack (Float64Array of count·p² entries, row-major matrices one after
   * another) or of an array of matrices; writes into `out` (length ≥ count) when given and returns it.
   */
  batch(X: MatrixStack | readonly RealMatrixInput[], out?: Float64Array): Float64Array;
}

/** log f(X) − constant: Cholesky X = M Mᵀ, log det X, and tr(Ψ X⁻¹) = ‖M⁻¹ C‖_F² with Ψ = C Cᵀ. */
function kernel(data: Float64Array, off: number, p: number, C: Float64Array, a: number, M: Float64Array, Y: Float64Array, name: string): number {
  let mx = 0, defect = 0;
  for (let i = 0; i < p; i++)
    for (let j = i; j < p; j++) {
      const x = data[off + i * p + j]!, y = data[off + j * p + i]!;
      if (!Number.isFinite(x) || !Number.isFinite(y))
        throw new QgeomError("NOT_FINITE", `${name} has a non-finite entry at (${i}, ${j}); pass finite values`);
      mx = Math.max(mx, Math.abs(x), Math.abs(y));
      defect = Math.max(defect, Math.abs(x - y));
    }
  if (defect > DEFAULT_SYMMETRY_TOL * mx)
    throw new QgeomError("NOT_SYMMETRIC", `${name} (${p}×${p}) is not symmetric: max |X_ij − X_ji| is ${(defect / mx).toExponential(2)} of the largest entry; pass a symmetric X`);
  let logDet = 0;
  for (let i = 0; i < p; i++)
    for (let j = 0; j <= i; j++) {
      let s = j === i ? data[off + i * p + i]! : 0.5 * (data[off + i * p + j]! + data[off + j * p + i]!);
      for (let k = 0; k < j; k++) s -= M[i * p + k]! * M[j * p + k]!;
      if (j === i) {
        if (!(s > 0))
          throw new QgeomError(
            "NOT_POSITIVE_DEFINITE",
            `${name} (${p}×${p}) is not positive definite: Cholesky failed at pivot ${i + 1} of ${p} (value ${Number(s.toPrecision(4))}); pass a symmetric positive-definite X`,
            { pivot: i, value: s },
          );
        M[i * p + i] = Math.sqrt(s);
        logDet += Math.log(s);
      } else M[i * p + j] = s / M[j * p + j]!;
    }
  // Y = M⁻¹ C (both lower triangular, so Y is lower triangular); tr(Ψ X⁻¹) = Σ Y_ij²
  let tr = 0;
  for (let j = 0; j < p; j++)
    for (let i = j; i < p; i++) {
      let s = C[i * p + j]!;
      for (let k = j; k < i; k++) s -= M[i * p + k]! * Y[k * p + j]!;
      const y = s / M[i * p + i]!;
      Y[i * p + j] = y;
      tr += y * y;
    }
  return -a * logDet - 0.5 * tr;
}

/** The W_p⁻¹(df, scale) log-density with Ψ = scale factored once (MATH §1.7). */
export function inverseWishartLogPdf(df: number, scale: RealMatrixInput, options: DensityOptions = {}): InverseWishartLogPdf {
  const sc = factorSpd(scale, "scale");
  const p = sc.p;
  checkDf(df, p, "df", p - 1, "the inverse Wishart law W_p⁻¹(n, Ψ)");
  const constant = 0.5 * df * sc.logDet - 0.5 * df * p * Math.LN2 - multigammaln(df / 2, p) + coordinateShift(p, options.coordinates);
  const a = 0.5 * (df + p + 1);
  const C = sc.L.data;
  const M = new Float64Array(p * p), Y = new Float64Array(p * p);
  return {
    p,
    df,
    scale: sc,
    constant,
    logpdf(X: RealMatrixInput): number {
      const A = toRealMatrix(X, "X");
      checkSize(A, p, "X", "scale");
      return constant + kernel(A.data, 0, p, C, a, M, Y, "X");
    },
    batch(X: MatrixStack | readonly RealMatrixInput[], out?: Float64Array): Float64Array {
      const { data, count } = toStack(X, p, "X");
      const res = out ?? new Float64Array(count);
      if (!(res instanceof Float64Array) || res.length < count) throw new QgeomError("SHAPE", `out must be a Float64Array of length ≥ ${count}, got ${excerpt(out)}; pass a Float64Array with room for ${count} values (or omit out)`);
      for (let k = 0; k < count; k++) res[k] = constant + kernel(data, k * p * p, p, C, a, M, Y, `X[${k}]`);
      return res;
    },
  };
}

/** log f(X) of W_p⁻¹(df, scale) (= SciPy `invwishart.logpdf(X, df, scale)`; du, or ds with `coordinates: "s"`). */
export function inverseLogpdf(X: RealMatrixInput, df: number, scale: RealMatrixInput, options: DensityOptions = {}): number {
  return inverseWishartLogPdf(df, scale, options).logpdf(X);
}

function setup(df: number, scale: RealMatrixInput): ScaleFactor {
  const sc = factorSpd(scale, "scale");
  checkDf(df, sc.p, "df", sc.p - 1, "the inverse Wishart law W_p⁻¹(n, Ψ)");
  return sc;
}

function scaledSym(A: Matrix, c: number): Matrix {
  const p = A.rows, out = new Float64Array(p * p);
  for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) out[i * p + j] = c * 0.5 * (A.data[i * p + j]! + A.data[j * p + i]!);
  return { rows: p, cols: p, data: out };
}

/** E X = Ψ/(n − p − 1), finite for n > p + 1. @throws DOMAIN otherwise. */
export function inverseMean(df: number, scale: RealMatrixInput): Matrix {
  const sc = setup(df, scale);
  if (!(df > sc.p + 1)) throw new QgeomError("DOMAIN", `the inverse-Wishart mean Ψ/(n − p − 1) is finite only for df > p + 1 = ${sc.p + 1}, got df = ${df}; choose a larger df`);
  return scaledSym(sc.matrix, 1 / (df - sc.p - 1));
}

/** mode = Ψ/(n + p + 1). */
export function inverseMode(df: number, scale: RealMatrixInput): Matrix {
  const sc = setup(df, scale);
  return scaledSym(sc.matrix, 1 / (df + sc.p + 1));
}

/** Entrywise variances ((n−p+1)Ψ_ij² + (n−p−1)Ψ_iiΨ_jj)/((n−p)(n−p−1)²(n−p−3)) for n > p + 3 (= SciPy `invwishart.var`). */
export function inverseVariance(df: number, scale: RealMatrixInput): Matrix {
  const sc = setup(df, scale);
  const p = sc.p;
  if (!(df > p + 3)) throw new QgeomError("DOMAIN", `the inverse-Wishart variance is finite only for df > p + 3 = ${p + 3}, got df = ${df}; choose a larger df`);
  const s = scaledSym(sc.matrix, 1).data, out = new Float64Array(p * p);
  const den = (df - p) * (df - p - 1) ** 2 * (df - p - 3);
  for (let i = 0; i < p; i++)
    for (let j = 0; j < p; j++) out[i * p + j] = ((df - p + 1) * s[i * p + j]! ** 2 + (df - p - 1) * s[i * p + i]! * s[j * p + j]!) / den;
  return { rows: p, cols: p, data: out };
}

/** Differential entropy of W_p⁻¹(df, scale) (du by default, = SciPy `invwishart.entropy`; ds with `coordinates: "s"`). */
export function inverseEntropy(df: number, scale: RealMatrixInput, options: DensityOptions = {}): number {
  const sc = setup(df, scale);
  const p = sc.p;
  return (
    0.5 * (p + 1) * sc.logDet -
    0.5 * p * (p + 1) * Math.LN2 +
    multigammaln(df / 2, p) -
    0.5 * (df + p + 1) * multidigamma(df / 2, p) +
    0.5 * df * p -
    coordinateShift(p, options.coordinates)
  );
}

/**
 * A seeded sampler of W_p⁻¹(df, scale): with Ψ = C Cᵀ and the Bartlett factor A of W_p(df, I),
 * S = C⁻ᵀ A Aᵀ C⁻¹ ~ W_p(df, Ψ⁻¹), so X = S⁻¹ = B Bᵀ with B = C A⁻ᵀ (exactly symmetric). Real df > p − 1.
 */
export function inverseWishartSampler(
  df: number,
  scale: RealMatrixInput,
): {
  /** Dimension p. */
  p: number;
  /** Degrees of freedom n > p − 1. */
  df: number;
  /** One draw X ~ W_p⁻¹(n, Ψ), a fresh p×p matrix; advances `rng`. */
  sample(rng: Rng): Matrix;
  /** `count` draws as a MatrixStack (count·p² entries, row-major matrices one after another); advances `rng`. */
  sampleStack(rng: Rng, count: number): Float64Array;
} {
  const sc = setup(df, scale);
  const p = sc.p, C = sc.L.data;
  const A = new Float64Array(p * p), W = new Float64Array(p * p), B = new Float64Array(p * p);
  const into = (rng: Rng, out: Float64Array, off: number): void => {
    bartlettFactor(rng, df, p, A);
    // W = A⁻¹ (lower triangular)
    W.fill(0);
    for (let j = 0; j < p; j++) {
      W[j * p + j] = 1 / A[j * p + j]!;
      for (let i = j + 1; i < p; i++) {
        let s = 0;
        for (let k = j; k < i; k++) s += A[i * p + k]! * W[k * p + j]!;
        W[i * p + j] = -s / A[i * p + i]!;
      }
    }
    // B = C Wᵀ: B_ij = Σ_k C_ik W_jk (k ≤ min(i, j))
    for (let i = 0; i < p; i++)
      for (let j = 0; j < p; j++) {
        let s = 0;
        const m = Math.min(i, j);
        for (let k = 0; k <= m; k++) s += C[i * p + k]! * W[j * p + k]!;
        B[i * p + j] = s;
      }
    gramInto(B, p, p, out, off);
  };
  return { p, df, ...drawMethods(p, into) };
}

/** One draw of W_p⁻¹(df, scale). */
export function inverseSample(rng: Rng, df: number, scale: RealMatrixInput): Matrix {
  return inverseWishartSampler(df, scale).sample(rng);
}
