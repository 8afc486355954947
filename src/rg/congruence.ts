// Gaussian coarse-graining by congruence (MATH.md §8.1): x′ = Rx with R ∈ ℝ^{k×p} of full row rank maps
// the covariance Σ ↦ RΣRᵀ (Sym_p^{++} → Sym_k^{++}, PSD → PSD); maps compose as R₂R₁.
import { type SymbolicMatrix, QgeomError, matMul, transpose as stranspose } from "../core/index.js";
import { type Matrix, matmul, singularValues, symmetryDefect, transpose } from "../linalg/index.js";
import { excerpt } from "../core/errors.js";

function checkMatrix(A: Matrix, name: string): void {
  if (A === null || typeof A !== "object" || !(A.data instanceof Float64Array) || A.data.length !== A.rows * A.cols || A.rows < 1 || A.cols < 1)
    throw new QgeomError("INVALID_ARGUMENT", `${name} is not a matrix ({rows, cols, data: Float64Array}); build one with linalg.matrix([[...]]), got ${excerpt(A)}`);
  for (let k = 0; k < A.data.length; k++)
    if (!Number.isFinite(A.data[k]!)) throw new QgeomError("NOT_FINITE", `${name}[${Math.floor(k / A.cols)}][${k % A.cols}] is ${A.data[k]}; pass finite entries`);
}

/** Checks a finite symmetric matrix (relative tolerance 1e-12 of its largest entry). */
export function checkSymmetricMatrix(A: Matrix, name: string): void {
  checkMatrix(A, name);
  if (A.rows !== A.cols) throw new QgeomError("SHAPE", `${name} must be square, got ${A.rows}×${A.cols}; pass a p×p matrix`);
  let mx = 0;
  for (const x of A.data) mx = Math.max(mx, Math.abs(x));
  if (symmetryDefect(A) > 1e-12 * Math.max(mx, 1e-300)) throw new QgeomError("NOT_SYMMETRIC", `${name} is not symmetric (defect ${symmetryDefect(A).toExponential(2)}); pass a symmetric matrix`);
}

/**
 * Checks that R (k×p) has full row rank k ≤ p: its smallest singular value exceeds 1e-12·σ_max·p.
 * Throws INVALID_ARGUMENT otherwise (a rank-deficient R maps Sym_p^{++} onto singular matrices).
 */
export function checkFullRowRank(R: Matrix, name = "R"): void {
  checkMatrix(R, name);
  if (R.rows > R.cols) throw new QgeomError("SHAPE", `${name} is ${R.rows}×${R.cols}: a coarse-graining x′ = Rx keeps k ≤ p coordinates, so R needs at most as many rows as columns; pass a k×p matrix with k ≤ p`);
  const s = singularValues(R, name);
  const smin = s[s.length - 1]!, smax = s[0]!;
  if (!(smin > 1e-12 * smax * R.cols))
    throw new QgeomError("INVALID_ARGUMENT", `${name} (${R.rows}×${R.cols}) does not have full row rank (σ_min/σ_max = ${(smin / smax).toExponential(2)}); remove dependent rows (MATH.md §8.1)`);
}

/**
 * Σ′ = RΣRᵀ (MATH.md §8.1): the covariance of x′ = Rx. Σ must be symmetric (p×p), R of full row rank
 * (k×p). The result is exactly symmetric.
 */
export function coarseGrain(Sigma: Matrix, R: Matrix): Matrix {
  checkSymmetricMatrix(Sigma, "Sigma");
  checkFullRowRank(R);
  if (R.cols !== Sigma.rows) throw new QgeomError("SHAPE", `R is ${R.rows}×${R.cols} but Sigma is ${Sigma.rows}×${Sigma.cols}; R needs ${Sigma.rows} columns; pass an R with ${Sigma.rows} columns`);
  const S = matmul(matmul(R, Sigma), transpose(R));
  const k = S.rows;
  for (let i = 0; i < k; i++)
    for (let j = i + 1; j < k; j++) {
      const v = 0.5 * (S.data[i * k + j]! + S.data[j * k + i]!);
      S.data[i * k + j] = v;
      S.data[j * k + i] = v;
    }
  return S;
}

/** RΣRᵀ for symbolic matrices (exact; e.g. at rational entries). */
export function coarseGrainSymbolic(Sigma: SymbolicMatrix, R: SymbolicMatrix): SymbolicMatrix {
  if (R.cols !== Sigma.rows || !Sigma.isSquare) throw new QgeomError("SHAPE", `R is ${R.rows}×${R.cols} but Sigma is ${Sigma.rows}×${Sigma.cols}; pass an R with ${Sigma.rows} columns`);
  return matMul(matMul(R, Sigma), stranspose(R));
}

/**
 * The composite of coarse-grainings applied in order R₁, R₂, …: R = R_k ⋯ R₂R₁ (MATH.md §8.1), so that
 * coarseGrain(Σ, R) equals applying them one after another.
 */
export function composeCoarseGrainings(steps: readonly Matrix[]): Matrix {
  if (!Array.isArray(steps) || steps.length === 0) throw new QgeomError("INVALID_ARGUMENT", `composeCoarseGrainings needs at least one matrix; pass a non-empty list of coarse-graining matrices`);
  steps.forEach((R, k) => checkMatrix(R, `steps[${k}]`));
  let acc = steps[0]!;
  for (let k = 1; k < steps.length; k++) {
    if (steps[k]!.cols !== acc.rows)
      throw new QgeomError("SHAPE", `steps[${k}] is ${steps[k]!.rows}×${steps[k]!.cols} but the previous step outputs ${acc.rows} coordinates; pass steps whose sizes chain (each step's columns = the previous step's rows)`);
    acc = matmul(steps[k]!, acc);
  }
  return acc;
}

/** The selection matrix [I_c 0] (rows e_i for i in `keep`, in the given order): decimation as congruence (§8.2). */
export function selectionMatrix(p: number, keep: readonly number[]): Matrix {
  if (!Number.isInteger(p) || p < 1) throw new QgeomError("INVALID_ARGUMENT", `p must be a positive integer, got ${p}; pass 1, 2, 3, …`);
  checkIndices(keep, p, "keep");
  const R = new Float64Array(keep.length * p);
  keep.forEach((i, r) => (R[r * p + i] = 1));
  return { rows: keep.length, cols: p, data: R };
}

/** Checks distinct integer indices in 0..p−1 (at least one, at most p). */
export function checkIndices(idx: readonly number[], p: number, name: string): void {
  if (!Array.isArray(idx) || idx.length === 0 || idx.length > p)
    throw new QgeomError("INVALID_ARGUMENT", `${name} must list between 1 and ${p} site indices in 0..${p - 1}, got ${excerpt(idx)}; pass e.g. [0, 2]`);
  const seen = new Set<number>();
  for (const i of idx) {
    if (!Number.isInteger(i) || i < 0 || i >= p || seen.has(i))
      throw new QgeomError("INVALID_ARGUMENT", `${name} ${excerpt(idx)} must hold distinct integer indices in 0..${p - 1}; ${String(i)} is not valid; remove duplicates and out-of-range entries`);
    seen.add(i);
  }
}

