// Fermionic Gaussian states (Peschel 2003; MATH §6.11). Modes c_1..c_L, ρ = Z⁻¹ exp(−Σ h_ij c_i† c_j)
// with h Hermitian and C_ij = tr(ρ c_i† c_j). Then Cᵀ = (I + e^h)⁻¹ and
//   h = [log((I − C) C⁻¹)]ᵀ = log((I − Cᵀ)(Cᵀ)⁻¹),  log Z = −tr log(I − C),
//   K_ρ = Σ h_ij c_i† c_j − tr log(I − C)·1,  S(ρ) = −tr[C log C + (I − C) log(I − C)].
// The transpose matters for complex h (Cᵀ = C̄); the Jordan–Wigner check below shows the
// untransposed formula failing.
import { QgeomError, excerpt } from "../core/errors.js";
import { type CMatrix, type Matrix, conj, eighHermitian, eigh, funm, hermitianPart, isComplex, shapeOf, toComplex } from "../linalg/index.js";
import { type DensityMatrix, gibbsState, toLinalg } from "./density.js";
import { vonNeumannEntropy } from "./entropy.js";
import { modularHamiltonian } from "./flow.js";
import { type Split, addSplit, frob, frobDiff, mul, splitOf, toCMatrix } from "./kernels.js";
import type { MatrixInput } from "./operands.js";

/** A correlation matrix C (Hermitian, 0 ≺ C ≺ I), validated, with its eigenvalues. */
function correlationOf(C: MatrixInput, name = "C"): { A: Matrix | CMatrix; values: Float64Array } {
  const A = toLinalg(C, name);
  if (A.rows !== A.cols) throw new QgeomError("SHAPE", `${name} must be square, got ${shapeOf(A)}; pass an n×n correlation matrix`);
  const values = isComplex(A) ? eighHermitian(A, { name }).values : eigh(A, { name }).values;
  const lo = values[0]!, hi = values[values.length - 1]!;
  if (!(lo > 0 && hi < 1)) {
    throw new QgeomError(
      "DOMAIN",
      `${name} (${shapeOf(A)}) has eigenvalues in [${lo}, ${hi}]; a fermionic Gaussian correlation matrix C_ij = tr(ρ c_i† c_j) of a faithful state has 0 ≺ C ≺ I; pass a C with eigenvalues strictly between 0 and 1`,
      { min: lo, max: hi },
    );
  }
  return { A, values };
}

function transposeHermitian(A: Matrix | CMatrix): Matrix | CMatrix {
  return isComplex(A) ? conj(A) : A; // Aᵀ = Ā for Hermitian A
}

/**
 * Peschel's single-particle modular Hamiltonian h = [log((I − C)C⁻¹)]ᵀ (MATH §6.11) for
 * C_ij = tr(ρ c_i† c_j); equivalently log(G(I − G)⁻¹) with G_ij = tr(ρ c_i c_j†).
 */
export function peschelHamiltonian(C: MatrixInput): Matrix | CMatrix {
  const { A } = correlationOf(C);
  return transposeHermitian(funm(A, (c) => Math.log1p(-c) - Math.log(c), { name: "C" }));
}

/** The correlation matrix C = ((I + e^h)⁻¹)ᵀ of the Gaussian state with single-particle Hamiltonian h. */
export function peschelCorrelation(h: MatrixInput): Matrix | CMatrix {
  const A = toLinalg(h, "h");
  if (A.rows !== A.cols) throw new QgeomError("SHAPE", `h must be square, got ${shapeOf(A)}; pass an L×L single-particle Hamiltonian`);
  // 1/(1 + e^x) without overflow
  const f = (x: number) => (x > 0 ? Math.exp(-x) / (1 + Math.exp(-x)) : 1 / (1 + Math.exp(x)));
  return transposeHermitian(funm(A, f, { name: "h" }));
}

/** log Z = −tr log(I − C) of the Gaussian state (MATH §6.11). */
export function peschelLogPartition(C: MatrixInput): number {
  const { values } = correlationOf(C);
  let s = 0;
  for (const c of values) s -= Math.log1p(-c);
  return s;
}

/** S(ρ) = −tr[C log C + (I − C) log(I − C)] in nats (MATH §6.11). */
export function peschelEntropy(C: MatrixInput): number {
  const { values } = correlationOf(C);
  let s = 0;
  for (const c of values) s -= c * Math.log(c) + (1 - c) * Math.log1p(-c);
  return s;
}

/**
 * Jordan–Wigner annihilation operators on (ℂ²)^{⊗L}: c_i = Z ⊗ … ⊗ Z ⊗ a ⊗ I ⊗ … ⊗ I (Z on
 * modes < i), a = [[0, 1], [0, 0]] (a|1⟩ = |0⟩), mode 0 the most significant tensor factor. They
 * satisfy {c_i, c_j†} = δ_ij, {c_i, c_j} = 0. Real 2^L×2^L matrices; L ≤ 10.
 */
export function jordanWignerModes(L: number): Matrix[] {
  if (!Number.isInteger(L) || L < 1 || L > 10) throw new QgeomError("INVALID_ARGUMENT", `L must be an integer in [1, 10], got ${excerpt(L)}; pass e.g. 4`);
  const D = 2 ** L;
  const modes: Matrix[] = [];
  for (let i = 0; i < L; i++) {
    const data = new Float64Array(D * D);
    const bit = L - 1 - i; // mode i ↔ bit (L−1−i) of the basis index
    for (let col = 0; col < D; col++) {
      if (((col >> bit) & 1) === 0) continue; // a|0⟩ = 0
      const row = col ^ (1 << bit);
      // sign (−1)^{number of occupied modes before i}
      let occ = 0;
      for (let k = 0; k < i; k++) occ += (col >> (L - 1 - k)) & 1;
      data[row * D + col] = occ % 2 === 0 ? 1 : -1;
    }
    modes.push({ rows: D, cols: D, data });
  }
  return modes;
}

function splitRect(A: Matrix): Split {
  return { n: A.rows, re: A.data, im: null };
}

/** Σ_ij h_ij c_i† c_j on Fock space (2^L×2^L) for the Jordan–Wigner modes. */
export function quadraticHamiltonian(h: MatrixInput, modes: readonly Matrix[]): CMatrix {
  const A = toLinalg(h, "h");
  const L = modes.length;
  if (A.rows !== L || A.cols !== L) throw new QgeomError("SHAPE", `h is ${shapeOf(A)} but there are ${L} modes; pass an ${L}×${L} h`);
  const hs = splitOf(A);
  const D = modes[0]!.rows;
  let acc: Split = { n: D, re: new Float64Array(D * D), im: new Float64Array(D * D) };
  for (let i = 0; i < L; i++) {
    for (let j = 0; j < L; j++) {
      const hr = hs.re[i * L + j]!, hi = hs.im === null ? 0 : hs.im[i * L + j]!;
      if (hr === 0 && hi === 0) continue;
      const P = mul(splitRect(modes[i]!), "H", splitRect(modes[j]!), "N"); // c_i† c_j (real)
      const re = new Float64Array(D * D), im = new Float64Array(D * D);
      for (let k = 0; k < D * D; k++) {
        re[k] = hr * P.re[k]!;
        im[k] = hi * P.re[k]!;
      }
      acc = addSplit(acc, { n: D, re, im });
    }
  }
  return toCMatrix(acc);
}

/** The Gaussian state ρ = Z⁻¹ exp(−Σ h_ij c_i† c_j) on L = h.rows modes (Jordan–Wigner, 2^L×2^L; L ≤ 8). */
export function fermionicGaussianState(h: MatrixInput): DensityMatrix {
  const A = toLinalg(h, "h");
  if (A.rows !== A.cols || A.rows > 8) throw new QgeomError("SHAPE", `h must be square with at most 8 modes, got ${shapeOf(A)}; use the correlation-matrix route (peschel) for more modes`);
  return gibbsState(quadraticHamiltonian(A, jordanWignerModes(A.rows)), 1, { name: "h" });
}

/** C_ij = tr(ρ c_i† c_j) for a state on Fock space and the Jordan–Wigner modes. */
export function correlationMatrix(rho: DensityMatrix, modes: readonly Matrix[]): CMatrix {
  const L = modes.length;
  const R = splitOf(rho.matrix);
  const re = new Float64Array(L * L), im = new Float64Array(L * L);
  for (let i = 0; i < L; i++) {
    for (let j = 0; j < L; j++) {
      const P = mul(mul(splitRect(modes[i]!), "H", splitRect(modes[j]!), "N"), "N", R, "N");
      let tr = 0, ti = 0;
      for (let k = 0; k < P.n; k++) {
        tr += P.re[k * P.n + k]!;
        if (P.im !== null) ti += P.im[k * P.n + k]!;
      }
      re[i * L + j] = tr;
      im[i * L + j] = ti;
    }
  }
  return { rows: L, cols: L, re, im };
}

/** Result of {@link peschelJordanWignerCheck}: relative errors. */
export interface PeschelCheck {
  /** ‖[log((I − C)C⁻¹)]ᵀ − h‖/‖h‖ (the formula of MATH §6.11): rounding level. */
  transposed: number;
  /** ‖log((I − C)C⁻¹) − h‖/‖h‖ (no transpose): O(1) when h is complex. */
  untransposed: number;
  /** |−tr log(I − C) − log Z| / |log Z|. */
  logPartition: number;
  /** |S_Peschel(C) − S(ρ)| / S(ρ). */
  entropy: number;
  /** ‖(Σ h_ij c_i†c_j − tr log(I − C)·1) − (−log ρ)‖/‖log ρ‖. */
  modularHamiltonian: number;
}

/**
 * Jordan–Wigner check of Peschel's formulas (MATH §6.11, V20c): builds ρ = Z⁻¹exp(−Σ h_ij c_i†c_j)
 * on 2^L-dimensional Fock space (L ≤ 6), measures C_ij = tr(ρ c_i† c_j), and compares h with the
 * transposed and untransposed reconstructions, log Z, S(ρ) and K_ρ.
 */
export function peschelJordanWignerCheck(h: MatrixInput): PeschelCheck {
  const A = toLinalg(h, "h");
  if (A.rows !== A.cols || A.rows > 6) throw new QgeomError("SHAPE", `h must be square with at most 6 modes, got ${shapeOf(A)}; use the correlation-matrix route (peschel) for more modes`);
  const L = A.rows;
  const modes = jordanWignerModes(L);
  const Hq = quadraticHamiltonian(A, modes);
  const rho = gibbsState(Hq, 1, { name: "h" });
  const C = correlationMatrix(rho, modes);
  const Cc = hermitianPart(C);
  const hs = splitOf(isComplex(A) ? A : toComplex(A));
  const nh = frob(hs) || 1;
  const hT = splitOf(peschelHamiltonian(Cc));
  const hU = splitOf(transposeHermitian(peschelHamiltonian(Cc)));
  // log Z directly from the Fock-space spectrum
  const E = eighHermitian(Hq, { name: "H" }).values;
  let m = -Infinity;
  for (const e of E) m = Math.max(m, -e);
  let z = 0;
  for (const e of E) z += Math.exp(-e - m);
  const logZ = m + Math.log(z);
  const S = vonNeumannEntropy(rho);
  const K = splitOf(modularHamiltonian(rho));
  const shift = peschelLogPartition(Cc);
  const Kp = addSplit(splitOf(Hq), { n: Hq.rows, re: identityScaled(Hq.rows, shift), im: null });
  return {
    transposed: frobDiff(hT, hs) / nh,
    untransposed: frobDiff(hU, hs) / nh,
    logPartition: Math.abs(shift - logZ) / (Math.abs(logZ) || 1),
    entropy: Math.abs(peschelEntropy(Cc) - S) / (S || 1),
    modularHamiltonian: frobDiff(Kp, K) / (frob(K) || 1),
  };
}

function identityScaled(n: number, s: number): Float64Array {
  const d = new Float64Array(n * n);
  for (let i = 0; i < n; i++) d[i * n + i] = s;
  return d;
}

