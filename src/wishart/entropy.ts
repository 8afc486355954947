// Differential entropy and relative entropy of real Wishart laws (MATH §4.3, §4.4).
//   H(W_p(n, Σ)) = (p+1)/2 · log det Σ + p(p+1)/2 · log 2 + log Γ_p(n/2) − (n−p−1)/2 · ψ_p(n/2) + np/2   (du)
//   with respect to ds add p(p−1)/4 · log 2.
//   KL(W_p(n₁,Σ₁) ‖ W_p(n₂,Σ₂)) = (n₁−n₂)/2 · ψ_p(n₁/2) + log Γ_p(n₂/2) − log Γ_p(n₁/2)
//                                 + n₁/2 · (tr(Σ₂⁻¹Σ₁) − p) − n₂/2 · log det(Σ₂⁻¹Σ₁)   (coordinate-free)
import { multidigamma, multigammaln } from "./gamma.js";
import { type DensityOptions, coordinateShift } from "./logpdf.js";
import { type RealMatrixInput, checkDf, checkSize, factorSpd } from "./validate.js";

/** Differential entropy of W_p(df, scale) in nats, w.r.t. du (default; = `scipy.stats.wishart.entropy`) or ds (MATH §4.3). */
export function entropy(df: number, scale: RealMatrixInput, options: DensityOptions = {}): number {
  const sc = factorSpd(scale, "scale");
  const p = sc.p;
  checkDf(df, p);
  return (
    0.5 * (p + 1) * sc.logDet +
    0.5 * p * (p + 1) * Math.LN2 +
    multigammaln(df / 2, p) -
    0.5 * (df - p - 1) * multidigamma(df / 2, p) +
    0.5 * df * p -
    coordinateShift(p, options.coordinates)
  );
}

/**
 * KL(W_p(df1, scale1) ‖ W_p(df2, scale2)) in nats (MATH §4.4; expectation under the first law). Both
 * scales must be p×p symmetric positive definite. For df1 = df2 = n it equals n · KL(N(0,Σ₁) ‖ N(0,Σ₂)).
 */
export function klDivergence(df1: number, scale1: RealMatrixInput, df2: number, scale2: RealMatrixInput): number {
  const s1 = factorSpd(scale1, "scale1");
  const s2 = factorSpd(scale2, "scale2");
  const p = s1.p;
  checkSize(s2.matrix, p, "scale2", "scale1");
  checkDf(df1, p, "df1");
  checkDf(df2, p, "df2");
  // tr(Σ₂⁻¹ Σ₁) = Σ_ij (Σ₂⁻¹)_ij (Σ₁)_ij (both symmetric)
  let tr = 0;
  const P = s2.inverse.data, A = s1.matrix.data;
  for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) tr += P[i * p + j]! * 0.5 * (A[i * p + j]! + A[j * p + i]!);
  const logDetRatio = s1.logDet - s2.logDet;
  return (
    0.5 * (df1 - df2) * multidigamma(df1 / 2, p) +
    multigammaln(df2 / 2, p) -
    multigammaln(df1 / 2, p) +
    0.5 * df1 * (tr - p) -
    0.5 * df2 * logDetRatio
  );
}

/** KL(N(0, Σ₁) ‖ N(0, Σ₂)) = ½(tr(Σ₂⁻¹Σ₁) − p − log det(Σ₂⁻¹Σ₁)), the Gaussian reduction target of §4.4. */
export function gaussianKl(scale1: RealMatrixInput, scale2: RealMatrixInput): number {
  const s1 = factorSpd(scale1, "scale1");
  const s2 = factorSpd(scale2, "scale2");
  const p = s1.p;
  checkSize(s2.matrix, p, "scale2", "scale1");
  let tr = 0;
  const P = s2.inverse.data, A = s1.matrix.data;
  for (let k = 0; k < p * p; k++) tr += P[k]! * A[k]!;
  return 0.5 * (tr - p - (s1.logDet - s2.logDet));
}
