// Exact partition functions and marginals by enumeration, in log space (MATH.md §2.1):
//   Z_T = Σ_s e^{−E(s)/T} = Σ_v e^{−F_T(v)/T},   log Z_T = logsumexp over the states.
// State indexing: in a state k, unit i has the value of bit i of k (unit 0 least significant). For an
// RBM joint state the visible units come first: v_i = bit i, h_j = bit d + j.
// Bernoulli–Bernoulli RBMs are summed over the smaller layer, the other one in closed form:
//   log Z_T = logsumexp_v [aᵀv/T + Σ_j softplus((c + Wᵀv)_j/T)] = logsumexp_h [cᵀh/T + Σ_i softplus((a + Wh)_i/T)].
// Gaussian–Bernoulli: ∫ e^{−E/T} dv = (2πT)^{d/2} e^{(cᵀh + aᵀWh + ½‖Wh‖²)/T}, summed over h.
// Gaussian–Gaussian: log Z_T = ((d+m)/2) log(2πT) − ½ log det K + (1/2T) βᵀK⁻¹β, K = [[I, −W], [−Wᵀ, I]], β = (a, c).
// Enumeration walks the states in Gray-code order, updating the fields by one row per step (refreshed
// from scratch every 1024 steps so rounding does not accumulate).
import { QgeomError } from "../core/index.js";
import { excerpt } from "../core/errors.js";
import { type Matrix, logDet, solve } from "../linalg/index.js";
import { freeEnergyUnchecked } from "./free-energy.js";
import {
  type BoltzmannMachine,
  type RBM,
  type VectorInput,
  checkBM,
  checkEnumerable,
  checkNormalisable,
  checkRBM,
  isRBM,
  temperature,
  toBinary,
  toVector,
} from "./model.js";


/** log Σ_k e^{x_k} with the max shift (−Infinity for an empty or all −Infinity input). */
export function logSumExp(xs: ArrayLike<number>): number {
  let m = -Infinity;
  for (let k = 0; k < xs.length; k++) if (xs[k]! > m) m = xs[k]!;
  if (m === -Infinity) return -Infinity;
  if (!Number.isFinite(m)) return m;
  let s = 0;
  for (let k = 0; k < xs.length; k++) s += Math.exp(xs[k]! - m);
  return m + Math.log(s);
}

/** log Σ_k e^{−E_k/T} in one fused pass over the energies (no temporary array). */
export function logSumExpNegScaled(E: Float64Array, T: number): number {
  let mn = Infinity;
  for (let k = 0; k < E.length; k++) if (E[k]! < mn) mn = E[k]!;
  if (mn === Infinity) return -Infinity;
  let s = 0;
  const inv = 1 / T;
  for (let k = 0; k < E.length; k++) s += Math.exp((mn - E[k]!) * inv);
  return -mn * inv + Math.log(s);
}

/**
 * Visits all 2^n binary vectors s in Gray-code order, maintaining field = base + Σ_i s_i rows[i]
 * (rows: n×k row-major). `visit(state, s, field)` receives the state index (bit i = s_i).
 */
export function grayVisit(
  n: number,
  k: number,
  rows: Float64Array,
  base: Float64Array,
  visit: (state: number, s: Uint8Array, field: Float64Array) => void,
): void {
  const s = new Uint8Array(n);
  const field = Float64Array.from(base);
  const total = 2 ** n;
  let state = 0;
  visit(0, s, field);
  for (let step = 1; step < total; step++) {
    const i = 31 - Math.clz32(step & -step); // the bit that flips: trailing zeros of step
    s[i] = s[i]! ^ 1;
    state ^= 1 << i;
    if ((step & 1023) === 0) {
      field.set(base);
      for (let u = 0; u < n; u++) if (s[u]) for (let t = 0; t < k; t++) field[t]! += rows[u * k + t]!;
    } else if (s[i]) for (let t = 0; t < k; t++) field[t]! += rows[i * k + t]!;
    else for (let t = 0; t < k; t++) field[t]! -= rows[i * k + t]!;
    visit(state >>> 0, s, field);
  }
}

/** Options of the enumeration functions. */
export interface EnumerationOptions {
  /** Temperature T > 0 (default 1). */
  T?: number;
}

/** Options of {@link logPartition}. */
export interface LogPartitionOptions extends EnumerationOptions {
  /**
   * Bernoulli–Bernoulli RBM only: the layer to enumerate ("auto", default: the smaller one; "visible",
   * "hidden"; "joint": all 2^(d+m) joint states). All give the same value up to rounding.
   */
  layer?: "auto" | "visible" | "hidden" | "joint";
}

/**
 * Per-state log weights of one layer of a Bernoulli–Bernoulli RBM, the other layer summed in closed form:
 * side "visible": w(v) = aᵀv/T + Σ_j softplus((c + Wᵀv)_j/T) = −F_T(v)/T; side "hidden": the same with
 * the roles of (a, W) and (c, Wᵀ) exchanged. Length 2^d or 2^m.
 */
export function layerLogWeights(model: RBM, T: number, side: "visible" | "hidden"): Float64Array {
  const { W, a, c } = model;
  const d = W.rows, m = W.cols;
  const [n, k] = side === "visible" ? [d, m] : [m, d];
  // rows[u] = (coupling row of unit u, own bias) so that field[k] = own linear term
  const rows = new Float64Array(n * (k + 1));
  const base = new Float64Array(k + 1);
  for (let u = 0; u < n; u++) {
    for (let t = 0; t < k; t++) rows[u * (k + 1) + t] = side === "visible" ? W.data[u * m + t]! : W.data[t * m + u]!;
    rows[u * (k + 1) + k] = side === "visible" ? a[u]! : c[u]!;
  }
  for (let t = 0; t < k; t++) base[t] = side === "visible" ? c[t]! : a[t]!;
  const out = new Float64Array(2 ** n);
  const inv = 1 / T;
  grayVisit(n, k + 1, rows, base, (state, _s, field) => {
    // Σ_t softplus(y_t) = Σ_{y_t>0} y_t + log Π_t (1 + e^{−|y_t|}); q = Π(1 + e_t) − 1 accumulated as
    // q ← q + e + q·e keeps tiny e_t exact, so one log1p replaces k of them
    let w = field[k]! * inv, q = 0;
    for (let t = 0; t < k; t++) {
      const y = field[t]! * inv;
      let e: number;
      if (y > 0) {
        w += y;
        e = Math.exp(-y);
      } else e = Math.exp(y);
      q += e + q * e;
    }
    out[state] = w + Math.log1p(q);
  });
  return out;
}

/** Gaussian–Bernoulli: per-h log weights (cᵀh + aᵀWh + ½‖Wh‖²)/T (without the (d/2) log 2πT). */
export function gbHiddenLogWeights(model: RBM, T: number): Float64Array {
  const { W, a, c } = model;
  const d = W.rows, m = W.cols;
  // field = (Wh (d entries), cᵀh)
  const rows = new Float64Array(m * (d + 1));
  for (let j = 0; j < m; j++) {
    for (let i = 0; i < d; i++) rows[j * (d + 1) + i] = W.data[i * m + j]!;
    rows[j * (d + 1) + d] = c[j]!;
  }
  const out = new Float64Array(2 ** m);
  grayVisit(m, d + 1, rows, new Float64Array(d + 1), (state, _s, f) => {
    let w = f[d]!;
    for (let i = 0; i < d; i++) w += a[i]! * f[i]! + 0.5 * f[i]! * f[i]!;
    out[state] = w / T;
  });
  return out;
}

/** The joint precision K = [[I_d, −W], [−Wᵀ, I_m]] of a Gaussian–Gaussian RBM (MATH.md §2.2). */
export function jointPrecision(model: RBM): Matrix {
  checkRBM(model);
  const d = model.W.rows, m = model.W.cols, n = d + m;
  const K = new Float64Array(n * n);
  for (let i = 0; i < n; i++) K[i * n + i] = 1;
  for (let i = 0; i < d; i++)
    for (let j = 0; j < m; j++) {
      K[i * n + d + j] = -model.W.data[i * m + j]!;
      K[(d + j) * n + i] = -model.W.data[i * m + j]!;
    }
  return { rows: n, cols: n, data: K };
}

function ggLogPartition(model: RBM, T: number): number {
  checkNormalisable(model);
  const K = jointPrecision(model);
  const n = K.rows;
  const beta = Float64Array.from([...model.a, ...model.c]);
  const x = solve(K, beta, "K");
  let q = 0;
  for (let i = 0; i < n; i++) q += beta[i]! * x[i]!;
  return 0.5 * n * Math.log(2 * Math.PI * T) - 0.5 * logDet(K, { name: "K" }) + q / (2 * T);
}

/** Energies −Σ_{i<j} w_ij s_i s_j − Σ b_i s_i of all 2^n states of a Boltzmann machine (Gray-code walk). */
function bmStateEnergies(model: BoltzmannMachine): Float64Array {
  const n = model.W.rows;
  const out = new Float64Array(2 ** n);
  const b = model.b;
  // field_i = b_i + Σ_j w_ij s_j; E(s) = −½ Σ_i s_i (field_i + b_i)
  grayVisit(n, n, model.W.data, b, (state, s, f) => {
    let e = 0;
    for (let i = 0; i < n; i++) if (s[i]) e -= f[i]! + b[i]!;
    out[state] = 0.5 * e;
  });
  return out;
}

/**
 * E(v, h) = −aᵀv − cᵀh − vᵀWh of all joint states of a Bernoulli–Bernoulli RBM (index v + 2^d·h): a Gray walk
 * over v maintaining x = c + Wᵀv and aᵀv, and for each v a Gray walk over h updating −Σ_j h_j x_j.
 */
function rbmStateEnergies(model: RBM): Float64Array {
  const { W, a, c } = model;
  const d = W.rows, m = W.cols;
  const rows = new Float64Array(d * (m + 1));
  for (let i = 0; i < d; i++) {
    for (let j = 0; j < m; j++) rows[i * (m + 1) + j] = W.data[i * m + j]!;
    rows[i * (m + 1) + m] = a[i]!;
  }
  const base = new Float64Array(m + 1);
  base.set(c);
  const out = new Float64Array(2 ** (d + m));
  const H = 2 ** m, D = 2 ** d;
  grayVisit(d, m + 1, rows, base, (v, _s, x) => {
    let e = -x[m]!; // −aᵀv, h = 0
    let h = 0;
    out[v] = e;
    for (let step = 1; step < H; step++) {
      const j = 31 - Math.clz32(step & -step);
      h ^= 1 << j;
      e += (h >>> j) & 1 ? -x[j]! : x[j]!;
      if ((step & 1023) === 0) {
        e = -x[m]!;
        for (let t = 0; t < m; t++) if ((h >>> t) & 1) e -= x[t]!;
      }
      out[v + h * D] = e;
    }
  });
  return out;
}

function describe(model: RBM | BoltzmannMachine): string {
  if (isRBM(model)) return `an RBM with ${model.W.rows} visible + ${model.W.cols} hidden units`;
  return `a Boltzmann machine with ${model.visible} visible + ${model.W.rows - model.visible} hidden units`;
}

/**
 * Energies E(s) of all joint states (index as in the header: visible bits first), for a
 * Bernoulli–Bernoulli RBM (2^(d+m) states) or a Boltzmann machine (2^n states). Limit: 20 units.
 */
export function stateEnergies(model: RBM | BoltzmannMachine): Float64Array {
  if (isRBM(model)) {
    checkRBM(model);
    if (model.kind !== "bernoulli")
      throw new QgeomError("UNSUPPORTED", `stateEnergies enumerates binary states; a ${model.kind} RBM has continuous units; use a Bernoulli–Bernoulli RBM (kind "bernoulli")`);
    const d = model.W.rows, m = model.W.cols;
    checkEnumerable(d + m, describe(model));
    return rbmStateEnergies(model);
  }
  checkBM(model);
  checkEnumerable(model.W.rows, describe(model));
  return bmStateEnergies(model);
}

/**
 * Exact log Z_T (MATH.md §2.1) by enumeration in log space. Bernoulli–Bernoulli RBM: summed over the
 * smaller layer (visible + hidden ≤ 20); Gaussian–Bernoulli: over the hidden layer (≤ 20 hidden units;
 * log Z is that of the density in v); Gaussian–Gaussian: closed form (throws DOMAIN if ‖W‖₂ ≥ 1);
 * Boltzmann machine: all 2^n states (n ≤ 20). Throws SIZE_LIMIT beyond 20 binary units.
 */
export function logPartition(model: RBM | BoltzmannMachine, options: LogPartitionOptions = {}): number {
  const T = temperature(options.T);
  if (!isRBM(model)) {
    return logSumExpNegScaled(stateEnergies(model), T);
  }
  checkRBM(model);
  const d = model.W.rows, m = model.W.cols;
  switch (model.kind) {
    case "bernoulli": {
      checkEnumerable(d + m, describe(model));
      const layer = options.layer ?? "auto";
      if (layer === "joint") return logSumExpNegScaled(stateEnergies(model), T);
      if (layer !== "auto" && layer !== "visible" && layer !== "hidden")
        throw new QgeomError("INVALID_ARGUMENT", `layer must be "auto", "visible", "hidden" or "joint", got ${excerpt(layer)}; pass one of these`);
      return logSumExp(layerLogWeights(model, T, layer === "auto" ? (d <= m ? "visible" : "hidden") : layer));
    }
    case "gaussian-bernoulli":
      checkEnumerable(m, `a Gaussian–Bernoulli RBM with ${m} binary hidden units`);
      return 0.5 * d * Math.log(2 * Math.PI * T) + logSumExp(gbHiddenLogWeights(model, T));
    case "gaussian-gaussian":
      return ggLogPartition(model, T);
  }
}

/**
 * log P_T(v) for every visible state v ∈ {0,1}^d (index: bit i = v_i), exactly: −F_T(v)/T − log Z_T.
 * For a Bernoulli–Bernoulli RBM or a Boltzmann machine (whose hidden units are summed out).
 */
export function visibleLogProbabilities(model: RBM | BoltzmannMachine, options: EnumerationOptions = {}): Float64Array {
  const T = temperature(options.T);
  if (isRBM(model)) {
    checkRBM(model);
    if (model.kind !== "bernoulli") throw new QgeomError("UNSUPPORTED", `visible marginals are tabulated for binary visible units; a ${model.kind} RBM has Gaussian visible units; use a Bernoulli–Bernoulli RBM (kind "bernoulli"), or ggMarginal for Gaussian units`);
    checkEnumerable(model.W.rows + model.W.cols, describe(model));
    const w = layerLogWeights(model, T, "visible");
    const lz = logSumExp(w);
    return w.map((x) => x - lz);
  }
  const joint = jointLogProbabilities(model, options);
  const nv = model.visible;
  const out = new Float64Array(2 ** nv).fill(-Infinity);
  const mask = 2 ** nv - 1;
  // logsumexp over hidden configurations, grouped by the visible bits
  const mx = new Float64Array(2 ** nv).fill(-Infinity);
  for (let s = 0; s < joint.length; s++) if (joint[s]! > mx[s & mask]!) mx[s & mask] = joint[s]!;
  const acc = new Float64Array(2 ** nv);
  for (let s = 0; s < joint.length; s++) acc[s & mask]! += Math.exp(joint[s]! - mx[s & mask]!);
  for (let v = 0; v <= mask; v++) out[v] = mx[v]! + Math.log(acc[v]!);
  return out;
}

/** log P_T(h) for every hidden state of a Bernoulli–Bernoulli RBM (index: bit j = h_j). */
export function hiddenLogProbabilities(model: RBM, options: EnumerationOptions = {}): Float64Array {
  checkRBM(model);
  const T = temperature(options.T);
  if (model.kind !== "bernoulli") throw new QgeomError("UNSUPPORTED", `hiddenLogProbabilities needs a Bernoulli–Bernoulli RBM, got a ${model.kind} RBM; pass one with kind "bernoulli"`);
  checkEnumerable(model.W.rows + model.W.cols, describe(model));
  const w = layerLogWeights(model, T, "hidden");
  const lz = logSumExp(w);
  return w.map((x) => x - lz);
}

/**
 * log P_T(s) of every joint state (2^(d+m) for a Bernoulli–Bernoulli RBM, 2^n for a Boltzmann machine;
 * indexing as in the header).
 */
export function jointLogProbabilities(model: RBM | BoltzmannMachine, options: EnumerationOptions = {}): Float64Array {
  const T = temperature(options.T);
  const E = stateEnergies(model);
  const w = E.map((e) => -e / T);
  const lz = logSumExp(w);
  return w.map((x) => x - lz);
}

/** Rows of a data set (array of vectors or an N×d Matrix) as validated vectors. */
export function dataRows(data: readonly VectorInput[] | Matrix, d: number, binary: boolean, name = "data"): Float64Array[] {
  let rows: VectorInput[];
  if (data !== null && typeof data === "object" && (data as Matrix).data instanceof Float64Array) {
    const M = data as Matrix;
    if (M.cols !== d) throw new QgeomError("SHAPE", `${name} must have ${d} columns (one per visible unit), got ${M.rows}×${M.cols}; pass an N×${d} matrix`);
    rows = Array.from({ length: M.rows }, (_, i) => M.data.subarray(i * d, (i + 1) * d));
  } else if (Array.isArray(data)) rows = data as VectorInput[];
  else throw new QgeomError("INVALID_ARGUMENT", `${name} must be an array of visible vectors or an N×${d} Matrix, got ${excerpt(data)}; pass e.g. [[0, 1, ...], ...]`);
  if (rows.length === 0) throw new QgeomError("SHAPE", `${name} is empty; give at least one visible vector`);
  return rows.map((r, k) => (binary ? toBinary(r, `${name}[${k}]`, d) : toVector(r, `${name}[${k}]`, d)));
}

/** Bits of a binary vector as a state index (bit i = x_i). */
export function stateIndex(x: ArrayLike<number>): number {
  let k = 0;
  for (let i = x.length - 1; i >= 0; i--) k = k * 2 + (x[i] === 1 ? 1 : 0);
  return k;
}

/**
 * Exact average log-likelihood ℓ = (1/|D|) Σ_{v∈D} log P_T(v) (MATH.md §2.3): −F_T(v)/T − log Z_T for
 * an RBM (a log density for Gaussian visible units), the enumerated marginal for a Boltzmann machine.
 */
export function logLikelihood(model: RBM | BoltzmannMachine, data: readonly VectorInput[] | Matrix, options: EnumerationOptions = {}): number {
  const T = temperature(options.T);
  if (isRBM(model)) {
    checkRBM(model);
    const rows = dataRows(data, model.W.rows, model.kind === "bernoulli");
    const lz = logPartition(model, { T });
    let s = 0;
    for (const v of rows) s += -freeEnergyUnchecked(model, v, T) / T;
    return s / rows.length - lz;
  }
  checkBM(model);
  const rows = dataRows(data, model.visible, true);
  const lp = visibleLogProbabilities(model, { T });
  let s = 0;
  for (const v of rows) s += lp[stateIndex(v)]!;
  return s / rows.length;
}
