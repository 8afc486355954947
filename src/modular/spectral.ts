// Spectral calculus on a DensityMatrix (MATH §1.2): ρ^z = V diag(p^z) V* for complex z, and the
// two-sided maps ξ ↦ σ^a ξ ρ^b computed in the eigenbases, where they are entrywise products
// (σ^a ξ ρ^b)~_ij = q_i^a p_j^b ξ~_ij with ξ~ = F* ξ E. Internal to src/modular.
import { QgeomError } from "../core/errors.js";
import type { Complex } from "../linalg/index.js";
import { type DensityMatrix, vectorsOf } from "./density.js";
import { type Split, hadamard, mul, reconstruct } from "./kernels.js";

/** exp(z·l_k) for the log-eigenvalues l (l = −∞ gives 0 when Re z > 0). */
function expWeights(logs: Float64Array, z: Complex): { re: Float64Array; im: Float64Array | null } {
  const n = logs.length;
  const re = new Float64Array(n);
  const im = z.im === 0 ? null : new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const l = logs[k]!;
    if (l === -Infinity) continue; // kernel: p^z = 0 (callers ensure Re z > 0 there)
    const m = Math.exp(z.re * l);
    if (im === null) re[k] = m;
    else {
      re[k] = m * Math.cos(z.im * l);
      im[k] = m * Math.sin(z.im * l);
    }
  }
  return { re, im };
}

/**
 * ρ^z as a Split, for a state and a complex exponent. On the kernel of a non-faithful state,
 * p^z = 0 for Re z > 0, and z = 0 gives the support projection; Re z ≤ 0 there is an error.
 */
export function powerSplit(s: DensityMatrix, z: Complex, name: string, op: string): Split {
  if (!s.faithful && !(z.re > 0) && !(z.re === 0 && z.im === 0)) {
    throw new QgeomError(
      "SINGULAR",
      `${op}: ${name} is singular (smallest eigenvalue ${s.eigenvalues[0]!.toExponential(3)}), and ${name}^z with Re z = ${z.re} ≤ 0 needs ${name} ≻ 0; pass a faithful state`,
    );
  }
  if (z.re === 0 && z.im === 0) {
    const w = Float64Array.from(s.logEigenvalues, (l) => (l === -Infinity ? 0 : 1));
    return reconstruct(vectorsOf(s), w, null);
  }
  const w = expWeights(s.logEigenvalues, z);
  return reconstruct(vectorsOf(s), w.re, w.im);
}

/**
 * left^a · x · right^b through the eigenbases: with F, E the eigenvectors of left and right,
 * F (w ∘ (F* x E)) E* where w_ij = exp(a l_i + b m_j). Both states must be faithful (finite logs).
 */
export function sandwich(
  left: DensityMatrix,
  right: DensityMatrix,
  x: Split,
  a: Complex,
  b: Complex,
  op: string,
): Split {
  const n = left.n;
  const F = vectorsOf(left), E = left === right ? F : vectorsOf(right);
  const xt = mul(mul(F, "H", x, "N"), "N", E, "N");
  const wr = new Float64Array(n * n);
  const complexW = a.im !== 0 || b.im !== 0;
  const wi = complexW ? new Float64Array(n * n) : null;
  const L = left.logEigenvalues, M = right.logEigenvalues;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const li = L[i]!, mj = M[j]!;
      const er = a.re * li + b.re * mj;
      const m = Math.exp(er);
      if (!Number.isFinite(m)) {
        throw new QgeomError(
          "NOT_FINITE",
          `${op}: the weight exp(${er.toFixed(1)}) overflows (eigenvalue ratio raised to a large power); the result is not representable in float64 — use a smaller |Im z| or a better-conditioned state`,
        );
      }
      if (wi === null) wr[i * n + j] = m;
      else {
        const ph = a.im * li + b.im * mj;
        wr[i * n + j] = m * Math.cos(ph);
        wi[i * n + j] = m * Math.sin(ph);
      }
    }
  }
  const yt = hadamard(xt, wr, wi);
  const out = mul(mul(F, "N", yt, "N"), "N", E, "H");
  for (const part of out.im === null ? [out.re] : [out.re, out.im]) {
    for (let k = 0; k < part.length; k++) {
      if (!Number.isFinite(part[k]!)) {
        throw new QgeomError("NOT_FINITE", `${op}: the result overflows float64 (entry ${k}); use a smaller |Im z| or a better-conditioned state`);
      }
    }
  }
  return out;
}

/** l_i − l_j grid (n×n, row-major): the spectrum of log Δ on the matrix units e_i e_j* (MATH §6.3). */
export function logRatioGrid(s: DensityMatrix): Float64Array {
  const n = s.n, l = s.logEigenvalues;
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) out[i * n + j] = l[i]! - l[j]!;
  return out;
}
