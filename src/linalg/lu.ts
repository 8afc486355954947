// LU factorisation with partial pivoting, P A = L U (Doolittle, right-looking, row-major).
import { QgeomError } from "../core/errors.js";
import { type Matrix, maxAbs, shapeOf } from "./matrix.js";
import { checkMatrix, checkSquare } from "./validate.js";

/** Result of {@link lu}: `P A = L U` packed in one matrix. */
export interface LU {
  /** Strictly lower part: L without its unit diagonal; upper part including the diagonal: U. */
  readonly lu: Matrix;
  /** Row `i` of `P A` is row `perm[i]` of `A`. */
  readonly perm: Int32Array;
  /** Sign of the permutation, ±1. */
  readonly sign: 1 | -1;
  /** Index of the first exactly-zero pivot, or -1 if U has a non-zero diagonal. */
  readonly zeroPivot: number;
}

/** LU factorisation with partial pivoting of a square matrix (never throws on singular input; see `zeroPivot`). */
export function lu(A: Matrix, name = "A"): LU {
  checkSquare(A, name);
  const n = A.rows;
  const a = A.data.slice();
  const perm = new Int32Array(n);
  for (let i = 0; i < n; i++) perm[i] = i;
  let sign: 1 | -1 = 1;
  let zeroPivot = -1;
  for (let k = 0; k < n; k++) {
    let p = k, best = Math.abs(a[k * n + k]!);
    for (let i = k + 1; i < n; i++) {
      const v = Math.abs(a[i * n + k]!);
      if (v > best) { best = v; p = i; }
    }
    if (p !== k) {
      for (let j = 0; j < n; j++) {
        const t = a[k * n + j]!;
        a[k * n + j] = a[p * n + j]!;
        a[p * n + j] = t;
      }
      const t = perm[k]!; perm[k] = perm[p]!; perm[p] = t;
      sign = -sign as 1 | -1;
    }
    const piv = a[k * n + k]!;
    if (piv === 0) {
      if (zeroPivot < 0) zeroPivot = k;
      continue;
    }
    const rk = k * n;
    for (let i = k + 1; i < n; i++) {
      const ri = i * n;
      const m = a[ri + k]! / piv;
      a[ri + k] = m;
      if (m === 0) continue;
      for (let j = k + 1; j < n; j++) a[ri + j]! -= m * a[rk + j]!;
    }
  }
  return { lu: { rows: n, cols: n, data: a }, perm, sign, zeroPivot };
}

/** Sign and log-magnitude of `det A`, via LU: `det A = sign · exp(logAbsDet)`; singular gives `{sign: 0, logAbsDet: -Infinity}`. */
export function slogDet(A: Matrix, name = "A"): {
  /** Sign of det A: −1 or 1, or 0 when LU meets an exactly zero pivot (A singular). */
  sign: -1 | 0 | 1;
  /** log |det A| (−Infinity when A is singular). */
  logAbsDet: number;
} {
  const f = lu(A, name);
  if (f.zeroPivot >= 0) return { sign: 0, logAbsDet: -Infinity };
  const n = A.rows, a = f.lu.data;
  let sign: number = f.sign, s = 0;
  for (let i = 0; i < n; i++) {
    const u = a[i * n + i]!;
    if (u < 0) sign = -sign;
    s += Math.log(Math.abs(u));
  }
  return { sign: sign as -1 | 1, logAbsDet: s };
}

/** Determinant via LU; computed in log space when the plain product would overflow or underflow. */
export function det(A: Matrix, name = "A"): number {
  const f = lu(A, name);
  if (f.zeroPivot >= 0) return 0;
  const n = A.rows, a = f.lu.data;
  let d: number = f.sign, sign: number = f.sign, s = 0;
  for (let i = 0; i < n; i++) {
    const u = a[i * n + i]!;
    d *= u;
    if (u < 0) sign = -sign;
    s += Math.log(Math.abs(u));
  }
  return Number.isFinite(d) && d !== 0 ? d : sign * Math.exp(s);
}

/**
 * Throws SINGULAR if some pivot of U is at or below `n · ε · max|A|` (numerically singular at
 * double precision, condition number beyond ~1/(nε)).
 */
function requireNonsingular(A: Matrix, f: LU, name: string, op: string): void {
  const n = A.rows, a = f.lu.data;
  const thresh = n * Number.EPSILON * maxAbs(A);
  for (let i = 0; i < n; i++) {
    const u = a[i * n + i]!;
    if (!(Math.abs(u) > thresh)) {
      throw new QgeomError(
        "SINGULAR",
        `${name} (${shapeOf(A)}) is singular to working precision: LU pivot ${i + 1} of ${n} is ${u.toExponential(3)} (threshold ${thresh.toExponential(2)}); ${op} needs a non-singular matrix (check for dependent rows, or regularise with A + εI)`,
        { pivot: i, value: u },
      );
    }
  }
}

function luSolveInPlace(f: LU, X: Float64Array, k: number): Float64Array {
  const n = f.lu.rows, a = f.lu.data, perm = f.perm;
  const Y = new Float64Array(n * k);
  for (let i = 0; i < n; i++) for (let c = 0; c < k; c++) Y[i * k + c] = X[perm[i]! * k + c]!;
  for (let i = 0; i < n; i++) {
    for (let p = 0; p < i; p++) {
      const m = a[i * n + p]!;
      if (m === 0) continue;
      for (let c = 0; c < k; c++) Y[i * k + c]! -= m * Y[p * k + c]!;
    }
  }
  for (let i = n - 1; i >= 0; i--) {
    for (let p = i + 1; p < n; p++) {
      const m = a[i * n + p]!;
      if (m === 0) continue;
      for (let c = 0; c < k; c++) Y[i * k + c]! -= m * Y[p * k + c]!;
    }
    const u = a[i * n + i]!;
    for (let c = 0; c < k; c++) Y[i * k + c]! /= u;
  }
  return Y;
}

/**
 * Solves `A X = B` by LU with partial pivoting. `B` is an `n×k` matrix or a length-`n` vector;
 * the result has the same kind.
 * @throws QgeomError SINGULAR when `A` is singular to working precision.
 */
export function solve(A: Matrix, B: Matrix, name?: string): Matrix;
export function solve(A: Matrix, B: Float64Array, name?: string): Float64Array;
export function solve(A: Matrix, B: Matrix | Float64Array, name?: string): Matrix | Float64Array;
export function solve(A: Matrix, B: Matrix | Float64Array, name = "A"): Matrix | Float64Array {
  const f = lu(A, name);
  requireNonsingular(A, f, name, "solve");
  const isVec = B instanceof Float64Array;
  if (!isVec) checkMatrix(B, "B");
  const rowsB = isVec ? B.length : B.rows;
  if (rowsB !== A.rows) {
    throw new QgeomError("SHAPE", `solve: right-hand side has ${rowsB} rows but ${name} is ${shapeOf(A)}; pass ${A.rows} rows`);
  }
  if (isVec && !B.every(Number.isFinite)) throw new QgeomError("NOT_FINITE", `solve: right-hand side has non-finite entries; pass finite values`);
  const k = isVec ? 1 : B.cols;
  const X = luSolveInPlace(f, isVec ? B : B.data, k);
  return isVec ? X : { rows: A.rows, cols: k, data: X };
}

/**
 * Inverse `A⁻¹` by LU with partial pivoting.
 * @throws QgeomError SINGULAR when `A` is singular to working precision.
 */
export function inverse(A: Matrix, name = "A"): Matrix {
  const f = lu(A, name);
  requireNonsingular(A, f, name, "inverse");
  const n = A.rows;
  const I = new Float64Array(n * n);
  for (let i = 0; i < n; i++) I[i * n + i] = 1;
  return { rows: n, cols: n, data: luSolveInPlace(f, I, n) };
}
