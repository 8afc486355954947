// AR(1) decimation (MATH.md §8.3). The stationary chain x_t = r x_{t−1} + ε_t, Var ε = σ², |r| < 1, has
//   Σ_ij = σ² r^{|i−j|}/(1 − r²)  and tridiagonal precision (1/σ²)·tridiag(−r; 1, 1 + r², …, 1 + r², 1; −r).
// Keeping every second site gives again a stationary AR(1) chain: r′ = r², σ′² = σ²(1 + r²), marginal
// variance σ²/(1 − r²) unchanged, precision still tridiagonal (Markov). ξ = −1/log|r| maps to ξ/2.
import {
  type Certificate,
  type Expr,
  type SymbolicMatrix,
  Matrix as SMatrix,
  QgeomError,
  excerpt,
  add,
  div,
  mul,
  num,
  pow,
  sym,
  verify,
} from "../core/index.js";
import type { Matrix } from "../linalg/index.js";
import { decimateSymbolic } from "./decimate.js";

/** Parameters of a stationary AR(1) chain. */
export interface Ar1 {
  /** Lag-one correlation r, |r| < 1. */
  readonly r: number;
  /** Innovation variance σ² > 0. */
  readonly sigma2: number;
}

function check(p: Ar1): Ar1 {
  if (p === null || typeof p !== "object") throw new QgeomError("INVALID_ARGUMENT", `AR(1) parameters must be {r, sigma2}, got ${excerpt(p)}; pass e.g. { r: 0.5, sigma2: 1 }`);
  if (!Number.isFinite(p.r) || !(Math.abs(p.r) < 1))
    throw new QgeomError("DOMAIN", `AR(1) needs |r| < 1 for a stationary chain, got r = ${p.r} (|r| = 1 is the degenerate fixed point, ξ = ∞); pass |r| < 1`);
  if (!Number.isFinite(p.sigma2) || !(p.sigma2 > 0)) throw new QgeomError("DOMAIN", `AR(1) needs an innovation variance σ² > 0, got ${p.sigma2}; pass a positive sigma2`);
  return p;
}

function length(n: number): void {
  if (!Number.isInteger(n) || n < 1) throw new QgeomError("INVALID_ARGUMENT", `chain length n must be a positive integer, got ${n}; pass 1, 2, 3, …`);
}

/** Σ_ij = σ² r^{|i−j|}/(1 − r²) (n × n). */
export function ar1Covariance(n: number, p: Ar1): Matrix {
  length(n);
  const { r, sigma2 } = check(p);
  const v = sigma2 / (1 - r * r);
  const S = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) S[i * n + j] = v * r ** Math.abs(i - j);
  return { rows: n, cols: n, data: S };
}

/** The tridiagonal precision Σ⁻¹ = (1/σ²) tridiag(−r; 1, 1 + r², …, 1 + r², 1; −r) (n × n). */
export function ar1Precision(n: number, p: Ar1): Matrix {
  length(n);
  const { r, sigma2 } = check(p);
  const K = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    K[i * n + i] = (n === 1 ? 1 - r * r : i === 0 || i === n - 1 ? 1 : 1 + r * r) / sigma2;
    if (i + 1 < n) K[i * n + i + 1] = K[(i + 1) * n + i] = -r / sigma2;
  }
  return { rows: n, cols: n, data: K };
}

/** One decimation step (keep every second site): r′ = r², σ′² = σ²(1 + r²) (MATH.md §8.3). */
export function ar1Decimate(p: Ar1): Ar1 {
  const { r, sigma2 } = check(p);
  return { r: r * r, sigma2: sigma2 * (1 + r * r) };
}

/** Marginal variance σ²/(1 − r²) (invariant under decimation). */
export function ar1MarginalVariance(p: Ar1): number {
  const { r, sigma2 } = check(p);
  return sigma2 / (1 - r * r);
}

/** Correlation length ξ = −1/log|r| (0 at r = 0, ∞ as |r| → 1). */
export function correlationLength(r: number): number {
  if (!Number.isFinite(r) || Math.abs(r) > 1) throw new QgeomError("DOMAIN", `correlation length needs |r| ≤ 1, got ${r}; pass r in [-1, 1]`);
  if (r === 0) return 0;
  if (Math.abs(r) === 1) return Infinity;
  return -1 / Math.log(Math.abs(r));
}

/** The symbolic AR(1) precision in symbols r and s = σ² (n × n). */
export function ar1PrecisionSymbolic(n: number, r: Expr = sym("r"), s: Expr = sym("s")): SymbolicMatrix {
  length(n);
  const one = num(1);
  return new SMatrix(
    Array.from({ length: n }, (_, i) =>
      Array.from({ length: n }, (_, j) => {
        if (i === j) return div(n === 1 ? add(one, mul(num(-1), pow(r, num(2)))) : i === 0 || i === n - 1 ? one : add(one, pow(r, num(2))), s);
        if (Math.abs(i - j) === 1) return div(mul(num(-1), r), s);
        return num(0);
      }),
    ),
  );
}

/** The exact derivation of the decimation rule: entries of the Schur complement and certificates. */
export interface Ar1Derivation {
  /** K/K_ff of the n-site chain, kept sites 0, 2, 4, …. */
  readonly decimated: SymbolicMatrix;
  /** The AR(1) precision with r′ = r², σ′² = σ²(1 + r²) on the kept sites. */
  readonly predicted: SymbolicMatrix;
  /** verify(decimated_ij, predicted_ij) for every entry (row-major). */
  readonly certificates: Certificate[];
  /** Whether every certificate is "proved". */
  readonly proved: boolean;
}

/**
 * Derives r′ = r², σ′² = σ²(1 + r²) exactly (V23, E): the Schur complement of the symbolic n-site AR(1)
 * precision onto the even sites equals the AR(1) precision with the decimated parameters (symbols r, s = σ²).
 * n odd, 3 ≤ n ≤ 9.
 */
export function ar1DecimationSymbolic(n = 5): Ar1Derivation {
  if (!Number.isInteger(n) || n < 3 || n > 9 || n % 2 === 0) throw new QgeomError("INVALID_ARGUMENT", `n must be an odd integer in 3..9, got ${n}; pass 3, 5, 7 or 9`);
  const r = sym("r"), s = sym("s");
  const keep = Array.from({ length: (n + 1) / 2 }, (_, k) => 2 * k);
  const decimated = decimateSymbolic(ar1PrecisionSymbolic(n, r, s), keep);
  const predicted = ar1PrecisionSymbolic(keep.length, pow(r, num(2)), mul(s, add(num(1), pow(r, num(2)))));
  const certificates: Certificate[] = [];
  for (let i = 0; i < keep.length; i++) for (let j = 0; j < keep.length; j++) certificates.push(verify(decimated.get(i, j), predicted.get(i, j)));
  return { decimated, predicted, certificates, proved: certificates.every((c) => c.verdict === "proved") };
}
