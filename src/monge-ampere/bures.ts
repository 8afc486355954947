// Bures distance and fidelity (MATH.md §3.6, V12). For positive semidefinite A, B (real symmetric or
// complex Hermitian):
//   fidelity term  tr(A^{1/2} B A^{1/2})^{1/2} = ‖A^{1/2}B^{1/2}‖_* = Σ_i λ_i(AB)^{1/2}   (symmetric in A, B),
//   B²(A, B) = tr A + tr B − 2 tr(A^{1/2} B A^{1/2})^{1/2}  (= W₂² between N(0, A) and N(0, B)),
// and for density matrices (trace 1) with Uhlmann fidelity F = (tr|√ρ√σ|)²: B² = 2(1 − √F).
import { QgeomError } from "../core/index.js";
import {
  type CMatrix,
  type Matrix,
  cholesky,
  cmatmul,
  conjTranspose,
  ctrace,
  eigvalsh,
  hermitianPart,
  isComplex,
  matmul,
  singularValues,
  sqrtm,
  symmetrize,
  toComplex,
  trace,
  transpose,
} from "../linalg/index.js";
import { type MatrixInput, toMatrix } from "./numeric-input.js";

/** A real matrix input or a complex (split) matrix. */
export type PsdInput = MatrixInput | CMatrix;

/** How {@link fidelityTerm} computes tr(A^{1/2}BA^{1/2})^{1/2}. */
export type FidelityMethod = "sandwich" | "nuclear" | "eigen";

function psd(A: PsdInput, name: string): Matrix | CMatrix {
  const M: Matrix | CMatrix = !Array.isArray(A) && isComplex(A as Matrix | CMatrix) ? (A as CMatrix) : toMatrix(A as MatrixInput, name);
  if (M.rows !== M.cols) throw new QgeomError("SHAPE", `${name} must be square, got ${M.rows}×${M.cols}; pass an n×n matrix`);
  const ev = eigvalsh(M, { name });
  const tol = 64 * M.rows * 2 ** -52 * Math.max(Math.abs(ev[0]!), Math.abs(ev[ev.length - 1]!));
  if (ev[0]! < -tol)
    throw new QgeomError("NOT_POSITIVE_DEFINITE", `${name} is not positive semidefinite: smallest eigenvalue ${ev[0]!.toExponential(3)}; pass a covariance or density matrix`, { minEigenvalue: ev[0] });
  return M;
}

function pair(A: PsdInput, B: PsdInput): [Matrix | CMatrix, Matrix | CMatrix] {
  const a = psd(A, "A");
  const b = psd(B, "B");
  if (a.rows !== b.rows) throw new QgeomError("SHAPE", `A is ${a.rows}×${a.rows} but B is ${b.rows}×${b.rows}; pass matrices of the same dimension`);
  if (isComplex(a) !== isComplex(b)) return [isComplex(a) ? a : toComplex(a), isComplex(b) ? b : toComplex(b)];
  return [a, b];
}

function traceOf(M: Matrix | CMatrix): number {
  return isComplex(M) ? ctrace(M).re : trace(M);
}

/**
 * Σ √λ_i over the eigenvalues of a PSD matrix, with eigenvalues at rounding level
 * (≤ 64·n·ε·λ_max) taken as 0: their square roots (~1e-8·√λ_max) would be pure noise (MATH §1.2,
 * powers on the support).
 */
function sumSqrt(values: Float64Array): number {
  let mx = 0;
  for (const v of values) mx = Math.max(mx, Math.abs(v));
  const tol = 64 * values.length * 2 ** -52 * mx;
  let s = 0;
  for (const v of values) if (v > tol) s += Math.sqrt(v);
  return s;
}

/**
 * The fidelity term tr(A^{1/2} B A^{1/2})^{1/2} of two PSD matrices by one of three equal forms:
 * "sandwich" (spectral square roots), "nuclear" ‖A^{1/2}B^{1/2}‖_* (singular values; for complex
 * input the square roots of the eigenvalues of (A^{1/2}B^{1/2})*(A^{1/2}B^{1/2})), "eigen"
 * Σ λ_i(AB)^{1/2} (eigenvalues of LᴴBL with A = LLᴴ; needs A ≻ 0).
 */
export function fidelityTerm(A: PsdInput, B: PsdInput, method: FidelityMethod = "sandwich"): number {
  const [a, b] = pair(A, B);
  switch (method) {
    case "sandwich": {
      const h = sqrtm(a as Matrix, { name: "A" });
      const mid = isComplex(h) ? hermitianPart(cmatmul(cmatmul(h, b), h)) : symmetrize(matmul(matmul(h, b as Matrix), h));
      return sumSqrt(eigvalsh(mid));
    }
    case "nuclear": {
      const X = isComplex(a) ? cmatmul(sqrtm(a), sqrtm(b as CMatrix)) : matmul(sqrtm(a), sqrtm(b as Matrix));
      if (!isComplex(X)) return singularValues(X).reduce((s, v) => s + v, 0);
      return sumSqrt(eigvalsh(hermitianPart(cmatmul(conjTranspose(X), X))));
    }
    case "eigen": {
      if (isComplex(a)) {
        const h = sqrtm(a);
        return sumSqrt(eigvalsh(hermitianPart(cmatmul(cmatmul(h, b), h))));
      }
      const L = cholesky(a, { name: "A" });
      return sumSqrt(eigvalsh(symmetrize(matmul(matmul(transpose(L), b as Matrix), L))));
    }
    default:
      throw new QgeomError("INVALID_ARGUMENT", `method must be "sandwich", "nuclear" or "eigen", got ${String(method)}; pass one of these`);
  }
}

/** B²(A, B) = tr A + tr B − 2 tr(A^{1/2}BA^{1/2})^{1/2} ≥ 0 (clamped at 0 against rounding). */
export function buresDistanceSquared(A: PsdInput, B: PsdInput): number {
  const [a, b] = pair(A, B);
  return Math.max(0, traceOf(a) + traceOf(b) - 2 * fidelityTerm(a, b));
}

/** The Bures distance B(A, B): a metric on PSD matrices (= W₂ between centred Gaussians). */
export function buresDistance(A: PsdInput, B: PsdInput): number {
  return Math.sqrt(buresDistanceSquared(A, B));
}

function densityMatrix(rho: PsdInput, name: string): Matrix | CMatrix {
  const M = psd(rho, name);
  const t = traceOf(M);
  if (Math.abs(t - 1) > 1e-10) throw new QgeomError("DOMAIN", `${name} has trace ${t}, not 1; a density matrix is PSD with unit trace (divide by its trace)`);
  return M;
}

/** Uhlmann fidelity F(ρ, σ) = (tr|√ρ√σ|)² of two density matrices (PSD, trace 1), in [0, 1]. */
export function uhlmannFidelity(rho: PsdInput, sigma: PsdInput): number {
  const r = densityMatrix(rho, "rho");
  const s = densityMatrix(sigma, "sigma");
  return Math.min(1, fidelityTerm(r, s) ** 2);
}

/** B²(ρ, σ) = 2(1 − √F(ρ, σ)) for density matrices (MATH §3.6). */
export function densityBuresDistanceSquared(rho: PsdInput, sigma: PsdInput): number {
  return 2 * (1 - Math.sqrt(uhlmannFidelity(rho, sigma)));
}
