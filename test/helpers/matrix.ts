// Shared helpers for the linalg / random / testing suites (test-only).
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  type CMatrix,
  type Matrix,
  cmatmul,
  cmatrix,
  conjTranspose,
  frobeniusNorm,
  isComplex,
  matrix,
} from "../../src/linalg/index.js";

const fixturesDir = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "fixtures");

/** Parsed JSON fixture under test/fixtures/. */
export function fixture<T = any>(rel: string): T {
  return JSON.parse(readFileSync(path.join(fixturesDir, rel), "utf8")) as T;
}

/** Matrix from the fixture JSON form (rows, or {re, im}). */
export function fromJson(x: number[][] | { re: number[][]; im: number[][] }): Matrix | CMatrix {
  return Array.isArray(x) ? matrix(x) : cmatrix(x);
}

export function real(x: number[][]): Matrix {
  return matrix(x);
}

export function complex(x: { re: number[][]; im: number[][] }): CMatrix {
  return cmatrix(x);
}

/** ‖A − B‖_F (real or complex, mixed allowed). */
export function diffNorm(A: Matrix | CMatrix, B: Matrix | CMatrix): number {
  if (A.rows !== B.rows || A.cols !== B.cols) throw new Error(`shape mismatch ${A.rows}x${A.cols} vs ${B.rows}x${B.cols}`);
  const [ar, ai] = isComplex(A) ? [A.re, A.im] : [A.data, null];
  const [br, bi] = isComplex(B) ? [B.re, B.im] : [B.data, null];
  let s = 0;
  for (let k = 0; k < ar.length; k++) {
    const dr = ar[k]! - br[k]!;
    const di = (ai === null ? 0 : ai[k]!) - (bi === null ? 0 : bi[k]!);
    s += dr * dr + di * di;
  }
  return Math.sqrt(s);
}

/** ‖A − B‖_F / ‖B‖_F (B the reference). */
export function relErr(A: Matrix | CMatrix, B: Matrix | CMatrix): number {
  const nb = frobeniusNorm(B);
  return diffNorm(A, B) / (nb === 0 ? 1 : nb);
}

/** ‖U*U − I‖_F. */
export function unitarityDefect(U: Matrix | CMatrix): number {
  const C = isComplex(U) ? U : { rows: U.rows, cols: U.cols, re: U.data, im: new Float64Array(U.data.length) };
  const G = cmatmul(conjTranspose(C), C);
  const n = G.rows;
  let s = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const dr = G.re[i * n + j]! - (i === j ? 1 : 0), di = G.im[i * n + j]!;
      s += dr * dr + di * di;
    }
  }
  return Math.sqrt(s);
}

/** max_i |a_i − b_i| / max_i |b_i|. */
export function vecRelErr(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let d = 0, m = 0;
  for (let i = 0; i < b.length; i++) {
    d = Math.max(d, Math.abs(a[i]! - b[i]!));
    m = Math.max(m, Math.abs(b[i]!));
  }
  return d / (m === 0 ? 1 : m);
}

/** V diag(λ) V* for real or complex V. */
export function fromSpectrum(values: ArrayLike<number>, V: Matrix | CMatrix): CMatrix {
  const n = values.length;
  const C = isComplex(V) ? V : { rows: n, cols: n, re: V.data, im: new Float64Array(n * n) };
  const D = { rows: n, cols: n, re: new Float64Array(n * n), im: new Float64Array(n * n) };
  for (let i = 0; i < n; i++) D.re[i * n + i] = values[i]!;
  return cmatmul(cmatmul(C, D), conjTranspose(C));
}

/** Mean and standard error of a sample. */
export function meanSe(xs: ArrayLike<number>): { mean: number; se: number } {
  const n = xs.length;
  let m = 0;
  for (let i = 0; i < n; i++) m += xs[i]!;
  m /= n;
  let v = 0;
  for (let i = 0; i < n; i++) v += (xs[i]! - m) ** 2;
  v /= n - 1;
  return { mean: m, se: Math.sqrt(v / n) };
}

/** Expects `fn` to throw a QgeomError with the given code whose message matches every pattern. */
export function qgeomError(fn: () => unknown): { code: string; message: string } {
  try {
    fn();
  } catch (e) {
    const err = e as { name?: string; code?: string; message?: string };
    if (err.name !== "QgeomError") throw e;
    return { code: err.code!, message: err.message! };
  }
  throw new Error("expected a QgeomError, but nothing was thrown");
}
