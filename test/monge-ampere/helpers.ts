// Test-only helpers for the Monge–Ampère suite: fixtures, the normal CDF, small numeric utilities.
import { fixture } from "../helpers/matrix.js";

export { fixture };

/** erf(x) by its Taylor series (|x| < 2.5) and erfc by Lentz's continued fraction (x ≥ 2.5); ~1e-15 relative. */
export function erfc(x: number): number {
  if (x < 0) return 2 - erfc(-x);
  if (x < 2.5) {
    // erf x = 2/√π Σ (−1)^n x^{2n+1} / (n! (2n+1))
    let term = x, sum = x;
    for (let n = 1; n < 200; n++) {
      term *= (-x * x) / n;
      const t = term / (2 * n + 1);
      sum += t;
      if (Math.abs(t) < 1e-17 * Math.abs(sum)) break;
    }
    return 1 - (2 / Math.sqrt(Math.PI)) * sum;
  }
  // erfc x = e^{−x²}/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + 2/(x + ...)))))
  const tiny = 1e-300;
  let f = x, C = x, D = 0;
  for (let k = 1; k < 500; k++) {
    const a = k / 2;
    D = x + a * D;
    D = Math.abs(D) < tiny ? tiny : D;
    C = x + a / C;
    C = Math.abs(C) < tiny ? tiny : C;
    D = 1 / D;
    const delta = C * D;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(-x * x) / Math.sqrt(Math.PI) / f;
}

/** Standard normal CDF Φ(x). */
export function normalCdf(x: number, mean = 0, sd = 1): number {
  return 0.5 * erfc(-(x - mean) / (sd * Math.SQRT2));
}

/** Standard normal survival 1 − Φ(x), accurate in the upper tail. */
export function normalSf(x: number, mean = 0, sd = 1): number {
  return 0.5 * erfc((x - mean) / (sd * Math.SQRT2));
}

/** Normal density. */
export function normalPdf(x: number, mean = 0, sd = 1): number {
  const z = (x - mean) / sd;
  return Math.exp(-0.5 * z * z) / (sd * Math.sqrt(2 * Math.PI));
}

/** |a − b| / max(|a|, |b|, floor). */
export function relErr(a: number, b: number, floor = 1e-300): number {
  return Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b), floor);
}

/** max_ij |A_ij − B_ij| / max_ij |B_ij| for row arrays or flat arrays. */
export function matRelErr(A: ArrayLike<number>, B: ArrayLike<number>): number {
  let d = 0, m = 0;
  for (let i = 0; i < B.length; i++) {
    d = Math.max(d, Math.abs(A[i]! - B[i]!));
    m = Math.max(m, Math.abs(B[i]!));
  }
  return d / (m || 1);
}
