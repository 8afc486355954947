// One-dimensional monotone rearrangement (MATH.md §3.2 for d = 1): the Brenier map between μ with CDF F
// and ν with CDF G is T = G⁻¹ ∘ F, with the generalised inverse G⁻¹(u) = inf{y : G(y) ≥ u}; where
// both have densities f, g it solves the 1-D Monge–Ampère equation T'(x) = f(x)/g(T(x)).
import { type Expr, QgeomError, excerpt } from "../core/index.js";
import { compile } from "../compile/index.js";
import { variableNames } from "./variables.js";

/** A CDF as a function, or an expression in one variable (compiled). */
export type CdfInput =
  | ((x: number) => number)
  | {
      /** The CDF (or survival function) as an expression in `variable`; compiled once. */
      expr: Expr;
      /** Name of the one free variable of `expr`. */
      variable: string;
    };

/** Options of {@link monotoneRearrangement}. */
export interface RearrangementOptions {
  /** Survival function 1 − F of the source (improves accuracy in the upper tail, where F rounds to 1). */
  sourceSf?: CdfInput;
  /** Survival function 1 − G of the target. */
  targetSf?: CdfInput;
  /** Support [lo, hi] of the target (default (−∞, ∞)); G(lo) = 0 and G(hi) = 1 when finite. */
  targetSupport?: readonly [number, number];
  /** Range sampled at construction to check that F and G are non-decreasing CDFs (default [−10, 10]). */
  probe?: readonly [number, number];
}

/** The map T = G⁻¹ ∘ F. */
export interface MonotoneRearrangement {
  /** T(x). Throws DOMAIN if F(x) ∈ {0, 1} and the target support is unbounded on that side. */
  (x: number): number;
  /** T at many points (non-decreasing input gives non-decreasing output; checked). */
  map(xs: ArrayLike<number>): Float64Array;
  /** The generalised inverse G⁻¹(u) for u ∈ (0, 1), or G⁻¹ applied to the upper-tail probability 1 − u when `upper`. */
  quantile(u: number, upper?: boolean): number;
}

function asFunction(c: CdfInput, name: string): (x: number) => number {
  if (typeof c === "function") return c;
  if (c === null || typeof c !== "object" || !("expr" in c)) throw new QgeomError("INVALID_ARGUMENT", `${name} must be a function (x) => number or { expr, variable }, got ${excerpt(c)}; pass e.g. (x) => 1 - Math.exp(-x)`);
  const [v] = variableNames([c.variable], `${name}.variable`);
  const f = compile(c.expr, [v!]);
  const i = new Float64Array(1), o = new Float64Array(1);
  return (x) => {
    i[0] = x;
    f(i, o);
    return o[0]!;
  };
}

const view = new DataView(new ArrayBuffer(8));

/** The position of x in the ordering of finite doubles (−0 and +0 both at 0). */
function doubleKey(x: number): bigint {
  view.setFloat64(0, Math.abs(x));
  const k = view.getBigUint64(0);
  return x < 0 ? -k : k;
}

function fromKey(k: bigint): number {
  view.setBigUint64(0, k < 0n ? -k : k);
  const x = view.getFloat64(0);
  return k < 0n ? -x : x;
}

/** Number of steps between a < b in the ordering of doubles. */
function doublesBetween(a: number, b: number): bigint {
  return doubleKey(b) - doubleKey(a);
}

/** The double halfway between a and b in the ordering of doubles (a geometric mean across magnitudes). */
function bitMidpoint(a: number, b: number): number {
  const ka = doubleKey(a), kb = doubleKey(b);
  return fromKey(ka + (kb - ka) / 2n);
}

function probability(v: number, name: string, x: number): number {
  if (!(v >= 0 && v <= 1)) throw new QgeomError("DOMAIN", `${name}(${x}) = ${v} is not a probability; pass a CDF with values in [0, 1]`);
  return v;
}

/**
 * The monotone (Brenier) map T = G⁻¹∘F between two laws on ℝ given by their CDFs (MATH §3.2). G⁻¹ is
 * found by bracketing and safeguarded bisection/secant to full double precision; any evaluation that
 * contradicts monotonicity of G (or F on the probe grid) is an error naming the points, never a
 * silent wrong answer.
 */
export function monotoneRearrangement(sourceCdf: CdfInput, targetCdf: CdfInput, options: RearrangementOptions = {}): MonotoneRearrangement {
  const F = asFunction(sourceCdf, "sourceCdf");
  const G = asFunction(targetCdf, "targetCdf");
  const Fs = options.sourceSf ? asFunction(options.sourceSf, "options.sourceSf") : undefined;
  const Gs = options.targetSf ? asFunction(options.targetSf, "options.targetSf") : undefined;
  const [lo, hi] = options.targetSupport ?? [-Infinity, Infinity];
  if (!(lo < hi)) throw new QgeomError("INVALID_ARGUMENT", `options.targetSupport must be [lo, hi] with lo < hi, got [${lo}, ${hi}]; pass e.g. [-Infinity, Infinity] or [0, 1]`);
  const [p0, p1] = options.probe ?? [-10, 10];
  if (!(p0 < p1) || !Number.isFinite(p0) || !Number.isFinite(p1)) throw new QgeomError("INVALID_ARGUMENT", `options.probe must be a finite range [a, b] with a < b; pass e.g. [-10, 10]`);

  // construction-time check: F and G are non-decreasing with values in [0, 1] on the probe grid
  const checkGrid = (H: (x: number) => number, name: string, a: number, b: number, decreasing = false): void => {
    let prevX = NaN, prev = decreasing ? Infinity : -Infinity;
    for (let k = 0; k <= 256; k++) {
      const x = a + ((b - a) * k) / 256;
      const v = probability(H(x), name, x);
      if (decreasing ? v > prev : v < prev)
        throw new QgeomError("DOMAIN", `${name} is not ${decreasing ? "non-increasing" : "non-decreasing"}: ${name}(${prevX}) = ${prev} but ${name}(${x}) = ${v}; pass a ${decreasing ? "survival function" : "CDF"}`);
      prev = v;
      prevX = x;
    }
  };
  checkGrid(F, "sourceCdf", p0, p1);
  checkGrid(G, "targetCdf", Math.max(p0, lo), Math.min(p1, hi));
  if (Fs) checkGrid(Fs, "sourceSf", p0, p1, true);
  if (Gs) checkGrid(Gs, "targetSf", Math.max(p0, lo), Math.min(p1, hi), true);

  /**
   * inf{y : H(y) ≥ u} for a non-decreasing H (or, with `sf`, inf{y : S(y) ≤ u} for non-increasing S),
   * keeping the bracket invariant H(a) < u ≤ H(b).
   */
  const invert = (u: number, H: (y: number) => number, name: string, sf: boolean): number => {
    const val = (y: number): number => {
      const v = probability(H(y), name, y);
      return sf ? -v : v; // work with a non-decreasing function and level −u for survival functions
    };
    const level = sf ? -u : u;
    // bracket
    let a = Number.isFinite(lo) ? lo : Math.min(-1, Number.isFinite(hi) ? hi - 1 : -1);
    let b = Number.isFinite(hi) ? hi : Math.max(1, Number.isFinite(lo) ? lo + 1 : 1);
    let fa = val(a), fb = val(b);
    if (fa > fb) throw new QgeomError("DOMAIN", `${name} is not monotone: ${name}(${a}) and ${name}(${b}) are in the wrong order; pass a non-decreasing CDF`);
    for (let k = 0; fa >= level; k++) {
      if (Number.isFinite(lo) && a === lo) return lo;
      if (k > 2100) throw new QgeomError("DOMAIN", `no point y with ${name}(y) < ${u} was found down to ${a}; check the CDF tends to 0 at the lower end of its support`);
      const na = a < 0 ? a * 2 : a - 1;
      const fna = val(na);
      if (fna > fa) throw new QgeomError("DOMAIN", `${name} is not monotone: ${name}(${na}) = ${Math.abs(fna)} vs ${name}(${a}) = ${Math.abs(fa)}; pass a non-decreasing CDF`);
      b = a;
      fb = fa;
      a = Number.isFinite(lo) ? Math.max(lo, na) : na;
      fa = a === na ? fna : val(a);
      if (!Number.isFinite(a)) throw new QgeomError("DOMAIN", `the quantile of level ${u} lies below -1.8e308; check the CDF tends to 0 at the lower end of its support`);
    }
    for (let k = 0; fb < level; k++) {
      if (Number.isFinite(hi) && b === hi) throw new QgeomError("DOMAIN", `${name}(${hi}) = ${Math.abs(fb)} < ${u} at the upper end of the target support; the support or the CDF is wrong; check targetSupport and the CDF`);
      if (k > 2100) throw new QgeomError("DOMAIN", `no point y with ${name}(y) >= ${u} was found up to ${b}; check the CDF tends to 1 at the upper end of its support`);
      const nb = b > 0 ? b * 2 : b + 1;
      const fnb = val(nb);
      if (fnb < fb) throw new QgeomError("DOMAIN", `${name} is not monotone: ${name}(${b}) = ${Math.abs(fb)} vs ${name}(${nb}) = ${Math.abs(fnb)}; pass a non-decreasing CDF`);
      a = b;
      fa = fb;
      b = Number.isFinite(hi) ? Math.min(hi, nb) : nb;
      fb = b === nb ? fnb : val(b);
      if (!Number.isFinite(b)) throw new QgeomError("DOMAIN", `the quantile of level ${u} lies above 1.8e308; check the CDF tends to 1 at the upper end of its support`);
    }
    // safeguarded regula falsi / bisection in the ordering of doubles, on the invariant fa < level <= fb:
    // every third step halves the number of doubles in [a, b], so at most ~200 steps reach adjacent doubles
    for (let k = 0; k < 300; k++) {
      if (doublesBetween(a, b) <= 1n) return b;
      let m = NaN;
      if (k % 3 !== 2 && fb > fa) {
        const width = b - a;
        m = a + (width * (level - fa)) / (fb - fa);
        const guard = 1e-3 * width; // keep secant steps off the ends
        if (m - a < guard) m = a + guard;
        else if (b - m < guard) m = b - guard;
      }
      if (!(m > a && m < b)) m = bitMidpoint(a, b);
      const fm = val(m);
      if (fm < fa || fm > fb)
        throw new QgeomError("DOMAIN", `${name} is not monotone: ${name}(${a}) = ${Math.abs(fa)}, ${name}(${m}) = ${Math.abs(fm)}, ${name}(${b}) = ${Math.abs(fb)}; pass a non-decreasing CDF`);
      if (fm >= level) {
        b = m;
        fb = fm;
      } else {
        a = m;
        fa = fm;
      }
    }
    throw new QgeomError("NO_CONVERGENCE", `the quantile search for level ${u} did not converge (bracket [${a}, ${b}]); check the CDF is continuous and non-decreasing`);
  };

  const quantile = (u: number, upper = false): number => {
    if (!(u > 0 && u < 1)) throw new QgeomError("DOMAIN", `the level must lie in (0, 1), got ${u}; pass a level strictly between 0 and 1`);
    return upper && Gs ? invert(u, Gs, "targetSf", true) : invert(upper ? 1 - u : u, G, "targetCdf", false);
  };

  const T = ((x: number): number => {
    if (typeof x !== "number" || Number.isNaN(x)) throw new QgeomError("INVALID_ARGUMENT", `x must be a number, got ${String(x)}; pass a finite number`);
    const u = probability(F(x), "sourceCdf", x);
    if (u > 0.5 && Fs) {
      const s = probability(Fs(x), "sourceSf", x);
      if (s === 0) {
        if (Number.isFinite(hi)) return hi;
        throw new QgeomError("DOMAIN", `the source has no mass above x = ${x} (survival 0) and the target support is unbounded above: T(x) = +∞; pass x inside the source support or give targetSupport a finite upper end`);
      }
      return Gs ? invert(s, Gs, "targetSf", true) : invert(1 - s, G, "targetCdf", false);
    }
    if (u === 0) {
      if (Number.isFinite(lo)) return lo;
      throw new QgeomError("DOMAIN", `sourceCdf(${x}) = 0 (x is below the source support or in its far tail) and the target support is unbounded below: T(x) = −∞; pass x inside the source support or give targetSupport a finite lower end`);
    }
    if (u === 1) {
      if (Number.isFinite(hi)) return hi;
      throw new QgeomError("DOMAIN", `sourceCdf(${x}) = 1 (x is above the source support or in its far tail; pass options.sourceSf for tails) and the target support is unbounded above: T(x) = +∞`);
    }
    return invert(u, G, "targetCdf", false);
  }) as MonotoneRearrangement;

  const map = (xs: ArrayLike<number>): Float64Array => {
    const out = new Float64Array(xs.length);
    for (let i = 0; i < xs.length; i++) {
      out[i] = T(xs[i]!);
      if (i > 0 && xs[i]! >= xs[i - 1]! && out[i]! < out[i - 1]!)
        throw new QgeomError("DOMAIN", `T is not monotone between x = ${xs[i - 1]} and x = ${xs[i]} (T = ${out[i - 1]}, ${out[i]}): sourceCdf is not non-decreasing there; check sourceCdf`);
    }
    return out;
  };
  Object.defineProperties(T, { map: { value: map }, quantile: { value: quantile } });
  return T;
}
