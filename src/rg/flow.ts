// Coarse-graining steps composed as a flow (MATH.md §8.1, §8.3): trajectories, fixed points and their
// stability (multiplier f′(x*): stable if |f′| < 1, unstable if > 1), and the AR(1) flow r ↦ r² with
// fixed points r* = 0 (stable, ξ = 0) and r* = 1 (unstable, degenerate, ξ = ∞); r = −1 is mapped to 1.
import { QgeomError } from "../core/index.js";
import type { Matrix } from "../linalg/index.js";
import { type Ar1, ar1Decimate, ar1MarginalVariance, correlationLength } from "./ar1.js";
import { coarseGrain } from "./congruence.js";

/** x₀, f(x₀), f(f(x₀)), … (steps + 1 states). */
export function iterateFlow<S>(step: (s: S) => S, s0: S, steps: number): S[] {
  if (typeof step !== "function") throw new QgeomError("INVALID_ARGUMENT", `step must be a function state → state; pass e.g. (x) => x * x`);
  if (!Number.isInteger(steps) || steps < 0) throw new QgeomError("INVALID_ARGUMENT", `steps must be a non-negative integer, got ${steps}; pass 0, 1, 2, …`);
  const out = [s0];
  for (let k = 0; k < steps; k++) out.push(step(out[k]!));
  return out;
}

/** The covariances Σ, R₁ΣR₁ᵀ, R₂R₁ΣR₁ᵀR₂ᵀ, … of successive congruence coarse-grainings. */
export function coarseGrainingFlow(Sigma: Matrix, steps: readonly Matrix[]): Matrix[] {
  const out = [Sigma];
  steps.forEach((R) => out.push(coarseGrain(out[out.length - 1]!, R)));
  return out;
}

/** One state of the AR(1) flow. */
export interface Ar1FlowState extends Ar1 {
  /** ξ = −1/log|r|. */
  readonly xi: number;
  /** σ²/(1 − r²) (invariant). */
  readonly variance: number;
}

/** The AR(1) decimation flow r ↦ r², σ² ↦ σ²(1 + r²) for `steps` steps, with ξ and the marginal variance. */
export function ar1Flow(p: Ar1, steps: number): Ar1FlowState[] {
  return iterateFlow(ar1Decimate, p, steps).map((q) => ({ ...q, xi: correlationLength(q.r), variance: ar1MarginalVariance(q) }));
}

/** A fixed point of a one-dimensional map with its multiplier. */
export interface FixedPoint {
  /** The fixed point x*, with |f(x*) − x*| ≤ tol·(1 + |x*|). */
  readonly x: number;
  /** f′(x*) (central difference). */
  readonly multiplier: number;
  /** |f′(x*)| < 1. */
  readonly stable: boolean;
}

/** Classifies x* as a fixed point of f: checks |f(x*) − x*| ≤ tol and computes f′(x*) by central differences. */
export function classifyFixedPoint(f: (x: number) => number, x: number, options: { tol?: number; h?: number } = {}): FixedPoint {
  const tol = options.tol ?? 1e-10, h = options.h ?? 1e-6;
  const fx = f(x);
  if (!(Math.abs(fx - x) <= tol * (1 + Math.abs(x)))) throw new QgeomError("INVALID_ARGUMENT", `${x} is not a fixed point: f(x) = ${fx}; pass a fixed point (check with f(x) ≈ x), e.g. from a root finder`);
  const multiplier = (f(x + h) - f(x - h)) / (2 * h);
  return { x, multiplier, stable: Math.abs(multiplier) < 1 };
}

/**
 * Fixed points of f on [lo, hi]: sign changes (and exact zeros) of g(x) = f(x) − x on a uniform grid,
 * refined by bisection to ~1e-14, then classified. Misses fixed points where g touches zero without a
 * sign change unless a grid point hits them exactly (the endpoints are checked too).
 */
export function findFixedPoints(f: (x: number) => number, lo: number, hi: number, options: { grid?: number } = {}): FixedPoint[] {
  if (!(Number.isFinite(lo) && Number.isFinite(hi) && lo < hi)) throw new QgeomError("INVALID_ARGUMENT", `need a finite interval lo < hi, got [${lo}, ${hi}]; pass finite numbers with lo < hi`);
  const n = options.grid ?? 1000;
  const g = (x: number) => f(x) - x;
  const found: number[] = [];
  let x0 = lo, g0 = g(lo);
  if (g0 === 0) found.push(lo);
  for (let k = 1; k <= n; k++) {
    const x1 = lo + ((hi - lo) * k) / n, g1 = g(x1);
    if (g1 === 0) found.push(x1);
    else if (g0 !== 0 && Math.sign(g0) !== Math.sign(g1)) {
      let a = x0, b = x1, ga = g0;
      for (let it = 0; it < 200 && b - a > 1e-15 * (1 + Math.abs(a)); it++) {
        const m = 0.5 * (a + b), gm = g(m);
        if (gm === 0) { a = b = m; break; }
        if (Math.sign(gm) === Math.sign(ga)) { a = m; ga = gm; } else b = m;
      }
      found.push(0.5 * (a + b));
    }
    x0 = x1;
    g0 = g1;
  }
  return found.map((x) => classifyFixedPoint(f, x, { tol: 1e-8, h: Math.min(1e-6, (hi - lo) / (4 * n)) }));
}

/** Fixed points of the AR(1) flow in r (MATH.md §8.3): r* = 0 (stable) and r* = 1 (unstable, ξ = ∞). */
export function ar1FixedPoints(): FixedPoint[] {
  const f = (r: number) => r * r;
  return [classifyFixedPoint(f, 0), classifyFixedPoint(f, 1)];
}
