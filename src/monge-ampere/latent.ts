// Latent Gaussian generator x = Wz + b, z ~ N(0, I_k), W ∈ ℝ^{d×k} (MATH.md §3.7): x ~ N(b, WWᵀ),
// WWᵀ ≻ 0 iff rank W = d. For square invertible W = PU (P = (WWᵀ)^{1/2}, U orthogonal) the Brenier
// map N(0, I) → N(b, WWᵀ) is z ↦ Pz + b, and for b = 0
//   W₂² = tr(I + WWᵀ − 2P) ≤ E‖z − Wz‖² = tr(I + WWᵀ − W − Wᵀ),  with equality iff W = P.
import { QgeomError } from "../core/index.js";
import { type Matrix, frobeniusNorm, identity, matmul, polar, singularValues, sub, trace, transpose } from "../linalg/index.js";
import { type MatrixInput, type VectorInput, toMatrix, toVector } from "./numeric-input.js";

/** What a latent generator x = Wz + b produces. */
export interface LatentGenerator {
  /** Data dimension d (rows of W). */
  d: number;
  /** Latent dimension k (columns of W). */
  k: number;
  /** Mean b of x. */
  mean: Float64Array;
  /** Covariance WWᵀ of x. */
  covariance: Matrix;
  /** Numerical rank of W (singular values above max(d, k)·ε·σ_max). */
  rank: number;
  /** Singular values of W, descending. */
  singularValues: Float64Array;
  /**
   * Whether x has a Lebesgue density (rank W = d, needs k ≥ d). If false the law is singular: it
   * lives on an affine subspace, its covariance is on the boundary of the PSD cone, and no
   * Monge–Ampère equation describes it.
   */
  absolutelyContinuous: boolean;
}

/** The law N(b, WWᵀ) of x = Wz + b and whether it is absolutely continuous (MATH §3.7, V10, V14). */
export function latentGenerator(W: MatrixInput, b?: VectorInput): LatentGenerator {
  const M = toMatrix(W, "W");
  const d = M.rows, k = M.cols;
  const mean = b === undefined ? new Float64Array(d) : toVector(b, "b", d);
  const s = singularValues(M);
  const tol = Math.max(d, k) * 2 ** -52 * (s[0] ?? 0);
  const rank = s.reduce((r, v) => r + (v > tol ? 1 : 0), 0);
  return { d, k, mean, covariance: matmul(M, transpose(M)), rank, singularValues: s, absolutelyContinuous: rank === d };
}

/** The polar-factor comparison of MATH §3.7 for a square invertible W (b = 0). */
export interface PolarFactorReport {
  /** P = (WWᵀ)^{1/2}: z ↦ Pz is the Brenier map N(0, I) → N(0, WWᵀ). */
  P: Matrix;
  /** U = P⁻¹W, orthogonal. */
  U: Matrix;
  /** W₂²(N(0, I), N(0, WWᵀ)) = tr(I + WWᵀ − 2P). */
  w2sq: number;
  /** The generator's cost E‖z − Wz‖² = tr(I + WWᵀ − W − Wᵀ). */
  generatorCost: number;
  /** generatorCost − w2sq = 2(tr P − tr W) ≥ 0 (computed directly, without cancellation). */
  gap: number;
  /** ‖W − P‖_F / ‖W‖_F: zero iff the generator is itself the Brenier map. */
  distanceToBrenier: number;
}

/**
 * Polar factor and cost inequality for a square generator matrix W (MATH §3.7). Throws SHAPE unless
 * k = d (for k < d the law is singular and has no Brenier map from N(0, I_k) on ℝ^d; for k > d the
 * dimensions differ) and SINGULAR if W is not invertible.
 */
export function latentPolarFactor(W: MatrixInput): PolarFactorReport {
  const M = toMatrix(W, "W");
  const d = M.rows;
  if (M.cols !== d)
    throw new QgeomError(
      "SHAPE",
      `W is ${d}×${M.cols}: the Brenier map N(0, I_k) → N(b, WWᵀ) is compared with z ↦ Wz + b only for square W (k = d); for k < d the law of x is singular (no density, no Monge–Ampère equation), see latentGenerator`,
    );
  const g = latentGenerator(M);
  if (!g.absolutelyContinuous)
    throw new QgeomError("SINGULAR", `W has rank ${g.rank} < ${d}: x = Wz + b has a singular law on a ${g.rank}-dimensional subspace, so there is no Brenier map onto it`);
  const { p: P, u: U } = polar(M, "W");
  // tr(I + WWᵀ − 2P) = ‖I − P‖²_F (P² = WWᵀ) and tr(I + WWᵀ − W − Wᵀ) = ‖I − W‖²_F: no cancellation
  const I = identity(d);
  const w2sq = frobeniusNorm(sub(I, P)) ** 2;
  const generatorCost = frobeniusNorm(sub(I, M)) ** 2;
  return { P, U, w2sq, generatorCost, gap: 2 * (trace(P) - trace(M)), distanceToBrenier: frobeniusNorm(sub(M, P)) / frobeniusNorm(M) };
}
