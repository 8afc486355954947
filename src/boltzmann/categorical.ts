// The categorical family (MATH.md §2.5): ψ(θ) = log(1 + Σ_{i=1}^n e^{θ_i}), ∇²ψ = diag(p) − ppᵀ and
//   det ∇²ψ(θ) = Π_{i=0}^n p_i,  p_0 = (1 + Σ e^{θ_i})⁻¹,  p_i = e^{θ_i} p_0
// (matrix determinant lemma: det(diag p − ppᵀ) = Π_{i≥1} p_i · (1 − Σ_{i≥1} p_i)). Not constant in θ,
// so the family is no Monge–Ampère domain under readings (i) or (ii) of §8.6.
import {
  type Certificate,
  type Expr,
  QgeomError,
  ONE,
  add,
  det,
  exp,
  hessian,
  log,
  matrix,
  mul,
  num,
  pow,
  sym,
  verify,
} from "../core/index.js";
import { type Matrix } from "../linalg/index.js";

function thetaOf(theta: ArrayLike<number>): Float64Array {
  if (theta === null || typeof theta !== "object" || theta.length < 1)
    throw new QgeomError("SHAPE", `theta must be a non-empty array (n natural parameters for n + 1 categories); pass e.g. [0.5, -1] for three categories`);
  const t = Float64Array.from(theta);
  t.forEach((x, k) => {
    if (!Number.isFinite(x)) throw new QgeomError("NOT_FINITE", `theta[${k}] is ${x}; pass finite parameters`);
  });
  return t;
}

/** (p_0, p_1, …, p_n) with p_0 = 1/(1 + Σ e^{θ_i}), p_i = e^{θ_i} p_0 (shifted, overflow-free). */
export function categoricalProbabilities(theta: ArrayLike<number>): Float64Array {
  const t = thetaOf(theta);
  const m = Math.max(0, ...t);
  const w = Float64Array.from([0, ...t], (x) => Math.exp(x - m));
  const s = w.reduce((a, b) => a + b, 0);
  return w.map((x) => x / s);
}

/** ψ(θ) = log(1 + Σ e^{θ_i}). */
export function categoricalLogPartition(theta: ArrayLike<number>): number {
  const t = thetaOf(theta);
  const m = Math.max(0, ...t);
  let s = Math.exp(-m);
  for (const x of t) s += Math.exp(x - m);
  return m + Math.log(s);
}

/** ∇²ψ(θ) = diag(p) − ppᵀ over p_1 … p_n. */
export function categoricalHessian(theta: ArrayLike<number>): Matrix {
  const p = categoricalProbabilities(theta).subarray(1);
  const n = p.length;
  const H = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) H[i * n + j] = (i === j ? p[i]! : 0) - p[i]! * p[j]!;
  return { rows: n, cols: n, data: H };
}

/** det ∇²ψ(θ) = Π_{i=0}^n p_i in closed form (with its log). */
export function categoricalMongeAmpere(theta: ArrayLike<number>): {
  /** Π_{i=0}^n p_i = exp(logDet); may underflow to 0 where logDet does not. */
  det: number;
  /** Σ_{i=0}^n log p_i. */
  logDet: number;
} {
  const p = categoricalProbabilities(theta);
  let l = 0;
  for (const x of p) l += Math.log(x);
  return { det: Math.exp(l), logDet: l };
}

/** The symbolic derivation of V5 for n parameters. */
export interface CategoricalDerivation {
  /** Natural parameters θ_1 … θ_n as symbols t1 … tn. */
  readonly theta: Expr[];
  /** ψ = log(1 + Σ e^{θ_i}). */
  readonly psi: Expr;
  /** ∇²ψ, n×n rows of Exprs (diag(p) − ppᵀ before simplification). */
  readonly hessian: Expr[][];
  /** det ∇²ψ as computed (closed form over the atoms e^{θ_i}). */
  readonly detHessian: Expr;
  /** Π_{i=0}^n p_i = e^{Σθ_i} / (1 + Σ e^{θ_i})^{n+1}. */
  readonly product: Expr;
  /** verify(detHessian, product). */
  readonly certificate: Certificate;
}

/** Derives det ∇²ψ = Π p_i symbolically (V5, exact; n up to about 6). Symbols t1 … tn. */
export function categoricalMongeAmpereSymbolic(n: number): CategoricalDerivation {
  if (!Number.isInteger(n) || n < 1 || n > 8) throw new QgeomError("INVALID_ARGUMENT", `n must be an integer in 1..8 (symbolic determinant of an n×n Hessian), got ${n}; pass e.g. 3`);
  const theta = Array.from({ length: n }, (_, i) => sym(`t${i + 1}`));
  const S = add(ONE, ...theta.map(exp));
  const psi = log(S);
  const H = hessian(psi, theta);
  const detHessian = det(matrix(H));
  const product = mul(exp(add(...theta)), pow(S, num(-(n + 1))));
  return { theta, psi, hessian: H, detHessian, product, certificate: verify(detHessian, product) };
}
