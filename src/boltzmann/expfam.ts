// The fully visible Boltzmann machine as an exponential family (MATH.md §2.5, T = 1; at temperature T
// pass θ/T): P_θ(s) = exp(⟨θ, t(s)⟩ − ψ(θ)), t(s) = ((s_i s_j)_{i<j}, (s_i)_i), ψ = log Z.
//   η = ∇ψ = E_θ t,  ∇²ψ = Cov_θ(t) = I(θ) (Fisher),  ψ*(η) = ⟨θ, η⟩ − ψ(θ) = −H(P_θ),
//   ∇ψ* = (∇ψ)⁻¹,  ∇²ψ*(η) = ∇²ψ(θ)⁻¹,  KL(P_θ‖P_θ′) = D_ψ(θ′, θ) = D_ψ*(η, η′)  (argument order of §1.9).
// Parameter order: the pairs (i, j), i < j, in row-major order (12, 13, …, 1n, 23, …), then b_1 … b_n.
// The Monge–Ampère operator of the family is det ∇²ψ = det I(θ).
import { QgeomError } from "../core/index.js";
import { excerpt } from "../core/errors.js";
import { type Matrix, slogDet, solve } from "../linalg/index.js";
import { logSumExp, stateEnergies } from "./enumerate.js";
import { type BoltzmannMachine, checkBM, checkEnumerable } from "./model.js";

/** Number of natural parameters n(n−1)/2 + n of the n-unit family. */
export function expfamDimension(n: number): number {
  return (n * (n - 1)) / 2 + n;
}

/** The unit pairs (i, j), i < j, in parameter order. */
export function unitPairs(n: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) out.push([i, j]);
  return out;
}

function units(n: unknown): number {
  if (!Number.isInteger(n) || (n as number) < 1) throw new QgeomError("INVALID_ARGUMENT", `number of units must be a positive integer, got ${excerpt(n)}; pass e.g. 3`);
  checkEnumerable(n as number, `a fully visible Boltzmann machine with ${n} units`);
  return n as number;
}

function thetaOf(n: number, theta: ArrayLike<number>, name = "theta"): Float64Array {
  const D = expfamDimension(n);
  if (theta === null || typeof theta !== "object" || theta.length !== D)
    throw new QgeomError("SHAPE", `${name} must have n(n−1)/2 + n = ${D} entries for n = ${n} units (pairs i<j row-major, then biases), got ${excerpt(theta)}; pass ${D} numbers`);
  const t = Float64Array.from(theta);
  t.forEach((x, k) => {
    if (!Number.isFinite(x)) throw new QgeomError("NOT_FINITE", `${name}[${k}] is ${x}; pass finite parameters`);
  });
  return t;
}

/** θ = (w_ij (i<j), b) of a fully visible Boltzmann machine. */
export function naturalParameters(model: BoltzmannMachine): Float64Array {
  checkBM(model);
  const n = model.W.rows;
  if (model.visible !== n) throw new QgeomError("UNSUPPORTED", `the exponential-family view needs a fully visible machine; this one has ${n - model.visible} hidden units; use visible = n (all units visible)`);
  return Float64Array.from([...unitPairs(n).map(([i, j]) => model.W.data[i * n + j]!), ...model.b]);
}

/** The fully visible Boltzmann machine with natural parameters θ. */
export function fromNaturalParameters(n: number, theta: ArrayLike<number>): BoltzmannMachine {
  const t = thetaOf(units(n), theta);
  const W = new Float64Array(n * n);
  unitPairs(n).forEach(([i, j], k) => {
    W[i * n + j] = t[k]!;
    W[j * n + i] = t[k]!;
  });
  return { W: { rows: n, cols: n, data: W }, b: t.slice(t.length - n), visible: n };
}

/** t(s) for state index s (bit i = s_i). */
export function sufficientStatistic(n: number, s: number): Float64Array {
  const D = expfamDimension(n);
  const t = new Float64Array(D);
  let k = 0;
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) t[k++] = (s >>> i) & (s >>> j) & 1;
  for (let i = 0; i < n; i++) t[k++] = (s >>> i) & 1;
  return t;
}

/** P_θ over the 2^n states and ψ(θ). */
function law(n: number, theta: Float64Array): { p: Float64Array; psi: number } {
  const E = stateEnergies(fromNaturalParameters(n, theta));
  const w = E.map((e) => -e);
  const psi = logSumExp(w);
  return { p: w.map((x) => Math.exp(x - psi)), psi };
}

/** ψ(θ) = log Σ_s e^{⟨θ, t(s)⟩} (exact enumeration in log space). */
export function expfamLogPartition(n: number, theta: ArrayLike<number>): number {
  return law(units(n), thetaOf(n, theta)).psi;
}

/** η = ∇ψ(θ) = E_θ t (mean parameters). */
export function meanParameters(n: number, theta: ArrayLike<number>): Float64Array {
  const { p } = law(units(n), thetaOf(n, theta));
  const eta = new Float64Array(expfamDimension(n));
  for (let s = 0; s < p.length; s++) {
    const t = sufficientStatistic(n, s);
    for (let a = 0; a < t.length; a++) eta[a]! += p[s]! * t[a]!;
  }
  return eta;
}

/** I(θ) = Cov_θ(t) = ∇²ψ(θ) (the Fisher information), accumulated centred for accuracy. */
export function fisherInformation(n: number, theta: ArrayLike<number>): Matrix {
  const th = thetaOf(units(n), theta);
  const { p } = law(n, th);
  const eta = meanParameters(n, th);
  const D = eta.length;
  const C = new Float64Array(D * D);
  for (let s = 0; s < p.length; s++) {
    const t = sufficientStatistic(n, s);
    for (let a = 0; a < D; a++) t[a]! -= eta[a]!;
    for (let a = 0; a < D; a++) for (let b = a; b < D; b++) C[a * D + b]! += p[s]! * t[a]! * t[b]!;
  }
  for (let a = 0; a < D; a++) for (let b = 0; b < a; b++) C[a * D + b] = C[b * D + a]!;
  return { rows: D, cols: D, data: C };
}

/** Shannon entropy H(P_θ) in nats. */
export function expfamEntropy(n: number, theta: ArrayLike<number>): number {
  const { p } = law(units(n), thetaOf(n, theta));
  let h = 0;
  for (const x of p) if (x > 0) h -= x * Math.log(x);
  return h;
}

/**
 * θ = (∇ψ)⁻¹(η) by damped Newton on the strictly convex ψ(θ) − ⟨θ, η⟩. η must lie in the interior of
 * the marginal polytope (otherwise no θ exists and this throws DOMAIN).
 */
export function naturalFromMean(n: number, eta: ArrayLike<number>, options: { tol?: number; maxIter?: number } = {}): Float64Array {
  units(n);
  const target = thetaOf(n, eta, "eta");
  const tol = options.tol ?? 1e-14;
  const maxIter = options.maxIter ?? 100;
  const norm = (x: ArrayLike<number>) => Math.sqrt(Array.from(x).reduce((s, v) => s + v * v, 0));
  const grad = (t: Float64Array) => meanParameters(n, t).map((x, k) => x - target[k]!);
  const objective = (t: Float64Array) => expfamLogPartition(n, t) - t.reduce((s, x, k) => s + x * target[k]!, 0);
  let th = new Float64Array(target.length);
  let g = grad(th);
  for (let it = 0; it < maxIter; it++) {
    const gn = norm(g);
    if (gn <= tol) return th;
    const step = solve(fisherInformation(n, th), g, "Fisher information");
    // full Newton step when it reduces ‖∇‖ (quadratic convergence); else backtrack on the convex objective
    let next = th.map((x, k) => x - step[k]!);
    let gNext = grad(next);
    if (!(norm(gNext) < gn)) {
      const f0 = objective(th);
      const slope = g.reduce((s, x, k) => s + x * step[k]!, 0);
      let alpha = 0.5;
      while (alpha > 1e-10 && !(objective(next = th.map((x, k) => x - alpha * step[k]!)) <= f0 - 1e-4 * alpha * slope)) alpha /= 2;
      gNext = grad(next);
      if (!(norm(gNext) < gn)) return th; // no further progress in float64: θ is as accurate as ∇ψ allows
    }
    th = next;
    g = gNext;
    if (th.some((x) => Math.abs(x) > 1e6))
      throw new QgeomError("DOMAIN", `eta ${excerpt(Array.from(target))} is not in the interior of the marginal polytope: ∇ψ(θ) = η has no solution (θ diverges); choose η strictly inside the marginal polytope`);
  }
  throw new QgeomError("NO_CONVERGENCE", `naturalFromMean did not converge in ${maxIter} Newton steps; η may be near the boundary of the marginal polytope; raise maxIter or choose η further from the boundary`);
}

/** ψ*(η) = ⟨θ, η⟩ − ψ(θ) with θ = (∇ψ)⁻¹(η); equals −H(P_θ) (MATH.md §2.5). */
export function conjugatePotential(n: number, eta: ArrayLike<number>): number {
  const th = naturalFromMean(n, eta);
  const e = thetaOf(n, eta, "eta");
  return th.reduce((s, x, k) => s + x * e[k]!, 0) - expfamLogPartition(n, th);
}

/**
 * Bregman divergence D_f(x′, x) = f(x′) − f(x) − ⟨∇f(x), x′ − x⟩ (MATH.md §1.9; note the order: the
 * base point x is the second argument).
 */
export function bregmanDivergence(f: (x: Float64Array) => number, grad: (x: Float64Array) => ArrayLike<number>, xPrime: ArrayLike<number>, x: ArrayLike<number>): number {
  const xp = Float64Array.from(xPrime), x0 = Float64Array.from(x);
  if (xp.length !== x0.length) throw new QgeomError("SHAPE", `bregmanDivergence: x′ has length ${xp.length} but x has length ${x0.length}; pass two points of one length`);
  const g = grad(x0);
  let lin = 0;
  for (let k = 0; k < x0.length; k++) lin += g[k]! * (xp[k]! - x0[k]!);
  return f(xp) - f(x0) - lin;
}

/** KL(P_θ‖P_θ′) by enumeration (expectation under P_θ). Equals D_ψ(θ′, θ) = D_ψ*(η, η′). */
export function expfamKL(n: number, theta: ArrayLike<number>, thetaPrime: ArrayLike<number>): number {
  units(n);
  const a = law(n, thetaOf(n, theta)), b = law(n, thetaOf(n, thetaPrime, "thetaPrime"));
  let kl = 0;
  for (let s = 0; s < a.p.length; s++) if (a.p[s]! > 0) kl += a.p[s]! * (Math.log(a.p[s]!) - Math.log(b.p[s]!));
  return kl;
}

/** D_ψ(θ′, θ) of the family's log-partition. */
export function expfamBregman(n: number, thetaPrime: ArrayLike<number>, theta: ArrayLike<number>): number {
  units(n);
  return bregmanDivergence((t) => expfamLogPartition(n, t), (t) => meanParameters(n, t), thetaOf(n, thetaPrime, "thetaPrime"), thetaOf(n, theta));
}

/**
 * The Monge–Ampère operator of log Z: det ∇²ψ(θ) = det I(θ) (MATH.md §2.5), with its logarithm
 * (computed by LU, so it does not underflow).
 */
export function mongeAmpereLogZ(
  n: number,
  theta: ArrayLike<number>,
): {
  /** det I(θ) = exp(logDet); may underflow to 0 where logDet does not. */
  det: number;
  /** log det I(θ) from the LU factors. */
  logDet: number;
} {
  const I = fisherInformation(n, theta);
  const { sign, logAbsDet } = slogDet(I, "Fisher information");
  if (sign <= 0) throw new QgeomError("SINGULAR", `the Fisher information is numerically singular (the family is minimal, so θ is too extreme for float64); reduce the size of θ`);
  return { det: Math.exp(logAbsDet), logDet: logAbsDet };
}
