// Block Gibbs sampling and contrastive divergence CD-k for Bernoulli–Bernoulli RBMs (MATH.md §2.2–2.3).
//   h_j | v ~ Bernoulli(sig((c + Wᵀv)_j/T)),   v_i | h ~ Bernoulli(sig((a + Wh)_i/T)).
// CD-k replaces the free statistics by those of a k-step Gibbs chain started at each data vector:
//   ΔW ≈ (1/T)(avg_D v sig(x(v)/T)ᵀ − avg_chains v_k sig(x(v_k)/T)ᵀ), and likewise for a and c
// (Rao–Blackwellised: the hidden layer enters through its conditional mean). It is a biased estimate
// of ∂ℓ (unbiased only as k → ∞).
import { QgeomError, special } from "../core/index.js";
import { Rng } from "../random/index.js";
import { type RbmGradient, rbmDataStatistics } from "./gradient.js";
import { dataRows, logLikelihood } from "./enumerate.js";
import { hiddenField, visibleField } from "./free-energy.js";
import { type RBM, type VectorInput, MAX_ENUMERATION_UNITS, checkRBM, temperature, toBinary } from "./model.js";
import type { Matrix } from "../linalg/index.js";

const { sigmoidFn } = special;

function bernoulliRBM(model: RBM, what: string): void {
  checkRBM(model);
  if (model.kind !== "bernoulli") throw new QgeomError("UNSUPPORTED", `${what} samples binary layers; got a ${model.kind} RBM; use a Bernoulli–Bernoulli RBM (kind "bernoulli")`);
}

function rngOf(x: Rng | number | undefined, what: string): Rng {
  if (x instanceof Rng) return x;
  if (typeof x === "number" && Number.isInteger(x)) return new Rng(x);
  throw new QgeomError("INVALID_ARGUMENT", `${what} needs a seeded generator: pass rng (a random.Rng) or an integer seed`);
}

function bernoulliFill(p: Float64Array, rng: Rng, out: Float64Array): Float64Array {
  for (let k = 0; k < p.length; k++) out[k] = rng.random() < p[k]! ? 1 : 0;
  return out;
}

/** One draw h ~ P_T(h | v) of a Bernoulli–Bernoulli RBM. */
export function sampleHidden(model: RBM, v: VectorInput, rng: Rng, options: { T?: number } = {}): Float64Array {
  bernoulliRBM(model, "sampleHidden");
  const T = temperature(options.T);
  const x = hiddenField(model, toBinary(v, "v", model.W.rows));
  return bernoulliFill(x.map((xj) => sigmoidFn(xj / T)), rngOf(rng, "sampleHidden"), new Float64Array(x.length));
}

/** One draw v ~ P_T(v | h) of a Bernoulli–Bernoulli RBM. */
export function sampleVisible(model: RBM, h: VectorInput, rng: Rng, options: { T?: number } = {}): Float64Array {
  bernoulliRBM(model, "sampleVisible");
  const T = temperature(options.T);
  const y = visibleField(model, toBinary(h, "h", model.W.cols));
  return bernoulliFill(y.map((yi) => sigmoidFn(yi / T)), rngOf(rng, "sampleVisible"), new Float64Array(y.length));
}

/** Options of {@link gibbsChain}. */
export interface GibbsOptions {
  /** Number of full sweeps v → h → v (default 1). */
  steps?: number;
  /** Temperature T > 0 of the conditionals sig(x/T) (default 1, MATH.md §1.4). */
  T?: number;
}

/** Runs `steps` block-Gibbs sweeps (h ~ P(h|v), then v ~ P(v|h)) from v0; returns the final v and the last h. */
export function gibbsChain(
  model: RBM,
  v0: VectorInput,
  rng: Rng,
  options: GibbsOptions = {},
): {
  /** Visible state after the last sweep, in {0,1}^d. */
  v: Float64Array;
  /** Hidden state drawn in the last sweep (the h the final v was drawn from), in {0,1}^m; zeros when steps = 0. */
  h: Float64Array;
} {
  bernoulliRBM(model, "gibbsChain");
  const T = temperature(options.T);
  const steps = options.steps ?? 1;
  if (!Number.isInteger(steps) || steps < 0) throw new QgeomError("INVALID_ARGUMENT", `steps must be a non-negative integer, got ${steps}; pass 0, 1, 2, …`);
  const g = rngOf(rng, "gibbsChain");
  let v: Float64Array = toBinary(v0, "v0", model.W.rows);
  let h: Float64Array = new Float64Array(model.W.cols);
  for (let t = 0; t < steps; t++) {
    h = bernoulliFill(hiddenField(model, v).map((x) => sigmoidFn(x / T)), g, h);
    v = bernoulliFill(visibleField(model, h).map((y) => sigmoidFn(y / T)), g, new Float64Array(v.length));
  }
  return { v, h };
}

/** Options of {@link contrastiveDivergence}. */
export interface CdOptions {
  /** Gibbs sweeps per chain (default 1). */
  k?: number;
  /** Independent chains started at each data vector (default 1). */
  chains?: number;
  /** Temperature T > 0 (default 1, MATH.md §1.4); the gradient is divided by T. */
  T?: number;
  /** The generator (advanced in place) or an integer seed. */
  rng?: Rng;
  /** Integer seed for a fresh Rng, used when `rng` is absent; one of the two is required (INVALID_ARGUMENT otherwise). */
  seed?: number;
}

/** A CD-k gradient estimate with the Monte Carlo standard errors of its negative phase. */
export interface CdEstimate extends RbmGradient {
  /** Standard errors (across chains) of each entry, same shapes; Infinity when there is a single chain (no spread to estimate from). */
  readonly se: RbmGradient;
  /** Total number of chains (|D| · chains). */
  readonly samples: number;
}

/**
 * CD-k estimate of the learning gradient of a Bernoulli–Bernoulli RBM: exact clamped statistics minus
 * the statistics of k-step Gibbs chains started at the data, divided by T (see the header).
 */
export function contrastiveDivergence(model: RBM, data: readonly VectorInput[] | Matrix, options: CdOptions = {}): CdEstimate {
  bernoulliRBM(model, "contrastiveDivergence");
  const T = temperature(options.T);
  const k = options.k ?? 1;
  const chains = options.chains ?? 1;
  if (!Number.isInteger(k) || k < 1) throw new QgeomError("INVALID_ARGUMENT", `k (Gibbs steps) must be a positive integer, got ${k}; pass e.g. 1 (CD-1)`);
  if (!Number.isInteger(chains) || chains < 1) throw new QgeomError("INVALID_ARGUMENT", `chains must be a positive integer, got ${chains}; pass e.g. 100`);
  const rng = rngOf(options.rng ?? options.seed, "contrastiveDivergence");
  const d = model.W.rows, m = model.W.cols;
  const rows = dataRows(data, d, true);
  const cl = rbmDataStatistics(model, rows, { T });
  // negative phase: running sums and sums of squares of v_k q(v_k)ᵀ, v_k, q(v_k)
  const n = rows.length * chains;
  const s1 = new Float64Array(d * m + d + m), s2 = new Float64Array(d * m + d + m);
  const stat = new Float64Array(d * m + d + m);
  for (const v0 of rows)
    for (let c = 0; c < chains; c++) {
      const { v } = gibbsChain(model, v0, rng, { steps: k, T });
      const q = hiddenField(model, v).map((x) => sigmoidFn(x / T));
      for (let i = 0; i < d; i++) for (let j = 0; j < m; j++) stat[i * m + j] = v[i]! * q[j]!;
      for (let i = 0; i < d; i++) stat[d * m + i] = v[i]!;
      for (let j = 0; j < m; j++) stat[d * m + d + j] = q[j]!;
      for (let t = 0; t < stat.length; t++) {
        s1[t]! += stat[t]!;
        s2[t]! += stat[t]! * stat[t]!;
      }
    }
  const mean = s1.map((x) => x / n);
  const se = s2.map((x, t) => (n > 1 ? Math.sqrt(Math.max(0, x / n - mean[t]! ** 2) / (n - 1)) / T : Infinity));
  const grad = (pos: Float64Array, off: number) => pos.map((x, t) => (x - mean[off + t]!) / T);
  return {
    W: { rows: d, cols: m, data: grad(cl.vh.data, 0) },
    a: grad(cl.v, d * m),
    c: grad(cl.h, d * m + d),
    se: { W: { rows: d, cols: m, data: se.slice(0, d * m) }, a: se.slice(d * m, d * m + d), c: se.slice(d * m + d) },
    samples: n,
  };
}

/** Options of {@link trainCD}. */
export interface TrainOptions extends CdOptions {
  /** Gradient-ascent step size (default 0.1). */
  learningRate?: number;
  /** Number of full-batch updates (default 100). */
  epochs?: number;
  /** Record the exact log-likelihood after each epoch (needs visible + hidden ≤ 20; default true when enumerable). */
  track?: boolean;
}

/**
 * Trains a Bernoulli–Bernoulli RBM by full-batch gradient ascent with CD-k estimates (seeded, so runs
 * reproduce). Returns the trained model and, when tracked, the exact average log-likelihood per epoch
 * (index 0 = before training).
 */
export function trainCD(
  model: RBM,
  data: readonly VectorInput[] | Matrix,
  options: TrainOptions = {},
): {
  /** The trained RBM (a copy; the input model is not modified). */
  model: RBM;
  /** Exact average log-likelihood of the data before training and after each epoch (epochs + 1 values); empty when not tracked. */
  logLikelihood: number[];
} {
  bernoulliRBM(model, "trainCD");
  const lr = options.learningRate ?? 0.1;
  const epochs = options.epochs ?? 100;
  if (!(Number.isFinite(lr) && lr > 0)) throw new QgeomError("INVALID_ARGUMENT", `learningRate must be a finite number > 0, got ${lr}; pass e.g. 0.05`);
  if (!Number.isInteger(epochs) || epochs < 0) throw new QgeomError("INVALID_ARGUMENT", `epochs must be a non-negative integer, got ${epochs}; pass 0, 1, 2, …`);
  const rng = rngOf(options.rng ?? options.seed, "trainCD");
  const rows = dataRows(data, model.W.rows, true);
  const track = options.track ?? model.W.rows + model.W.cols <= MAX_ENUMERATION_UNITS;
  let cur: RBM = { kind: model.kind, W: { ...model.W, data: Float64Array.from(model.W.data) }, a: Float64Array.from(model.a), c: Float64Array.from(model.c) };
  const ll: number[] = [];
  if (track) ll.push(logLikelihood(cur, rows, { T: options.T }));
  for (let e = 0; e < epochs; e++) {
    const g = contrastiveDivergence(cur, rows, { ...options, rng });
    cur = {
      kind: cur.kind,
      W: { rows: cur.W.rows, cols: cur.W.cols, data: cur.W.data.map((w, t) => w + lr * g.W.data[t]!) },
      a: cur.a.map((x, i) => x + lr * g.a[i]!),
      c: cur.c.map((x, j) => x + lr * g.c[j]!),
    };
    if (track) ll.push(logLikelihood(cur, rows, { T: options.T }));
  }
  return { model: cur, logLikelihood: ll };
}
