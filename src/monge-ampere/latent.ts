// Latent Gaussian generator x = Wz + b, z ~ N(0, I_k), W ∈ ℝ^{d×k} (MATH.md §3.7): x ~ N(b, WWᵀ),
// WWᵀ ≻ 0 iff rank W = d. For square invertible W = PU (P = (WWᵀ)^{1/2}, U orthogonal) the Brenier
// map N(0, I) → N(b, WWᵀ) is z ↦ Pz + b, and for b = 0
//   W₂² = tr(I + WWᵀ − 2P) ≤ E‖z − Wz‖² = tr(I + WWᵀ − W − Wᵀ),  with equality iff W = P.
import { QgeomError } from "../core/index.js";
import { type Matrix, frobeniusNorm, identity, matmul, polar, singularValues, sub, trace, transpose } from "../linalg/index.js";
import { type MatrixInput, type VectorInput, toMatrix, toVector } from "./numeric-input.js";

/** x·2^k without intermediate overflow (k may exceed the exponent range of one power of two). */
function ldexp(x: number, k: number): number {
  let r = x;
  for (; k > 1000; k -= 1000) r *= 2 ** 1000;
  for (; k < -1000; k += 1000) r *= 2 ** -1000;
  return r * 2 ** k;
}

/** k with max|a_i|·2^k ≈ 1 (0 for a zero array). */
function unitExponent(a: Float64Array): number {
  const mx = Math.max(...Array.from(a, Math.abs));
  return mx > 0 ? -Math.round(Math.log2(mx)) : 0;
}

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
  const e = unitExponent(M.data); // exact power-of-two scaling (subnormal or huge entries)
  const s = singularValues({ rows: d, cols: k, data: M.data.map((v) => ldexp(v, e)) }).map((v) => ldexp(v, -e));
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
      `W is ${d}×${M.cols}: the Brenier map N(0, I_k) → N(b, WWᵀ) is compared with z ↦ Wz + b only for square W (k = d); for k < d the law of x is singular (no density, no Monge–Ampère equation), use latentGenerator`,
    );
  const g = latentGenerator(M);
  if (!g.absolutelyContinuous)
    throw new QgeomError("SINGULAR", `W has rank ${g.rank} < ${d}: x = Wz + b has a singular law on a ${g.rank}-dimensional subspace, so there is no Brenier map onto it; pass a W of full rank ${d}`);
  // polar(2^k W) = (2^k P) U exactly: scale to unit size so subnormal or huge entries keep full precision
  const k = unitExponent(M.data);
  const { p: Ps, u: U } = polar({ rows: d, cols: d, data: M.data.map((v) => ldexp(v, k)) }, "W");
  const P = { rows: d, cols: d, data: Ps.data.map((v) => ldexp(v, -k)) };
  // tr(I + WWᵀ − 2P) = ‖I − P‖²_F (P² = WWᵀ) and tr(I + WWᵀ − W − Wᵀ) = ‖I − W‖²_F: no cancellation
  const I = identity(d);
  const w2sq = frobeniusNorm(sub(I, P)) ** 2;
  const generatorCost = frobeniusNorm(sub(I, M)) ** 2;
  return { P, U, w2sq, generatorCost, gap: 2 * (trace(P) - trace(M)), distanceToBrenier: frobeniusNorm(sub(M, P)) / frobeniusNorm(M) };
}
