// The learning gradient (MATH.md §2.3): clamped minus free statistics, divided by T.
//   ∂ℓ/∂w_ij = (1/T)(⟨s_i s_j⟩_cl − ⟨s_i s_j⟩_fr) for the FREE parameter w_ij, i < j (§1.5),
//   ∂ℓ/∂b_i  = (1/T)(⟨s_i⟩_cl − ⟨s_i⟩_fr);
//   RBM: ∂ℓ/∂W_ij = (1/T)(⟨v_i h_j⟩_cl − ⟨v_i h_j⟩_fr), ⟨v_i h_j⟩_cl = avg_{v∈D} v_i sig((c_j + (Wᵀv)_j)/T).
// ⟨·⟩_cl is the data average of E_{P(h|v)}, ⟨·⟩_fr = E_{P_T}; both are exact (enumeration).
import { QgeomError, special } from "../core/index.js";
import type { Matrix } from "../linalg/index.js";
import { dataRows, grayVisit, jointLogProbabilities, layerLogWeights, logSumExp, stateIndex, visibleLogProbabilities } from "./enumerate.js";
import { hiddenField } from "./free-energy.js";
import { type BoltzmannMachine, type RBM, type VectorInput, checkBM, checkEnumerable, checkRBM, isRBM, temperature } from "./model.js";

const { sigmoidFn } = special;

/** Second and first moments of a Bernoulli–Bernoulli RBM: ⟨v_i h_j⟩ (d×m), ⟨v_i⟩, ⟨h_j⟩. */
export interface RbmStatistics {
  /** ⟨v_i h_j⟩, d×m row-major (row i = visible unit i). */
  readonly vh: Matrix;
  /** ⟨v_i⟩, length d. */
  readonly v: Float64Array;
  /** ⟨h_j⟩, length m. */
  readonly h: Float64Array;
}

/** Moments of a Boltzmann machine: ss (n×n) holds ⟨s_i s_j⟩, with ⟨s_i⟩ on the diagonal; s = ⟨s_i⟩. */
export interface BmStatistics {
  /** ⟨s_i s_j⟩, n×n symmetric; the diagonal is ⟨s_i⟩ since s_i² = s_i. */
  readonly ss: Matrix;
  /** ⟨s_i⟩, length n (the diagonal of `ss`). */
  readonly s: Float64Array;
}

function requireBernoulli(model: RBM, what: string): void {
  checkRBM(model);
  if (model.kind !== "bernoulli") throw new QgeomError("UNSUPPORTED", `${what} is implemented for Bernoulli–Bernoulli RBMs; got a ${model.kind} RBM; use an RBM of kind "bernoulli"`);
}

/**
 * Free statistics ⟨v_i h_j⟩, ⟨v_i⟩, ⟨h_j⟩ under P_T of a Bernoulli–Bernoulli RBM, exactly: the smaller
 * layer is enumerated and the other averaged in closed form (E[h_j | v] = sig((c + Wᵀv)_j/T)).
 */
export function rbmModelStatistics(model: RBM, options: { T?: number } = {}): RbmStatistics {
  requireBernoulli(model, "rbmModelStatistics");
  const T = temperature(options.T);
  const { W, a, c } = model;
  const d = W.rows, m = W.cols;
  checkEnumerable(d + m, `an RBM with ${d} visible + ${m} hidden units`);
  const side = d <= m ? "visible" : "hidden";
  const lw = layerLogWeights(model, T, side);
  const lz = logSumExp(lw);
  const vh = new Float64Array(d * m), ev = new Float64Array(d), eh = new Float64Array(m);
  const [n, k] = side === "visible" ? [d, m] : [m, d];
  const rows = new Float64Array(n * k);
  for (let u = 0; u < n; u++) for (let t = 0; t < k; t++) rows[u * k + t] = side === "visible" ? W.data[u * m + t]! : W.data[t * m + u]!;
  const base = side === "visible" ? c : a;
  const q = new Float64Array(k);
  grayVisit(n, k, rows, base, (state, s, field) => {
    const p = Math.exp(lw[state]! - lz);
    for (let t = 0; t < k; t++) q[t] = sigmoidFn(field[t]! / T);
    // enumerated layer: s (0/1); other layer: conditional means q
    const [eu, eo] = side === "visible" ? [ev, eh] : [eh, ev];
    for (let t = 0; t < k; t++) eo[t]! += p * q[t]!;
    for (let u = 0; u < n; u++) {
      if (!s[u]) continue;
      eu[u]! += p;
      for (let t = 0; t < k; t++) {
        const idx = side === "visible" ? u * m + t : t * m + u;
        vh[idx]! += p * q[t]!;
      }
    }
  });
  return { vh: { rows: d, cols: m, data: vh }, v: ev, h: eh };
}

/**
 * Clamped statistics of a Bernoulli–Bernoulli RBM: data averages of v_i E[h_j | v], v_i and E[h_j | v],
 * with E[h_j | v] = sig((c_j + (Wᵀv)_j)/T).
 */
export function rbmDataStatistics(model: RBM, data: readonly VectorInput[] | Matrix, options: { T?: number } = {}): RbmStatistics {
  requireBernoulli(model, "rbmDataStatistics");
  const T = temperature(options.T);
  const d = model.W.rows, m = model.W.cols;
  const rows = dataRows(data, d, true);
  const vh = new Float64Array(d * m), ev = new Float64Array(d), eh = new Float64Array(m);
  const w = 1 / rows.length;
  for (const v of rows) {
    const x = hiddenField(model, v);
    const q = x.map((xj) => sigmoidFn(xj / T));
    for (let j = 0; j < m; j++) eh[j]! += w * q[j]!;
    for (let i = 0; i < d; i++) {
      if (v[i] === 0) continue;
      ev[i]! += w;
      for (let j = 0; j < m; j++) vh[i * m + j]! += w * q[j]!;
    }
  }
  return { vh: { rows: d, cols: m, data: vh }, v: ev, h: eh };
}

function momentsFromJoint(n: number, logp: Float64Array, weight: (s: number) => number, ss: Float64Array): void {
  for (let s = 0; s < logp.length; s++) {
    const p = weight(s);
    if (p === 0) continue;
    for (let i = 0; i < n; i++) {
      if (((s >>> i) & 1) === 0) continue;
      ss[i * n + i]! += p;
      for (let j = i + 1; j < n; j++) if ((s >>> j) & 1) ss[i * n + j]! += p;
    }
  }
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) ss[j * n + i] = ss[i * n + j]!;
}

/** Free statistics ⟨s_i s_j⟩ and ⟨s_i⟩ under P_T of a Boltzmann machine (all 2^n states; n ≤ 20). */
export function bmModelStatistics(model: BoltzmannMachine, options: { T?: number } = {}): BmStatistics {
  checkBM(model);
  const n = model.W.rows;
  const lp = jointLogProbabilities(model, options);
  const ss = new Float64Array(n * n);
  momentsFromJoint(n, lp, (s) => Math.exp(lp[s]!), ss);
  return { ss: { rows: n, cols: n, data: ss }, s: Float64Array.from({ length: n }, (_, i) => ss[i * n + i]!) };
}

/**
 * Clamped statistics of a Boltzmann machine: the visible units fixed to each data vector, the hidden
 * units averaged under P_T(h | v), then averaged over the data (MATH.md §2.3).
 */
export function bmDataStatistics(model: BoltzmannMachine, data: readonly VectorInput[] | Matrix, options: { T?: number } = {}): BmStatistics {
  checkBM(model);
  const n = model.W.rows, nv = model.visible, nh = n - nv;
  const rows = dataRows(data, nv, true);
  const ss = new Float64Array(n * n);
  if (nh === 0) {
    const w = 1 / rows.length;
    for (const v of rows)
      for (let i = 0; i < n; i++) {
        if (v[i] === 0) continue;
        ss[i * n + i]! += w;
        for (let j = i + 1; j < n; j++) if (v[j] === 1) ss[i * n + j]! += w;
      }
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) ss[j * n + i] = ss[i * n + j]!;
  } else {
    const lp = jointLogProbabilities(model, options);
    const lpv = visibleLogProbabilities(model, options);
    // weight of joint state s: (count of its visible part in the data / |D|) · P(h | v)
    const counts = new Float64Array(2 ** nv);
    for (const v of rows) counts[stateIndex(v)]! += 1 / rows.length;
    const mask = 2 ** nv - 1;
    momentsFromJoint(n, lp, (s) => {
      const v = s & mask;
      return counts[v] === 0 ? 0 : counts[v]! * Math.exp(lp[s]! - lpv[v]!);
    }, ss);
  }
  return { ss: { rows: n, cols: n, data: ss }, s: Float64Array.from({ length: n }, (_, i) => ss[i * n + i]!) };
}

/** ∂ℓ/∂W (d×m), ∂ℓ/∂a, ∂ℓ/∂c of a Bernoulli–Bernoulli RBM. */
export interface RbmGradient {
  /** ∂ℓ/∂W_ij = (1/T)(⟨v_i h_j⟩_cl − ⟨v_i h_j⟩_fr), d×m row-major. */
  readonly W: Matrix;
  /** ∂ℓ/∂a_i = (1/T)(⟨v_i⟩_cl − ⟨v_i⟩_fr), length d. */
  readonly a: Float64Array;
  /** ∂ℓ/∂c_j = (1/T)(⟨h_j⟩_cl − ⟨h_j⟩_fr), length m. */
  readonly c: Float64Array;
}

/**
 * ∂ℓ/∂θ of a Boltzmann machine. `W[i][j] = W[j][i]` is the derivative with respect to the free
 * parameter w_ij (i < j) — the tied pair of MATH.md §1.5 (a derivative in W[i][j] alone would be half
 * of it); the diagonal is zero. `b` is ∂ℓ/∂b.
 */
export interface BmGradient {
  /** ∂ℓ/∂w_ij = (1/T)(⟨s_i s_j⟩_cl − ⟨s_i s_j⟩_fr) at [i][j] and [j][i] (i ≠ j), zero diagonal; n×n. */
  readonly W: Matrix;
  /** ∂ℓ/∂b_i = (1/T)(⟨s_i⟩_cl − ⟨s_i⟩_fr), length n. */
  readonly b: Float64Array;
}

/**
 * Exact gradient of the average log-likelihood ℓ (MATH.md §2.3): (1/T)(clamped − free statistics).
 * For a Boltzmann machine, W holds ∂ℓ/∂w_ij for the free parameters w_ij, i < j (tied pairs).
 */
export function learningGradient(model: RBM, data: readonly VectorInput[] | Matrix, options?: { T?: number }): RbmGradient;
export function learningGradient(model: BoltzmannMachine, data: readonly VectorInput[] | Matrix, options?: { T?: number }): BmGradient;
export function learningGradient(model: RBM | BoltzmannMachine, data: readonly VectorInput[] | Matrix, options: { T?: number } = {}): RbmGradient | BmGradient {
  const T = temperature(options.T);
  if (isRBM(model)) {
    const cl = rbmDataStatistics(model, data, { T });
    const fr = rbmModelStatistics(model, { T });
    const diff = (x: Float64Array, y: Float64Array) => x.map((xi, k) => (xi - y[k]!) / T);
    return { W: { rows: cl.vh.rows, cols: cl.vh.cols, data: diff(cl.vh.data, fr.vh.data) }, a: diff(cl.v, fr.v), c: diff(cl.h, fr.h) };
  }
  const cl = bmDataStatistics(model, data, { T });
  const fr = bmModelStatistics(model, { T });
  const n = model.W.rows;
  const W = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j) W[i * n + j] = (cl.ss.data[i * n + j]! - fr.ss.data[i * n + j]!) / T;
  return { W: { rows: n, cols: n, data: W }, b: cl.s.map((x, i) => (x - fr.s[i]!) / T) };
}

/**
 * The Boltzmann machine with the free parameter w_ij (i ≠ j) set to `value`: both W[i][j] and W[j][i]
 * change (the tied pair of MATH.md §1.5). Used to differentiate with respect to w_ij.
 */
export function withCoupling(model: BoltzmannMachine, i: number, j: number, value: number): BoltzmannMachine {
  checkBM(model);
  const n = model.W.rows;
  if (!Number.isInteger(i) || !Number.isInteger(j) || i < 0 || j < 0 || i >= n || j >= n || i === j)
    throw new QgeomError("INVALID_ARGUMENT", `withCoupling: (i, j) must be two distinct indices in 0..${n - 1}, got (${i}, ${j}); pass i ≠ j in range`);
  if (!Number.isFinite(value)) throw new QgeomError("NOT_FINITE", `withCoupling: value must be finite, got ${value}; pass a finite number`);
  const W = Float64Array.from(model.W.data);
  W[i * n + j] = value;
  W[j * n + i] = value;
  return { W: { rows: n, cols: n, data: W }, b: model.b, visible: model.visible };
}
