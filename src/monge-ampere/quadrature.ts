// Adaptive Gauss–Kronrod (7, 15) quadrature with global error control (QUADPACK QAG/QAGI strategy:
// bisect the interval with the largest error estimate). Infinite ends are mapped to finite ones:
// (−∞, ∞) by x = t/(1 − t²), [a, ∞) by x = a + t/(1 − t), (−∞, b] by x = b − t/(1 − t).
import { QgeomError, excerpt } from "../core/index.js";

// Kronrod nodes (positive half, descending; odd indices are the 7-point Gauss nodes) and weights
// (QUADPACK qk15).
const XGK = [
  0.991455371120812639206854697526329, 0.949107912342758524526189684047851, 0.864864423359769072789712788640926,
  0.741531185599394439863864773280788, 0.586087235467691130294144845693013, 0.405845151377397166906606412076961,
  0.207784955007898467600689403773245, 0,
];
const WGK = [
  0.022935322010529224963732008058970, 0.063092092629978553290700663189204, 0.104790010322250183839876322541518,
  0.140653259715525918745189590510238, 0.169004726639267902826583426598550, 0.190350578064785409913256402421014,
  0.204432940075298892414161999234649, 0.209482141084727828012999174891714,
];
const WG = [0.129484966168869693270611432679082, 0.279705391489276667901467771423780, 0.381830050505118944950369775488975, 0.417959183673469387755102040816327];

/** Options of {@link integrate}. */
export interface QuadratureOptions {
  /** Absolute tolerance (default 1e-13). */
  absTol?: number;
  /** Relative tolerance (default 1e-12). */
  relTol?: number;
  /** Maximum number of subintervals (default 2000). */
  maxIntervals?: number;
}

/** An integral with its error estimate. */
export interface QuadratureResult {
  /** The integral ∫_a^b f(x) dx (sum of the Gauss–Kronrod 15-point estimates over the final intervals). */
  value: number;
  /** Estimated absolute error (sum of |K15 − G7| over the final intervals). */
  error: number;
  /** Number of subintervals in the final adaptive partition (of the mapped finite interval when an end is infinite). */
  intervals: number;
}

interface Piece {
  a: number;
  b: number;
  value: number;
  error: number;
}

function gk15(f: (x: number) => number, a: number, b: number): Piece {
  const c = 0.5 * (a + b), h = 0.5 * (b - a);
  const fc = f(c);
  let k = WGK[7]! * fc;
  let g = WG[3]! * fc;
  for (let j = 0; j < 7; j++) {
    const dx = h * XGK[j]!;
    const s = f(c - dx) + f(c + dx);
    k += WGK[j]! * s;
    if (j % 2 === 1) g += WG[(j - 1) / 2]! * s;
  }
  const value = k * h;
  return { a, b, value, error: Math.abs((k - g) * h) };
}

/**
 * ∫_a^b f(x) dx for a < b (either end may be infinite), adaptively to max(absTol, relTol·|value|).
 * Throws NOT_FINITE if f returns a non-finite value (naming x), and TIME_LIMIT if the tolerance is
 * not reached within maxIntervals subintervals (with the estimate reached so far in the message).
 */
export function integrate(f: (x: number) => number, a: number, b: number, options: QuadratureOptions = {}): QuadratureResult {
  if (typeof f !== "function") throw new QgeomError("INVALID_ARGUMENT", `f must be a function of one number, got ${excerpt(f)}; pass e.g. (x) => Math.exp(-x * x)`);
  if (Number.isNaN(a) || Number.isNaN(b) || !(a < b)) throw new QgeomError("INVALID_ARGUMENT", `integrate needs a < b, got a = ${a}, b = ${b}; pass finite a < b`);
  const absTol = options.absTol ?? 1e-13, relTol = options.relTol ?? 1e-12, maxN = options.maxIntervals ?? 2000;
  const checked = (x: number): number => {
    const y = f(x);
    if (!Number.isFinite(y)) throw new QgeomError("NOT_FINITE", `the integrand is ${y} at x = ${x}; check the integrand is finite on [a, b] (split the interval at singularities)`);
    return y;
  };
  let g: (t: number) => number;
  let lo: number, hi: number;
  if (a === -Infinity && b === Infinity) {
    g = (t) => {
      const u = 1 - t * t;
      return checked(t / u) * ((1 + t * t) / (u * u));
    };
    [lo, hi] = [-1, 1];
  } else if (b === Infinity) {
    g = (t) => {
      const u = 1 - t;
      return checked(a + t / u) / (u * u);
    };
    [lo, hi] = [0, 1];
  } else if (a === -Infinity) {
    g = (t) => {
      const u = 1 - t;
      return checked(b - t / u) / (u * u);
    };
    [lo, hi] = [0, 1];
  } else {
    g = checked;
    [lo, hi] = [a, b];
  }
  const pieces: Piece[] = [gk15(g, lo, hi)];
  for (;;) {
    let value = 0, error = 0, worst = 0;
    for (let i = 0; i < pieces.length; i++) {
      value += pieces[i]!.value;
      error += pieces[i]!.error;
      if (pieces[i]!.error > pieces[worst]!.error) worst = i;
    }
    if (error <= Math.max(absTol, relTol * Math.abs(value))) return { value, error, intervals: pieces.length };
    if (pieces.length >= maxN)
      throw new QgeomError("TIME_LIMIT", `quadrature did not reach the tolerance in ${maxN} subintervals (estimate ${value}, error ${error.toExponential(2)}); the integrand may be singular or oscillatory; split the interval at the singularity or raise maxSubintervals`);
    const p = pieces[worst]!;
    const m = 0.5 * (p.a + p.b);
    if (!(m > p.a && m < p.b)) return { value, error, intervals: pieces.length }; // interval at machine resolution
    pieces.splice(worst, 1, gk15(g, p.a, m), gk15(g, m, p.b));
  }
}
