// Converter between {0,1} units and ±1 spins, s = (1 + σ)/2 (MATH.md §1.5).
//   Boltzmann machine: J_ij = w_ij/4, h_i = b_i/2 + ¼ Σ_{j≠i} w_ij, E_±(σ) = −Σ_{i<j} J_ij σ_i σ_j − Σ h_i σ_i,
//                      E_01(s) = E_±(σ) − ¼ Σ_{i<j} w_ij − ½ Σ b_i.
//   RBM: W′ = W/4, a′ = a/2 + W1_m/4, c′ = c/2 + Wᵀ1_d/4,
//        E_01(v, h) = E_±(σ^v, σ^h) − ½ 1ᵀa − ½ 1ᵀc − ¼ 1ᵀW1.
import { QgeomError } from "../core/index.js";
import type { Matrix } from "../linalg/index.js";
import { type BoltzmannMachine, type RBM, type VectorInput, checkBM, checkRBM, toVector } from "./model.js";

/** An Ising form E_±(σ) = −Σ_{i<j} J_ij σ_i σ_j − Σ h_i σ_i with E_01 = E_± + constant. */
export interface SpinModel {
  /** Symmetric couplings, zero diagonal. */
  readonly J: Matrix;
  /** Fields h_i = b_i/2 + ¼ Σ_{j≠i} w_ij, length n. */
  readonly h: Float64Array;
  /** E_01(s) − E_±(σ) for every state. */
  readonly constant: number;
}

/** A spin RBM E_±(σ, τ) = −a′ᵀσ − c′ᵀτ − σᵀW′τ with E_01 = E_± + constant. */
export interface SpinRBM {
  /** Spin couplings W′ = W/4, d×m. */
  readonly W: Matrix;
  /** Visible fields a′ = a/2 + W1_m/4, length d. */
  readonly a: Float64Array;
  /** Hidden fields c′ = c/2 + Wᵀ1_d/4, length m. */
  readonly c: Float64Array;
  /** E_01(v, h) − E_±(σ, τ) = −½ 1ᵀa − ½ 1ᵀc − ¼ 1ᵀW1 for every state. */
  readonly constant: number;
}

/** The ±1-spin form of a Boltzmann machine (MATH.md §1.5). */
export function bmToSpins(model: BoltzmannMachine): SpinModel {
  checkBM(model);
  const n = model.W.rows, w = model.W.data;
  const J = w.map((x) => x / 4);
  const h = new Float64Array(n);
  let constant = 0;
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < n; j++) if (j !== i) s += w[i * n + j]!;
    h[i] = model.b[i]! / 2 + s / 4;
    constant -= model.b[i]! / 2;
    for (let j = i + 1; j < n; j++) constant -= w[i * n + j]! / 4;
  }
  return { J: { rows: n, cols: n, data: J }, h, constant };
}

/** The ±1-spin form of an RBM (Bernoulli–Bernoulli; MATH.md §1.5). */
export function rbmToSpins(model: RBM): SpinRBM {
  checkRBM(model);
  if (model.kind !== "bernoulli") throw new QgeomError("UNSUPPORTED", `the spin converter applies to binary units; got a ${model.kind} RBM; use an RBM of kind "bernoulli"`);
  const { W, a, c } = model;
  const d = W.rows, m = W.cols;
  const a2 = new Float64Array(d), c2 = new Float64Array(m);
  let sumW = 0;
  for (let i = 0; i < d; i++)
    for (let j = 0; j < m; j++) {
      const x = W.data[i * m + j]!;
      a2[i]! += x / 4;
      c2[j]! += x / 4;
      sumW += x;
    }
  for (let i = 0; i < d; i++) a2[i]! += a[i]! / 2;
  for (let j = 0; j < m; j++) c2[j]! += c[j]! / 2;
  const constant = -a.reduce((s, x) => s + x, 0) / 2 - c.reduce((s, x) => s + x, 0) / 2 - sumW / 4;
  return { W: { rows: d, cols: m, data: W.data.map((x) => x / 4) }, a: a2, c: c2, constant };
}

function spins(x: VectorInput, n: number, name: string): Float64Array {
  const s = toVector(x, name, n);
  s.forEach((v, i) => {
    if (v !== 1 && v !== -1) throw new QgeomError("DOMAIN", `${name}[${i}] = ${v} is not a spin: spins take values ±1; pass −1 or +1 (convert 0/1 bits with σ = 2s − 1)`);
  });
  return s;
}

/** E_±(σ) = −Σ_{i<j} J_ij σ_i σ_j − Σ h_i σ_i for σ ∈ {−1, 1}^n. */
export function spinEnergy(model: SpinModel, sigma: VectorInput): number {
  const n = model.h.length;
  const s = spins(sigma, n, "sigma");
  let e = 0;
  for (let i = 0; i < n; i++) {
    e -= model.h[i]! * s[i]!;
    for (let j = i + 1; j < n; j++) e -= model.J.data[i * n + j]! * s[i]! * s[j]!;
  }
  return e;
}

/** E_±(σ, τ) = −a′ᵀσ − c′ᵀτ − σᵀW′τ for spins σ ∈ {−1,1}^d, τ ∈ {−1,1}^m. */
export function spinRbmEnergy(model: SpinRBM, sigma: VectorInput, tau: VectorInput): number {
  const d = model.a.length, m = model.c.length;
  const s = spins(sigma, d, "sigma"), t = spins(tau, m, "tau");
  let e = 0;
  for (let i = 0; i < d; i++) {
    e -= model.a[i]! * s[i]!;
    for (let j = 0; j < m; j++) e -= s[i]! * model.W.data[i * m + j]! * t[j]!;
  }
  for (let j = 0; j < m; j++) e -= model.c[j]! * t[j]!;
  return e;
}

/** σ = 2s − 1 for s ∈ {0,1}. */
export function toSpins(s: ArrayLike<number>): Float64Array {
  return Float64Array.from(s, (x) => 2 * x - 1);
}
