// Symbolic energies, free energies and partition functions (MATH.md §1.5, §2.1–2.2) as Exprs.
// Symbols: W11 … Wdm (W{i}{j}, 1-based; W{i}_{j} when d or m ≥ 10), a1 … ad, c1 … cm, v1 … vd, h1 … hm;
// Boltzmann machine: w12, w13, … (w{i}{j}, i < j; w{i}_{j} when n ≥ 10), b1 … bn, s1 … sn.
// The temperature is a number (default 1) or an Expr such as sym("T").
import {
  type Certificate,
  type Expr,
  type SymbolicMatrix,
  QgeomError,
  Matrix,
  ONE,
  HALF,
  PI,
  add,
  diff,
  div,
  exp,
  log,
  matrixSymbols,
  mul,
  neg,
  num,
  pow,
  softplus,
  sub,
  sym,
  verify,
} from "../core/index.js";
import { type RBM, type RbmKind, RBM_KINDS, checkRBM, temperature } from "./model.js";

/** Temperature as an Expr: a number > 0 or any Expr (e.g. sym("T")). */
export type Temperature = number | Expr;

function tExpr(T: Temperature | undefined): Expr {
  if (T === undefined) return ONE;
  if (typeof T === "number") return num(temperature(T));
  return T;
}

function sizes(d: number, m: number): void {
  for (const [k, name] of [[d, "d (visible units)"], [m, "m (hidden units)"]] as const)
    if (!Number.isInteger(k) || k < 1 || k > 64) throw new QgeomError("INVALID_ARGUMENT", `${name} must be an integer in 1..64, got ${k}; pass e.g. 2`);
}

/** The symbols of an RBM with d visible and m hidden units. */
export interface RbmSymbols {
  /** Couplings W{i}{j} (W{i}_{j} when d or m ≥ 10), d×m. */
  readonly W: SymbolicMatrix;
  /** Visible biases a1 … ad. */
  readonly a: Expr[];
  /** Hidden biases c1 … cm. */
  readonly c: Expr[];
  /** Visible units v1 … vd. */
  readonly v: Expr[];
  /** Hidden units h1 … hm. */
  readonly h: Expr[];
}

/** Symbols W{i}{j}, a{i}, c{j}, v{i}, h{j} of an RBM (1-based). */
export function rbmSymbols(d: number, m: number): RbmSymbols {
  sizes(d, m);
  const vec = (name: string, n: number) => Array.from({ length: n }, (_, i) => sym(`${name}${i + 1}`));
  return { W: matrixSymbols("W", d, m), a: vec("a", d), c: vec("c", m), v: vec("v", d), h: vec("h", m) };
}

/** Parameters for building an expression: the symbols, or numbers of an RBM (numeric W, a, c). */
interface Params {
  W: (i: number, j: number) => Expr;
  a: Expr[];
  c: Expr[];
  v: Expr[];
  h: Expr[];
  d: number;
  m: number;
}

function symbolicParams(d: number, m: number): Params {
  const s = rbmSymbols(d, m);
  return { W: (i, j) => s.W.get(i, j), a: s.a, c: s.c, v: s.v, h: s.h, d, m };
}

function numericParams(model: RBM): Params {
  checkRBM(model);
  const d = model.W.rows, m = model.W.cols;
  const s = rbmSymbols(d, m);
  return { W: (i, j) => num(model.W.data[i * m + j]!), a: Array.from(model.a, (x) => num(x)), c: Array.from(model.c, (x) => num(x)), v: s.v, h: s.h, d, m };
}

function kindOf(kind: RbmKind): RbmKind {
  if (!RBM_KINDS.includes(kind)) throw new QgeomError("INVALID_ARGUMENT", `unknown RBM kind ${String(kind)}; use one of ${RBM_KINDS.join(", ")}`);
  return kind;
}

function energyOf(kind: RbmKind, P: Params): Expr {
  const { d, m, a, c, v, h } = P;
  const terms: Expr[] = [];
  for (let i = 0; i < d; i++) for (let j = 0; j < m; j++) terms.push(neg(mul(v[i]!, P.W(i, j), h[j]!)));
  for (let j = 0; j < m; j++) terms.push(neg(mul(c[j]!, h[j]!)));
  for (let i = 0; i < d; i++) {
    if (kind === "gaussian-bernoulli") terms.push(mul(HALF, pow(sub(v[i]!, a[i]!), num(2))));
    else terms.push(neg(mul(a[i]!, v[i]!)));
    if (kind === "gaussian-gaussian") terms.push(mul(HALF, pow(v[i]!, num(2))));
  }
  if (kind === "gaussian-gaussian") for (let j = 0; j < m; j++) terms.push(mul(HALF, pow(h[j]!, num(2))));
  return add(...terms);
}

/** x_j = c_j + Σ_i W_ij v_i. */
function fields(P: Params): Expr[] {
  return Array.from({ length: P.m }, (_, j) => add(P.c[j]!, ...Array.from({ length: P.d }, (_, i) => mul(P.W(i, j), P.v[i]!))));
}

function freeEnergyOf(kind: RbmKind, P: Params, T: Expr): Expr {
  const { d, m, a, v } = P;
  const x = fields(P);
  const terms: Expr[] = [];
  if (kind === "gaussian-gaussian") {
    // ½‖v‖² − aᵀv − ½‖c + Wᵀv‖² − (mT/2) log(2πT)
    for (let i = 0; i < d; i++) terms.push(mul(HALF, pow(v[i]!, num(2))), neg(mul(a[i]!, v[i]!)));
    for (let j = 0; j < m; j++) terms.push(neg(mul(HALF, pow(x[j]!, num(2)))));
    terms.push(neg(mul(num(m), HALF, T, log(mul(num(2), PI, T)))));
    return add(...terms);
  }
  for (let j = 0; j < m; j++) terms.push(neg(mul(T, softplus(div(x[j]!, T)))));
  for (let i = 0; i < d; i++) terms.push(kind === "gaussian-bernoulli" ? mul(HALF, pow(sub(v[i]!, a[i]!), num(2))) : neg(mul(a[i]!, v[i]!)));
  return add(...terms);
}

/** The RBM energy E(v, h) of MATH.md §2.2 as an Expr in the symbols of {@link rbmSymbols}. */
export function rbmEnergyExpr(kind: RbmKind, d: number, m: number): Expr {
  return energyOf(kindOf(kind), symbolicParams(d, m));
}

/**
 * The free energy F_T(v) of MATH.md §2.2 as an Expr in W{i}{j}, a{i}, c{j}, v{i} (closed forms:
 * −aᵀv − T Σ softplus(x_j/T), ½‖v − a‖² − T Σ softplus(x_j/T), ½‖v‖² − aᵀv − ½‖x‖² − (mT/2) log 2πT,
 * x = c + Wᵀv).
 */
export function freeEnergyExpr(kind: RbmKind, d: number, m: number, options: { T?: Temperature } = {}): Expr {
  return freeEnergyOf(kindOf(kind), symbolicParams(d, m), tExpr(options.T));
}

/** F_T(v) of a given (numeric) RBM as an Expr in v1 … vd only (the model's numbers as exact rationals). */
export function modelFreeEnergyExpr(model: RBM, options: { T?: Temperature } = {}): Expr {
  return freeEnergyOf(model.kind, numericParams(model), tExpr(options.T));
}

/** The symbols of a Boltzmann machine on n units. */
export interface BmSymbols {
  /** Free couplings w_ij, i < j, in row-major pair order. */
  readonly w: Expr[];
  /** The symmetric coupling matrix with zero diagonal (tied pairs). */
  readonly W: SymbolicMatrix;
  /** Biases b1 … bn. */
  readonly b: Expr[];
  /** Units s1 … sn (binary, s_i ∈ {0,1}). */
  readonly s: Expr[];
}

/** Symbols w{i}{j} (i < j), b{i}, s{i} of a Boltzmann machine (1-based). */
export function bmSymbols(n: number): BmSymbols {
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new QgeomError("INVALID_ARGUMENT", `n must be an integer in 1..64, got ${n}; pass e.g. 2`);
  const sep = n >= 10 ? "_" : "";
  const w: Expr[] = [];
  const rows: Expr[][] = Array.from({ length: n }, () => new Array<Expr>(n).fill(num(0)));
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      const x = sym(`w${i + 1}${sep}${j + 1}`);
      w.push(x);
      rows[i]![j] = x;
      rows[j]![i] = x;
    }
  return {
    w,
    W: new Matrix(rows),
    b: Array.from({ length: n }, (_, i) => sym(`b${i + 1}`)),
    s: Array.from({ length: n }, (_, i) => sym(`s${i + 1}`)),
  };
}

/** E(s) = −Σ_{i<j} w_ij s_i s_j − Σ b_i s_i (MATH.md §1.5) as an Expr. */
export function bmEnergyExpr(n: number): Expr {
  const S = bmSymbols(n);
  const terms: Expr[] = [];
  for (let i = 0; i < n; i++) {
    terms.push(neg(mul(S.b[i]!, S.s[i]!)));
    for (let j = i + 1; j < n; j++) terms.push(neg(mul(S.W.get(i, j), S.s[i]!, S.s[j]!)));
  }
  return add(...terms);
}

const MAX_SYMBOLIC_STATES = 10;

/** −E(s)/T at the binary state with index k (bit i = s_i). */
function bmStateExponent(S: BmSymbols, n: number, k: number, T: Expr): Expr {
  const terms: Expr[] = [];
  for (let i = 0; i < n; i++) {
    if (((k >>> i) & 1) === 0) continue;
    terms.push(S.b[i]!);
    for (let j = i + 1; j < n; j++) if ((k >>> j) & 1) terms.push(S.W.get(i, j));
  }
  return div(add(...terms), T);
}

/** log Z_T = log Σ_s e^{−E(s)/T} of an n-unit Boltzmann machine as an Expr (2^n terms; n ≤ 10). */
export function bmLogPartitionExpr(n: number, options: { T?: Temperature } = {}): Expr {
  if (!Number.isInteger(n) || n < 1 || n > MAX_SYMBOLIC_STATES)
    throw new QgeomError("SIZE_LIMIT", `symbolic partition functions are built for n ≤ ${MAX_SYMBOLIC_STATES} units (2^n terms), got ${n}; use the numeric enumeration (logPartition) for larger n`);
  const S = bmSymbols(n);
  const T = tExpr(options.T);
  return log(add(...Array.from({ length: 2 ** n }, (_, k) => exp(bmStateExponent(S, n, k, T)))));
}

/** ⟨s_i⟩ = Σ_s s_i e^{−E(s)/T} / Z_T as an Expr (unit i, 0-based). */
export function bmMeanExpr(n: number, i: number, options: { T?: Temperature } = {}): Expr {
  if (!Number.isInteger(n) || n < 1 || n > MAX_SYMBOLIC_STATES)
    throw new QgeomError("SIZE_LIMIT", `symbolic moments are built for n ≤ ${MAX_SYMBOLIC_STATES} units, got ${n}; use the numeric enumeration for larger n`);
  if (!Number.isInteger(i) || i < 0 || i >= n) throw new QgeomError("INVALID_ARGUMENT", `unit index must be in 0..${n - 1}, got ${i}; pass an index below ${n}`);
  const S = bmSymbols(n);
  const T = tExpr(options.T);
  const w = Array.from({ length: 2 ** n }, (_, k) => exp(bmStateExponent(S, n, k, T)));
  return div(add(...w.filter((_, k) => (k >>> i) & 1)), add(...w));
}

/**
 * V1 (symbolic): ∂_{b_i} log Z_T = ⟨s_i⟩/T for every unit, each with a certificate from core `verify`.
 * With T = sym("T") the identity is proved for all temperatures.
 */
export function logPartitionBiasDerivative(
  n: number,
  options: { T?: Temperature } = {},
): Array<{
  /** ∂_{b_i} log Z_T, differentiated symbolically from bmLogPartitionExpr. */
  derivative: Expr;
  /** ⟨s_i⟩ = Σ_{s: s_i = 1} e^{−E(s)/T} / Z_T (bmMeanExpr). */
  mean: Expr;
  /** Verdict of verify(derivative, mean/T). */
  certificate: Certificate;
}> {
  const T = tExpr(options.T);
  const lz = bmLogPartitionExpr(n, { T });
  const S = bmSymbols(n);
  return S.b.map((bi, i) => {
    const derivative = diff(lz, bi);
    const mean = bmMeanExpr(n, i, { T });
    return { derivative, mean, certificate: verify(derivative, div(mean, T)) };
  });
}

/**
 * log Z_T of a Bernoulli–Bernoulli RBM as an Expr: log Σ_v exp(aᵀv/T + Σ_j softplus((c + Wᵀv)_j/T))
 * (hidden layer summed in closed form; 2^d terms, d ≤ 10).
 */
export function rbmLogPartitionExpr(d: number, m: number, options: { T?: Temperature } = {}): Expr {
  if (!Number.isInteger(d) || d < 1 || d > MAX_SYMBOLIC_STATES)
    throw new QgeomError("SIZE_LIMIT", `symbolic RBM partition functions are built for d ≤ ${MAX_SYMBOLIC_STATES} visible units, got ${d}; use the numeric enumeration (logPartition) for larger d`);
  sizes(d, m);
  const P = symbolicParams(d, m);
  const T = tExpr(options.T);
  const terms = Array.from({ length: 2 ** d }, (_, k) => {
    const sub0: Params = { ...P, v: P.v.map((_, i) => num((k >>> i) & 1)) };
    return exp(div(neg(freeEnergyOf("bernoulli", sub0, T)), T));
  });
  return log(add(...terms));
}
