// Numerical integration over the cones Sym_p^{++} and Herm_p^{++} (p = 1, 2) with respect to du
// (MATH §1.3), for normalisation checks (V13, V16). Parametrisation by a Cholesky factor relative to
// a reference matrix R = C C* (default I):
//   S = C T T* C*,  T lower triangular with t_ii > 0,
//   du(S) = |det C|^{p+1} · 2^p Π_i t_ii^{p−i+1} dT                      (real; dT = Π_{i≥j} dt_ij)
//   du(S) = |det C|^{2p}  · 2^p Π_i t_ii^{2(p−i)+1} dT                   (complex; off-diagonal dRe dIm)
// (the congruence S ↦ C S C* has Jacobian |det C|^{p+1}, resp. |det C|^{2p}, §1.3; the Cholesky
// Jacobian is triangular: ∂S_ii/∂t_ii = 2t_ii, ∂S_ij/∂t_ij = t_jj for i > j, twice for Re and Im).
// Diagonal coordinates: t = exp(s − e^{−s}) (a double-exponential map of ℝ onto (0, ∞): algebraic
// behaviour at 0 and Gaussian decay at ∞ both become double-exponential decay in s), trapezoidal
// rule in s. Off-diagonal coordinates: trapezoidal rule on [−L, L] (exponentially accurate for the
// Gaussian factors of Wishart-type integrands). Sums are accumulated in log space.
import { QgeomError } from "../core/index.js";
import type { CMatrix, Matrix } from "../linalg/index.js";
import { factorHpd } from "./hermitian.js";
import { type ComplexMatrixInput, type RealMatrixInput, excerpt, factorSpd } from "./validate.js";

/** Options of {@link integrateOverCone}. */
export interface ConeIntegralOptions {
  /** "real" (Sym_p, default) or "complex" (Herm_p). */
  field?: "real" | "complex";
  /** Reference matrix R ≻ 0 (the integrand should be concentrated near the scale of R). Default I. */
  reference?: RealMatrixInput | ComplexMatrixInput;
  /** Step of the trapezoidal rule in s for the diagonal coordinates (default 0.1). */
  step?: number;
  /** Range [lo, hi] of s for the diagonal coordinates (default [−4, 4]: t from e^{−58.6} to 53.6, so det S cannot underflow for p ≤ 2; integrands that are nearly singular at the boundary, det S^{ε−1} with small ε, need a wider range). */
  range?: readonly [number, number];
  /** Step h of the off-diagonal trapezoidal rule (default 0.5: error ~ e^{−2π²σ²/h²} for a Gaussian factor of standard deviation σ, below e^{−38} for σ ≥ 0.7). */
  offStep?: number;
  /** Half-width L of the off-diagonal interval [−L, L] (default 8: truncation ~ e^{−L²/(2σ²)}, e^{−32} at σ = 1). */
  offHalfWidth?: number;
}

/** Result: the integral and its logarithm (the sum is accumulated in log space). */
export interface ConeIntegral {
  /** The integral ∫ f du = exp(log); may over- or underflow where `log` does not. */
  readonly value: number;
  /** log ∫ f du, from the log-space sum. */
  readonly log: number;
  /** Number of integrand evaluations. */
  readonly evaluations: number;
}

/** Running log-sum-exp accumulator. */
class LogSum {
  m = -Infinity;
  s = 0;
  add(x: number): void {
    if (x === -Infinity) return;
    if (Number.isNaN(x)) throw new QgeomError("NOT_FINITE", `the integrand returned NaN at a quadrature node; it must return log f (−Infinity for f = 0); make logf return -Infinity (not NaN) where f = 0`);
    if (x <= this.m) this.s += Math.exp(x - this.m);
    else {
      this.s = this.s * Math.exp(this.m - x) + 1;
      this.m = x;
    }
  }
  get log(): number {
    return this.m + Math.log(this.s);
  }
}

function nodes(lo: number, hi: number, h: number): Array<{ t: number; logW: number }> {
  const out: Array<{ t: number; logW: number }> = [];
  for (let s = lo; s <= hi + 1e-12; s += h) {
    const e = Math.exp(-s);
    const logT = s - e;
    // dt = t (1 + e^{−s}) ds, times the step h
    out.push({ t: Math.exp(logT), logW: logT + Math.log1p(e) + Math.log(h) });
  }
  return out;
}

function lineNodes(L: number, h: number): number[] {
  const out: number[] = [];
  const k = Math.floor(L / h);
  for (let i = -k; i <= k; i++) out.push(i * h);
  return out;
}

/**
 * ∫ exp(logf(S)) du(S) over Sym_p^{++} or Herm_p^{++} for p = 1, 2 (MATH §1.3 measure), by the
 * Cholesky parametrisation above. `logf(S, logDetS)` receives a reused matrix buffer (do not keep it)
 * and log det S computed exactly from the parametrisation (log det R + 2 Σ log t_ii: near the boundary
 * the rounded entries of S can be numerically singular, so integrands should take log det from here),
 * and returns log f(S) (−Infinity where f = 0). Accuracy depends on the integrand being smooth in T and
 * concentrated near the reference scale; check by halving `step`.
 */
export function integrateOverCone(p: number, logf: (S: Matrix | CMatrix, logDetS: number) => number, options: ConeIntegralOptions = {}): ConeIntegral {
  if (p !== 1 && p !== 2) throw new QgeomError("UNSUPPORTED", `integrateOverCone supports p = 1 and 2 (tensor grids in p(p+1)/2 or p² dimensions), got ${excerpt(p)}; use Monte Carlo (sampleWishart) for larger p`);
  if (typeof logf !== "function") throw new QgeomError("INVALID_ARGUMENT", `logf must be a function S ↦ log f(S); pass a function (S, logDetS) => number`);
  const complex = options.field === "complex";
  if (options.field !== undefined && options.field !== "real" && !complex) throw new QgeomError("INVALID_ARGUMENT", `field must be "real" or "complex", got ${excerpt(options.field)}; pass "real" or "complex"`);
  const h = options.step ?? 0.1;
  const [lo, hi] = options.range ?? [-4, 4];
  const ho = options.offStep ?? 0.5, L = options.offHalfWidth ?? 8;
  for (const [v, name] of [[h, "step"], [ho, "offStep"], [L, "offHalfWidth"]] as const)
    if (!(typeof v === "number" && v > 0 && Number.isFinite(v))) throw new QgeomError("INVALID_ARGUMENT", `${name} must be a finite number > 0, got ${excerpt(v)}; pass a positive number`);
  if (!(lo < hi) || (hi - lo) / h > 1e5 || (2 * L) / ho > 1e5) throw new QgeomError("INVALID_ARGUMENT", `range/step give too many or no nodes (range [${lo}, ${hi}], step ${h}, offStep ${ho})`);
  // reference factor C (lower triangular) and log of the congruence Jacobian
  let cr: Float64Array, ci: Float64Array, logJac: number, logDetR: number;
  if (options.reference === undefined) {
    cr = new Float64Array(p * p);
    ci = new Float64Array(p * p);
    for (let i = 0; i < p; i++) cr[i * p + i] = 1;
    logJac = 0;
    logDetR = 0;
  } else if (complex) {
    const f = factorHpd(options.reference as ComplexMatrixInput, "reference");
    if (f.p !== p) throw new QgeomError("SHAPE", `reference is ${f.p}×${f.p} but p = ${p}; pass a ${p}×${p} reference`);
    cr = f.L.re;
    ci = f.L.im;
    logJac = p * f.logDet; // |det C|^{2p} = det R^p
    logDetR = f.logDet;
  } else {
    const f = factorSpd(options.reference as RealMatrixInput, "reference");
    if (f.p !== p) throw new QgeomError("SHAPE", `reference is ${f.p}×${f.p} but p = ${p}; pass a ${p}×${p} reference`);
    cr = f.L.data;
    ci = new Float64Array(p * p);
    logJac = 0.5 * (p + 1) * f.logDet; // (det C)^{p+1} = det R^{(p+1)/2}
    logDetR = f.logDet;
  }
  const diag = nodes(lo, hi, h);
  const acc = new LogSum();
  let evaluations = 0;
  const Sr = new Float64Array(p * p), Si = new Float64Array(p * p);
  const buffer: Matrix | CMatrix = complex ? { rows: p, cols: p, re: Sr, im: Si } : { rows: p, cols: p, data: Sr };
  // M = C T (lower triangular, complex in general); S = M M*
  const Tr = new Float64Array(p * p), Ti = new Float64Array(p * p), Mr = new Float64Array(p * p), Mi = new Float64Array(p * p);
  const evalAt = (logWeight: number, logDetT: number): void => {
    for (let i = 0; i < p; i++)
      for (let j = 0; j <= i; j++) {
        let sr = 0, si = 0;
        for (let k = j; k <= i; k++) {
          sr += cr[i * p + k]! * Tr[k * p + j]! - ci[i * p + k]! * Ti[k * p + j]!;
          si += cr[i * p + k]! * Ti[k * p + j]! + ci[i * p + k]! * Tr[k * p + j]!;
        }
        Mr[i * p + j] = sr;
        Mi[i * p + j] = si;
      }
    for (let i = 0; i < p; i++)
      for (let j = 0; j <= i; j++) {
        let sr = 0, si = 0;
        for (let k = 0; k <= j; k++) {
          sr += Mr[i * p + k]! * Mr[j * p + k]! + Mi[i * p + k]! * Mi[j * p + k]!;
          si += Mi[i * p + k]! * Mr[j * p + k]! - Mr[i * p + k]! * Mi[j * p + k]!;
        }
        Sr[i * p + j] = sr;
        Sr[j * p + i] = sr;
        Si[i * p + j] = i === j ? 0 : si;
        Si[j * p + i] = i === j ? 0 : -si;
      }
    evaluations++;
    acc.add(logWeight + logf(buffer, logDetR + logDetT));
  };
  const log2p = p * Math.LN2 + logJac;
  if (p === 1) {
    for (const a of diag) {
      Tr[0] = a.t;
      evalAt(log2p + a.logW + Math.log(a.t), 2 * Math.log(a.t)); // 2 t11 (real and complex alike)
    }
  } else {
    const off = lineNodes(L, ho);
    const logHo = Math.log(ho);
    for (const a of diag)
      for (const b of diag) {
        Tr[0] = a.t;
        Tr[3] = b.t;
        // real: 4 t11² t22; complex: 4 t11³ t22
        const base = log2p + a.logW + b.logW + (complex ? 3 : 2) * Math.log(a.t) + Math.log(b.t);
        const logDetT = 2 * (Math.log(a.t) + Math.log(b.t));
        if (!complex)
          for (const x of off) {
            Tr[2] = x;
            evalAt(base + logHo, logDetT);
          }
        else
          for (const x of off)
            for (const y of off) {
              Tr[2] = x;
              Ti[2] = y;
              evalAt(base + 2 * logHo, logDetT);
            }
      }
  }
  const lg = acc.log;
  return { value: Math.exp(lg), log: lg, evaluations };
}
