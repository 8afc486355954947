// Test-only arbitraries and helpers for the modular suite: faithful density matrices of sizes 2–8
// (regular with λ_min ≳ 1e-3, nearly singular with λ_min = 1e-10, and with a repeated eigenvalue),
// complex operands, Hermitian and PSD matrices.
import fc from "fast-check";
import {
  type CMatrix,
  type Complex,
  type Matrix,
  cmatmul,
  conjTranspose,
  frobeniusNorm,
  hermitianPart,
  isComplex,
  symmetrize,
} from "../../src/linalg/index.js";
import { unitaryMatrix } from "../../src/testing/index.js";

export type Kind = "regular" | "nearly-singular" | "degenerate";

/** λ_min of the nearly singular states. */
export const TINY = 1e-10;

/** U diag(p) U* (exactly Hermitian). */
export function fromSpectrum(U: CMatrix, p: ArrayLike<number>): CMatrix {
  const n = U.rows;
  const re = new Float64Array(n * n), im = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      let sr = 0, si = 0;
      for (let k = 0; k < n; k++) {
        const ar = U.re[i * n + k]!, ai = U.im[i * n + k]!, br = U.re[j * n + k]!, bi = -U.im[j * n + k]!;
        sr += p[k]! * (ar * br - ai * bi);
        si += p[k]! * (ar * bi + ai * br);
      }
      re[i * n + j] = sr;
      re[j * n + i] = sr;
      im[i * n + j] = si;
      im[j * n + i] = -si;
    }
    im[i * n + i] = 0;
  }
  return { rows: n, cols: n, re, im };
}

/** A spectrum summing to 1: regular (λ_min ≥ ~1e-3), nearly singular (λ_min = 1e-10) or with p_1 = p_2. */
export function spectrum(ws: number[], kind: Kind): Float64Array {
  const n = ws.length;
  const p = Float64Array.from(ws);
  if (kind === "degenerate" && n >= 3) p[2] = p[1]!;
  if (kind === "nearly-singular") {
    p[0] = 0;
    let s = 0;
    for (let k = 1; k < n; k++) s += p[k]!;
    for (let k = 1; k < n; k++) p[k] = (p[k]! / s) * (1 - TINY);
    p[0] = TINY;
    return p;
  }
  let s = 0;
  for (const v of p) s += v;
  return p.map((v) => v / s);
}

/** A faithful density matrix with its kind. */
export interface StateCase {
  rho: CMatrix;
  p: Float64Array;
  kind: Kind;
}

/**
 * Uniform grid values (k/1000): fast-check's doubles are biased to extremes and subnormals, which
 * here would only produce near-zero operands whose relative defects measure nothing.
 */
export const unit = fc.integer({ min: -1000, max: 1000 }).map((k) => k / 1000);
const weight = fc.integer({ min: 10, max: 1000 }).map((k) => k / 1000);

/** Density matrices of size n (fixed), mixing the three kinds. */
export function stateOf(n: number, kinds: readonly Kind[] = ["regular", "regular", "nearly-singular", "degenerate"]): fc.Arbitrary<StateCase> {
  return fc
    .tuple(unitaryMatrix({ n }), fc.array(weight, { minLength: n, maxLength: n }), fc.constantFrom(...kinds))
    .map(([U, ws, kind]) => {
      const p = spectrum(ws, kind);
      return { rho: fromSpectrum(U, p), p, kind };
    });
}

/** Complex n×n matrices with entries in the unit box. */
export function cmat(n: number): fc.Arbitrary<CMatrix> {
  return fc
    .tuple(fc.array(unit, { minLength: n * n, maxLength: n * n }), fc.array(unit, { minLength: n * n, maxLength: n * n }))
    .map(([a, b]) => ({ rows: n, cols: n, re: Float64Array.from(a), im: Float64Array.from(b) }))
    .filter((A) => frobeniusNorm(A) > 0.1);
}

/** Random PSD matrix A A* (rank ≤ r when r is given). */
export function psd(n: number): fc.Arbitrary<CMatrix> {
  return cmat(n).map((A) => cmatmul(A, conjTranspose(A)));
}

/** Random real symmetric matrix (B + Bᵀ)/2 with grid entries, ‖·‖_F > 0.1. */
export function symReal(n: number): fc.Arbitrary<Matrix> {
  return fc
    .array(unit, { minLength: n * n, maxLength: n * n })
    .map((a) => symmetrize({ rows: n, cols: n, data: Float64Array.from(a) }))
    .filter((A) => frobeniusNorm(A) > 0.1);
}

/** Random Hermitian matrix (B + B*)/2, ‖·‖_F > 0.1. */
export function herm(n: number): fc.Arbitrary<CMatrix> {
  return cmat(n).map((B) => hermitianPart(B)).filter((A) => frobeniusNorm(A) > 0.1);
}

/** Hamiltonian U diag(E) U* with E ∈ [−1, 1] and both ends attained (spread 2). */
export function hamiltonian(n: number): fc.Arbitrary<CMatrix> {
  return fc.tuple(unitaryMatrix({ n }), fc.array(unit, { minLength: n, maxLength: n })).map(([U, e]) => {
    const E = Float64Array.from(e);
    E[0] = -1;
    E[n - 1] = 1;
    return fromSpectrum(U, E);
  });
}

/** Dimension 2..8. */
export const dim = fc.integer({ min: 2, max: 8 });

/** ‖A − B‖_F / max(‖B‖_F, floor). */
export function rel(A: Matrix | CMatrix, B: Matrix | CMatrix, floor = 1e-300): number {
  const [ar, ai] = isComplex(A) ? [A.re, A.im] : [A.data, null];
  const [br, bi] = isComplex(B) ? [B.re, B.im] : [B.data, null];
  let s = 0;
  for (let k = 0; k < ar.length; k++) {
    const dr = ar[k]! - br[k]!, di = (ai === null ? 0 : ai[k]!) - (bi === null ? 0 : bi[k]!);
    s += dr * dr + di * di;
  }
  return Math.sqrt(s) / Math.max(frobeniusNorm(B), floor);
}

/** |a − b| for complex numbers. */
export function cdiff(a: Complex, b: Complex): number {
  return Math.hypot(a.re - b.re, a.im - b.im);
}

/** tr(ρ a) (complex). */
export function omegaOf(rho: CMatrix, a: CMatrix): Complex {
  const n = rho.rows;
  let sr = 0, si = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const pr = rho.re[i * n + j]!, pi = rho.im[i * n + j]!, xr = a.re[j * n + i]!, xi = a.im[j * n + i]!;
      sr += pr * xr - pi * xi;
      si += pr * xi + pi * xr;
    }
  }
  return { re: sr, im: si };
}

/** Condition number λ_max/λ_min of a spectrum. */
export function condOf(p: Float64Array): number {
  let lo = Infinity, hi = 0;
  for (const v of p) {
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  return hi / lo;
}

export const EPS = 2 ** -52;
