// Seeded random inputs for the numeric steps (MATH.md §9 defaults) and small float utilities.
import { type Matrix, identity, matmul, maxAbs, sub, transpose } from "../../src/linalg/index.js";
import { type Rng, normalMatrix, uniform } from "../../src/random/index.js";

/** A random SPD matrix G Gᵀ/n + εI with ε uniform in [0.1, 1] (MATH §9 defaults). */
export function randomSpd(rng: Rng, n: number): Matrix {
  const G = normalMatrix(rng, n);
  const S = matmul(G, transpose(G));
  const eps = uniform(rng, 0.1, 1);
  const I = identity(n);
  for (let k = 0; k < n * n; k++) S.data[k] = S.data[k]! / n + eps * I.data[k]!;
  for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) S.data[j * n + i] = S.data[i * n + j]!;
  return S;
}

/** A random SPD matrix G Gᵀ + εI (G p×p standard normal, not scaled by 1/p), exactly symmetric. */
export function randomGramSpd(rng: Rng, p: number, eps = 0.5): Matrix {
  const G = normalMatrix(rng, p, p);
  const S = matmul(G, transpose(G));
  for (let i = 0; i < p; i++) {
    S.data[i * p + i]! += eps;
    for (let j = 0; j < i; j++) S.data[i * p + j] = S.data[j * p + i]!;
  }
  return S;
}

/** max|A − B| / max(1, max|B|): the relative error of MATH §9 for matrices. */
export function relErrMatrix(A: Matrix, B: Matrix): number {
  return maxAbs(sub(A, B)) / Math.max(1, maxAbs(B));
}

/** |a − b| / max(1, |b|). */
export function relErr(a: number, b: number): number {
  return Math.abs(a - b) / Math.max(1, Math.abs(b));
}

/** Rows of a Matrix. */
export function rows(A: Matrix): number[][] {
  return Array.from({ length: A.rows }, (_, i) => Array.from(A.data.slice(i * A.cols, (i + 1) * A.cols)));
}
