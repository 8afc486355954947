// Dense matrices: real (row-major Float64Array) and complex (split re/im, row-major).
// Element (i, j) of an r×c matrix lives at index i*c + j.
import { QgeomError, excerpt } from "../core/errors.js";

/** A dense real matrix, row-major: entry (i, j) is `data[i * cols + j]`. */
export interface Matrix {
  /** Number of rows r. */
  readonly rows: number;
  /** Number of columns c. */
  readonly cols: number;
  /** The r·c entries in row-major order: entry (i, j) at index `i * cols + j`. */
  readonly data: Float64Array;
}

/** A dense complex matrix in split form, row-major: entry (i, j) is `re[i*cols+j] + i·im[i*cols+j]`. */
export interface CMatrix {
  /** Number of rows r. */
  readonly rows: number;
  /** Number of columns c. */
  readonly cols: number;
  /** Real parts of the r·c entries, row-major (entry (i, j) at index `i * cols + j`). */
  readonly re: Float64Array;
  /** Imaginary parts of the r·c entries, row-major, same layout as `re`. */
  readonly im: Float64Array;
}

/** A complex scalar. */
export interface Complex {
  /** Real part. */
  re: number;
  /** Imaginary part. */
  im: number;
}

/** True if `A` is a complex (split-form) matrix. */
export function isComplex(A: Matrix | CMatrix): A is CMatrix {
  return (A as CMatrix).re !== undefined;
}

/** `r×c` shape string for messages. */
export function shapeOf(A: { rows: number; cols: number }): string {
  return `${A.rows}×${A.cols}`;
}

function rowsFromArray(rows: unknown, name: string): { r: number; c: number } {
  if (!Array.isArray(rows) || rows.length === 0 || !rows.every((row) => Array.isArray(row))) {
    throw new QgeomError(
      "SHAPE",
      `${name} must be a non-empty array of rows (number[][]), got ${excerpt(rows)}; pass e.g. [[1, 0], [0, 1]]`,
    );
  }
  const c = (rows[0] as unknown[]).length;
  if (c === 0) throw new QgeomError("SHAPE", `${name} has empty rows; pass at least one column`);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as unknown[];
    if (row.length !== c) {
      throw new QgeomError(
        "SHAPE",
        `${name} is ragged: row 0 has ${c} entries but row ${i} has ${row.length}; pass rows of equal length`,
      );
    }
  }
  return { r: rows.length, c };
}

function fillChecked(dst: Float64Array, rows: unknown[][], c: number, name: string): void {
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    for (let j = 0; j < c; j++) {
      const v = row[j];
      if (typeof v !== "number" || !Number.isFinite(v)) {
        throw new QgeomError(
          "NOT_FINITE",
          `${name}[${i}][${j}] is ${excerpt(v)}; every entry must be a finite number; replace NaN/Infinity with finite values`,
          { row: i, col: j },
        );
      }
      dst[i * c + j] = v;
    }
  }
}

/** Builds a real matrix from an array of rows; every entry must be a finite number. */
export function matrix(rows: number[][], name = "matrix"): Matrix {
  const { r, c } = rowsFromArray(rows, name);
  const data = new Float64Array(r * c);
  fillChecked(data, rows, c, name);
  return { rows: r, cols: c, data };
}

/** Wraps (a copy of) row-major `data` as an `rows×cols` matrix. */
export function matrixFromData(rows: number, cols: number, data: ArrayLike<number>): Matrix {
  if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows < 1 || cols < 1 || data.length !== rows * cols) {
    throw new QgeomError(
      "SHAPE",
      `matrixFromData: ${rows}×${cols} needs ${rows * cols} entries, got ${data.length}; pass positive integer sizes and rows*cols values`,
    );
  }
  return { rows, cols, data: Float64Array.from(data) };
}

/** Builds a complex matrix from `{re, im}` arrays of rows (`im` defaults to zero). */
export function cmatrix(parts: { re: number[][]; im?: number[][] }, name = "matrix"): CMatrix {
  const { r, c } = rowsFromArray(parts?.re, `${name}.re`);
  const re = new Float64Array(r * c);
  const im = new Float64Array(r * c);
  fillChecked(re, parts.re, c, `${name}.re`);
  if (parts.im !== undefined) {
    const s = rowsFromArray(parts.im, `${name}.im`);
    if (s.r !== r || s.c !== c) {
      throw new QgeomError("SHAPE", `${name}.im is ${s.r}×${s.c} but ${name}.re is ${r}×${c}; pass parts of equal shape`);
    }
    fillChecked(im, parts.im, c, `${name}.im`);
  }
  return { rows: r, cols: c, re, im };
}

/** Nested-array copy of a real matrix. */
export function toArray(A: Matrix): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < A.rows; i++) out.push(Array.from(A.data.subarray(i * A.cols, (i + 1) * A.cols)));
  return out;
}

/** Nested-array copy `{re, im}` of a complex matrix (the JSON form used by the CLI). */
export function toComplexArray(A: CMatrix): {
  /** Real parts as rows: `re[i][j] = Re A_ij`. */
  re: number[][];
  /** Imaginary parts as rows: `im[i][j] = Im A_ij`. */
  im: number[][];
} {
  const re: number[][] = [];
  const im: number[][] = [];
  for (let i = 0; i < A.rows; i++) {
    re.push(Array.from(A.re.subarray(i * A.cols, (i + 1) * A.cols)));
    im.push(Array.from(A.im.subarray(i * A.cols, (i + 1) * A.cols)));
  }
  return { re, im };
}

/** The complex matrix `A + 0i` (copies `A`). */
export function toComplex(A: Matrix): CMatrix {
  return { rows: A.rows, cols: A.cols, re: A.data.slice(), im: new Float64Array(A.data.length) };
}

/** Real part of a complex matrix. */
export function realPart(A: CMatrix): Matrix {
  return { rows: A.rows, cols: A.cols, data: A.re.slice() };
}

/** Imaginary part of a complex matrix. */
export function imagPart(A: CMatrix): Matrix {
  return { rows: A.rows, cols: A.cols, data: A.im.slice() };
}

/**
 * The real embedding of A = X + iY: the 2r×2c real matrix [[X, −Y], [Y, X]], which acts on [Re v; Im v]
 * as A acts on v. It is symmetric iff A is Hermitian; its singular values are those of A, each twice, and
 * det = |det A|² for square A. A real A is taken as A + 0i.
 */
export function realEmbedding(A: Matrix | CMatrix): Matrix {
  const { rows: m, cols: n } = A;
  const re = isComplex(A) ? A.re : A.data;
  const im = isComplex(A) ? A.im : null;
  const c = 2 * n;
  const data = new Float64Array(4 * m * n);
  for (let r = 0; r < m; r++)
    for (let j = 0; j < n; j++) {
      const x = re[r * n + j]!, y = im === null ? 0 : im[r * n + j]!;
      data[r * c + j] = x;
      data[r * c + n + j] = -y;
      data[(r + m) * c + j] = y;
      data[(r + m) * c + n + j] = x;
    }
  return { rows: 2 * m, cols: c, data };
}

/** The `rows×cols` zero matrix (`cols` defaults to `rows`). */
export function zeros(rows: number, cols = rows): Matrix {
  checkSize(rows, cols);
  return { rows, cols, data: new Float64Array(rows * cols) };
}

/** The complex `rows×cols` zero matrix. */
export function czeros(rows: number, cols = rows): CMatrix {
  checkSize(rows, cols);
  return { rows, cols, re: new Float64Array(rows * cols), im: new Float64Array(rows * cols) };
}

/** The `n×n` identity. */
export function identity(n: number): Matrix {
  const I = zeros(n);
  for (let i = 0; i < n; i++) I.data[i * n + i] = 1;
  return I;
}

/** The complex `n×n` identity. */
export function cidentity(n: number): CMatrix {
  const I = czeros(n);
  for (let i = 0; i < n; i++) I.re[i * n + i] = 1;
  return I;
}

/** The diagonal matrix with the given diagonal. */
export function diag(values: ArrayLike<number>): Matrix {
  const n = values.length;
  const D = zeros(n);
  for (let i = 0; i < n; i++) D.data[i * n + i] = values[i]!;
  return D;
}

/** The diagonal of a (possibly rectangular) matrix. */
export function diagonal(A: Matrix): Float64Array {
  const k = Math.min(A.rows, A.cols);
  const d = new Float64Array(k);
  for (let i = 0; i < k; i++) d[i] = A.data[i * A.cols + i]!;
  return d;
}

function checkSize(rows: number, cols: number): void {
  if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows < 1 || cols < 1) {
    throw new QgeomError("SHAPE", `matrix size must be positive integers, got ${rows}×${cols}; pass whole numbers ≥ 1`);
  }
}

/** Transpose `Aᵀ`. */
export function transpose(A: Matrix): Matrix {
  const { rows: r, cols: c, data } = A;
  const out = new Float64Array(r * c);
  for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) out[j * r + i] = data[i * c + j]!;
  return { rows: c, cols: r, data: out };
}

/** Entrywise complex conjugate `Ā`. */
export function conj(A: CMatrix): CMatrix {
  const im = new Float64Array(A.im.length);
  for (let k = 0; k < im.length; k++) im[k] = -A.im[k]!;
  return { rows: A.rows, cols: A.cols, re: A.re.slice(), im };
}

/** Conjugate transpose `A* = Āᵀ`. */
export function conjTranspose(A: CMatrix): CMatrix {
  const { rows: r, cols: c } = A;
  const re = new Float64Array(r * c);
  const im = new Float64Array(r * c);
  for (let i = 0; i < r; i++) {
    for (let j = 0; j < c; j++) {
      re[j * r + i] = A.re[i * c + j]!;
      im[j * r + i] = -A.im[i * c + j]!;
    }
  }
  return { rows: c, cols: r, re, im };
}

function checkSameShape(A: { rows: number; cols: number }, B: { rows: number; cols: number }, op: string): void {
  if (A.rows !== B.rows || A.cols !== B.cols) {
    throw new QgeomError("SHAPE", `${op}: shapes ${shapeOf(A)} and ${shapeOf(B)} differ; pass matrices of equal shape`);
  }
}

function checkProduct(A: { rows: number; cols: number }, B: { rows: number; cols: number }, op: string): void {
  if (A.cols !== B.rows) {
    throw new QgeomError(
      "SHAPE",
      `${op}: cannot multiply ${shapeOf(A)} by ${shapeOf(B)} (inner sizes ${A.cols} ≠ ${B.rows}); check the order of the factors`,
    );
  }
}

/** Real matrix product `A B`. */
export function matmul(A: Matrix, B: Matrix): Matrix {
  checkProduct(A, B, "matmul");
  const m = A.rows, k = A.cols, n = B.cols;
  const a = A.data, b = B.data;
  const out = new Float64Array(m * n);
  for (let i = 0; i < m; i++) {
    const oi = i * n;
    for (let p = 0; p < k; p++) {
      const aip = a[i * k + p]!;
      if (aip === 0) continue;
      const bp = p * n;
      for (let j = 0; j < n; j++) out[oi + j] += aip * b[bp + j]!;
    }
  }
  return { rows: m, cols: n, data: out };
}

/** Complex matrix product `A B`; either factor may be real. */
export function cmatmul(A: Matrix | CMatrix, B: Matrix | CMatrix): CMatrix {
  checkProduct(A, B, "cmatmul");
  const m = A.rows, k = A.cols, n = B.cols;
  const ar = isComplex(A) ? A.re : A.data, ai = isComplex(A) ? A.im : null;
  const br = isComplex(B) ? B.re : B.data, bi = isComplex(B) ? B.im : null;
  const re = new Float64Array(m * n);
  const im = new Float64Array(m * n);
  for (let i = 0; i < m; i++) {
    const oi = i * n;
    for (let p = 0; p < k; p++) {
      const xr = ar[i * k + p]!, xi = ai === null ? 0 : ai[i * k + p]!;
      const bp = p * n;
      if (bi === null) {
        for (let j = 0; j < n; j++) {
          const yr = br[bp + j]!;
          re[oi + j] += xr * yr;
          im[oi + j] += xi * yr;
        }
      } else {
        for (let j = 0; j < n; j++) {
          const yr = br[bp + j]!, yi = bi[bp + j]!;
          re[oi + j] += xr * yr - xi * yi;
          im[oi + j] += xr * yi + xi * yr;
        }
      }
    }
  }
  return { rows: m, cols: n, re, im };
}

/** `A + B`. */
export function add(A: Matrix, B: Matrix): Matrix {
  checkSameShape(A, B, "add");
  const out = new Float64Array(A.data.length);
  for (let k = 0; k < out.length; k++) out[k] = A.data[k]! + B.data[k]!;
  return { rows: A.rows, cols: A.cols, data: out };
}

/** `A − B`. */
export function sub(A: Matrix, B: Matrix): Matrix {
  checkSameShape(A, B, "sub");
  const out = new Float64Array(A.data.length);
  for (let k = 0; k < out.length; k++) out[k] = A.data[k]! - B.data[k]!;
  return { rows: A.rows, cols: A.cols, data: out };
}

/** `s A` for a real scalar `s`. */
export function scale(A: Matrix, s: number): Matrix {
  const out = new Float64Array(A.data.length);
  for (let k = 0; k < out.length; k++) out[k] = s * A.data[k]!;
  return { rows: A.rows, cols: A.cols, data: out };
}

function reIm(A: Matrix | CMatrix): [Float64Array, Float64Array | null] {
  return isComplex(A) ? [A.re, A.im] : [A.data, null];
}

/** `A + B` for complex (or mixed real/complex) operands. */
export function cadd(A: Matrix | CMatrix, B: Matrix | CMatrix): CMatrix {
  checkSameShape(A, B, "cadd");
  const [ar, ai] = reIm(A), [br, bi] = reIm(B);
  const len = ar.length;
  const re = new Float64Array(len), im = new Float64Array(len);
  for (let k = 0; k < len; k++) {
    re[k] = ar[k]! + br[k]!;
    im[k] = (ai === null ? 0 : ai[k]!) + (bi === null ? 0 : bi[k]!);
  }
  return { rows: A.rows, cols: A.cols, re, im };
}

/** `A − B` for complex (or mixed real/complex) operands. */
export function csub(A: Matrix | CMatrix, B: Matrix | CMatrix): CMatrix {
  checkSameShape(A, B, "csub");
  const [ar, ai] = reIm(A), [br, bi] = reIm(B);
  const len = ar.length;
  const re = new Float64Array(len), im = new Float64Array(len);
  for (let k = 0; k < len; k++) {
    re[k] = ar[k]! - br[k]!;
    im[k] = (ai === null ? 0 : ai[k]!) - (bi === null ? 0 : bi[k]!);
  }
  return { rows: A.rows, cols: A.cols, re, im };
}

/** `(sRe + i·sIm) A` for a complex scalar. */
export function cscale(A: Matrix | CMatrix, sRe: number, sIm = 0): CMatrix {
  const [ar, ai] = reIm(A);
  const len = ar.length;
  const re = new Float64Array(len), im = new Float64Array(len);
  for (let k = 0; k < len; k++) {
    const xr = ar[k]!, xi = ai === null ? 0 : ai[k]!;
    re[k] = sRe * xr - sIm * xi;
    im[k] = sRe * xi + sIm * xr;
  }
  return { rows: A.rows, cols: A.cols, re, im };
}

function checkSquare(A: { rows: number; cols: number }, op: string): void {
  if (A.rows !== A.cols) throw new QgeomError("SHAPE", `${op} needs a square matrix, got ${shapeOf(A)}; pass an n×n matrix`);
}

/** Trace `tr A = Σ_i A_ii` of a square real matrix. */
export function trace(A: Matrix): number {
  checkSquare(A, "trace");
  let s = 0;
  for (let i = 0; i < A.rows; i++) s += A.data[i * A.cols + i]!;
  return s;
}

/** Trace of a square complex matrix. */
export function ctrace(A: CMatrix): Complex {
  checkSquare(A, "ctrace");
  let re = 0, im = 0;
  for (let i = 0; i < A.rows; i++) {
    re += A.re[i * A.cols + i]!;
    im += A.im[i * A.cols + i]!;
  }
  return { re, im };
}

/** Frobenius norm `‖A‖_F = (Σ |a_ij|²)^{1/2}`, computed with scaling so it neither overflows nor underflows. */
export function frobeniusNorm(A: Matrix | CMatrix): number {
  const parts = isComplex(A) ? [A.re, A.im] : [A.data];
  let mx = 0;
  for (const p of parts) for (let k = 0; k < p.length; k++) mx = Math.max(mx, Math.abs(p[k]!));
  if (mx === 0 || !Number.isFinite(mx)) return mx;
  let s = 0;
  for (const p of parts) {
    for (let k = 0; k < p.length; k++) {
      const v = p[k]! / mx;
      s += v * v;
    }
  }
  return mx * Math.sqrt(s);
}

/** Kronecker product `A ⊗ B`: block (i, j) is `a_ij B`. */
export function kron(A: Matrix, B: Matrix): Matrix {
  const r = A.rows * B.rows, c = A.cols * B.cols;
  const out = new Float64Array(r * c);
  for (let i = 0; i < A.rows; i++) {
    for (let j = 0; j < A.cols; j++) {
      const a = A.data[i * A.cols + j]!;
      for (let k = 0; k < B.rows; k++) {
        const o = (i * B.rows + k) * c + j * B.cols;
        for (let l = 0; l < B.cols; l++) out[o + l] = a * B.data[k * B.cols + l]!;
      }
    }
  }
  return { rows: r, cols: c, data: out };
}

/** Complex Kronecker product `A ⊗ B`; either factor may be real. */
export function ckron(A: Matrix | CMatrix, B: Matrix | CMatrix): CMatrix {
  const [ar, ai] = reIm(A), [br, bi] = reIm(B);
  const r = A.rows * B.rows, c = A.cols * B.cols;
  const re = new Float64Array(r * c), im = new Float64Array(r * c);
  for (let i = 0; i < A.rows; i++) {
    for (let j = 0; j < A.cols; j++) {
      const xr = ar[i * A.cols + j]!, xi = ai === null ? 0 : ai[i * A.cols + j]!;
      for (let k = 0; k < B.rows; k++) {
        const o = (i * B.rows + k) * c + j * B.cols;
        for (let l = 0; l < B.cols; l++) {
          const yr = br[k * B.cols + l]!, yi = bi === null ? 0 : bi[k * B.cols + l]!;
          re[o + l] = xr * yr - xi * yi;
          im[o + l] = xr * yi + xi * yr;
        }
      }
    }
  }
  return { rows: r, cols: c, re, im };
}

/** Symmetric part `(A + Aᵀ)/2` of a square matrix. */
export function symmetrize(A: Matrix): Matrix {
  checkSquare(A, "symmetrize");
  const n = A.rows, a = A.data;
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    out[i * n + i] = a[i * n + i]!;
    for (let j = i + 1; j < n; j++) {
      const v = 0.5 * (a[i * n + j]! + a[j * n + i]!);
      out[i * n + j] = v;
      out[j * n + i] = v;
    }
  }
  return { rows: n, cols: n, data: out };
}

/** Hermitian part `(A + A*)/2` of a square complex matrix (real diagonal). */
export function hermitianPart(A: CMatrix): CMatrix {
  checkSquare(A, "hermitianPart");
  const n = A.rows;
  const re = new Float64Array(n * n), im = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    re[i * n + i] = A.re[i * n + i]!;
    for (let j = i + 1; j < n; j++) {
      const vr = 0.5 * (A.re[i * n + j]! + A.re[j * n + i]!);
      const vi = 0.5 * (A.im[i * n + j]! - A.im[j * n + i]!);
      re[i * n + j] = vr;
      im[i * n + j] = vi;
      re[j * n + i] = vr;
      im[j * n + i] = -vi;
    }
  }
  return { rows: n, cols: n, re, im };
}

/** Largest absolute entry (of real and imaginary parts). */
export function maxAbs(A: Matrix | CMatrix): number {
  let mx = 0;
  for (const p of isComplex(A) ? [A.re, A.im] : [A.data]) {
    for (let k = 0; k < p.length; k++) {
      const v = Math.abs(p[k]!);
      if (v > mx || v !== v) mx = v;
    }
  }
  return mx;
}

/**
 * Largest symmetry defect `max_ij |a_ij − a_ji|` relative to `max_ij |a_ij|` (0 for the zero
 * matrix, Infinity for a non-square one).
 */
export function symmetryDefect(A: Matrix): number {
  if (A.rows !== A.cols) return Infinity;
  const n = A.rows, a = A.data;
  let d = 0;
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) d = Math.max(d, Math.abs(a[i * n + j]! - a[j * n + i]!));
  const m = maxAbs(A);
  return m === 0 ? 0 : d / m;
}

/** Largest Hermiticity defect `max |a_ij − conj(a_ji)|` relative to the largest entry. */
export function hermitianDefect(A: CMatrix): number {
  if (A.rows !== A.cols) return Infinity;
  const n = A.rows;
  let d = 0;
  for (let i = 0; i < n; i++) {
    d = Math.max(d, Math.abs(A.im[i * n + i]!));
    for (let j = i + 1; j < n; j++) {
      d = Math.max(d, Math.hypot(A.re[i * n + j]! - A.re[j * n + i]!, A.im[i * n + j]! + A.im[j * n + i]!));
    }
  }
  const m = maxAbs(A);
  return m === 0 ? 0 : d / m;
}

/** Default relative tolerance for symmetry / Hermiticity checks. */
export const DEFAULT_SYMMETRY_TOL = 1e-10;

/** True if `A` is square and `|a_ij − a_ji| ≤ tol · max|a|` for all i, j. */
export function isSymmetric(A: Matrix, tol = DEFAULT_SYMMETRY_TOL): boolean {
  return symmetryDefect(A) <= tol;
}

/** True if `A` is square and `|a_ij − conj(a_ji)| ≤ tol · max|a|` for all i, j. */
export function isHermitian(A: CMatrix, tol = DEFAULT_SYMMETRY_TOL): boolean {
  return hermitianDefect(A) <= tol;
}
