// The real Wishart log-density (MATH §4.1), evaluated through Cholesky factorisations:
//   log f(S) = (n−p−1)/2 · log det S − ½ tr(Σ⁻¹S) − (np/2) log 2 − (n/2) log det Σ − log Γ_p(n/2)
// with respect to du = Π_{i≤j} dS_ij (the measure of SciPy, TFP, PyTorch, SymPy, Mathematica);
// with respect to ds (Frobenius-orthonormal coordinates, §1.3) subtract p(p−1)/4 · log 2.
// Σ is factored once; each S costs one Cholesky (p³/6 multiply-adds) and one p×p inner product.
import { QgeomError } from "../core/index.js";
import { DEFAULT_SYMMETRY_TOL } from "../linalg/index.js";
import { multigammaln } from "./gamma.js";
import { type RealMatrixInput, type ScaleFactor, checkDf, checkSize, excerpt, factorSpd, toRealMatrix } from "./validate.js";

/** Coordinates on Sym_p (MATH §1.3): "u" = vech entries (du, the libraries' measure), "s" = svec (ds = 2^{p(p−1)/4} du). */
export type Coordinates = "u" | "s";

/** Options of the Wishart densities. */
export interface DensityOptions {
  /** Reference measure: "u" (default, du) or "s" (ds = 2^{p(p−1)/4} du real, 2^{p(p−1)/2} du complex). */
  coordinates?: Coordinates;
}

/** log of the density ratio du/ds: −p(p−1)/4 · log 2 (real) or −p(p−1)/2 · log 2 (complex). */
export function coordinateShift(p: number, coordinates: Coordinates | undefined, complex = false): number {
  if (coordinates === undefined || coordinates === "u") return 0;
  if (coordinates !== "s") throw new QgeomError("INVALID_ARGUMENT", `coordinates must be "u" or "s" (MATH §1.3), got ${excerpt(coordinates)}; pass "u" or "s"`);
  return (-(p * (p - 1)) / (complex ? 2 : 4)) * Math.LN2;
}

/** A stack of count p×p matrices, row-major one after another: entry (i, j) of matrix k is data[k·p² + i·p + j]. */
export type MatrixStack = Float64Array;

/**
 * Wishart W_p(n, Σ) log-density with Σ factored once, for evaluating many S (MATH §4.1).
 * `logpdf(S)` for one matrix; `batch(stack)` for a packed stack or an array of matrices.
 */
export interface WishartLogPdf {
  /** Dimension p (S and Σ are p×p). */
  readonly p: number;
  /** Degrees of freedom n > p − 1. */
  readonly df: number;
  /** Σ factored once: Cholesky factor, log det Σ and Σ⁻¹. */
  readonly scale: ScaleFactor;
  /** The S-independent part −(np/2) log 2 − (n/2) log det Σ − log Γ_p(n/2) (plus the coordinate shift). */
  readonly constant: number;
  /** log f(S) for one symmetric positive-definite S. */
  logpdf(S: RealMatrixInput): number;
  /**
   * log f at each matrix of a stack (Float64Array of count·p² entries, row-major matrices one after
   * another) or of an array of matrices; writes into `out` (length count) when given.
   */
  batch(S: MatrixStack | readonly RealMatrixInput[], out?: Float64Array): Float64Array;
}

/**
 * log f(S) − constant for the matrix at data[off .. off + p²): Cholesky of the symmetric part of S
 * into `work`, log det S from its pivots, tr(Σ⁻¹S) against the precision `P`. Throws naming `name`.
 */
function kernel(data: Float64Array, off: number, p: number, P: Float64Array, a: number, work: Float64Array, name: string): number {
  // symmetry defect, finiteness and tr(P S) in one pass (P symmetric: Σ P_ij S_ij = tr(P sym(S)))
  let mx = 0, defect = 0, tr = 0;
  for (let i = 0; i < p; i++) {
    const ri = off + i * p, pi = i * p;
    const d = data[ri + i]!;
    tr += P[pi + i]! * d;
    const ad = Math.abs(d);
    if (ad > mx) mx = ad;
    for (let j = i + 1; j < p; j++) {
      const x = data[ri + j]!, y = data[off + j * p + i]!;
      tr += P[pi + j]! * (x + y);
      const ax = Math.abs(x), ay = Math.abs(y), e = Math.abs(x - y);
      if (ax > mx) mx = ax;
      if (ay > mx) mx = ay;
      if (e > defect) defect = e;
    }
  }
  if (!(tr - tr === 0) || !(defect - defect === 0)) nonFinite(data, off, p, name);
  if (defect > DEFAULT_SYMMETRY_TOL * mx)
    throw new QgeomError(
      "NOT_SYMMETRIC",
      `${name} (${p}×${p}) is not symmetric: max |S_ij − S_ji| is ${(defect / mx).toExponential(2)} of the largest entry (tolerance ${DEFAULT_SYMMETRY_TOL}); the Wishart density lives on symmetric matrices, pass a symmetric S`,
      { defect: defect / mx },
    );
  // Cholesky–Banachiewicz on the symmetric part (reciprocal pivots kept in work[p² + j]); det S = Π L_ii²,
  // accumulated with rescaling so that it cannot overflow
  const inv = p * p;
  let prod = 1, logAcc = 0;
  for (let i = 0; i < p; i++) {
    const ri = i * p, oi = off + ri;
    for (let j = 0; j < i; j++) {
      const rj = j * p;
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0, k = 0;
      for (; k + 3 < j; k += 4) {
        s0 += work[ri + k]! * work[rj + k]!;
        s1 += work[ri + k + 1]! * work[rj + k + 1]!;
        s2 += work[ri + k + 2]! * work[rj + k + 2]!;
        s3 += work[ri + k + 3]! * work[rj + k + 3]!;
      }
      for (; k < j; k++) s0 += work[ri + k]! * work[rj + k]!;
      work[ri + j] = (0.5 * (data[oi + j]! + data[off + rj + i]!) - (s0 + s1 + (s2 + s3))) * work[inv + j]!;
    }
    let s0 = 0, s1 = 0, k = 0;
    for (; k + 1 < i; k += 2) {
      const x = work[ri + k]!, y = work[ri + k + 1]!;
      s0 += x * x;
      s1 += y * y;
    }
    if (k < i) s0 += work[ri + k]! * work[ri + k]!;
    const d = data[oi + i]! - (s0 + s1);
    if (!(d > 0)) notPd(name, p, i, d);
    const l = Math.sqrt(d);
    work[ri + i] = l;
    work[inv + i] = 1 / l;
    prod *= d;
    if (prod > 1e250 || prod < 1e-250) {
      logAcc += Math.log(prod);
      prod = 1;
    }
  }
  return a * (logAcc + Math.log(prod)) - 0.5 * tr;
}

function nonFinite(data: Float64Array, off: number, p: number, name: string): never {
  for (let k = 0; k < p * p; k++)
    if (!Number.isFinite(data[off + k]!))
      throw new QgeomError("NOT_FINITE", `${name} has a non-finite entry ${data[off + k]} at (${Math.floor(k / p)}, ${k % p}); pass finite values`);
  throw new QgeomError("NOT_FINITE", `${name}: the density is not finite (entries too large); rescale S`);
}

function notPd(name: string, p: number, i: number, s: number): never {
  throw new QgeomError(
    "NOT_POSITIVE_DEFINITE",
    `${name} (${p}×${p}) is not positive definite: Cholesky failed at pivot ${i + 1} of ${p} (value ${Number(s.toPrecision(4))}); the Wishart density is defined on the open cone Sym_p^{++} (MATH §4.6), pass a symmetric positive-definite S`,
    { pivot: i, value: s },
  );
}

/** Validates and unpacks a batch argument into one packed stack. */
export function toStack(S: MatrixStack | readonly RealMatrixInput[], p: number, name = "S"): { data: Float64Array; count: number } {
  if (S instanceof Float64Array) {
    const p2 = p * p;
    if (S.length % p2 !== 0)
      throw new QgeomError("SHAPE", `${name}: a stack of ${p}×${p} matrices needs a multiple of ${p2} entries, got ${S.length}; pass count·p² values, matrices row-major one after another`);
    return { data: S, count: S.length / p2 };
  }
  if (!Array.isArray(S)) throw new QgeomError("INVALID_ARGUMENT", `${name} must be a Float64Array stack or an array of matrices, got ${excerpt(S)}; pass a Float64Array of p×p blocks or an array of matrices`);
  const count = S.length;
  const data = new Float64Array(count * p * p);
  S.forEach((x, k) => {
    const M = toRealMatrix(x as RealMatrixInput, `${name}[${k}]`);
    checkSize(M, p, `${name}[${k}]`, "scale");
    data.set(M.data, k * p * p);
  });
  return { data, count };
}

/**
 * The W_p(df, scale) log-density with the scale factored once (MATH §4.1). Use it to evaluate many
 * S against one (df, Σ): `const f = wishartLogPdf(5, Sigma); f.logpdf(S); f.batch(stack)`.
 * @throws QgeomError when df ≤ p − 1 or scale is not symmetric positive definite (named "scale").
 */
export function wishartLogPdf(df: number, scale: RealMatrixInput, options: DensityOptions = {}): WishartLogPdf {
  const sc = factorSpd(scale, "scale");
  const p = sc.p;
  checkDf(df, p);
  const constant = -0.5 * df * p * Math.LN2 - 0.5 * df * sc.logDet - multigammaln(df / 2, p) + coordinateShift(p, options.coordinates);
  const a = 0.5 * (df - p - 1);
  const P = sc.inverse.data;
  const work = new Float64Array(p * p + p);
  return {
    p,
    df,
    scale: sc,
    constant,
    logpdf(S: RealMatrixInput): number {
      const M = toRealMatrix(S, "S");
      checkSize(M, p, "S", "scale");
      return constant + kernel(M.data, 0, p, P, a, work, "S");
    },
    batch(S: MatrixStack | readonly RealMatrixInput[], out?: Float64Array): Float64Array {
      const { data, count } = toStack(S, p);
      const res = out ?? new Float64Array(count);
      if (!(res instanceof Float64Array) || res.length < count)
        throw new QgeomError("SHAPE", `out must be a Float64Array of length ≥ ${count}, got ${excerpt(out)}; pass a Float64Array with room for ${count} values (or omit out)`);
      const p2 = p * p;
      for (let k = 0; k < count; k++) res[k] = constant + kernel(data, k * p2, p, P, a, work, `S[${k}]`);
      return res;
    },
  };
}

/**
 * log f(S) of the Wishart law W_p(df, scale) (MATH §4.1) with respect to du (default; = SciPy
 * `wishart.logpdf(S, df, scale)`) or ds (`coordinates: "s"`). S and scale must be symmetric positive
 * definite and of equal size, df > p − 1 real.
 */
export function logpdf(S: RealMatrixInput, df: number, scale: RealMatrixInput, options: DensityOptions = {}): number {
  return wishartLogPdf(df, scale, options).logpdf(S);
}

/** log f at each matrix of a stack (count·p² entries) or an array of matrices; see {@link wishartLogPdf}. */
export function logpdfBatch(S: MatrixStack | readonly RealMatrixInput[], df: number, scale: RealMatrixInput, out?: Float64Array, options: DensityOptions = {}): Float64Array {
  return wishartLogPdf(df, scale, options).batch(S, out);
}

/** The density f(S) = exp(log f(S)) (may underflow to 0 far in the tails; prefer logpdf). */
export function pdf(S: RealMatrixInput, df: number, scale: RealMatrixInput, options: DensityOptions = {}): number {
  return Math.exp(logpdf(S, df, scale, options));
}

