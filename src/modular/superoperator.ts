// Superoperator matrices on H = M_n(ℂ) ≅ ℂ^{n²} (MATH §6.3). Two vectorisations:
//   "column": vec X stacks columns (index i + n·j), vec(AXB) = (Bᵀ ⊗ A) vec X;
//   "row":    vec_r X stacks rows, NumPy X.reshape(-1) (index i·n + j), vec_r(AXB) = (A ⊗ Bᵀ) vec_r X.
// Complex-linear operators are n²×n² complex matrices. The antilinear J (and S) are never complex
// matrices: vec(Jξ) = K_{n,n} conj(vec ξ), given here in the real 2n²-dimensional form acting on
// [Re vec ξ; Im vec ξ].
import { QgeomError, excerpt } from "../core/errors.js";
import { type CMatrix, type Complex, type Matrix, realEmbedding, shapeOf } from "../linalg/index.js";
import { type DensityInput, stateOf, toLinalg } from "./density.js";
import { type Split, splitOf } from "./kernels.js";
import { type MatrixInput, complexOf, operandOf, realOf, squareOperandOf } from "./operands.js";
import { powerSplit } from "./spectral.js";
import { logSplit, sameSize } from "./tomita.js";

/** Vectorisation convention: "column" (column-major vec) or "row" (row-major vec_r, NumPy). */
export type VecConvention = "column" | "row";

function conventionOf(c: unknown): VecConvention {
  if (c === undefined) return "column";
  if (c !== "column" && c !== "row") throw new QgeomError("INVALID_ARGUMENT", `convention must be "column" or "row", got ${excerpt(c)}; pass "column" or "row"`);
  return c;
}

function index(i: number, j: number, n: number, c: VecConvention): number {
  return c === "column" ? i + n * j : i * n + j;
}

/** vec X (column convention, default) or vec_r X (row), as an n²×1 complex matrix. */
export function vec(X: MatrixInput, convention: VecConvention = "column"): CMatrix {
  const c = conventionOf(convention);
  const x = squareOperandOf(X, "X");
  const n = x.n;
  const re = new Float64Array(n * n), im = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      re[index(i, j, n, c)] = x.re[i * n + j]!;
      if (x.im !== null) im[index(i, j, n, c)] = x.im[i * n + j]!;
    }
  }
  return { rows: n * n, cols: 1, re, im };
}

/** Inverse of {@link vec}: the n×n matrix whose vectorisation is v (length n²). */
export function unvec(v: CMatrix | Matrix, convention: VecConvention = "column"): CMatrix {
  const c = conventionOf(convention);
  v = toLinalg(v, "v");
  const len = v.rows * v.cols;
  const n = Math.round(Math.sqrt(len));
  if (n * n !== len || (v.cols !== 1 && v.rows !== 1)) throw new QgeomError("SHAPE", `v must be a vector of length n², got ${shapeOf(v)}; pass a vector of n² entries`);
  const s = "re" in v ? { re: v.re, im: v.im } : { re: v.data, im: null };
  const re = new Float64Array(len), im = new Float64Array(len);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      re[i * n + j] = s.re[index(i, j, n, c)]!;
      if (s.im !== null) im[i * n + j] = s.im[index(i, j, n, c)]!;
    }
  }
  return { rows: n, cols: n, re, im };
}

/** Commutation matrix K_{n,n} (n²×n², a symmetric permutation): K vec X = vec Xᵀ, in either convention. */
export function commutationMatrix(n: number): Matrix {
  if (!Number.isInteger(n) || n < 1 || n > 256) throw new QgeomError("INVALID_ARGUMENT", `n must be an integer in [1, 256], got ${excerpt(n)}; pass e.g. 2`);
  const N = n * n;
  const data = new Float64Array(N * N);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) data[(i + n * j) * N + (j + n * i)] = 1;
  return { rows: N, cols: N, data };
}

/** Kronecker product of split matrices with an optional plain transpose (not conjugate) of either factor. */
function kronT(A: Split, tA: boolean, B: Split, tB: boolean): CMatrix {
  const n = A.n, m = B.n, N = n * m;
  const re = new Float64Array(N * N), im = new Float64Array(N * N);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const ka = tA ? j * n + i : i * n + j;
      const ar = A.re[ka]!, ai = A.im === null ? 0 : A.im[ka]!;
      if (ar === 0 && ai === 0) continue;
      for (let k = 0; k < m; k++) {
        const o = (i * m + k) * N + j * m;
        for (let l = 0; l < m; l++) {
          const kb = tB ? l * m + k : k * m + l;
          const br = B.re[kb]!, bi = B.im === null ? 0 : B.im[kb]!;
          re[o + l] = ar * br - ai * bi;
          im[o + l] = ar * bi + ai * br;
        }
      }
    }
  }
  return { rows: N, cols: N, re, im };
}

function sandwichOfSplits(A: Split, B: Split, c: VecConvention): CMatrix {
  return c === "column" ? kronT(B, true, A, false) : kronT(A, false, B, true);
}

/**
 * The n²×n² matrix of X ↦ A X B: Bᵀ ⊗ A (column vec) or A ⊗ Bᵀ (row vec_r), MATH §6.3.
 * L_A = sandwichMatrix(A, I) and R_B = sandwichMatrix(I, B).
 */
export function sandwichMatrix(A: MatrixInput, B: MatrixInput, convention: VecConvention = "column"): CMatrix {
  const c = conventionOf(convention);
  const a = squareOperandOf(A, "A");
  return sandwichOfSplits(a, operandOf(B, a.n, "B"), c);
}

/**
 * The n²×n² matrix of any complex-linear map `op` on M_n(ℂ), column by column from the matrix
 * units E_ij (useful to compare an operator with its closed-form superoperator matrix).
 */
export function superoperatorMatrix(op: (X: CMatrix) => CMatrix | Matrix, n: number, convention: VecConvention = "column"): CMatrix {
  const c = conventionOf(convention);
  if (typeof op !== "function") throw new QgeomError("INVALID_ARGUMENT", `op must be a function from n×n matrices to n×n matrices; pass e.g. (X) => X`);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new QgeomError("INVALID_ARGUMENT", `n must be an integer in [1, 64], got ${excerpt(n)}; pass e.g. 2`);
  const N = n * n;
  const re = new Float64Array(N * N), im = new Float64Array(N * N);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const E: CMatrix = { rows: n, cols: n, re: new Float64Array(N), im: new Float64Array(N) };
      E.re[i * n + j] = 1;
      const col = index(i, j, n, c);
      const out = op(E);
      const Y = splitOf(toLinalg(out, "op(E)"));
      if (out.rows !== n || out.cols !== n) throw new QgeomError("SHAPE", `op returned a ${out.rows}×${out.cols} matrix for an ${n}×${n} input; make op return ${n}×${n} matrices`);
      for (let a = 0; a < n; a++) {
        for (let b = 0; b < n; b++) {
          const row = index(a, b, n, c);
          re[row * N + col] = Y.re[a * n + b]!;
          if (Y.im !== null) im[row * N + col] = Y.im[a * n + b]!;
        }
      }
    }
  }
  return { rows: N, cols: N, re, im };
}

/** Options of the modular superoperator matrices. */
export interface SuperoperatorOptions {
  /** Vectorisation (default "column"). */
  convention?: VecConvention;
  /** Power z of Δ^z (default 1). */
  z?: number | Complex;
}

/**
 * Δ^z as an n²×n² matrix: (ρ^{−z})ᵀ ⊗ ρ^z (column vec; z = 1 gives ρ^{−⊤} ⊗ ρ) or ρ^z ⊗ (ρ^{−z})ᵀ
 * (row vec_r), MATH §6.3. Needs a faithful ρ.
 */
export function modularOperatorMatrix(rho: DensityInput, opts: SuperoperatorOptions = {}): CMatrix {
  const c = conventionOf(opts.convention);
  const z = complexOf(opts.z ?? 1, "z");
  const s = stateOf(rho, "rho", "modularOperatorMatrix");
  const A = powerSplit(s, z, "rho", "modularOperatorMatrix");
  const B = powerSplit(s, { re: -z.re, im: -z.im }, "rho", "modularOperatorMatrix");
  return sandwichOfSplits(A, B, c);
}

/** Δ^{it}, the modular flow on vectors, as an n²×n² unitary matrix. */
export function modularFlowMatrix(rho: DensityInput, t: number, convention: VecConvention = "column"): CMatrix {
  return modularOperatorMatrix(rho, { convention, z: { re: 0, im: realOf(t, "t") } });
}

function kronSum(L: Split, R: Split, c: VecConvention): CMatrix {
  // X ↦ L X − X R: column I ⊗ L − Rᵀ ⊗ I; row L ⊗ I − I ⊗ Rᵀ
  const n = L.n;
  const I: Split = { n, re: new Float64Array(n * n), im: null };
  for (let i = 0; i < n; i++) I.re[i * n + i] = 1;
  const P = sandwichOfSplits(L, I, c), Q = sandwichOfSplits(I, R, c);
  for (let k = 0; k < P.re.length; k++) {
    P.re[k] = P.re[k]! - Q.re[k]!;
    P.im[k] = P.im[k]! - Q.im[k]!;
  }
  return P;
}

/**
 * The Liouvillean log Δ as an n²×n² Hermitian matrix: I ⊗ log ρ − (log ρ)ᵀ ⊗ I (column vec) or
 * log ρ ⊗ I − I ⊗ (log ρ)ᵀ (row vec_r), MATH §6.3. Its spectrum is {log p_i − log p_j}.
 */
export function liouvilleanMatrix(rho: DensityInput, convention: VecConvention = "column"): CMatrix {
  const c = conventionOf(convention);
  const s = stateOf(rho, "rho", "liouvilleanMatrix");
  const L = logSplit(s);
  return kronSum(L, L, c);
}

/** Δ_{σ,ρ}^z as an n²×n² matrix (X ↦ σ^z X ρ^{−z}, MATH §6.6); faithful σ and ρ. */
export function relativeModularOperatorMatrix(sigma: DensityInput, rho: DensityInput, opts: SuperoperatorOptions = {}): CMatrix {
  const c = conventionOf(opts.convention);
  const z = complexOf(opts.z ?? 1, "z");
  const r = stateOf(rho, "rho", "relativeModularOperatorMatrix");
  const q = stateOf(sigma, "sigma", "relativeModularOperatorMatrix");
  sameSize(q.n, r.n);
  return sandwichOfSplits(powerSplit(q, z, "sigma", "relativeModularOperatorMatrix"), powerSplit(r, { re: -z.re, im: -z.im }, "rho", "relativeModularOperatorMatrix"), c);
}

/** log Δ_{σ,ρ} as an n²×n² matrix (X ↦ (log σ)X − X log ρ). */
export function logRelativeModularOperatorMatrix(sigma: DensityInput, rho: DensityInput, convention: VecConvention = "column"): CMatrix {
  const c = conventionOf(convention);
  const r = stateOf(rho, "rho", "logRelativeModularOperatorMatrix");
  const q = stateOf(sigma, "sigma", "logRelativeModularOperatorMatrix");
  sameSize(q.n, r.n);
  return kronSum(logSplit(q), logSplit(r), c);
}

/**
 * Real form of a complex-linear operator M on ℂ^N: the 2N×2N real matrix [[Re M, −Im M], [Im M, Re M]]
 * acting on [Re v; Im v].
 */
export function realForm(M: CMatrix | Matrix): Matrix {
  M = toLinalg(M, "M");
  if (M.rows !== M.cols) throw new QgeomError("SHAPE", `M must be square, got ${shapeOf(M)}; pass an n²×n² matrix`);
  return realEmbedding(M);
}

/** [Re vec ξ; Im vec ξ] (length 2n²) in the given convention. */
export function toRealVector(xi: MatrixInput, convention: VecConvention = "column"): Float64Array {
  const v = vec(xi, convention);
  const N = v.rows;
  const out = new Float64Array(2 * N);
  out.set(v.re, 0);
  out.set(v.im, N);
  return out;
}

/** Inverse of {@link toRealVector}. */
export function fromRealVector(v: Float64Array, convention: VecConvention = "column"): CMatrix {
  if (!(v instanceof Float64Array) || v.length % 2 !== 0) throw new QgeomError("SHAPE", `v must be a Float64Array of length 2n², got ${v instanceof Float64Array ? `length ${v.length}` : excerpt(v)}; pass one of length 2n² (real and imaginary parts)`);
  const N = v.length / 2;
  return unvec({ rows: N, cols: 1, re: v.slice(0, N), im: v.slice(N) }, convention);
}

/** y = R v for a real matrix R (2N×2N) and a real vector v. */
export function applyReal(R: Matrix, v: Float64Array): Float64Array {
  R = toLinalg(R, "R") as Matrix;
  if (!("data" in R)) throw new QgeomError("INVALID_ARGUMENT", `R must be a real matrix; pass a linalg Matrix (not a CMatrix)`);
  if (!(v instanceof Float64Array)) throw new QgeomError("INVALID_ARGUMENT", `v must be a Float64Array, got ${excerpt(v)}; pass new Float64Array(...)`);
  if (R.cols !== v.length) throw new QgeomError("SHAPE", `R is ${shapeOf(R)} but v has length ${v.length}; pass a v of length ${R.cols}`);
  const out = new Float64Array(R.rows);
  for (let i = 0; i < R.rows; i++) {
    let s = 0;
    for (let j = 0; j < R.cols; j++) s += R.data[i * R.cols + j]! * v[j]!;
    out[i] = s;
  }
  return out;
}

/**
 * The modular conjugation J in the real 2n²-dimensional form: [[K, 0], [0, −K]] with K = K_{n,n}
 * (vec(Jξ) = K conj(vec ξ), MATH §6.3), the same in both conventions. J is antilinear, so it has
 * no complex n²×n² matrix.
 */
export function modularConjugationRealForm(n: number): Matrix {
  const K = commutationMatrix(n);
  const N = n * n, N2 = 2 * N;
  const data = new Float64Array(N2 * N2);
  for (let i = 0; i < N; i++) {
    for (let j = 0; j < N; j++) {
      const k = K.data[i * N + j]!;
      if (k === 0) continue;
      data[i * N2 + j] = k;
      data[(N + i) * N2 + N + j] = -k;
    }
  }
  return { rows: N2, cols: N2, data };
}

/** Product of real matrices (for composing real forms). */
export function realMatmul(A: Matrix, B: Matrix): Matrix {
  A = toLinalg(A, "A") as Matrix;
  B = toLinalg(B, "B") as Matrix;
  if (!("data" in A) || !("data" in B)) throw new QgeomError("INVALID_ARGUMENT", `realMatmul multiplies real matrices; pass real linalg matrices`);
  if (A.cols !== B.rows) throw new QgeomError("SHAPE", `cannot multiply ${shapeOf(A)} by ${shapeOf(B)}; check the order of the factors`);
  const m = A.rows, k = A.cols, n = B.cols;
  const out = new Float64Array(m * n);
  for (let i = 0; i < m; i++) {
    for (let p = 0; p < k; p++) {
      const a = A.data[i * k + p]!;
      if (a === 0) continue;
      for (let j = 0; j < n; j++) out[i * n + j] += a * B.data[p * n + j]!;
    }
  }
  return { rows: m, cols: n, data: out };
}

/** The Tomita operator S = J Δ^{1/2} in the real 2n²-dimensional form (antilinear; MATH §6.2). */
export function tomitaSRealForm(rho: DensityInput, convention: VecConvention = "column"): Matrix {
  const s = stateOf(rho, "rho", "tomitaSRealForm");
  return realMatmul(modularConjugationRealForm(s.n), realForm(modularOperatorMatrix(s, { convention, z: 0.5 })));
}
