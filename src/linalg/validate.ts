// Input checks shared by the kernels. Every failure is a QgeomError naming the argument.
import { QgeomError, excerpt } from "../core/errors.js";
import {
  type CMatrix,
  type Matrix,
  DEFAULT_SYMMETRY_TOL,
  hermitianDefect,
  isComplex,
  matrix,
  matrixFromData,
  shapeOf,
} from "./matrix.js";

/** Options shared by kernels that validate their input. */
export interface CheckOptions {
  /** Name of the argument used in error messages (default `"A"`). */
  name?: string;
  /** Relative tolerance for the symmetry / Hermiticity check (default 1e-10 of the largest entry). */
  symmetryTol?: number;
}

function isMatrixLike(A: unknown): boolean {
  if (typeof A !== "object" || A === null) return false;
  const m = A as { rows?: unknown; cols?: unknown; data?: unknown; re?: unknown; im?: unknown };
  if (!Number.isInteger(m.rows) || !Number.isInteger(m.cols) || (m.rows as number) < 1 || (m.cols as number) < 1) {
    return false;
  }
  const len = (m.rows as number) * (m.cols as number);
  if (m.re !== undefined) {
    return m.re instanceof Float64Array && m.im instanceof Float64Array && m.re.length === len && m.im.length === len;
  }
  return m.data instanceof Float64Array && m.data.length === len;
}

/** Checks that `A` is a well-formed Matrix/CMatrix with finite entries. */
export function checkMatrix(A: Matrix | CMatrix, name: string): void {
  if (!isMatrixLike(A)) {
    throw new QgeomError(
      "INVALID_ARGUMENT",
      `${name} is not a matrix ({rows, cols, data: Float64Array} or {rows, cols, re, im}), got ${excerpt(A)}; build one with matrix([[...]]) or cmatrix({re, im})`,
    );
  }
  const parts = isComplex(A) ? [A.re, A.im] : [A.data];
  for (const p of parts) {
    for (let k = 0; k < p.length; k++) {
      if (!Number.isFinite(p[k]!)) {
        const i = Math.floor(k / A.cols), j = k % A.cols;
        throw new QgeomError(
          "NOT_FINITE",
          `${name} (${shapeOf(A)}) has a non-finite entry ${p[k]} at (${i}, ${j}); pass finite values`,
          { row: i, col: j },
        );
      }
    }
  }
}

/**
 * A finite real matrix from rows (`number[][]`, checked by {@link matrix}) or a linalg Matrix (well-formed,
 * finite, not complex), always a copy; `name` appears in errors.
 */
export function realMatrix(x: readonly (readonly number[])[] | Matrix, name: string): Matrix {
  if (Array.isArray(x)) return matrix(x as number[][], name);
  const A = x as Matrix | CMatrix;
  checkMatrix(A, name);
  if (isComplex(A)) throw new QgeomError("INVALID_ARGUMENT", `${name} must be a real matrix, got a complex ${shapeOf(A)} one; pass rows of numbers or a real Matrix`);
  return matrixFromData(A.rows, A.cols, A.data);
}

/** Checks a finite square matrix. */
export function checkSquare(A: Matrix | CMatrix, name: string): void {
  checkMatrix(A, name);
  if (A.rows !== A.cols) throw new QgeomError("SHAPE", `${name} must be square, got ${shapeOf(A)}; pass an n×n matrix`);
}

/** Checks a finite real symmetric matrix (within the relative tolerance), in one pass over A. */
export function checkSymmetric(A: Matrix, opts: CheckOptions | undefined, what = "a symmetric matrix"): void {
  const name = opts?.name ?? "A";
  if (!isMatrixLike(A)) checkMatrix(A, name);
  if (isComplex(A)) throw new QgeomError("INVALID_ARGUMENT", `${name} is complex; pass a real matrix here`);
  if (A.rows !== A.cols) {
    checkMatrix(A, name);
    throw new QgeomError("SHAPE", `${name} must be square, got ${shapeOf(A)}; pass an n×n matrix`);
  }
  const n = A.rows, a = A.data;
  let mx = 0, d = 0, bad = false;
  for (let i = 0; i < n; i++) {
    const aii = a[i * n + i]!;
    if (aii - aii !== 0) bad = true; // NaN or ±Infinity
    mx = Math.max(mx, Math.abs(aii));
    for (let j = i + 1; j < n; j++) {
      const x = a[i * n + j]!, y = a[j * n + i]!;
      const diff = x - y;
      if (diff - diff !== 0) bad = true;
      const ax = Math.abs(x), ay = Math.abs(y), ad = Math.abs(diff);
      if (ax > mx) mx = ax;
      if (ay > mx) mx = ay;
      if (ad > d) d = ad;
    }
  }
  if (bad) checkMatrix(A, name); // throws NOT_FINITE naming the entry
  const defect = mx === 0 ? 0 : d / mx;
  const tol = opts?.symmetryTol ?? DEFAULT_SYMMETRY_TOL;
  if (defect > tol) {
    throw new QgeomError(
      "NOT_SYMMETRIC",
      `${name} (${shapeOf(A)}) is not symmetric: max |a_ij − a_ji| is ${defect.toExponential(2)} of the largest entry (tolerance ${tol}); pass ${what} (symmetrize(A) averages A and Aᵀ)`,
      { defect },
    );
  }
}

/** Checks a finite complex Hermitian matrix (within the relative tolerance). */
export function checkHermitian(A: CMatrix, opts: CheckOptions | undefined, what = "a Hermitian matrix"): void {
  const name = opts?.name ?? "A";
  checkSquare(A, name);
  const tol = opts?.symmetryTol ?? DEFAULT_SYMMETRY_TOL;
  const d = hermitianDefect(A);
  if (d > tol) {
    throw new QgeomError(
      "NOT_HERMITIAN",
      `${name} (${shapeOf(A)}) is not Hermitian: max |a_ij − conj(a_ji)| is ${d.toExponential(2)} of the largest entry (tolerance ${tol}); pass ${what} (hermitianPart(A) averages A and A*)`,
      { defect: d },
    );
  }
}

