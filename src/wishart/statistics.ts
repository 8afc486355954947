// Statistical tests used by the Monte-Carlo checks (MATH §9 "MC" and "KS"): sample mean with its
// standard error, and Kolmogorov–Smirnov one- and two-sample tests with the asymptotic Kolmogorov
// distribution Q(λ) = 2 Σ_{k≥1} (−1)^{k−1} e^{−2k²λ²} at λ = (√m + 0.12 + 0.11/√m) D (Stephens' small-sample
// correction; m the effective sample size).
import { QgeomError } from "../core/index.js";
import { excerpt } from "./validate.js";

/** Sample mean and standard error of the mean (sd/√N); {@link zScore} compares it with an expected value. */
export interface MeanEstimate {
  /** Sample mean x̄ = (1/N) Σ x_i. */
  readonly mean: number;
  /** Standard error √(s²/N) with the unbiased variance s² = Σ (x_i − x̄)²/(N − 1). */
  readonly se: number;
  /** Sample size N (≥ 2). */
  readonly count: number;
}

function checkSample(x: ArrayLike<number>, name: string, min = 2): void {
  if (x === null || typeof x !== "object" || typeof x.length !== "number" || x.length < min)
    throw new QgeomError("INVALID_ARGUMENT", `${name} must hold at least ${min} numbers, got ${excerpt(x)}; pass a longer sample`);
  for (let i = 0; i < x.length; i++)
    if (!Number.isFinite(x[i]!)) throw new QgeomError("NOT_FINITE", `${name}[${i}] is ${x[i]}; samples must be finite; remove non-finite values`);
}

/** Mean and standard error of the mean of a sample (two-pass, unbiased variance). */
export function meanEstimate(x: ArrayLike<number>): MeanEstimate {
  checkSample(x, "x");
  const n = x.length;
  let m = 0;
  for (let i = 0; i < n; i++) m += x[i]!;
  m /= n;
  let v = 0;
  for (let i = 0; i < n; i++) v += (x[i]! - m) ** 2;
  v /= n - 1;
  return { mean: m, se: Math.sqrt(v / n), count: n };
}

/** (estimate − expected)/SE: the MC criterion of MATH §9 is |z| ≤ 5. */
export function zScore(est: MeanEstimate, expected: number): number {
  if (est.se === 0) return est.mean === expected ? 0 : Infinity;
  return (est.mean - expected) / est.se;
}

/** Kolmogorov survival function Q(λ) = P(sup|B| > λ) = 2 Σ (−1)^{k−1} e^{−2k²λ²}. */
export function kolmogorovSurvival(lambda: number): number {
  if (!(lambda > 0)) return 1;
  if (lambda < 0.2) return 1;
  let s = 0;
  for (let k = 1; k <= 100; k++) {
    const term = (k % 2 === 1 ? 2 : -2) * Math.exp(-2 * k * k * lambda * lambda);
    s += term;
    if (Math.abs(term) < 1e-17) break;
  }
  return Math.min(1, Math.max(0, s));
}

/** Result of a Kolmogorov–Smirnov test: the statistic D and the asymptotic p-value. */
export interface KsResult {
  /** D = sup_t |F_x(t) − F_y(t)| (two-sample) or sup_t |F_x(t) − F(t)| (one-sample), in [0, 1]. */
  readonly statistic: number;
  /** Asymptotic p-value Q((√m + 0.12 + 0.11/√m) D) with Stephens' correction, m the effective sample size. */
  readonly pValue: number;
}

function pValue(D: number, m: number): number {
  const r = Math.sqrt(m);
  return kolmogorovSurvival((r + 0.12 + 0.11 / r) * D);
}

/** Two-sample KS test: D = sup |F_x − F_y| over the pooled sample; effective size nm/(n+m). */
export function ksTwoSample(x: ArrayLike<number>, y: ArrayLike<number>): KsResult {
  checkSample(x, "x");
  checkSample(y, "y");
  const a = Float64Array.from(x).sort(), b = Float64Array.from(y).sort();
  const n = a.length, m = b.length;
  let i = 0, j = 0, D = 0;
  while (i < n && j < m) {
    const v = Math.min(a[i]!, b[j]!);
    while (i < n && a[i]! <= v) i++;
    while (j < m && b[j]! <= v) j++;
    D = Math.max(D, Math.abs(i / n - j / m));
  }
  return { statistic: D, pValue: pValue(D, (n * m) / (n + m)) };
}

/** One-sample KS test of a sample against a continuous CDF. */
export function ksOneSample(x: ArrayLike<number>, cdf: (t: number) => number): KsResult {
  checkSample(x, "x");
  if (typeof cdf !== "function") throw new QgeomError("INVALID_ARGUMENT", `cdf must be a function t ↦ P(X ≤ t); pass a function such as t => 1 - Math.exp(-t)`);
  const a = Float64Array.from(x).sort();
  const n = a.length;
  let D = 0;
  for (let i = 0; i < n; i++) {
    const F = cdf(a[i]!);
    if (!(F >= 0 && F <= 1)) throw new QgeomError("DOMAIN", `cdf(${a[i]}) = ${F} is not a probability; check that cdf returns values in [0, 1]`);
    D = Math.max(D, (i + 1) / n - F, F - i / n);
  }
  return { statistic: D, pValue: pValue(D, n) };
}
