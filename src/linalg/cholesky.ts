// Cholesky factorisation A = L Lᵀ of a symmetric positive-definite matrix (Cholesky–Banachiewicz, row by row).
import { QgeomError } from "../core/errors.js";
import { type Matrix, shapeOf } from "./matrix.js";
import { type CheckOptions, checkMatrix, checkSymmetric } from "./validate.js";

/**
 * Lower-triangular `L` with positive diagonal such that `A = L Lᵀ`.
 * Reads the symmetric part `(A + Aᵀ)/2`; `A` must be symmetric within `symmetryTol`.
 * @throws QgeomError NOT_POSITIVE_DEFINITE naming the failing pivot and its value.
 */
export function cholesky(A: Matrix, opts?: CheckOptions): Matrix {
  checkSymmetric(A, opts, "a symmetric positive-definite matrix");
  const n = A.rows, a = A.data;
  const L = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const ri = i * n;
    for (let j = 0; j <= i; j++) {
      const rj = j * n;
      // s = a_ij − Σ_{k<j} L_ik L_jk, with four partial sums to shorten the dependency chain
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
      let k = 0;
      for (; k + 3 < j; k += 4) {
        s0 += L[ri + k]! * L[rj + k]!;
        s1 += L[ri + k + 1]! * L[rj + k + 1]!;
        s2 += L[ri + k + 2]! * L[rj + k + 2]!;
        s3 += L[ri + k + 3]! * L[rj + k + 3]!;
      }
      for (; k < j; k++) s0 += L[ri + k]! * L[rj + k]!;
      const s = (j === i ? a[ri + i]! : 0.5 * (a[ri + j]! + a[rj + i]!)) - (s0 + s1 + (s2 + s3));
      if (j === i) {
        if (!(s > 0)) {
          const name = opts?.name ?? "A";
          throw new QgeomError(
            "NOT_POSITIVE_DEFINITE",
            `${name} (${shapeOf(A)}) is not positive definite: Cholesky failed at pivot ${i + 1} of ${n} (value ${fmt(s)}); pass a symmetric positive-definite matrix`,
            { pivot: i, value: s },
          );
        }
        L[ri + i] = Math.sqrt(s);
      } else {
        L[ri + j] = s / L[rj + j]!;
      }
    }
  }
  return { rows: n, cols: n, data: L };
}

function fmt(x: number): string {
  if (x === 0) return "0";
  return Math.abs(x) >= 1e-3 && Math.abs(x) < 1e6 ? String(Number(x.toPrecision(4))) : x.toExponential(3);
}

/** `log det A = 2 Σ log L_ii` for symmetric positive-definite `A`, via Cholesky. */
export function logDet(A: Matrix, opts?: CheckOptions): number {
  const L = cholesky(A, opts);
  const n = L.rows;
  let s = 0;
  for (let i = 0; i < n; i++) s += Math.log(L.data[i * n + i]!);
  return 2 * s;
}

/**
 * Solves `L Lᵀ X = B` given the Cholesky factor `L` (forward then back substitution).
 * `B` is an `n×k` matrix or a length-`n` vector; the result has the same kind.
 */
export function choleskySolve(L: Matrix, B: Matrix): Matrix;
export function choleskySolve(L: Matrix, B: Float64Array): Float64Array;
export function choleskySolve(L: Matrix, B: Matrix | Float64Array): Matrix | Float64Array;
export function choleskySolve(L: Matrix, B: Matrix | Float64Array): Matrix | Float64Array {
  checkMatrix(L, "L");
  const n = L.rows;
  if (L.cols !== n) throw new QgeomError("SHAPE", `L must be square, got ${shapeOf(L)}; pass the square factor returned by cholesky()`);
  const isVec = B instanceof Float64Array;
  const k = isVec ? 1 : B.cols;
  const rowsB = isVec ? B.length : B.rows;
  if (rowsB !== n) {
    throw new QgeomError("SHAPE", `choleskySolve: right-hand side has ${rowsB} rows but L is ${shapeOf(L)}; pass ${L.rows} rows`);
  }
  const l = L.data;
  const X = (isVec ? B : B.data).slice();
  // forward: L Y = B
  for (let i = 0; i < n; i++) {
    const lii = l[i * n + i]!;
    for (let c = 0; c < k; c++) {
      let s = X[i * k + c]!;
      for (let p = 0; p < i; p++) s -= l[i * n + p]! * X[p * k + c]!;
      X[i * k + c] = s / lii;
    }
  }
  // backward: Lᵀ X = Y
  for (let i = n - 1; i >= 0; i--) {
    const lii = l[i * n + i]!;
    for (let c = 0; c < k; c++) {
      let s = X[i * k + c]!;
      for (let p = i + 1; p < n; p++) s -= l[p * n + i]! * X[p * k + c]!;
      X[i * k + c] = s / lii;
    }
  }
  return isVec ? X : { rows: n, cols: k, data: X };
}
