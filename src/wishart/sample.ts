// Seeded samplers of the real Wishart law W_p(n, Σ), Σ = L Lᵀ (MATH §4.1, §4.5, §4.6).
//   "bartlett" (real n > p − 1): S = L A Aᵀ Lᵀ, A lower triangular, A_ii = √c_i with
//              c_i ~ χ²_{n−i+1} (1-based i), A_ij ~ N(0,1) (i > j), all independent.
//   "outer"    (integer n ≥ 1):  S = Σ_{ℓ=1}^n x_ℓ x_ℓᵀ, x_ℓ = L z_ℓ, z_ℓ ~ N(0, I_p). For n < p this is
//              the singular Wishart law (rank n a.s., on the boundary of the cone, MATH §4.6).
// Draw order (reproducible): Bartlett fills A row by row (for i: N(0,1) for j < i, then c_i);
// "outer" fills Z (p×n) row-major with fillStandardNormal.
import { QgeomError } from "../core/index.js";
import type { Matrix } from "../linalg/index.js";
import { type Rng, chiSquare, fillStandardNormal, standardNormal } from "../random/index.js";
import { type RealMatrixInput, type ScaleFactor, checkDf, excerpt, factorSpd } from "./validate.js";

/** Sampling construction: Bartlett decomposition or sum of outer products. */
export type SamplerMethod = "bartlett" | "outer";

/** Options of the samplers. */
export interface SampleOptions {
  /** "bartlett" (default; any real df > p − 1) or "outer" (integer df ≥ 1, also df < p: singular Wishart). */
  method?: SamplerMethod;
}

/** A W_p(df, scale) sampler with the scale factored once. */
export interface WishartSampler {
  /** Dimension p. */
  readonly p: number;
  /** Degrees of freedom n (real n > p − 1 for "bartlett", integer n ≥ 1 for "outer"). */
  readonly df: number;
  /** The construction in use (default "bartlett"). */
  readonly method: SamplerMethod;
  /** One draw. */
  sample(rng: Rng): Matrix;
  /** Writes one draw (p² entries, row-major, exactly symmetric) into out[off ..]. */
  sampleInto(rng: Rng, out: Float64Array, off?: number): void;
  /** `count` draws as a stack of count·p² entries (the layout of `logpdfBatch`). */
  sampleStack(rng: Rng, count: number): Float64Array;
}

function checkRng(rng: unknown): Rng {
  if (typeof rng !== "object" || rng === null || typeof (rng as Rng).random !== "function")
    throw new QgeomError("INVALID_ARGUMENT", `rng must be a random.Rng, got ${excerpt(rng)}; pass e.g. new Rng(7)`);
  return rng as Rng;
}

export function checkMethod(method: unknown): SamplerMethod {
  if (method === undefined) return "bartlett";
  if (method !== "bartlett" && method !== "outer")
    throw new QgeomError("INVALID_ARGUMENT", `method must be "bartlett" or "outer", got ${excerpt(method)}; pass "bartlett" or "outer"`);
  return method;
}

export function checkCount(count: unknown): number {
  if (typeof count !== "number" || !Number.isInteger(count) || count < 0 || count > 1e8)
    throw new QgeomError("INVALID_ARGUMENT", `count must be a non-negative integer (≤ 1e8), got ${excerpt(count)}; pass a whole number such as 1000`);
  return count;
}

/** out[off ..] = B Bᵀ for a p×m matrix B (row-major), exactly symmetric. */
export function gramInto(B: Float64Array, p: number, m: number, out: Float64Array, off: number): void {
  for (let i = 0; i < p; i++)
    for (let j = 0; j <= i; j++) {
      let s = 0;
      for (let k = 0; k < m; k++) s += B[i * m + k]! * B[j * m + k]!;
      out[off + i * p + j] = s;
      out[off + j * p + i] = s;
    }
}

/** B = L A for lower-triangular L and A (p×p), lower triangular. */
function lowerProduct(L: Float64Array, A: Float64Array, p: number, B: Float64Array): void {
  for (let i = 0; i < p; i++)
    for (let j = 0; j < p; j++) {
      let s = 0;
      for (let k = j; k <= i; k++) s += L[i * p + k]! * A[k * p + j]!;
      B[i * p + j] = s;
    }
}

/** Fills the Bartlett factor A (lower triangular) for W_p(df, I). */
export function bartlettFactor(rng: Rng, df: number, p: number, A: Float64Array): void {
  A.fill(0);
  for (let i = 0; i < p; i++) {
    for (let j = 0; j < i; j++) A[i * p + j] = standardNormal(rng);
    A[i * p + i] = Math.sqrt(chiSquare(rng, df - i));
  }
}

/** `sample` and `sampleStack` of a sampler whose `into(rng, out, off)` writes one p×p draw into out[off ..]. */
export function drawMethods(
  p: number,
  into: (rng: Rng, out: Float64Array, off: number) => void,
): { sample(rng: Rng): Matrix; sampleStack(rng: Rng, count: number): Float64Array } {
  return {
    sample(rng: Rng): Matrix {
      const out = new Float64Array(p * p);
      into(rng, out, 0);
      return { rows: p, cols: p, data: out };
    },
    sampleStack(rng: Rng, count: number): Float64Array {
      checkCount(count);
      const out = new Float64Array(count * p * p);
      for (let k = 0; k < count; k++) into(rng, out, k * p * p);
      return out;
    },
  };
}

/**
 * A sampler of W_p(df, scale) (MATH §4.5). "bartlett" needs df > p − 1 (real); "outer" needs an
 * integer df ≥ 1 and gives the singular Wishart law when df < p (MATH §4.6).
 */
export function wishartSampler(df: number, scale: RealMatrixInput, options: SampleOptions = {}): WishartSampler {
  const method = checkMethod(options.method);
  const sc: ScaleFactor = factorSpd(scale, "scale");
  const p = sc.p;
  if (method === "bartlett") checkDf(df, p, "df", p - 1, "the Bartlett sampler");
  else if (typeof df !== "number" || !Number.isInteger(df) || df < 1 || df > 1e6)
    throw new QgeomError("INVALID_ARGUMENT", `method "outer" sums df outer products and needs an integer df in [1, 1e6], got ${excerpt(df)}; use method "bartlett" for real df > p − 1`);
  const L = sc.L.data;
  const A = new Float64Array(method === "bartlett" ? p * p : p * df);
  const B = new Float64Array(A.length);
  const sampleInto = (rng: Rng, out: Float64Array, off = 0): void => {
    checkRng(rng);
    if (method === "bartlett") {
      bartlettFactor(rng, df, p, A);
      lowerProduct(L, A, p, B);
      gramInto(B, p, p, out, off);
    } else {
      fillStandardNormal(rng, A); // Z, p×df
      for (let i = 0; i < p; i++)
        for (let l = 0; l < df; l++) {
          let s = 0;
          for (let k = 0; k <= i; k++) s += L[i * p + k]! * A[k * df + l]!;
          B[i * df + l] = s;
        }
      gramInto(B, p, df, out, off);
    }
  };
  return { p, df, method, sampleInto, ...drawMethods(p, sampleInto) };
}

/** One draw of W_p(df, scale) (MATH §4.5); `method` as in {@link wishartSampler}. */
export function sample(rng: Rng, df: number, scale: RealMatrixInput, options: SampleOptions = {}): Matrix {
  return wishartSampler(df, scale, options).sample(rng);
}

/** `count` independent draws of W_p(df, scale). */
export function sampleMany(rng: Rng, df: number, scale: RealMatrixInput, count: number, options: SampleOptions = {}): Matrix[] {
  const s = wishartSampler(df, scale, options);
  return Array.from({ length: checkCount(count) }, () => s.sample(rng));
}
