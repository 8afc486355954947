// Dense n×n complex kernels on split (re, im) row-major arrays, with `im = null` for an exactly
// real operand so real data carries no imaginary arithmetic. Internal to src/modular: the public
// functions validate their arguments and call these.
import type { CMatrix, Matrix } from "../linalg/index.js";

/** A square complex matrix in split form; `im === null` means exactly real. */
export interface Split {
  readonly n: number;
  readonly re: Float64Array;
  readonly im: Float64Array | null;
}

export function splitOf(A: Matrix | CMatrix): Split {
  return "re" in A ? { n: A.rows, re: A.re, im: A.im } : { n: A.rows, re: A.data, im: null };
}

export function toCMatrix(A: Split): CMatrix {
  return { rows: A.n, cols: A.n, re: A.re, im: A.im ?? new Float64Array(A.re.length) };
}

export function toMatrixOrC(A: Split): Matrix | CMatrix {
  return A.im === null ? { rows: A.n, cols: A.n, data: A.re } : toCMatrix(A);
}

/** Makes a numerically Hermitian Split exactly Hermitian in place (averaging mirrored entries, real diagonal). */
export function hermitianize(A: Split): Split {
  const n = A.n, re = A.re, im = A.im;
  for (let i = 0; i < n; i++) {
    if (im !== null) im[i * n + i] = 0;
    for (let j = i + 1; j < n; j++) {
      const a = 0.5 * (re[i * n + j]! + re[j * n + i]!);
      re[i * n + j] = a;
      re[j * n + i] = a;
      if (im !== null) {
        const b = 0.5 * (im[i * n + j]! - im[j * n + i]!);
        im[i * n + j] = b;
        im[j * n + i] = -b;
      }
    }
  }
  return A;
}

/**
 * C = op(A) op(B) with op ∈ {N: identity, H: conjugate transpose}. op(B) = B* is materialised
 * (n² copies) so that every product runs as row updates C[i, :] += a_ik B[k, :] along contiguous
 * rows, two k at a time (halving the loads and stores of C).
 */
export function mul(A: Split, opA: "N" | "H", B: Split, opB: "N" | "H"): Split {
  if (opB === "H") B = conjTransposeSplit(B);
  const n = A.n;
  const ar = A.re, ai = A.im, br = B.re, bi = B.im;
  const re = new Float64Array(n * n);
  const complex = ai !== null || bi !== null;
  const im = complex ? new Float64Array(n * n) : null;
  // a_ik = A[i,k] (N) or conj(A[k,i]) (H)
  const sgn = opA === "H" ? -1 : 1;
  const aIdx = opA === "N" ? (i: number, k: number) => i * n + k : (i: number, k: number) => k * n + i;
  for (let i = 0; i < n; i++) {
    const ci = i * n;
    let k = 0;
    for (; k + 1 < n; k += 2) {
      const i0 = aIdx(i, k), i1 = aIdx(i, k + 1);
      const xr = ar[i0]!, xr1 = ar[i1]!;
      const b0 = k * n, b1 = b0 + n;
      if (im === null) {
        for (let j = 0; j < n; j++) re[ci + j] += xr * br[b0 + j]! + xr1 * br[b1 + j]!;
      } else {
        const xi = ai === null ? 0 : sgn * ai[i0]!, xi1 = ai === null ? 0 : sgn * ai[i1]!;
        if (bi === null) {
          for (let j = 0; j < n; j++) {
            const y0 = br[b0 + j]!, y1 = br[b1 + j]!;
            re[ci + j] += xr * y0 + xr1 * y1;
            im[ci + j] += xi * y0 + xi1 * y1;
          }
        } else {
          for (let j = 0; j < n; j++) {
            const yr = br[b0 + j]!, yi = bi[b0 + j]!, yr1 = br[b1 + j]!, yi1 = bi[b1 + j]!;
            re[ci + j] += xr * yr - xi * yi + (xr1 * yr1 - xi1 * yi1);
            im[ci + j] += xr * yi + xi * yr + (xr1 * yi1 + xi1 * yr1);
          }
        }
      }
    }
    if (k < n) {
      const i0 = aIdx(i, k);
      const xr = ar[i0]!, xi = ai === null ? 0 : sgn * ai[i0]!;
      const b0 = k * n;
      for (let j = 0; j < n; j++) {
        const yr = br[b0 + j]!, yi = bi === null ? 0 : bi[b0 + j]!;
        re[ci + j] += xr * yr - xi * yi;
        if (im !== null) im[ci + j] += xr * yi + xi * yr;
      }
    }
  }
  return { n, re, im };
}

export function conjTransposeSplit(A: Split): Split {
  const n = A.n;
  const re = new Float64Array(n * n), im = A.im === null ? null : new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      re[j * n + i] = A.re[i * n + j]!;
      if (im !== null) im[j * n + i] = -A.im![i * n + j]!;
    }
  }
  return { n, re, im };
}

/** A · diag(dr + i di) (columns scaled); `di` null for a real diagonal. */
export function scaleColumns(A: Split, dr: Float64Array, di: Float64Array | null): Split {
  const n = A.n;
  const re = new Float64Array(n * n);
  const im = A.im === null && di === null ? null : new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const r = i * n;
    for (let j = 0; j < n; j++) {
      const xr = A.re[r + j]!, xi = A.im === null ? 0 : A.im[r + j]!;
      const yr = dr[j]!, yi = di === null ? 0 : di[j]!;
      re[r + j] = xr * yr - xi * yi;
      if (im !== null) im[r + j] = xr * yi + xi * yr;
    }
  }
  return { n, re, im };
}

/** V diag(d) V* for real or complex d. */
export function reconstruct(V: Split, dr: Float64Array, di: Float64Array | null): Split {
  return mul(scaleColumns(V, dr, di), "N", V, "H");
}

/** Entrywise product with a complex weight matrix (wr, wi): X_ij ← w_ij X_ij. */
export function hadamard(X: Split, wr: Float64Array, wi: Float64Array | null): Split {
  const len = X.re.length;
  const re = new Float64Array(len);
  const im = X.im === null && wi === null ? null : new Float64Array(len);
  for (let k = 0; k < len; k++) {
    const xr = X.re[k]!, xi = X.im === null ? 0 : X.im[k]!;
    const yr = wr[k]!, yi = wi === null ? 0 : wi[k]!;
    re[k] = xr * yr - xi * yi;
    if (im !== null) im[k] = xr * yi + xi * yr;
  }
  return { n: X.n, re, im };
}

/** Frobenius norm. */
export function frob(A: Split): number {
  let s = 0;
  for (let k = 0; k < A.re.length; k++) s += A.re[k]! * A.re[k]!;
  if (A.im !== null) for (let k = 0; k < A.im.length; k++) s += A.im[k]! * A.im[k]!;
  return Math.sqrt(s);
}

/** ‖A − B‖_F. */
export function frobDiff(A: Split, B: Split): number {
  let s = 0;
  for (let k = 0; k < A.re.length; k++) {
    const dr = A.re[k]! - B.re[k]!;
    const di = (A.im === null ? 0 : A.im[k]!) - (B.im === null ? 0 : B.im[k]!);
    s += dr * dr + di * di;
  }
  return Math.sqrt(s);
}

/** A + B, A − B, s·A (complex s). */
export function addSplit(A: Split, B: Split, sign = 1): Split {
  const len = A.re.length;
  const re = new Float64Array(len);
  const im = A.im === null && B.im === null ? null : new Float64Array(len);
  for (let k = 0; k < len; k++) {
    re[k] = A.re[k]! + sign * B.re[k]!;
    if (im !== null) im[k] = (A.im === null ? 0 : A.im[k]!) + sign * (B.im === null ? 0 : B.im[k]!);
  }
  return { n: A.n, re, im };
}

export function scaleSplit(A: Split, sr: number, si = 0): Split {
  const len = A.re.length;
  const re = new Float64Array(len);
  const im = A.im === null && si === 0 ? null : new Float64Array(len);
  for (let k = 0; k < len; k++) {
    const xr = A.re[k]!, xi = A.im === null ? 0 : A.im[k]!;
    re[k] = sr * xr - si * xi;
    if (im !== null) im[k] = sr * xi + si * xr;
  }
  return { n: A.n, re, im };
}

export function identitySplit(n: number): Split {
  const re = new Float64Array(n * n);
  for (let i = 0; i < n; i++) re[i * n + i] = 1;
  return { n, re, im: null };
}
