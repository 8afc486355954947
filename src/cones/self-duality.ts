// Self-duality of the PSD cones (MATH.md §5.1, V17): Sym_p^+ and Herm_p^+ are self-dual for Re tr(XY):
// A, B ⪰ 0 ⇒ tr(AB) ≥ 0, and for Hermitian A ⋡ 0 the rank-one B = vv*, v a unit eigenvector of a negative
// eigenvalue λ, gives tr(AB) = λ < 0 (a witness that A is not in the dual cone).
import { QgeomError } from "../core/index.js";
import { type CMatrix, type Matrix, eigh, eighHermitian, isComplex } from "../linalg/index.js";

/** Re tr(AB) (the pairing of MATH.md §1.1 on symmetric / Hermitian matrices). */
export function traceInner(A: Matrix | CMatrix, B: Matrix | CMatrix): number {
  if (A.rows !== A.cols || B.rows !== B.cols || A.rows !== B.rows) throw new QgeomError("SHAPE", `A and B must be square of the same size, got ${A.rows}×${A.cols} and ${B.rows}×${B.cols}; pass two p×p matrices`);
  const p = A.rows;
  const ar = isComplex(A) ? A.re : A.data, ai = isComplex(A) ? A.im : null;
  const br = isComplex(B) ? B.re : B.data, bi = isComplex(B) ? B.im : null;
  let s = 0;
  for (let i = 0; i < p; i++) for (let k = 0; k < p; k++) s += ar[i * p + k]! * br[k * p + i]! - (ai && bi ? ai[i * p + k]! * bi[k * p + i]! : 0);
  return s;
}

/** A witness B = vv* with Re tr(AB) = λ_min(A) < 0, or null when A is PSD (λ_min ≥ −tol·max|λ|). */
export function dualConeWitness(
  A: Matrix | CMatrix,
  tol = 1e-12,
): {
  /** B = vv* ⪰ 0 (rank one), v a unit eigenvector of λ_min(A); real when A is real. */
  B: Matrix | CMatrix;
  /** Re tr(AB) computed by {@link traceInner} (equals `eigenvalue` up to rounding). */
  value: number;
  /** λ_min(A) < 0. */
  eigenvalue: number;
} | null {
  const p = A.rows;
  if (isComplex(A)) {
    const { values, vectors } = eighHermitian(A, { name: "A" });
    const lam = values[0]!;
    if (lam >= -tol * Math.max(Math.abs(values[0]!), Math.abs(values[p - 1]!))) return null;
    const re = new Float64Array(p * p), im = new Float64Array(p * p);
    for (let i = 0; i < p; i++)
      for (let j = 0; j < p; j++) {
        const xr = vectors.re[i * p]!, xi = vectors.im[i * p]!, yr = vectors.re[j * p]!, yi = -vectors.im[j * p]!;
        re[i * p + j] = xr * yr - xi * yi;
        im[i * p + j] = xr * yi + xi * yr;
      }
    const B: CMatrix = { rows: p, cols: p, re, im };
    return { B, value: traceInner(A, B), eigenvalue: lam };
  }
  const { values, vectors } = eigh(A, { name: "A" });
  const lam = values[0]!;
  if (lam >= -tol * Math.max(Math.abs(values[0]!), Math.abs(values[p - 1]!))) return null;
  const d = new Float64Array(p * p);
  for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) d[i * p + j] = vectors.data[i * p]! * vectors.data[j * p]!;
  const B: Matrix = { rows: p, cols: p, data: d };
  return { B, value: traceInner(A, B), eigenvalue: lam };
}
