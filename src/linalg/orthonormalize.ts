// Orthonormal columns by modified Gram–Schmidt applied twice ("twice is enough": Giraitis/Parlett;
// Björck, Numerical Methods for Least Squares, §2.4.5). Columns that are numerically dependent
// on earlier ones are replaced by the first standard basis vector independent of them, so the
// result always has orthonormal columns. For independent columns this is the Q of A = QR with
// R's diagonal positive.
import { QgeomError } from "../core/errors.js";
import { type CMatrix, type Matrix, shapeOf } from "./matrix.js";
import { checkMatrix } from "./validate.js";

const DEPENDENT = 1e-12;

/** Orthogonalises column `j` of column-major `q` (length m) against columns 0..j-1, twice. Returns the remaining norm. */
function project(qr: Float64Array, qi: Float64Array | null, m: number, j: number): number {
  const oj = j * m;
  for (let pass = 0; pass < 2; pass++) {
    for (let p = 0; p < j; p++) {
      const op = p * m;
      // r = q_p* q_j
      let rr = 0, ri = 0;
      if (qi === null) {
        for (let k = 0; k < m; k++) rr += qr[op + k]! * qr[oj + k]!;
        for (let k = 0; k < m; k++) qr[oj + k]! -= rr * qr[op + k]!;
      } else {
        for (let k = 0; k < m; k++) {
          const ar = qr[op + k]!, ai = qi[op + k]!, br = qr[oj + k]!, bi = qi[oj + k]!;
          rr += ar * br + ai * bi;
          ri += ar * bi - ai * br;
        }
        for (let k = 0; k < m; k++) {
          const ar = qr[op + k]!, ai = qi[op + k]!;
          qr[oj + k]! -= rr * ar - ri * ai;
          qi[oj + k]! -= rr * ai + ri * ar;
        }
      }
    }
  }
  let s = 0;
  for (let k = 0; k < m; k++) s += qr[oj + k]! * qr[oj + k]! + (qi === null ? 0 : qi[oj + k]! * qi[oj + k]!);
  return Math.sqrt(s);
}

/** In place on column-major buffers (m rows, k columns, k ≤ m). */
export function orthonormalizeColumns(qr: Float64Array, qi: Float64Array | null, m: number, k: number): void {
  for (let j = 0; j < k; j++) {
    const oj = j * m;
    // scale the column to max-entry 1 first, so squared norms neither underflow nor overflow
    let mx = 0;
    for (let r = 0; r < m; r++) mx = Math.max(mx, Math.abs(qr[oj + r]!), qi === null ? 0 : Math.abs(qi[oj + r]!));
    if (mx > 0 && Number.isFinite(1 / mx)) {
      for (let r = 0; r < m; r++) {
        qr[oj + r]! /= mx;
        if (qi !== null) qi[oj + r]! /= mx;
      }
    }
    let s0 = 0;
    for (let r = 0; r < m; r++) s0 += qr[oj + r]! * qr[oj + r]! + (qi === null ? 0 : qi[oj + r]! * qi[oj + r]!);
    let nrm = project(qr, qi, m, j);
    if (!(nrm > DEPENDENT * Math.sqrt(s0))) {
      // complete with a standard basis vector independent of the previous columns
      for (let t = 0; t < m; t++) {
        qr.fill(0, oj, oj + m);
        if (qi !== null) qi.fill(0, oj, oj + m);
        qr[oj + t] = 1;
        nrm = project(qr, qi, m, j);
        if (nrm > 0.5) break;
      }
    }
    const inv = 1 / nrm;
    for (let r = 0; r < m; r++) {
      qr[oj + r]! *= inv;
      if (qi !== null) qi[oj + r]! *= inv;
    }
  }
}

/**
 * An `m×k` matrix with orthonormal columns spanning (for independent columns) the same nested
 * subspaces as the columns of `M` (`k = M.cols ≤ m = M.rows`): the Q factor of `M = QR` with
 * `R_jj > 0`. Dependent columns are replaced so the result is always orthonormal.
 */
export function orthonormalize(M: Matrix): Matrix {
  checkMatrix(M, "M");
  const { rows: m, cols: k } = M;
  if (k > m) throw new QgeomError("SHAPE", `orthonormalize: M is ${shapeOf(M)}; at most ${m} orthonormal columns exist in dimension ${m}; pass at most ${m} columns`);
  const q = new Float64Array(m * k);
  for (let r = 0; r < m; r++) for (let c = 0; c < k; c++) q[c * m + r] = M.data[r * k + c]!;
  orthonormalizeColumns(q, null, m, k);
  const out = new Float64Array(m * k);
  for (let r = 0; r < m; r++) for (let c = 0; c < k; c++) out[r * k + c] = q[c * m + r]!;
  return { rows: m, cols: k, data: out };
}

/** Complex analogue of {@link orthonormalize}: orthonormal columns (`Q*Q = I`), Q of `M = QR` with `R_jj > 0`. */
export function corthonormalize(M: CMatrix): CMatrix {
  checkMatrix(M, "M");
  const { rows: m, cols: k } = M;
  if (k > m) throw new QgeomError("SHAPE", `corthonormalize: M is ${shapeOf(M)}; at most ${m} orthonormal columns exist in dimension ${m}; pass at most ${m} columns`);
  const qr = new Float64Array(m * k), qi = new Float64Array(m * k);
  for (let r = 0; r < m; r++) {
    for (let c = 0; c < k; c++) {
      qr[c * m + r] = M.re[r * k + c]!;
      qi[c * m + r] = M.im[r * k + c]!;
    }
  }
  orthonormalizeColumns(qr, qi, m, k);
  const re = new Float64Array(m * k), im = new Float64Array(m * k);
  for (let r = 0; r < m; r++) {
    for (let c = 0; c < k; c++) {
      re[r * k + c] = qr[c * m + r]!;
      im[r * k + c] = qi[c * m + r]!;
    }
  }
  return { rows: m, cols: k, re, im };
}
