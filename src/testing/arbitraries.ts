// fast-check arbitraries for matrix-valued inputs (ARCHITECTURE "Tests and benchmarks"): SPD,
// symmetric, Hermitian, HPD, density, orthogonal/unitary matrices and Wishart parameters.
// Every value is built from bounded finite doubles, so none contains NaN or ±Infinity, and
// shrinking stays inside the class (degenerate draws are completed or regularised).
import fc from "fast-check";
import { QgeomError, excerpt } from "../core/errors.js";
import {
  type CMatrix,
  type Matrix,
  corthonormalize,
  hermitianPart,
  orthonormalize,
  symmetrize,
} from "../linalg/index.js";

/** A fixed dimension or an inclusive range `{min, max}`. */
export type Dimension =
  | number
  | {
      /** Smallest dimension drawn (integer, ≥ 1). */
      min: number;
      /** Largest dimension drawn (integer, ≥ min, ≤ 512). */
      max: number;
    };

/** Options of {@link spdMatrix} and {@link hpdMatrix}. */
export interface PdOptions {
  /** Dimension (fixed or a range). */
  n: Dimension;
  /** Lower bound on the smallest eigenvalue (default 1e-3). */
  minEig?: number;
  /** Upper bound on the condition number λ_max/λ_min (default 1e4, MATH §9). */
  maxCond?: number;
  /**
   * `"gram"` (default): `A A* + εI` with entries of A in [−1, 1] and ε ∈ [0.1, 1], ε raised if
   * needed to respect `maxCond`, then scaled so λ_min ≥ `minEig`.
   * `"spectral"`: `Q diag(λ) Q*` with Q from Gram–Schmidt and log λ spread over
   * [log minEig, log(minEig·maxCond)] with both ends attained, so the condition number is
   * exactly `maxCond` (use this for ill-conditioned tests, e.g. maxCond 1e8).
   */
  construction?: "gram" | "spectral";
}

function dimension(n: Dimension, fn: string): fc.Arbitrary<number> {
  const ok = (k: unknown) => Number.isInteger(k) && (k as number) >= 1 && (k as number) <= 512;
  if (typeof n === "number") {
    if (!ok(n)) throw new QgeomError("INVALID_ARGUMENT", `${fn}: n must be an integer in [1, 512], got ${excerpt(n)}; pass e.g. n: 3`);
    return fc.constant(n);
  }
  if (typeof n !== "object" || n === null || !ok(n.min) || !ok(n.max) || n.min > n.max) {
    throw new QgeomError("INVALID_ARGUMENT", `${fn}: n must be an integer or {min, max} with 1 ≤ min ≤ max ≤ 512, got ${excerpt(n)}; pass e.g. n: { min: 1, max: 4 }`);
  }
  return fc.integer({ min: n.min, max: n.max });
}

function positiveOption(x: unknown, dflt: number, name: string, fn: string, min = 0): number {
  if (x === undefined) return dflt;
  if (typeof x !== "number" || !Number.isFinite(x) || x <= min) {
    throw new QgeomError("INVALID_ARGUMENT", `${fn}: ${name} must be a finite number > ${min}, got ${excerpt(x)}; pass a larger finite number`);
  }
  return x;
}

const unit = fc.double({ min: -1, max: 1, noNaN: true });
const entries = (len: number) => fc.array(unit, { minLength: len, maxLength: len });

function realFrom(n: number, xs: number[]): Matrix {
  return { rows: n, cols: n, data: Float64Array.from(xs) };
}

function complexFrom(n: number, xs: number[], ys: number[]): CMatrix {
  return { rows: n, cols: n, re: Float64Array.from(xs), im: Float64Array.from(ys) };
}

/** Q diag(λ) Q* for a square Q (real: qi null), exactly Hermitian, as split arrays. */
function congruence(n: number, qr: Float64Array, qi: Float64Array | null, lam: Float64Array): { re: Float64Array; im: Float64Array } {
  const re = new Float64Array(n * n), im = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      let sr = 0, si = 0;
      for (let k = 0; k < n; k++) {
        const ar = qr[i * n + k]!, ai = qi === null ? 0 : qi[i * n + k]!;
        const br = qr[j * n + k]!, bi = qi === null ? 0 : qi[j * n + k]!;
        sr += lam[k]! * (ar * br + ai * bi);
        si += lam[k]! * (ai * br - ar * bi);
      }
      re[i * n + j] = sr;
      re[j * n + i] = sr;
      im[i * n + j] = si;
      im[j * n + i] = -si;
    }
    im[i * n + i] = 0;
  }
  return { re, im };
}

/** A A* (Gram matrix) for real (im null) or complex A: the congruence with λ = 1 (exact, 1·x = x). */
function gram(n: number, ar: Float64Array, ai: Float64Array | null): { re: Float64Array; im: Float64Array } {
  return congruence(n, ar, ai, new Float64Array(n).fill(1));
}

function pd(opts: PdOptions, complex: boolean, fn: string): fc.Arbitrary<{ re: Float64Array; im: Float64Array; n: number }> {
  if (typeof opts !== "object" || opts === null) throw new QgeomError("INVALID_ARGUMENT", `${fn}: pass an options object such as { n: 4 }`);
  const minEig = positiveOption(opts.minEig, 1e-3, "minEig", fn);
  const maxCond = positiveOption(opts.maxCond, 1e4, "maxCond", fn, 1);
  const construction = opts.construction ?? "gram";
  if (construction !== "gram" && construction !== "spectral") {
    throw new QgeomError("INVALID_ARGUMENT", `${fn}: construction must be "gram" or "spectral", got ${excerpt(construction)}; pass "gram" or "spectral"`);
  }
  return dimension(opts.n, fn).chain((n) => {
    const parts = complex ? fc.tuple(entries(n * n), entries(n * n)) : fc.tuple(entries(n * n), fc.constant(null));
    if (construction === "gram") {
      return fc.tuple(parts, fc.double({ min: 0.1, max: 1, noNaN: true })).map(([[xs, ys], eps0]) => {
        const ar = Float64Array.from(xs), ai = ys === null ? null : Float64Array.from(ys);
        const g = gram(n, ar, ai);
        let fro2 = 0;
        for (let k = 0; k < n * n; k++) fro2 += g.re[k]! ** 2 + g.im[k]! ** 2;
        const lmaxBound = Math.sqrt(fro2);
        // λ_min ≥ ε and λ_max ≤ ‖AA*‖_F + ε, so ε ≥ ‖AA*‖_F/(maxCond − 1) bounds the condition number
        const eps = Math.max(eps0, (lmaxBound / (maxCond - 1)) * (1 + 1e-12));
        const s = eps < minEig ? minEig / eps : 1;
        for (let k = 0; k < n * n; k++) {
          g.re[k]! *= s;
          g.im[k]! *= s;
        }
        for (let i = 0; i < n; i++) g.re[i * n + i]! += s * eps;
        return { re: g.re, im: g.im, n };
      });
    }
    return fc
      .tuple(parts, fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: n, maxLength: n }))
      .map(([[xs, ys], us]) => {
        const Q = ys === null ? orthonormalize(realFrom(n, xs)) : corthonormalize(complexFrom(n, xs, ys));
        const qr = "data" in Q ? Q.data : Q.re, qi = "data" in Q ? null : Q.im;
        const lam = Float64Array.from(us, (u, i) => minEig * Math.pow(maxCond, n === 1 ? 0 : i === 0 ? 0 : i === 1 ? 1 : u));
        return { ...congruence(n, qr, qi, lam), n };
      });
  });
}

/** Random real symmetric positive-definite matrices (see {@link PdOptions}). */
export function spdMatrix(opts: PdOptions): fc.Arbitrary<Matrix> {
  return pd(opts, false, "spdMatrix").map(({ re, n }) => ({ rows: n, cols: n, data: re }));
}

/** Random complex Hermitian positive-definite matrices (see {@link PdOptions}). */
export function hpdMatrix(opts: PdOptions): fc.Arbitrary<CMatrix> {
  return pd(opts, true, "hpdMatrix").map(({ re, im, n }) => ({ rows: n, cols: n, re, im }));
}

/** Random real symmetric matrices `(B + Bᵀ)/2` with entries of B in [−scale, scale] (default 1). */
export function symmetricMatrix(opts: { n: Dimension; scale?: number }): fc.Arbitrary<Matrix> {
  const sc = positiveOption(opts?.scale, 1, "scale", "symmetricMatrix");
  return dimension(opts?.n, "symmetricMatrix").chain((n) =>
    entries(n * n).map((xs) => symmetrize({ rows: n, cols: n, data: Float64Array.from(xs, (x) => sc * x) })),
  );
}

/** Random complex Hermitian matrices `(B + B*)/2` with Re, Im of B in [−scale, scale] (default 1). */
export function hermitianMatrix(opts: { n: Dimension; scale?: number }): fc.Arbitrary<CMatrix> {
  const sc = positiveOption(opts?.scale, 1, "scale", "hermitianMatrix");
  return dimension(opts?.n, "hermitianMatrix").chain((n) =>
    fc.tuple(entries(n * n), entries(n * n)).map(([xs, ys]) =>
      hermitianPart({ rows: n, cols: n, re: Float64Array.from(xs, (x) => sc * x), im: Float64Array.from(ys, (y) => sc * y) }),
    ),
  );
}

/**
 * Random density matrices (MATH §9): `ρ = (1 − δ) A A^* / tr(A A^*) + δ I/n` with `δ = n·minEig`, so
 * ρ is Hermitian, `tr ρ = 1` and `λ_min(ρ) ≥ minEig` (default 1e-3; needs minEig < 1/n).
 */
export function densityMatrix(opts: { n: Dimension; minEig?: number }): fc.Arbitrary<CMatrix> {
  const minEig = positiveOption(opts?.minEig, 1e-3, "minEig", "densityMatrix");
  const dims = dimension(opts?.n, "densityMatrix");
  const nmax = typeof opts.n === "number" ? opts.n : opts.n.max;
  if (!(nmax * minEig < 1)) {
    throw new QgeomError("INVALID_ARGUMENT", `densityMatrix: minEig ${minEig} must be below 1/n = ${1 / nmax} for n = ${nmax}; reduce minEig or the maximal n`);
  }
  return dims.chain((n) => {
    const delta = n * minEig;
    return fc.tuple(entries(n * n), entries(n * n)).map(([xs, ys]) => {
      const g = gram(n, Float64Array.from(xs), Float64Array.from(ys));
      let tr = 0;
      for (let i = 0; i < n; i++) tr += g.re[i * n + i]!;
      const a = tr > 1e-300 ? (1 - delta) / tr : 0;
      const b = tr > 1e-300 ? delta / n : 1 / n;
      for (let k = 0; k < n * n; k++) {
        g.re[k]! *= a;
        g.im[k]! *= a;
      }
      for (let i = 0; i < n; i++) g.re[i * n + i]! += b;
      return { rows: n, cols: n, re: g.re, im: g.im };
    });
  });
}

/** Random orthogonal matrices (Gram–Schmidt of a random matrix; orthonormal to rounding). */
export function orthogonalMatrix(opts: { n: Dimension }): fc.Arbitrary<Matrix> {
  return dimension(opts?.n, "orthogonalMatrix").chain((n) => entries(n * n).map((xs) => orthonormalize(realFrom(n, xs))));
}

/** Random unitary matrices (complex Gram–Schmidt of a random matrix; `U*U = I` to rounding). */
export function unitaryMatrix(opts: { n: Dimension }): fc.Arbitrary<CMatrix> {
  return dimension(opts?.n, "unitaryMatrix").chain((n) =>
    fc.tuple(entries(n * n), entries(n * n)).map(([xs, ys]) => corthonormalize(complexFrom(n, xs, ys))),
  );
}

/** Parameters of a real Wishart law W_p(df, scale) (MATH §1.7). */
export interface WishartParams {
  /** Dimension p of the SPD cone Sym_p^{++} on which the law lives. */
  p: number;
  /** Degrees of freedom, real, `df > p − 1`. */
  df: number;
  /** Scale Σ, symmetric positive definite. */
  scale: Matrix;
}

/**
 * Random Wishart parameters: `df = p − 1 + t` with t ∈ [minExcess, maxExcess] (defaults 0.01 and
 * 20) and an SPD scale drawn by {@link spdMatrix} with the given `scale` options.
 */
export function wishartParams(opts: {
  p: Dimension;
  minExcess?: number;
  maxExcess?: number;
  scale?: Omit<PdOptions, "n">;
}): fc.Arbitrary<WishartParams> {
  const lo = positiveOption(opts?.minExcess, 0.01, "minExcess", "wishartParams");
  const hi = positiveOption(opts?.maxExcess, 20, "maxExcess", "wishartParams");
  if (hi < lo) throw new QgeomError("INVALID_ARGUMENT", `wishartParams: maxExcess ${hi} is below minExcess ${lo}; pass minExcess ≤ maxExcess`);
  return dimension(opts?.p, "wishartParams").chain((p) =>
    fc
      .tuple(fc.double({ min: lo, max: hi, noNaN: true }), spdMatrix({ ...opts.scale, n: p }))
      .map(([t, scale]) => ({ p, df: p - 1 + t, scale })),
  );
}
