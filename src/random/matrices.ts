// Random matrices: Gaussian ensembles and Haar-distributed orthogonal / unitary matrices.
// Haar measure: Q from G = QR with G Gaussian and diag(R) > 0 (Mezzadri, Notices AMS 54 (2007)
// 592–604). Gram–Schmidt produces exactly that Q (positive diagonal of R), so no sign fix is
// needed afterwards.
import { QgeomError, excerpt } from "../core/errors.js";
import { type CMatrix, type Matrix, corthonormalize, orthonormalize } from "../linalg/index.js";
import type { Rng } from "./rng.js";
import { complexNormal, fillStandardNormal } from "./distributions.js";

function size(x: unknown, name: string, fn: string): number {
  if (!Number.isInteger(x) || (x as number) < 1 || (x as number) > 1e5) {
    throw new QgeomError("INVALID_ARGUMENT", `${fn}: ${name} must be a positive integer, got ${excerpt(x)}; pass 1, 2, 3, …`);
  }
  return x as number;
}

/** `rows×cols` matrix of independent N(0, 1) entries. */
export function normalMatrix(rng: Rng, rows: number, cols = rows): Matrix {
  size(rows, "rows", "normalMatrix");
  size(cols, "cols", "normalMatrix");
  return { rows, cols, data: fillStandardNormal(rng, new Float64Array(rows * cols)) };
}

/** `rows×cols` matrix of independent CN(0, 1) entries (real and imaginary parts N(0, 1/2)). */
export function complexNormalMatrix(rng: Rng, rows: number, cols = rows): CMatrix {
  size(rows, "rows", "complexNormalMatrix");
  size(cols, "cols", "complexNormalMatrix");
  const re = new Float64Array(rows * cols), im = new Float64Array(rows * cols);
  for (let k = 0; k < re.length; k++) {
    const z = complexNormal(rng);
    re[k] = z.re;
    im[k] = z.im;
  }
  return { rows, cols, re, im };
}

/** Haar-distributed random orthogonal `n×n` matrix (uniform on O(n)). */
export function randomOrthogonal(rng: Rng, n: number): Matrix {
  size(n, "n", "randomOrthogonal");
  return orthonormalize(normalMatrix(rng, n, n));
}

/** Haar-distributed random unitary `n×n` matrix (uniform on U(n)). */
export function randomUnitary(rng: Rng, n: number): CMatrix {
  size(n, "n", "randomUnitary");
  return corthonormalize(complexNormalMatrix(rng, n, n));
}
