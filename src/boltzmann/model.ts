// Model types and their validation (MATH.md §1.5, §2.1–2.2).
//   RBM energy          E(v, h) = −aᵀv − cᵀh − vᵀWh               (Bernoulli–Bernoulli, units in {0,1})
//                       E(v, h) = ½‖v − a‖² − cᵀh − vᵀWh           (Gaussian–Bernoulli, v ∈ ℝ^d)
//                       E(v, h) = ½‖v‖² + ½‖h‖² − aᵀv − cᵀh − vᵀWh (Gaussian–Gaussian, normalisable iff ‖W‖₂ < 1)
//   Boltzmann machine   E(s) = −Σ_{i<j} w_ij s_i s_j − Σ_i b_i s_i, s ∈ {0,1}^n, the first `visible` units visible.
// W ∈ ℝ^{d×m} for an RBM; a symmetric W with zero diagonal for a Boltzmann machine (w_ij = W[i][j], i < j).
import { QgeomError, excerpt } from "../core/errors.js";
import { type Matrix, realMatrix, spectralNorm } from "../linalg/index.js";

/** The three RBM families of MATH.md §2.2. */
export type RbmKind = "bernoulli" | "gaussian-bernoulli" | "gaussian-gaussian";

/** Every RbmKind, in the order of MATH.md §2.2 (used to validate `kind`). */
export const RBM_KINDS: readonly RbmKind[] = ["bernoulli", "gaussian-bernoulli", "gaussian-gaussian"];

/** A restricted Boltzmann machine with d visible and m hidden units. */
export interface RBM {
  /** Unit types: "bernoulli" (v, h ∈ {0,1}), "gaussian-bernoulli" (v ∈ ℝ^d) or "gaussian-gaussian" (v, h real). */
  readonly kind: RbmKind;
  /** Couplings, d×m (row i = visible unit i). */
  readonly W: Matrix;
  /** Visible biases (length d). */
  readonly a: Float64Array;
  /** Hidden biases (length m). */
  readonly c: Float64Array;
}

/** A Boltzmann machine on n binary units; units 0..visible−1 are visible, the rest hidden. */
export interface BoltzmannMachine {
  /** Symmetric n×n couplings with zero diagonal: w_ij = W[i][j] = W[j][i] for i < j. */
  readonly W: Matrix;
  /** Biases (length n). */
  readonly b: Float64Array;
  /** Number of visible units (the first ones); n for a fully visible machine. */
  readonly visible: number;
}

/** Input accepted for a matrix: rows of numbers or a linalg Matrix. */
export type MatrixInput = readonly (readonly number[])[] | Matrix;
/** Input accepted for a vector. */
export type VectorInput = ArrayLike<number>;

/** A finite matrix from rows or a Matrix (copied); `name` appears in errors. */
export function toMatrix(x: MatrixInput, name: string): Matrix {
  return realMatrix(x, name);
}

/** A finite vector (copied); `length` if given is enforced, `hint` explains the expected length. */
export function toVector(x: VectorInput, name: string, length?: number, hint = ""): Float64Array {
  if (x === null || typeof x !== "object" || typeof (x as ArrayLike<number>).length !== "number")
    throw new QgeomError("SHAPE", `${name} must be an array of numbers${hint}, got ${excerpt(x)}; pass e.g. [0, 0.5]`);
  if (length !== undefined && x.length !== length)
    throw new QgeomError("SHAPE", `${name} must have length ${length}${hint}, got ${x.length} (${excerpt(Array.from(x))}); pass ${length} numbers`);
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (typeof v !== "number" || !Number.isFinite(v))
      throw new QgeomError("NOT_FINITE", `${name}[${i}] is ${typeof v === "number" ? String(v) : excerpt(v)}; every entry must be a finite number; replace NaN/Infinity with finite values`);
    out[i] = v;
  }
  return out;
}

/** A binary vector in {0,1}^length (MATH.md §1.5: units are 0/1-valued). */
export function toBinary(x: VectorInput, name: string, length: number, hint = ""): Float64Array {
  const v = toVector(x, name, length, hint);
  for (let i = 0; i < v.length; i++)
    if (v[i] !== 0 && v[i] !== 1)
      throw new QgeomError(
        "DOMAIN",
        `${name}[${i}] = ${v[i]} is not binary: Bernoulli units take values in {0, 1} (MATH.md §1.5); convert ±1 spins with s = (1 + σ)/2`,
      );
  return v;
}

/** Temperature T > 0 (default 1, MATH.md §1.4). */
export function temperature(T: number | undefined): number {
  if (T === undefined) return 1;
  if (typeof T !== "number" || !Number.isFinite(T) || T <= 0)
    throw new QgeomError("INVALID_ARGUMENT", `temperature T must be a finite number > 0, got ${excerpt(T)}; pass e.g. T = 1`);
  return T;
}

/** Parameters of an RBM as accepted by {@link rbm}. */
export interface RbmInput {
  /** Couplings, d×m (row i = visible unit i); finite entries. */
  W: MatrixInput;
  /** Visible biases, length d. */
  a: VectorInput;
  /** Hidden biases, length m. */
  c: VectorInput;
  /** Unit types (default "bernoulli"). */
  kind?: RbmKind;
}

/**
 * Builds and validates an RBM (default kind "bernoulli"). W is d×m, a has length d, c length m.
 * A Gaussian–Gaussian RBM must satisfy ‖W‖₂ < 1 (MATH.md §2.2): otherwise the joint precision
 * [[I, −W], [−Wᵀ, I]] is not positive definite and e^{−E} is not integrable, and this throws DOMAIN.
 */
export function rbm(input: RbmInput): RBM {
  if (input === null || typeof input !== "object") throw new QgeomError("INVALID_ARGUMENT", `rbm needs {W, a, c, kind?}, got ${excerpt(input)}; pass e.g. rbm({ W: [[0.5]], a: [0], c: [0] })`);
  const kind = input.kind ?? "bernoulli";
  if (!RBM_KINDS.includes(kind))
    throw new QgeomError("INVALID_ARGUMENT", `unknown RBM kind ${excerpt(kind)}; use one of ${RBM_KINDS.join(", ")}`);
  const W = toMatrix(input.W, "W");
  const d = W.rows, m = W.cols;
  const a = toVector(input.a, "a", d, ` (visible biases: W is ${d}×${m})`);
  const c = toVector(input.c, "c", m, ` (hidden biases: W is ${d}×${m})`);
  const model: RBM = { kind, W, a, c };
  if (kind === "gaussian-gaussian") checkNormalisable(model);
  return model;
}

/** Throws DOMAIN unless ‖W‖₂ < 1 (Gaussian–Gaussian normalisability, MATH.md §2.2). */
export function checkNormalisable(model: RBM): void {
  const s = spectralNorm(model.W, "W");
  if (!(s < 1))
    throw new QgeomError(
      "DOMAIN",
      `the Gaussian–Gaussian RBM is not normalisable: ‖W‖₂ = ${s.toPrecision(6)} ≥ 1, so the joint precision [[I, −W], [−Wᵀ, I]] is not positive definite and ∫e^{−E} diverges (MATH.md §2.2); rescale W so that ‖W‖₂ < 1`,
      { spectralNorm: s },
    );
}

/** Parameters of a Boltzmann machine as accepted by {@link boltzmannMachine}. */
export interface BoltzmannMachineInput {
  /** Symmetric couplings with zero diagonal (n×n). */
  W: MatrixInput;
  /** Biases, length n. */
  b: VectorInput;
  /** Number of visible units, the first ones (default n: fully visible). */
  visible?: number;
}

/**
 * Builds and validates a Boltzmann machine E(s) = −Σ_{i<j} w_ij s_i s_j − Σ b_i s_i (MATH.md §1.5).
 * W must be square, exactly symmetric and zero on the diagonal (w_ij = W[i][j] for i < j).
 */
export function boltzmannMachine(input: BoltzmannMachineInput): BoltzmannMachine {
  if (input === null || typeof input !== "object") throw new QgeomError("INVALID_ARGUMENT", `boltzmannMachine needs {W, b, visible?}, got ${excerpt(input)}; pass e.g. boltzmannMachine({ W: [[0, 1], [1, 0]], b: [0, 0] })`);
  const W = toMatrix(input.W, "W");
  const n = W.rows;
  if (W.cols !== n) throw new QgeomError("SHAPE", `W must be square (n×n couplings), got ${W.rows}×${W.cols}; pass an n×n coupling matrix`);
  for (let i = 0; i < n; i++) {
    if (W.data[i * n + i] !== 0)
      throw new QgeomError("INVALID_ARGUMENT", `W[${i}][${i}] = ${W.data[i * n + i]}: a Boltzmann machine has no self-couplings (zero diagonal; a diagonal term equals a bias since s_i² = s_i); set the diagonal to 0 and add w_ii to the bias b_i`);
    for (let j = i + 1; j < n; j++)
      if (W.data[i * n + j] !== W.data[j * n + i])
        throw new QgeomError("NOT_SYMMETRIC", `W[${i}][${j}] = ${W.data[i * n + j]} but W[${j}][${i}] = ${W.data[j * n + i]}: couplings must be symmetric (w_ij = w_ji, MATH.md §1.5); pass a symmetric W`);
  }
  const b = toVector(input.b, "b", n, ` (biases: W is ${n}×${n})`);
  const visible = input.visible ?? n;
  if (!Number.isInteger(visible) || visible < 1 || visible > n)
    throw new QgeomError("INVALID_ARGUMENT", `visible must be an integer in 1..${n} (the first units are visible), got ${excerpt(visible)}; pass e.g. visible: ${n}`);
  return { W, b, visible };
}

/** Number of units (visible, hidden). */
export function unitCounts(model: RBM | BoltzmannMachine): {
  /** Visible units: d for an RBM, `visible` for a Boltzmann machine. */
  visible: number;
  /** Hidden units: m for an RBM, n − visible for a Boltzmann machine. */
  hidden: number;
} {
  if ("kind" in model) return { visible: model.W.rows, hidden: model.W.cols };
  return { visible: model.visible, hidden: model.W.rows - model.visible };
}

/** Largest number of binary units enumerated exactly (2^20 states). */
export const MAX_ENUMERATION_UNITS = 20;

/**
 * Throws SIZE_LIMIT unless `units` ≤ {@link MAX_ENUMERATION_UNITS}. `what` describes the model, e.g.
 * "an RBM with 16 visible + 8 hidden units".
 */
export function checkEnumerable(units: number, what: string): void {
  if (units > MAX_ENUMERATION_UNITS)
    throw new QgeomError(
      "SIZE_LIMIT",
      `exact enumeration is limited to visible + hidden ≤ ${MAX_ENUMERATION_UNITS} binary units (2^${MAX_ENUMERATION_UNITS} states); got ${what} (${units} units); use contrastive divergence or Gibbs sampling for larger models`,
      { units, limit: MAX_ENUMERATION_UNITS },
    );
}

/** Checks an RBM or BM value at runtime (for entry points that accept either). */
export function isRBM(model: RBM | BoltzmannMachine): model is RBM {
  return typeof model === "object" && model !== null && "kind" in model;
}

/** Validates that an RBM value is well formed (used by functions receiving models built elsewhere). */
export function checkRBM(model: RBM, name = "model"): void {
  if (!isRBM(model) || !RBM_KINDS.includes(model.kind) || !(model.W?.data instanceof Float64Array))
    throw new QgeomError("INVALID_ARGUMENT", `${name} is not an RBM; build one with rbm({W, a, c, kind})`);
  if (model.a.length !== model.W.rows || model.c.length !== model.W.cols)
    throw new QgeomError("SHAPE", `${name}: W is ${model.W.rows}×${model.W.cols} but a has length ${model.a.length} and c length ${model.c.length}; build it with rbm(), which checks the shapes`);
}

/** Validates that a Boltzmann-machine value is well formed. */
export function checkBM(model: BoltzmannMachine, name = "model"): void {
  if (model === null || typeof model !== "object" || "kind" in model || !(model.W?.data instanceof Float64Array) || !(model.b instanceof Float64Array))
    throw new QgeomError("INVALID_ARGUMENT", `${name} is not a Boltzmann machine; build one with boltzmannMachine({W, b, visible})`);
  if (model.W.rows !== model.W.cols || model.b.length !== model.W.rows)
    throw new QgeomError("SHAPE", `${name}: W is ${model.W.rows}×${model.W.cols} but b has length ${model.b.length}; build it with boltzmannMachine(), which checks the shapes`);
}
