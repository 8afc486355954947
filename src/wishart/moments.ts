// Moments and transforms of the real Wishart law W_p(n, Σ) (MATH §4.2):
//   E S = nΣ,  Cov(S_ij, S_kl) = n(Σ_ik Σ_jl + Σ_il Σ_jk),  Var(S_ij) = n(Σ_ij² + Σ_ii Σ_jj),
//   E det S = det Σ · Π_{i=0}^{p−1}(n − i),  E log det S = ψ_p(n/2) + p log 2 + log det Σ,
//   mode = (n − p − 1)Σ (n ≥ p + 1),  E e^{−tr(ΘS)} = det(I + 2ΣΘ)^{−n/2} for Σ⁻¹ + 2Θ ≻ 0.
import { QgeomError } from "../core/index.js";
import { type Matrix, cholesky } from "../linalg/index.js";
import { multidigamma } from "./gamma.js";
import { type RealMatrixInput, type ScaleFactor, checkDf, checkSize, factorSpd, toRealMatrix } from "./validate.js";

function scaled(A: Matrix, c: number): Matrix {
  return { rows: A.rows, cols: A.cols, data: A.data.map((x) => c * x) };
}

/** Symmetric part of a validated p×p matrix (exactly symmetric copy). */
function symmetricPart(A: Matrix): Matrix {
  const p = A.rows, out = new Float64Array(p * p);
  for (let i = 0; i < p; i++)
    for (let j = 0; j < p; j++) out[i * p + j] = 0.5 * (A.data[i * p + j]! + A.data[j * p + i]!);
  return { rows: p, cols: p, data: out };
}

function setup(df: number, scale: RealMatrixInput): { sc: ScaleFactor; S: Matrix } {
  const sc = factorSpd(scale, "scale");
  checkDf(df, sc.p);
  return { sc, S: symmetricPart(sc.matrix) };
}

/** E S = nΣ (MATH §4.2). */
export function mean(df: number, scale: RealMatrixInput): Matrix {
  const { S } = setup(df, scale);
  return scaled(S, df);
}

/**
 * The mode (n − p − 1)Σ, defined for n ≥ p + 1 (MATH §4.2; for n = p + 1 it is the apex 0 of the
 * cone). @throws DOMAIN for p − 1 < n < p + 1, where the density is unbounded at the boundary.
 */
export function mode(df: number, scale: RealMatrixInput): Matrix {
  const { sc, S } = setup(df, scale);
  if (df < sc.p + 1)
    throw new QgeomError("DOMAIN", `the Wishart mode (n − p − 1)Σ needs df ≥ p + 1 = ${sc.p + 1}, got df = ${df}; for smaller df the density is unbounded near the boundary of the cone; choose a larger df`);
  return scaled(S, df - sc.p - 1);
}

/** Entrywise variances Var(S_ij) = n(Σ_ij² + Σ_ii Σ_jj) as a p×p matrix (= `scipy.stats.wishart.var`). */
export function variance(df: number, scale: RealMatrixInput): Matrix {
  const { sc, S } = setup(df, scale);
  const p = sc.p, s = S.data, out = new Float64Array(p * p);
  for (let i = 0; i < p; i++)
    for (let j = 0; j < p; j++) out[i * p + j] = df * (s[i * p + j]! ** 2 + s[i * p + i]! * s[j * p + j]!);
  return { rows: p, cols: p, data: out };
}

/**
 * Covariance of vech(S) (UT coordinates u, MATH §1.3): the N×N matrix (N = p(p+1)/2) with entry
 * ((i,j),(k,l)) = Cov(S_ij, S_kl) = n(Σ_ik Σ_jl + Σ_il Σ_jk), pairs i ≤ j in row-major order.
 */
export function covariance(df: number, scale: RealMatrixInput): Matrix {
  const { sc, S } = setup(df, scale);
  const p = sc.p, s = S.data;
  const pairs: Array<[number, number]> = [];
  for (let i = 0; i < p; i++) for (let j = i; j < p; j++) pairs.push([i, j]);
  const N = pairs.length, out = new Float64Array(N * N);
  for (let a = 0; a < N; a++)
    for (let b = 0; b < N; b++) {
      const [i, j] = pairs[a]!, [k, l] = pairs[b]!;
      out[a * N + b] = df * (s[i * p + k]! * s[j * p + l]! + s[i * p + l]! * s[j * p + k]!);
    }
  return { rows: N, cols: N, data: out };
}

/** E det S = det Σ · Π_{i=0}^{p−1} (n − i) (MATH §4.2). */
export function meanDet(df: number, scale: RealMatrixInput): number {
  const { sc } = setup(df, scale);
  let r = Math.exp(sc.logDet);
  for (let i = 0; i < sc.p; i++) r *= df - i;
  return r;
}

/** E log det S = ψ_p(n/2) + p log 2 + log det Σ (MATH §4.2). */
export function meanLogDet(df: number, scale: RealMatrixInput): number {
  const { sc } = setup(df, scale);
  return multidigamma(df / 2, sc.p) + sc.p * Math.LN2 + sc.logDet;
}

/**
 * log E e^{−tr(ΘS)} = −(n/2) log det(I + 2ΣΘ) = −(n/2)(log det Σ + log det(Σ⁻¹ + 2Θ)) for symmetric Θ
 * with Σ⁻¹ + 2Θ ≻ 0 (MATH §4.2). @throws DOMAIN outside that set (the expectation is +∞ there).
 */
export function logLaplaceTransform(theta: RealMatrixInput, df: number, scale: RealMatrixInput): number {
  const { sc } = setup(df, scale);
  const T = toRealMatrix(theta, "theta");
  checkSize(T, sc.p, "theta", "scale");
  const p = sc.p, M = new Float64Array(p * p);
  for (let k = 0; k < p * p; k++) M[k] = sc.inverse.data[k]! + 2 * T.data[k]!;
  let L: Matrix;
  try {
    L = cholesky({ rows: p, cols: p, data: M }, { name: "Σ⁻¹ + 2·theta" });
  } catch (e) {
    if (e instanceof QgeomError && e.code === "NOT_POSITIVE_DEFINITE")
      throw new QgeomError("DOMAIN", `theta is outside the domain of the Laplace transform: ${e.message.replace(/; pass.*$/, "")}; E e^{−tr(ΘS)} is finite only when Σ⁻¹ + 2Θ ≻ 0 (MATH §4.2); choose theta with Σ⁻¹ + 2Θ positive definite`);
    if (e instanceof QgeomError && e.code === "NOT_SYMMETRIC") throw new QgeomError("NOT_SYMMETRIC", `theta is not symmetric: ${e.message.replace(/; pass.*$/, "")}; pass a symmetric theta`);
    throw e;
  }
  let ld = 0;
  for (let i = 0; i < p; i++) ld += Math.log(L.data[i * p + i]!);
  return -0.5 * df * (sc.logDet + 2 * ld);
}

/** E e^{−tr(ΘS)} = det(I + 2ΣΘ)^{−n/2} (MATH §4.2); see {@link logLaplaceTransform}. */
export function laplaceTransform(theta: RealMatrixInput, df: number, scale: RealMatrixInput): number {
  return Math.exp(logLaplaceTransform(theta, df, scale));
}
