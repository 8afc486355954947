// Numeric energies and free energies (MATH.md §2.1–2.2) with their gradients and Hessians in v.
//   F_T(v) = −T log Σ_h e^{−E(v,h)/T}  (∫ dh for Gaussian hidden units), x = c + Wᵀv:
//   Bernoulli–Bernoulli   F_T = −aᵀv − T Σ_j softplus(x_j/T)
//   Gaussian–Bernoulli    F_T = ½‖v − a‖² − T Σ_j softplus(x_j/T)
//   Gaussian–Gaussian     F_T = ½vᵀ(I − WWᵀ)v − (a + Wc)ᵀv − ½‖c‖² − (mT/2) log(2πT)
// Gradients: ∇F = −a − W sig(x/T) (BB), v − a − W sig(x/T) (GB), (I − WWᵀ)v − (a + Wc) (GG);
// Hessians: −(1/T) W D Wᵀ (BB, extended to ℝ^d), I − (1/T) W D Wᵀ (GB), I − WWᵀ (GG), D = diag sig′(x/T).
import { QgeomError, special } from "../core/index.js";
import { type Matrix } from "../linalg/index.js";
import {
  type BoltzmannMachine,
  type RBM,
  type VectorInput,
  checkBM,
  checkRBM,
  temperature,
  toBinary,
  toVector,
} from "./model.js";

const { softplusFn, sigmoidFn } = special;

/** Options shared by the free-energy functions. */
export interface FreeEnergyOptions {
  /** Temperature T > 0 (default 1). */
  T?: number;
  /**
   * Bernoulli–Bernoulli only: evaluate the formula at real v ∈ ℝ^d (the extension of MATH.md §2.2)
   * instead of requiring v ∈ {0,1}^d. Default false.
   */
  extended?: boolean;
}

/** The visible vector of an RBM, checked: binary for Bernoulli visible units unless `extended`. */
function visibleVector(model: RBM, v: VectorInput, extended: boolean): Float64Array {
  const d = model.W.rows;
  if (model.kind === "bernoulli" && !extended) return toBinary(v, "v", d, " (visible vector)");
  return toVector(v, "v", d, " (visible vector)");
}

/** x = c + Wᵀv (hidden pre-activations). */
export function hiddenField(model: RBM, v: Float64Array): Float64Array {
  const { W, c } = model;
  const d = W.rows, m = W.cols;
  const x = Float64Array.from(c);
  for (let i = 0; i < d; i++) {
    const vi = v[i]!;
    if (vi === 0) continue;
    for (let j = 0; j < m; j++) x[j]! += W.data[i * m + j]! * vi;
  }
  return x;
}

/** y = a + Wh (visible pre-activations). */
export function visibleField(model: RBM, h: Float64Array): Float64Array {
  const { W, a } = model;
  const d = W.rows, m = W.cols;
  const y = Float64Array.from(a);
  for (let i = 0; i < d; i++) {
    let s = 0;
    for (let j = 0; j < m; j++) s += W.data[i * m + j]! * h[j]!;
    y[i]! += s;
  }
  return y;
}

/**
 * RBM energy E(v, h) of MATH.md §1.5/§2.2 for the model's kind: −aᵀv − cᵀh − vᵀWh (BB),
 * ½‖v − a‖² − cᵀh − vᵀWh (GB), ½‖v‖² + ½‖h‖² − aᵀv − cᵀh − vᵀWh (GG). Bernoulli units must be in {0,1}.
 */
export function rbmEnergy(model: RBM, v: VectorInput, h: VectorInput): number {
  checkRBM(model);
  const d = model.W.rows, m = model.W.cols;
  const vv = model.kind === "bernoulli" ? toBinary(v, "v", d) : toVector(v, "v", d);
  const hh = model.kind === "gaussian-gaussian" ? toVector(h, "h", m) : toBinary(h, "h", m);
  const x = hiddenField({ ...model, c: new Float64Array(m) }, vv); // Wᵀv
  let e = 0;
  for (let j = 0; j < m; j++) e -= (model.c[j]! + x[j]!) * hh[j]!;
  for (let i = 0; i < d; i++) {
    if (model.kind === "gaussian-bernoulli") e += 0.5 * (vv[i]! - model.a[i]!) ** 2;
    else e -= model.a[i]! * vv[i]!;
    if (model.kind === "gaussian-gaussian") e += 0.5 * vv[i]! ** 2;
  }
  if (model.kind === "gaussian-gaussian") for (let j = 0; j < m; j++) e += 0.5 * hh[j]! ** 2;
  return e;
}

/** Boltzmann-machine energy E(s) = −Σ_{i<j} w_ij s_i s_j − Σ_i b_i s_i (MATH.md §1.5), s ∈ {0,1}^n. */
export function bmEnergy(model: BoltzmannMachine, s: VectorInput): number {
  checkBM(model);
  const n = model.W.rows;
  const x = toBinary(s, "s", n);
  let e = 0;
  for (let i = 0; i < n; i++) {
    if (x[i] === 0) continue;
    e -= model.b[i]!;
    for (let j = i + 1; j < n; j++) if (x[j] === 1) e -= model.W.data[i * n + j]!;
  }
  return e;
}

/** F_T(v) on an already validated v (no checks). */
export function freeEnergyUnchecked(model: RBM, v: Float64Array, T: number): number {
  const { a, c } = model;
  const d = a.length, m = c.length;
  const x = hiddenField(model, v);
  let f = 0;
  switch (model.kind) {
    case "bernoulli":
    case "gaussian-bernoulli":
      for (let j = 0; j < m; j++) f -= T * softplusFn(x[j]! / T);
      if (model.kind === "bernoulli") for (let i = 0; i < d; i++) f -= a[i]! * v[i]!;
      else for (let i = 0; i < d; i++) f += 0.5 * (v[i]! - a[i]!) ** 2;
      return f;
    case "gaussian-gaussian": {
      // ½‖v‖² − aᵀv − ½‖c + Wᵀv‖² − (mT/2) log(2πT)
      for (let i = 0; i < d; i++) f += 0.5 * v[i]! * v[i]! - a[i]! * v[i]!;
      for (let j = 0; j < m; j++) f -= 0.5 * x[j]! * x[j]!;
      return f - 0.5 * m * T * Math.log(2 * Math.PI * T);
    }
  }
}

/**
 * Free energy F_T(v) = −T log Σ_h e^{−E(v,h)/T} of MATH.md §2.1–2.2 (closed forms above; for
 * Gaussian hidden units the sum is the integral over h ∈ ℝ^m). Bernoulli visible units need
 * v ∈ {0,1}^d unless `extended`. Then P_T(v) = e^{−F_T(v)/T}/Z_T.
 */
export function freeEnergy(model: RBM, v: VectorInput, options: FreeEnergyOptions = {}): number {
  checkRBM(model);
  const T = temperature(options.T);
  return freeEnergyUnchecked(model, visibleVector(model, v, options.extended === true), T);
}

/**
 * ∇_v F_T(v) (v real; for Bernoulli visible units this is the extension of F to ℝ^d, MATH.md §2.2):
 * −a − W sig(x/T) (BB), v − a − W sig(x/T) (GB), (I − WWᵀ)v − (a + Wc) (GG), with x = c + Wᵀv.
 */
export function freeEnergyGradient(model: RBM, v: VectorInput, options: { T?: number } = {}): Float64Array {
  checkRBM(model);
  const T = temperature(options.T);
  const vv = visibleVector(model, v, true);
  const { W, a } = model;
  const d = W.rows, m = W.cols;
  const x = hiddenField(model, vv);
  const g = new Float64Array(d);
  if (model.kind === "gaussian-gaussian") {
    // ∇F = v − a − W x
    for (let i = 0; i < d; i++) {
      let s = 0;
      for (let j = 0; j < m; j++) s += W.data[i * m + j]! * x[j]!;
      g[i] = vv[i]! - a[i]! - s;
    }
    return g;
  }
  const p = x.map((xj) => sigmoidFn(xj / T));
  for (let i = 0; i < d; i++) {
    let s = 0;
    for (let j = 0; j < m; j++) s += W.data[i * m + j]! * p[j]!;
    g[i] = (model.kind === "gaussian-bernoulli" ? vv[i]! : 0) - a[i]! - s;
  }
  return g;
}

/**
 * ∇²_v F_T(v): −(1/T) W D Wᵀ (BB, extended to ℝ^d: concave), I − (1/T) W D Wᵀ (GB), I − WWᵀ (GG),
 * with D = diag sig′((c + Wᵀv)/T), sig′ = sig(1 − sig) ∈ (0, ¼] (MATH.md §2.2).
 */
export function freeEnergyHessian(model: RBM, v: VectorInput, options: { T?: number } = {}): Matrix {
  checkRBM(model);
  const T = temperature(options.T);
  const vv = visibleVector(model, v, true);
  const { W } = model;
  const d = W.rows, m = W.cols;
  const D = new Float64Array(m);
  if (model.kind === "gaussian-gaussian") D.fill(1);
  else {
    const x = hiddenField(model, vv);
    for (let j = 0; j < m; j++) {
      const s = sigmoidFn(x[j]! / T);
      D[j] = (s * (1 - s)) / T;
    }
  }
  const H = new Float64Array(d * d);
  for (let i = 0; i < d; i++)
    for (let k = i; k < d; k++) {
      let s = 0;
      for (let j = 0; j < m; j++) s += W.data[i * m + j]! * D[j]! * W.data[k * m + j]!;
      const h = (model.kind !== "bernoulli" && i === k ? 1 : 0) - s;
      H[i * d + k] = h;
      H[k * d + i] = h;
    }
  return { rows: d, cols: d, data: H };
}

/** P(h_j = 1 | v) = sig((c_j + (Wᵀv)_j)/T) for Bernoulli hidden units (MATH.md §2.2). */
export function hiddenProbabilities(model: RBM, v: VectorInput, options: { T?: number } = {}): Float64Array {
  checkRBM(model);
  if (model.kind === "gaussian-gaussian") throw new QgeomError("UNSUPPORTED", `hidden units of a Gaussian–Gaussian RBM are Gaussian: h | v ~ N(c + Wᵀv, T·I); use the Gaussian conditional directly (this sampler handles binary hidden units only)`);
  const T = temperature(options.T);
  const x = hiddenField(model, visibleVector(model, v, false));
  return x.map((xj) => sigmoidFn(xj / T));
}

/**
 * P(v_i = 1 | h) = sig((a_i + (Wh)_i)/T) for Bernoulli visible units; for Gaussian visible units the
 * conditional mean E[v | h] = a + Wh (v | h ~ N(a + Wh, T·I), MATH.md §2.2).
 */
export function visibleConditional(model: RBM, h: VectorInput, options: { T?: number } = {}): Float64Array {
  checkRBM(model);
  const T = temperature(options.T);
  const m = model.W.cols;
  const hh = model.kind === "gaussian-gaussian" ? toVector(h, "h", m) : toBinary(h, "h", m);
  const y = visibleField(model, hh);
  return model.kind === "bernoulli" ? y.map((yi) => sigmoidFn(yi / T)) : y;
}

