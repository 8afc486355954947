// Thin singular value decomposition A = U diag(σ) Vᵀ by one-sided Jacobi (Hestenes 1958;
// Demmel & Veselić, SIAM J. Matrix Anal. Appl. 13 (1992) 1204–1245): plane rotations on pairs
// of columns until all pairs are orthogonal to working precision. Small singular values are
// computed to high relative accuracy when the columns are well scaled.
import { QgeomError } from "../core/errors.js";
import type { Matrix } from "./matrix.js";
import { orthonormalizeColumns } from "./orthonormalize.js";
import { scaleArray, scaleExponent } from "./scaling.js";
import { checkMatrix } from "./validate.js";

/** Thin SVD `A = U diag(s) Vᵀ` with `k = min(m, n)`. */
export interface SvdResult {
  /** `m×k`, orthonormal columns. */
  readonly u: Matrix;
  /** Singular values, descending, length k. */
  readonly s: Float64Array;
  /** `n×k`, orthonormal columns. */
  readonly v: Matrix;
}

const EPS = 2 ** -52;
const MAX_SWEEPS = 60;
const TINY2 = 2 ** -1000; // squared column norm below which a column is negligible

/** Column-major one-sided Jacobi on a tall m×n block (m ≥ n). Returns U (m×n, col-major), s, V (n×n, col-major). */
function jacobiTall(a: Float64Array, m: number, n: number): { u: Float64Array; s: Float64Array; v: Float64Array } {
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  const tol = EPS * Math.max(m, 1);
  let sweep = 0;
  for (; sweep < MAX_SWEEPS; sweep++) {
    let rotated = false;
    for (let p = 0; p < n - 1; p++) {
      const op = p * m;
      for (let q = p + 1; q < n; q++) {
        const oq = q * m;
        let alpha = 0, beta = 0, gamma = 0;
        for (let k = 0; k < m; k++) {
          const x = a[op + k]!, y = a[oq + k]!;
          alpha += x * x;
          beta += y * y;
          gamma += x * y;
        }
        // columns of norm below 2^-500 (the matrix is rescaled to max ≈ 1) are negligible; rotating them
        // only churns subnormals
        if (gamma === 0 || alpha < TINY2 || beta < TINY2 || Math.abs(gamma) <= tol * Math.sqrt(alpha) * Math.sqrt(beta)) continue;
        rotated = true;
        const zeta = (beta - alpha) / (2 * gamma);
        const t = (zeta >= 0 ? 1 : -1) / (Math.abs(zeta) + (Math.abs(zeta) < 1e150 ? Math.sqrt(1 + zeta * zeta) : Math.abs(zeta)));
        const c = 1 / Math.sqrt(1 + t * t), s = c * t;
        for (let k = 0; k < m; k++) {
          const x = a[op + k]!, y = a[oq + k]!;
          a[op + k] = c * x - s * y;
          a[oq + k] = s * x + c * y;
        }
        const vp = p * n, vq = q * n;
        for (let k = 0; k < n; k++) {
          const x = v[vp + k]!, y = v[vq + k]!;
          v[vp + k] = c * x - s * y;
          v[vq + k] = s * x + c * y;
        }
      }
    }
    if (!rotated) break;
  }
  if (sweep === MAX_SWEEPS) throw new QgeomError("NO_CONVERGENCE", `svd: one-sided Jacobi did not converge in ${MAX_SWEEPS} sweeps; check the input for huge or tiny entries (rescale it) and report the matrix if it is well scaled`);
  const s = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    let ss = 0;
    for (let k = 0; k < m; k++) ss += a[j * m + k]! ** 2;
    s[j] = Math.sqrt(ss);
  }
  // sort descending (columns of U and V follow)
  const order = Array.from({ length: n }, (_, i) => i).sort((x, y) => s[y]! - s[x]!);
  const u = new Float64Array(m * n), vs = new Float64Array(n * n), ss = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    const o = order[j]!;
    ss[j] = s[o]!;
    u.set(a.subarray(o * m, o * m + m), j * m);
    vs.set(v.subarray(o * n, o * n + n), j * n);
  }
  // normalise U's columns; numerically zero singular values get completed directions
  const smax = ss[0]!;
  let rank = n;
  for (let j = 0; j < n; j++) {
    if (!(ss[j]! > smax * m * EPS) || ss[j] === 0) { rank = j; break; }
    const inv = 1 / ss[j]!;
    for (let k = 0; k < m; k++) u[j * m + k]! *= inv;
  }
  if (rank < n) {
    for (let j = rank; j < n; j++) u.fill(0, j * m, j * m + m);
    orthonormalizeColumns(u, null, m, n);
  }
  return { u, s: ss, v: vs };
}

function colMajorToMatrix(buf: Float64Array, rows: number, cols: number): Matrix {
  const data = new Float64Array(rows * cols);
  for (let c = 0; c < cols; c++) for (let r = 0; r < rows; r++) data[r * cols + c] = buf[c * rows + r]!;
  return { rows, cols, data };
}

/**
 * Thin singular value decomposition `A = U diag(s) Vᵀ` (one-sided Jacobi): `s` descending,
 * `U` m×k and `V` n×k with orthonormal columns, k = min(m, n). Columns of `U` for numerically
 * zero singular values are completed to an orthonormal set.
 */
export function svd(A: Matrix, name = "A"): SvdResult {
  checkMatrix(A, name);
  const { rows: m, cols: n } = A;
  const tall = m >= n;
  const mm = tall ? m : n, nn = tall ? n : m;
  // column-major copy of the tall orientation: A (m ≥ n) or Aᵀ
  const a = new Float64Array(mm * nn);
  let mx = 0;
  for (let r = 0; r < m; r++) {
    for (let c = 0; c < n; c++) {
      const x = A.data[r * n + c]!;
      if (tall) a[c * m + r] = x;
      else a[r * n + c] = x;
      mx = Math.max(mx, Math.abs(x));
    }
  }
  // exact power-of-two rescaling to max ≈ 1 keeps the squared column norms in range
  const ex = scaleExponent(mx);
  scaleArray(a, ex);
  const { u, s, v } = jacobiTall(a, mm, nn);
  scaleArray(s, -ex);
  const U = colMajorToMatrix(u, mm, nn), V = colMajorToMatrix(v, nn, nn);
  return tall ? { u: U, s, v: V } : { u: V, s, v: U };
}

/** Singular values of `A`, descending. */
export function singularValues(A: Matrix, name = "A"): Float64Array {
  return svd(A, name).s;
}
