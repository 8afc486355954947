// Principal square root of a real matrix with positive real spectrum (not necessarily symmetric), by
// the Denman–Beavers iteration with determinant scaling (Higham, Functions of Matrices, §6.3, (6.28)):
//   Y₀ = M, Z₀ = I;  μ_k = |det Y_k det Z_k|^{−1/(2n)};  Y ← ½(μY + (μZ)⁻¹),  Z ← ½(μZ + (μY)⁻¹),
// with Y_k → M^{1/2} and Z_k → M^{−1/2}. Used for the product form A = Σ₁⁻¹(Σ₁Σ₂)^{1/2} of MATH §3.6,
// whose middle factor is similar to an SPD matrix but not symmetric.
import { QgeomError } from "../core/index.js";
import { type Matrix, add, frobeniusNorm, identity, inverse, scale, slogDet, sub } from "../linalg/index.js";
import { type MatrixInput, toMatrix } from "./numeric-input.js";

/** Options of {@link principalSqrt}. */
export interface PrincipalSqrtOptions {
  /** Stop when ‖Y_{k+1} − Y_k‖_F ≤ tol · ‖Y_{k+1}‖_F (default 1e-14). */
  tol?: number;
  /** Iteration limit (default 100). */
  maxIterations?: number;
  /** Argument name in errors (default "M"). */
  name?: string;
}

/**
 * The principal square root X (X² = M, spectrum of X in the open right half-plane) of a real square
 * matrix M whose eigenvalues are real and positive (e.g. M = Σ₁Σ₂ with Σ₁, Σ₂ ≻ 0). Throws
 * SINGULAR if M (or an iterate) is singular and NOT_POSITIVE_DEFINITE if the iteration does not
 * converge (a spectrum touching the closed negative real axis).
 */
export function principalSqrt(M: MatrixInput, options: PrincipalSqrtOptions = {}): Matrix {
  const name = options.name ?? "M";
  const A = toMatrix(M, name);
  const n = A.rows;
  if (A.cols !== n) throw new QgeomError("SHAPE", `${name} must be square, got ${A.rows}×${A.cols}; pass an n×n matrix`);
  const tol = options.tol ?? 1e-14;
  const maxIt = options.maxIterations ?? 100;
  let Y = A;
  let Z = identity(n);
  for (let k = 0; k < maxIt; k++) {
    const dy = slogDet(Y, name), dz = slogDet(Z, name);
    if (dy.sign === 0 || dz.sign === 0) throw new QgeomError("SINGULAR", `${name} is singular (or nearly so); its principal square root is not defined by this iteration; pass a non-singular matrix`);
    const mu = Math.exp(-(dy.logAbsDet + dz.logAbsDet) / (2 * n));
    const Ys = scale(Y, mu), Zs = scale(Z, mu);
    const Yn = scale(add(Ys, inverse(Zs, name)), 0.5);
    const Zn = scale(add(Zs, inverse(Ys, name)), 0.5);
    const change = frobeniusNorm(sub(Yn, Y));
    Y = Yn;
    Z = Zn;
    if (!Y.data.every(Number.isFinite)) break;
    if (change <= tol * frobeniusNorm(Y)) return Y;
  }
  throw new QgeomError(
    "NOT_POSITIVE_DEFINITE",
    `the Denman–Beavers iteration for the square root of ${name} did not converge in ${maxIt} steps; ${name} must have real positive eigenvalues (e.g. a product of two positive-definite matrices); check the spectrum of ${name}`,
  );
}

