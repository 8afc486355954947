// Spectral norm ‖A‖₂ = σ_max(A) and 2-norm condition number κ₂(A) = σ_max/σ_min (MATH §1.1).
// Exactly symmetric / Hermitian input uses the eigenvalues (σ_i = |λ_i|); otherwise the
// one-sided Jacobi SVD, applied to the real embedding [[Re A, −Im A], [Im A, Re A]] for complex A
// (whose singular values are those of A, each twice).
import { type CMatrix, type Matrix, hermitianDefect, isComplex, realEmbedding, symmetryDefect } from "./matrix.js";
import { eigvalsh } from "./eigh.js";
import { singularValues } from "./svd.js";
import { checkMatrix } from "./validate.js";

/** Singular values, descending (length min(m, n)). */
function sigmas(A: Matrix | CMatrix, name: string): Float64Array {
  checkMatrix(A, name);
  const square = A.rows === A.cols;
  if (square && (isComplex(A) ? hermitianDefect(A) === 0 : symmetryDefect(A) === 0)) {
    const lam = eigvalsh(A, { name });
    return Float64Array.from(lam, Math.abs).sort().reverse();
  }
  if (!isComplex(A)) return singularValues(A, name);
  const s2 = singularValues(realEmbedding(A), name);
  const k = Math.min(A.rows, A.cols);
  const s = new Float64Array(k);
  for (let i = 0; i < k; i++) s[i] = s2[2 * i]!;
  return s;
}

/** Spectral norm `‖A‖₂` (largest singular value) of a real or complex matrix. */
export function spectralNorm(A: Matrix | CMatrix, name = "A"): number {
  return sigmas(A, name)[0]!;
}

/**
 * 2-norm condition number `σ_max / σ_min` (over min(m, n) singular values); `Infinity` for a
 * matrix with a zero singular value.
 */
export function cond(A: Matrix | CMatrix, name = "A"): number {
  const s = sigmas(A, name);
  const smin = s[s.length - 1]!;
  return smin === 0 ? Infinity : s[0]! / smin;
}
