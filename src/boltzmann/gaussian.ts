// Gaussian units (MATH.md §2.2).
// Gaussian–Gaussian: joint precision K = [[I_d, −W], [−Wᵀ, I_m]] ≻ 0 iff ‖W‖₂ < 1; the visible marginal is
//   v ~ N((I − WWᵀ)⁻¹(a + Wc), T (I − WWᵀ)⁻¹)  (K/K_hh = I − WWᵀ, MATH.md §8.2; T = 1 in §2.2).
// Gaussian–Bernoulli: ∇²F(v) = I − (1/T) W D(v) Wᵀ, D = diag sig′ ⪯ ¼ I, so ‖W‖₂ < 2 (at T = 1) is a
//   sufficient condition for convexity; F is strictly convex at v iff λ_min(∇²F(v)) > 0.
import { QgeomError } from "../core/index.js";
import { type Matrix, eigvalsh, inverse, schurComplement, spectralNorm } from "../linalg/index.js";
import { jointPrecision } from "./enumerate.js";
import { freeEnergyHessian } from "./free-energy.js";
import { type RBM, type VectorInput, checkNormalisable, checkRBM, temperature } from "./model.js";

/** Mean, covariance and precision of the visible marginal of a Gaussian–Gaussian RBM. */
export interface GaussianMarginal {
  /** (I − WWᵀ)⁻¹(a + Wc), length d (independent of T). */
  readonly mean: Float64Array;
  /** T(I − WWᵀ)⁻¹, d×d. */
  readonly covariance: Matrix;
  /** The Schur complement K/K_hh = (I − WWᵀ)/T. */
  readonly precision: Matrix;
}

/**
 * Visible marginal of a Gaussian–Gaussian RBM (MATH.md §2.2, V7) from the Schur complement of the joint
 * precision: precision (I − WWᵀ)/T, covariance T(I − WWᵀ)⁻¹, mean (I − WWᵀ)⁻¹(a + Wc).
 * Throws DOMAIN if ‖W‖₂ ≥ 1 (not normalisable).
 */
export function ggMarginal(model: RBM, options: { T?: number } = {}): GaussianMarginal {
  checkRBM(model);
  if (model.kind !== "gaussian-gaussian") throw new QgeomError("UNSUPPORTED", `ggMarginal needs a Gaussian–Gaussian RBM, got ${model.kind}; pass an RBM with kind "gaussian-gaussian"`);
  const T = temperature(options.T);
  checkNormalisable(model);
  const d = model.W.rows, m = model.W.cols;
  const K = jointPrecision(model);
  const hidden = Array.from({ length: m }, (_, j) => d + j);
  const S = schurComplement(K, hidden, "K"); // I − WWᵀ
  const precision = { rows: d, cols: d, data: S.data.map((x) => x / T) };
  const Sinv = inverse(S, "I − WWᵀ");
  const covariance = { rows: d, cols: d, data: Sinv.data.map((x) => x * T) };
  const rhs = Float64Array.from(model.a);
  for (let i = 0; i < d; i++) for (let j = 0; j < m; j++) rhs[i]! += model.W.data[i * m + j]! * model.c[j]!;
  const mean = new Float64Array(d);
  for (let i = 0; i < d; i++) for (let k = 0; k < d; k++) mean[i]! += Sinv.data[i * d + k]! * rhs[k]!;
  return { mean, covariance, precision };
}

/** Convexity data of the Gaussian–Bernoulli free energy at one v. */
export interface GbConvexity {
  /** ∇²F(v) = I − (1/T) W D Wᵀ. */
  readonly hessian: Matrix;
  /** λ_min(∇²F(v)); F is strictly convex at v iff it is > 0. */
  readonly lambdaMin: number;
  /** ‖W‖₂. */
  readonly normW: number;
  /** Whether the sufficient condition ‖W‖₂ < 2√T holds (then λ_min ≥ 1 − ‖W‖₂²/(4T) > 0). */
  readonly sufficient: boolean;
  /** The guaranteed lower bound 1 − ‖W‖₂²/(4T) on λ_min. */
  readonly bound: number;
}

/** λ_min of the Gaussian–Bernoulli free-energy Hessian at v, with the sufficient condition of MATH.md §2.2. */
export function gbConvexity(model: RBM, v: VectorInput, options: { T?: number } = {}): GbConvexity {
  checkRBM(model);
  if (model.kind !== "gaussian-bernoulli") throw new QgeomError("UNSUPPORTED", `gbConvexity needs a Gaussian–Bernoulli RBM, got ${model.kind}; pass an RBM with kind "gaussian-bernoulli"`);
  const T = temperature(options.T);
  const hessian = freeEnergyHessian(model, v, { T });
  const lambdaMin = eigvalsh(hessian, { name: "∇²F" })[0]!;
  const normW = spectralNorm(model.W, "W");
  return { hessian, lambdaMin, normW, sufficient: normW < 2 * Math.sqrt(T), bound: 1 - (normW * normW) / (4 * T) };
}

/**
 * A Gaussian–Bernoulli RBM and a point where the free energy is not convex (V6): W = w·I_d with w > 2,
 * c = 0, v = 0, so D = ¼ I and ∇²F(0) = (1 − w²/4) I with λ_min = 1 − w²/4 < 0.
 */
export function gbNonConvexExample(
  d = 2,
  w = 6,
): {
  /** Gaussian–Bernoulli RBM with W = w·I_d, a = 0, c = 0. */
  model: RBM;
  /** The point v = 0 ∈ ℝ^d where ∇²F(v) = (1 − w²/4) I. */
  v: Float64Array;
  /** λ_min(∇²F(0)) = 1 − w²/4 < 0 at T = 1. */
  lambdaMin: number;
} {
  if (!Number.isInteger(d) || d < 1) throw new QgeomError("INVALID_ARGUMENT", `d must be a positive integer, got ${d}; pass e.g. 2`);
  if (!(w > 2)) throw new QgeomError("INVALID_ARGUMENT", `w must exceed 2 for a counterexample, got ${w}; pass e.g. 3`);
  const W = new Float64Array(d * d);
  for (let i = 0; i < d; i++) W[i * d + i] = w;
  return {
    model: { kind: "gaussian-bernoulli", W: { rows: d, cols: d, data: W }, a: new Float64Array(d), c: new Float64Array(d) },
    v: new Float64Array(d),
    lambdaMin: 1 - (w * w) / 4,
  };
}

