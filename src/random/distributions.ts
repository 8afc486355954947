// Scalar and vector samplers. Each takes the generator explicitly, so runs reproduce.
import { QgeomError, excerpt } from "../core/errors.js";
import type { Complex } from "../linalg/index.js";
import type { Rng } from "./rng.js";

function positive(x: unknown, name: string, fn: string): number {
  if (typeof x !== "number" || !Number.isFinite(x) || x <= 0) {
    throw new QgeomError("INVALID_ARGUMENT", `${fn}: ${name} must be a finite number > 0, got ${excerpt(x)}; pass a positive number`);
  }
  return x;
}

function finite(x: unknown, name: string, fn: string): number {
  if (typeof x !== "number" || !Number.isFinite(x)) {
    throw new QgeomError("INVALID_ARGUMENT", `${fn}: ${name} must be a finite number, got ${excerpt(x)}; pass a finite number`);
  }
  return x;
}

/** Uniform on [low, high). */
export function uniform(rng: Rng, low = 0, high = 1): number {
  finite(low, "low", "uniform");
  finite(high, "high", "uniform");
  if (!(high > low)) throw new QgeomError("INVALID_ARGUMENT", `uniform: need low < high, got [${low}, ${high}); pass low < high`);
  return low + (high - low) * rng.random();
}

/** Standard normal N(0, 1) by the Box–Muller transform (two uniforms per variate). */
export function standardNormal(rng: Rng): number {
  const u1 = rng.randomOpen0();
  const u2 = rng.random();
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

/** Normal N(mean, sd²). */
export function normal(rng: Rng, mean = 0, sd = 1): number {
  finite(mean, "mean", "normal");
  positive(sd, "sd", "normal");
  return mean + sd * standardNormal(rng);
}

/** Fills `out` with independent N(0, 1) variates (Box–Muller, both outputs of each pair used). */
export function fillStandardNormal(rng: Rng, out: Float64Array): Float64Array {
  let i = 0;
  for (; i + 1 < out.length; i += 2) {
    const r = Math.sqrt(-2 * Math.log(rng.randomOpen0()));
    const th = 2 * Math.PI * rng.random();
    out[i] = r * Math.cos(th);
    out[i + 1] = r * Math.sin(th);
  }
  if (i < out.length) out[i] = standardNormal(rng);
  return out;
}

/**
 * log of a Gamma(shape, 1) variate. Marsaglia & Tsang, ACM TOMS 26 (2000) 363–372, for shape ≥ 1;
 * for shape < 1 the boost G(a) = G(a+1) · U^{1/a}, kept in log space so tiny shapes do not underflow.
 */
function logGammaVariate(rng: Rng, shape: number): number {
  if (shape < 1) return logGammaVariate(rng, shape + 1) + Math.log(rng.randomOpen0()) / shape;
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number, v: number;
    do {
      x = standardNormal(rng);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = rng.randomOpen0();
    const x2 = x * x;
    if (u < 1 - 0.0331 * x2 * x2 || Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) return Math.log(d * v);
  }
}

/** Gamma(shape, scale): density ∝ x^{shape−1} e^{−x/scale}, mean shape·scale. Any shape > 0. */
export function gamma(rng: Rng, shape: number, scale = 1): number {
  positive(shape, "shape", "gamma");
  positive(scale, "scale", "gamma");
  return scale * Math.exp(logGammaVariate(rng, shape));
}

/** Chi-square with k > 0 (real) degrees of freedom: 2 · Gamma(k/2, 1). */
export function chiSquare(rng: Rng, k: number): number {
  positive(k, "k (degrees of freedom)", "chiSquare");
  return 2 * Math.exp(logGammaVariate(rng, k / 2));
}

/** Beta(a, b) as X/(X+Y) with X ~ Gamma(a), Y ~ Gamma(b) (computed in log space). */
export function beta(rng: Rng, a: number, b: number): number {
  positive(a, "a", "beta");
  positive(b, "b", "beta");
  const lx = logGammaVariate(rng, a), ly = logGammaVariate(rng, b);
  // x/(x+y) = 1/(1 + e^{ly−lx})
  return 1 / (1 + Math.exp(ly - lx));
}

/** Dirichlet(α): normalised independent Gamma(α_i) variates (log-space, so small α_i are safe). */
export function dirichlet(rng: Rng, alpha: ArrayLike<number>): Float64Array {
  if (alpha === null || typeof alpha !== "object" || typeof alpha.length !== "number" || alpha.length < 2) {
    throw new QgeomError("INVALID_ARGUMENT", `dirichlet: alpha must list at least 2 concentrations, got ${excerpt(alpha)}; pass an array such as [1, 1, 1]`);
  }
  const k = alpha.length;
  const lg = new Float64Array(k);
  let mx = -Infinity;
  for (let i = 0; i < k; i++) {
    positive(alpha[i], `alpha[${i}]`, "dirichlet");
    lg[i] = logGammaVariate(rng, alpha[i]!);
    if (lg[i]! > mx) mx = lg[i]!;
  }
  let s = 0;
  for (let i = 0; i < k; i++) {
    lg[i] = Math.exp(lg[i]! - mx);
    s += lg[i]!;
  }
  for (let i = 0; i < k; i++) lg[i]! /= s;
  return lg;
}

/** Circular complex normal CN(0, 1) (MATH §1.6): E|z|² = 1, E z² = 0; real and imaginary parts i.i.d. N(0, 1/2). */
export function complexNormal(rng: Rng): Complex {
  const r = Math.sqrt(-Math.log(rng.randomOpen0()));
  const th = 2 * Math.PI * rng.random();
  return { re: r * Math.cos(th), im: r * Math.sin(th) };
}
