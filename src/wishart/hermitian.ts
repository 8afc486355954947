// Hermitian positive-definite matrices for the complex Wishart law: Cholesky A = L L* (L lower
// triangular with positive real diagonal), log det A = 2 Σ log L_ii, and A⁻¹ = L⁻* L⁻¹.
import { QgeomError } from "../core/index.js";
import { type CMatrix, DEFAULT_SYMMETRY_TOL, hermitianDefect } from "../linalg/index.js";
import { type ComplexMatrixInput, toComplexMatrix } from "./validate.js";

/** A Hermitian positive-definite matrix, factored once. */
export interface HermitianFactor {
  /** Dimension p (A is p×p). */
  readonly p: number;
  /** The matrix A as passed, converted to a CMatrix (Hermitian within DEFAULT_SYMMETRY_TOL). */
  readonly matrix: CMatrix;
  /** Lower Cholesky factor, A = L L*. */
  readonly L: CMatrix;
  /** log det A (real, since A ≻ 0). */
  readonly logDet: number;
  /** A⁻¹ (exactly Hermitian, real diagonal). */
  readonly inverse: CMatrix;
}

/** Checks that A is square, finite and Hermitian within the relative tolerance (errors name `name`). */
export function checkHermitianInput(A: CMatrix, name: string): void {
  if (A.rows !== A.cols) throw new QgeomError("SHAPE", `${name} must be square, got ${A.rows}×${A.cols}; pass a p×p Hermitian matrix`);
  for (const part of [A.re, A.im])
    for (let k = 0; k < part.length; k++)
      if (!Number.isFinite(part[k]!))
        throw new QgeomError("NOT_FINITE", `${name} has a non-finite entry at (${Math.floor(k / A.cols)}, ${k % A.cols}); pass finite values`);
  const d = hermitianDefect(A);
  if (d > DEFAULT_SYMMETRY_TOL)
    throw new QgeomError(
      "NOT_HERMITIAN",
      `${name} (${A.rows}×${A.cols}) is not Hermitian: max |a_ij − conj(a_ji)| is ${d.toExponential(2)} of the largest entry (tolerance ${DEFAULT_SYMMETRY_TOL}); pass a Hermitian matrix`,
      { defect: d },
    );
}

/** Cholesky factor of the Hermitian part of A; throws NOT_POSITIVE_DEFINITE naming the pivot. */
export function hermitianCholesky(A: CMatrix, name: string): CMatrix {
  const p = A.rows;
  const ar = A.re, ai = A.im;
  const lr = new Float64Array(p * p), li = new Float64Array(p * p);
  for (let i = 0; i < p; i++) {
    for (let j = 0; j <= i; j++) {
      // s = a_ij − Σ_{k<j} L_ik conj(L_jk), with a_ij from the Hermitian part
      let sr = j === i ? ar[i * p + i]! : 0.5 * (ar[i * p + j]! + ar[j * p + i]!);
      let si = j === i ? 0 : 0.5 * (ai[i * p + j]! - ai[j * p + i]!);
      for (let k = 0; k < j; k++) {
        const xr = lr[i * p + k]!, xi = li[i * p + k]!, yr = lr[j * p + k]!, yi = li[j * p + k]!;
        sr -= xr * yr + xi * yi;
        si -= xi * yr - xr * yi;
      }
      if (j === i) {
        if (!(sr > 0))
          throw new QgeomError(
            "NOT_POSITIVE_DEFINITE",
            `${name} (${p}×${p}) is not positive definite: Cholesky failed at pivot ${i + 1} of ${p} (value ${Number(sr.toPrecision(4))}); pass a Hermitian positive-definite matrix`,
            { pivot: i, value: sr },
          );
        lr[i * p + i] = Math.sqrt(sr);
      } else {
        const d = lr[j * p + j]!;
        lr[i * p + j] = sr / d;
        li[i * p + j] = si / d;
      }
    }
  }
  return { rows: p, cols: p, re: lr, im: li };
}

/** A⁻¹ = W* W with W = L⁻¹ (lower triangular), exactly Hermitian. */
function inverseFromCholesky(L: CMatrix): CMatrix {
  const p = L.rows, lr = L.re, li = L.im;
  const wr = new Float64Array(p * p), wi = new Float64Array(p * p);
  for (let j = 0; j < p; j++) {
    wr[j * p + j] = 1 / lr[j * p + j]!;
    for (let i = j + 1; i < p; i++) {
      let sr = 0, si = 0;
      for (let k = j; k < i; k++) {
        const xr = lr[i * p + k]!, xi = li[i * p + k]!, yr = wr[k * p + j]!, yi = wi[k * p + j]!;
        sr += xr * yr - xi * yi;
        si += xr * yi + xi * yr;
      }
      const d = lr[i * p + i]!;
      wr[i * p + j] = -sr / d;
      wi[i * p + j] = -si / d;
    }
  }
  const re = new Float64Array(p * p), im = new Float64Array(p * p);
  for (let i = 0; i < p; i++)
    for (let j = 0; j <= i; j++) {
      // (W* W)_ij = Σ_k conj(W_ki) W_kj
      let sr = 0, si = 0;
      for (let k = i; k < p; k++) {
        const xr = wr[k * p + i]!, xi = -wi[k * p + i]!, yr = wr[k * p + j]!, yi = wi[k * p + j]!;
        sr += xr * yr - xi * yi;
        si += xr * yi + xi * yr;
      }
      re[i * p + j] = sr;
      re[j * p + i] = sr;
      im[i * p + j] = i === j ? 0 : si;
      im[j * p + i] = i === j ? 0 : -si;
    }
  return { rows: p, cols: p, re, im };
}

/** Checks and factors a Hermitian positive-definite matrix (errors name `name`). */
export function factorHpd(x: ComplexMatrixInput, name: string): HermitianFactor {
  const A = toComplexMatrix(x, name);
  checkHermitianInput(A, name);
  const L = hermitianCholesky(A, name);
  const p = A.rows;
  let s = 0;
  for (let i = 0; i < p; i++) s += Math.log(L.re[i * p + i]!);
  return { p, matrix: A, L, logDet: 2 * s, inverse: inverseFromCholesky(L) };
}

/** tr(A B) for Hermitian A and the Hermitian part of B: Σ_ij Re(A_ij) Re(B_ij) + Im(A_ij) Im(B_ij) (real). */
export function traceHermitianProduct(A: CMatrix, B: CMatrix): number {
  const p = A.rows;
  let s = 0;
  for (let k = 0; k < p * p; k++) s += A.re[k]! * B.re[k]! + A.im[k]! * B.im[k]!;
  return s;
}
