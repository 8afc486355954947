// Completely positive trace-preserving maps used by the monotonicity statements of MATH §6.6:
// partial traces, Kraus maps Φ(ρ) = Σ_e K_e ρ K_e*, and Kraus operators of a Stinespring isometry.
import { QgeomError, excerpt } from "../core/errors.js";
import { type CMatrix, type Matrix, shapeOf } from "../linalg/index.js";
import { toLinalg } from "./density.js";
import { splitOf } from "./kernels.js";
import type { MatrixInput } from "./operands.js";

function dimsOf(dims: unknown): [number, number] {
  if (!Array.isArray(dims) || dims.length !== 2 || !dims.every((d) => Number.isInteger(d) && d >= 1)) {
    throw new QgeomError("INVALID_ARGUMENT", `dims must be [dA, dB] with positive integers, got ${excerpt(dims)}; pass e.g. [2, 2]`);
  }
  return [dims[0], dims[1]];
}

/**
 * Partial trace of an operator on ℂ^{dA} ⊗ ℂ^{dB} (index (a, b) ↦ a·dB + b, the Kronecker
 * convention of linalg `kron`): keep "A" gives tr_B X, keep "B" gives tr_A X.
 */
export function partialTrace(X: MatrixInput, dims: readonly [number, number], keep: "A" | "B"): CMatrix {
  const [dA, dB] = dimsOf(dims);
  const A = toLinalg(X, "X");
  if (A.rows !== dA * dB || A.cols !== dA * dB) {
    throw new QgeomError("SHAPE", `X is ${shapeOf(A)} but dims [${dA}, ${dB}] need ${dA * dB}×${dA * dB}; pass dims whose product is the size of X`);
  }
  if (keep !== "A" && keep !== "B") throw new QgeomError("INVALID_ARGUMENT", `keep must be "A" or "B", got ${excerpt(keep)}; pass "A" or "B"`);
  const s = splitOf(A);
  const N = dA * dB;
  const m = keep === "A" ? dA : dB;
  const re = new Float64Array(m * m), im = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < m; j++) {
      let sr = 0, si = 0;
      const K = keep === "A" ? dB : dA;
      for (let k = 0; k < K; k++) {
        const r = keep === "A" ? i * dB + k : k * dB + i;
        const c = keep === "A" ? j * dB + k : k * dB + j;
        sr += s.re[r * N + c]!;
        if (s.im !== null) si += s.im[r * N + c]!;
      }
      re[i * m + j] = sr;
      im[i * m + j] = si;
    }
  }
  return { rows: m, cols: m, re, im };
}

function rectSplit(A: Matrix | CMatrix): { rows: number; cols: number; re: Float64Array; im: Float64Array | null } {
  return "re" in A ? { rows: A.rows, cols: A.cols, re: A.re, im: A.im } : { rows: A.rows, cols: A.cols, re: A.data, im: null };
}

/**
 * Φ(X) = Σ_e K_e X K_e* for Kraus operators K_e (dOut×dIn, all the same shape). Φ is completely
 * positive; it is trace preserving iff Σ_e K_e* K_e = I (see {@link krausDefect}).
 */
export function applyKraus(kraus: readonly MatrixInput[], X: MatrixInput): CMatrix {
  if (!Array.isArray(kraus) || kraus.length === 0) throw new QgeomError("INVALID_ARGUMENT", `kraus must be a non-empty array of matrices; pass e.g. [K0, K1] with Σ K†K = I`);
  const Ks = kraus.map((K, e) => rectSplit(toLinalg(K, `kraus[${e}]`)));
  const dOut = Ks[0]!.rows, dIn = Ks[0]!.cols;
  Ks.forEach((K, e) => {
    if (K.rows !== dOut || K.cols !== dIn) throw new QgeomError("SHAPE", `kraus[${e}] is ${K.rows}×${K.cols} but kraus[0] is ${dOut}×${dIn}; pass Kraus operators of one shape`);
  });
  const A = toLinalg(X, "X");
  if (A.rows !== dIn || A.cols !== dIn) throw new QgeomError("SHAPE", `X is ${shapeOf(A)} but the Kraus operators act on ${dIn}×${dIn}; pass an X of size ${dIn}×${dIn}`);
  const x = splitOf(A);
  const re = new Float64Array(dOut * dOut), im = new Float64Array(dOut * dOut);
  const tr = new Float64Array(dOut * dIn), ti = new Float64Array(dOut * dIn);
  for (const K of Ks) {
    // T = K X  (dOut×dIn)
    tr.fill(0);
    ti.fill(0);
    for (let o = 0; o < dOut; o++) {
      for (let k = 0; k < dIn; k++) {
        const kr = K.re[o * dIn + k]!, ki = K.im === null ? 0 : K.im[o * dIn + k]!;
        for (let j = 0; j < dIn; j++) {
          const xr = x.re[k * dIn + j]!, xi = x.im === null ? 0 : x.im[k * dIn + j]!;
          tr[o * dIn + j] += kr * xr - ki * xi;
          ti[o * dIn + j] += kr * xi + ki * xr;
        }
      }
    }
    // += T K*
    for (let o = 0; o < dOut; o++) {
      for (let p = 0; p < dOut; p++) {
        let sr = 0, si = 0;
        for (let j = 0; j < dIn; j++) {
          const ar = tr[o * dIn + j]!, ai = ti[o * dIn + j]!;
          const br = K.re[p * dIn + j]!, bi = K.im === null ? 0 : -K.im[p * dIn + j]!;
          sr += ar * br - ai * bi;
          si += ar * bi + ai * br;
        }
        re[o * dOut + p] += sr;
        im[o * dOut + p] += si;
      }
    }
  }
  return { rows: dOut, cols: dOut, re, im };
}

/** ‖Σ_e K_e* K_e − I‖_F: zero iff the Kraus map is trace preserving. */
export function krausDefect(kraus: readonly MatrixInput[]): number {
  if (!Array.isArray(kraus) || kraus.length === 0) throw new QgeomError("INVALID_ARGUMENT", `kraus must be a non-empty array of matrices; pass e.g. [K0, K1] with Σ K†K = I`);
  const Ks = kraus.map((K, e) => rectSplit(toLinalg(K, `kraus[${e}]`)));
  const dOut = Ks[0]!.rows, dIn = Ks[0]!.cols;
  const re = new Float64Array(dIn * dIn), im = new Float64Array(dIn * dIn);
  for (const K of Ks) {
    if (K.rows !== dOut || K.cols !== dIn) throw new QgeomError("SHAPE", `Kraus operators must share one shape ${dOut}×${dIn}; pass Kraus operators of one shape`);
    for (let i = 0; i < dIn; i++) {
      for (let j = 0; j < dIn; j++) {
        let sr = 0, si = 0;
        for (let o = 0; o < dOut; o++) {
          const ar = K.re[o * dIn + i]!, ai = K.im === null ? 0 : -K.im[o * dIn + i]!;
          const br = K.re[o * dIn + j]!, bi = K.im === null ? 0 : K.im[o * dIn + j]!;
          sr += ar * br - ai * bi;
          si += ar * bi + ai * br;
        }
        re[i * dIn + j] += sr;
        im[i * dIn + j] += si;
      }
    }
  }
  let d = 0;
  for (let i = 0; i < dIn; i++) for (let j = 0; j < dIn; j++) d += (re[i * dIn + j]! - (i === j ? 1 : 0)) ** 2 + im[i * dIn + j]! ** 2;
  return Math.sqrt(d);
}

/**
 * Kraus operators of the Stinespring isometry V: ℂ^{dIn} → ℂ^{dOut} ⊗ ℂ^{k} (a (dOut·k)×dIn
 * matrix with V*V = I, row index o·k + e): K_e[o, i] = V[o·k + e, i], so Φ(X) = tr_env(V X V*).
 */
export function krausFromIsometry(V: MatrixInput, dOut: number): CMatrix[] {
  const A = toLinalg(V, "V");
  if (!Number.isInteger(dOut) || dOut < 1 || A.rows % dOut !== 0) {
    throw new QgeomError("SHAPE", `V is ${shapeOf(A)}; its row count must be dOut·k with dOut = ${excerpt(dOut)}; pass dOut dividing the row count of V`);
  }
  const k = A.rows / dOut, dIn = A.cols;
  const s = rectSplit(A);
  const out: CMatrix[] = [];
  for (let e = 0; e < k; e++) {
    const re = new Float64Array(dOut * dIn), im = new Float64Array(dOut * dIn);
    for (let o = 0; o < dOut; o++) {
      for (let i = 0; i < dIn; i++) {
        re[o * dIn + i] = s.re[(o * k + e) * dIn + i]!;
        if (s.im !== null) im[o * dIn + i] = s.im[(o * k + e) * dIn + i]!;
      }
    }
    out.push({ rows: dOut, cols: dIn, re, im });
  }
  return out;
}

