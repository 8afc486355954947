// Argument checks shared by the numeric Wishart functions. Every failure is a QgeomError that names
// the argument, shows its shape or value, and says what to pass instead.
import { QgeomError, excerpt } from "../core/index.js";
import { type CMatrix, type Matrix, cholesky, cmatrix, isComplex, matrix } from "../linalg/index.js";

export { excerpt };

/** A real matrix: a linalg `Matrix` or an array of rows. */
export type RealMatrixInput = Matrix | readonly (readonly number[])[];
/** A complex matrix: a linalg `CMatrix`, `{re, im}` arrays of rows, or a real matrix (zero imaginary part). */
export type ComplexMatrixInput =
  | CMatrix
  | Matrix
  | {
      /** Real parts, as rows. */
      re: number[][];
      /** Imaginary parts, as rows of the same shape (default all zero). */
      im?: number[][];
    }
  | readonly (readonly number[])[];

function isMatrixObject(x: unknown): x is Matrix {
  return typeof x === "object" && x !== null && (x as Matrix).data instanceof Float64Array && Number.isInteger((x as Matrix).rows);
}

/** A linalg `Matrix` from either form (arrays are copied and checked for finite entries). */
export function toRealMatrix(x: RealMatrixInput, name: string): Matrix {
  if (Array.isArray(x)) return matrix(x as number[][], name);
  if (isMatrixObject(x)) {
    if (x.rows * x.cols !== x.data.length || x.rows < 1 || x.cols < 1)
      throw new QgeomError("SHAPE", `${name} claims ${x.rows}×${x.cols} but holds ${x.data.length} entries; pass {rows, cols, data} with rows·cols entries`);
    return x;
  }
  if (typeof x === "object" && x !== null && (x as unknown as CMatrix).re !== undefined)
    throw new QgeomError("INVALID_ARGUMENT", `${name} is complex; the real Wishart law needs a real symmetric matrix (use the complex-Wishart functions for Hermitian input)`);
  throw new QgeomError("INVALID_ARGUMENT", `${name} must be a matrix (array of rows or {rows, cols, data}), got ${excerpt(x)}; pass e.g. [[2, 1], [1, 2]]`);
}

/** A linalg `CMatrix` from any of the accepted forms. */
export function toComplexMatrix(x: ComplexMatrixInput, name: string): CMatrix {
  if (Array.isArray(x)) return cmatrix({ re: x as number[][] }, name);
  if (typeof x === "object" && x !== null) {
    const c = x as CMatrix;
    if (c.re instanceof Float64Array && c.im instanceof Float64Array) {
      if (c.re.length !== c.rows * c.cols || c.im.length !== c.rows * c.cols)
        throw new QgeomError("SHAPE", `${name} claims ${c.rows}×${c.cols} but its re/im parts hold ${c.re.length}/${c.im.length} entries; pass re and im with rows·cols entries each`);
      return c;
    }
    if (Array.isArray((x as { re?: unknown }).re)) return cmatrix(x as { re: number[][]; im?: number[][] }, name);
    if (isMatrixObject(x)) return { rows: x.rows, cols: x.cols, re: x.data, im: new Float64Array(x.data.length) };
  }
  throw new QgeomError("INVALID_ARGUMENT", `${name} must be a complex matrix ({re, im} rows or {rows, cols, re, im}), got ${excerpt(x)}; pass e.g. {re: [[2, 0], [0, 2]], im: [[0, 1], [-1, 0]]}`);
}

/** A real number `df > p − 1` (MATH §1.7: the Wishart law W_p(n, Σ) has a density exactly then). */
export function checkDf(df: unknown, p: number, name = "df", min = p - 1, what = "the Wishart law W_p(n, Σ)"): number {
  if (typeof df !== "number" || !Number.isFinite(df))
    throw new QgeomError("INVALID_ARGUMENT", `${name} (degrees of freedom) must be a finite real number, got ${excerpt(df)}; pass a number greater than p − 1`);
  if (!(df > min))
    throw new QgeomError(
      "INVALID_ARGUMENT",
      `${name} = ${df} is too small for p = ${p}: ${what} needs ${name} > ${min} (MATH §4.1, §4.6); pass a larger ${name}`,
      { df, p },
    );
  return df;
}

/** A positive integer dimension. */
export function checkDimension(p: unknown, name = "p", max = 4096): number {
  if (typeof p !== "number" || !Number.isInteger(p) || p < 1 || p > max)
    throw new QgeomError("INVALID_ARGUMENT", `${name} must be an integer in [1, ${max}], got ${excerpt(p)}; pass a whole number such as 2`);
  return p;
}

/** A scale matrix Σ ∈ Sym_p^{++}, factored once: Σ = L Lᵀ, log det Σ and the precision Σ⁻¹. */
export interface ScaleFactor {
  /** Dimension p (Σ is p×p). */
  readonly p: number;
  /** The matrix (as passed, converted to a linalg Matrix). */
  readonly matrix: Matrix;
  /** Lower Cholesky factor L, Σ = L Lᵀ. */
  readonly L: Matrix;
  /** log det Σ = 2 Σ log L_ii. */
  readonly logDet: number;
  /** Σ⁻¹ (exactly symmetric). */
  readonly inverse: Matrix;
}

/** Inverse of a symmetric positive-definite matrix from its Cholesky factor (exactly symmetric result). */
export function inverseFromCholesky(L: Matrix): Matrix {
  const p = L.rows, l = L.data;
  // W = L⁻¹ (lower triangular), then A⁻¹ = Wᵀ W
  const W = new Float64Array(p * p);
  for (let j = 0; j < p; j++) {
    W[j * p + j] = 1 / l[j * p + j]!;
    for (let i = j + 1; i < p; i++) {
      let s = 0;
      for (let k = j; k < i; k++) s += l[i * p + k]! * W[k * p + j]!;
      W[i * p + j] = -s / l[i * p + i]!;
    }
  }
  const out = new Float64Array(p * p);
  for (let i = 0; i < p; i++)
    for (let j = 0; j <= i; j++) {
      let s = 0;
      for (let k = i; k < p; k++) s += W[k * p + i]! * W[k * p + j]!;
      out[i * p + j] = s;
      out[j * p + i] = s;
    }
  return { rows: p, cols: p, data: out };
}

/**
 * Checks and factors a symmetric positive-definite matrix (`name` appears in every error: not a
 * matrix, not square, not finite, not symmetric, Cholesky failure with the failing pivot).
 */
export function factorSpd(x: RealMatrixInput, name: string): ScaleFactor {
  const A = toRealMatrix(x, name);
  const L = cholesky(A, { name });
  const p = L.rows;
  let s = 0;
  for (let i = 0; i < p; i++) s += Math.log(L.data[i * p + i]!);
  return { p, matrix: A, L, logDet: 2 * s, inverse: inverseFromCholesky(L) };
}

/** Throws SHAPE unless `A` is p×p (naming both arguments). */
export function checkSize(A: { rows: number; cols: number }, p: number, name: string, against: string): void {
  if (A.rows !== p || A.cols !== p)
    throw new QgeomError("SHAPE", `${name} is ${A.rows}×${A.cols} but ${against} is ${p}×${p}; pass matrices of the same size`);
}

/** A real or complex matrix test, re-exported for the modules that accept both. */
export { isComplex };
