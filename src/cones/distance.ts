// Affine-invariant distance and geodesic (MATH.md §5.6) for the metric tr(X⁻¹HX⁻¹K):
//   d(X, Y) = ‖log(X^{−1/2} Y X^{−1/2})‖_F = (Σ_i log² λ_i(X⁻¹Y))^{1/2},  γ(t) = X^{1/2}(X^{−1/2}YX^{−1/2})^t X^{1/2}.
// For the canonical metric of §5.3 multiply d by √((p+1)/2) (real) or √p (complex). d is symmetric and
// invariant under X, Y ↦ AXA*, AYA* and under X, Y ↦ X⁻¹, Y⁻¹.
import { QgeomError } from "../core/index.js";
import { type CMatrix, type Matrix, cmatmul, eigvalsh, hermitianPart, invSqrtm, isComplex, matmul, powm, sqrtm, symmetrize } from "../linalg/index.js";
import { kvExponent, pdInfo } from "./kv.js";

function sandwich(X: Matrix | CMatrix, Y: Matrix | CMatrix): Matrix | CMatrix {
  pdInfo(X, "X");
  pdInfo(Y, "Y");
  if (X.rows !== Y.rows) throw new QgeomError("SHAPE", `X is ${X.rows}×${X.rows} but Y is ${Y.rows}×${Y.rows}; pass matrices of the same size`);
  if (isComplex(X) !== isComplex(Y)) throw new QgeomError("INVALID_ARGUMENT", `X and Y must both be real (Sym_p) or both complex (Herm_p); convert both to the same field (a real matrix embeds as {re, im: 0})`);
  const W = invSqrtm(X);
  const M = isComplex(W) || isComplex(Y) ? cmatmul(cmatmul(W, Y), W) : matmul(matmul(W, Y), W);
  // exact Hermitian symmetry for the spectral functions
  return isComplex(M) ? hermitianPart(M) : symmetrize(M);
}

/**
 * d(X, Y) = (Σ log² λ_i(X⁻¹Y))^{1/2} for positive-definite X, Y (both real or both complex); with
 * `canonical: true`, the distance of the canonical metric (× √((p+1)/2) real, × √p complex).
 */
export function affineInvariantDistance(X: Matrix | CMatrix, Y: Matrix | CMatrix, options: { canonical?: boolean } = {}): number {
  const lam = eigvalsh(sandwich(X, Y));
  let s = 0;
  for (const l of lam) s += Math.log(l) ** 2;
  const d = Math.sqrt(s);
  return options.canonical ? d * Math.sqrt(kvExponent(X.rows, isComplex(X) ? "complex" : "real")) : d;
}

/** The geodesic γ(t) = X^{1/2}(X^{−1/2}YX^{−1/2})^t X^{1/2} (γ(0) = X, γ(1) = Y). */
export function geodesic(X: Matrix | CMatrix, Y: Matrix | CMatrix, t: number): Matrix | CMatrix {
  if (!Number.isFinite(t)) throw new QgeomError("NOT_FINITE", `t must be finite, got ${t}; pass a finite t (t ∈ [0, 1] for the geodesic segment)`);
  const M = powm(sandwich(X, Y), t);
  const S = sqrtm(X);
  return isComplex(S) || isComplex(M) ? cmatmul(cmatmul(S, M), S) : matmul(matmul(S, M), S);
}
