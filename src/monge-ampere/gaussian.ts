// The Gaussian-to-Gaussian Brenier map (MATH.md §3.6): for μ = N(m₁, Σ₁), ν = N(m₂, Σ₂),
//   T(x) = m₂ + A(x − m₁) = A x + b,  b = m₂ − A m₁,
//   A = Σ₁^{-1/2}(Σ₁^{1/2}Σ₂Σ₁^{1/2})^{1/2}Σ₁^{-1/2} = Σ₂^{1/2}(Σ₂^{1/2}Σ₁Σ₂^{1/2})^{-1/2}Σ₂^{1/2} = Σ₁⁻¹(Σ₁Σ₂)^{1/2},
//   W₂² = ‖m₁ − m₂‖² + tr Σ₁ + tr Σ₂ − 2 tr(Σ₁^{1/2}Σ₂Σ₁^{1/2})^{1/2},
// with the potential φ(x) = ½(x − m₁)ᵀA(x − m₁) + m₂ᵀx (D²φ = A, ∇φ = T).
import { type Expr, QgeomError, excerpt, add, det as detE, inverse as inverseE, log, matrix as symbolicMatrix, mul, num, sub, sym, exp, pow, PI, sqrt as sqrtE, verify } from "../core/index.js";
import {
  type Matrix,
  cholesky,
  choleskySolve,
  identity,
  invSqrtm,
  logDet,
  matmul,
  solve,
  sqrtm,
  symmetrize,
  trace,
} from "../linalg/index.js";
import { type Rng, fillStandardNormal } from "../random/index.js";
import { type MatrixInput, type VectorInput, toMatrix, toSpd, toVector } from "./numeric-input.js";
import { principalSqrt } from "./principal-sqrt.js";
import { type VariableList, variableNames } from "./variables.js";

/** The Brenier map between two Gaussians. */
export interface GaussianBrenierMap {
  /** A = Σ₁^{-1/2}(Σ₁^{1/2}Σ₂Σ₁^{1/2})^{1/2}Σ₁^{-1/2}, symmetrised; symmetric positive definite with AΣ₁A = Σ₂. */
  A: Matrix;
  /** b = m₂ − A m₁, so that T(x) = A x + b. */
  b: Float64Array;
  /** W₂²(μ, ν), computed as ‖m₁ − m₂‖² + tr((A − I)Σ₁(A − I)) (no cancellation; equal to the trace formula). */
  w2sq: number;
  /** The fidelity term tr(Σ₁^{1/2}Σ₂Σ₁^{1/2})^{1/2}. */
  fidelityTerm: number;
  /** log det A = ½(log det Σ₂ − log det Σ₁) = log f(x) − log g(T(x)) for every x. */
  logDetA: number;
}

/** Which of the three equal formulas of MATH §3.6 computes A. */
export type BrenierFormula = "sandwich" | "target-sandwich" | "product";

function dims(m1: VectorInput, S1: MatrixInput, m2: VectorInput, S2: MatrixInput): { m1: Float64Array; S1: Matrix; m2: Float64Array; S2: Matrix } {
  const v1 = toVector(m1, "m1");
  const d = v1.length;
  return { m1: v1, S1: toSpd(S1, "S1", d), m2: toVector(m2, "m2", d), S2: toSpd(S2, "S2", d) };
}

function sym2(A: Matrix): Matrix {
  return symmetrize(A);
}

/**
 * The matrix A of the Brenier map N(·, Σ₁) → N(·, Σ₂) by one of the formulas of MATH §3.6, without
 * symmetrisation (so the formulas can be compared): "sandwich" Σ₁^{-1/2}(Σ₁^{1/2}Σ₂Σ₁^{1/2})^{1/2}Σ₁^{-1/2},
 * "target-sandwich" Σ₂^{1/2}(Σ₂^{1/2}Σ₁Σ₂^{1/2})^{-1/2}Σ₂^{1/2}, "product" Σ₁⁻¹(Σ₁Σ₂)^{1/2} with the
 * principal square root of the non-symmetric Σ₁Σ₂ (Denman–Beavers).
 */
export function brenierMatrix(S1: MatrixInput, S2: MatrixInput, formula: BrenierFormula = "sandwich"): Matrix {
  const A1 = toSpd(S1, "S1");
  const A2 = toSpd(S2, "S2", A1.rows);
  switch (formula) {
    case "sandwich": {
      const h = sqrtm(A1, { name: "S1" });
      const ih = invSqrtm(A1, { name: "S1" });
      const mid = sqrtm(sym2(matmul(matmul(h, A2), h)), { name: "S1^(1/2) S2 S1^(1/2)" });
      return matmul(matmul(ih, mid), ih);
    }
    case "target-sandwich": {
      const h = sqrtm(A2, { name: "S2" });
      const mid = invSqrtm(sym2(matmul(matmul(h, A1), h)), { name: "S2^(1/2) S1 S2^(1/2)" });
      return matmul(matmul(h, mid), h);
    }
    case "product":
      return solve(A1, principalSqrt(matmul(A1, A2), { name: "S1 S2" }), "S1");
    default:
      throw new QgeomError("INVALID_ARGUMENT", `formula must be "sandwich", "target-sandwich" or "product", got ${String(formula)}; pass one of these`);
  }
}

/** tr((I − M)Σ(I − M)ᵀ) = Σ_ij ((I − M)Σ)_ij (I − M)_ij: E‖X − MX‖² for centred X with covariance Σ. */
function quadraticCost(M: Matrix, S: Matrix): number {
  const n = M.rows;
  const D = identity(n);
  for (let i = 0; i < n * n; i++) D.data[i] = D.data[i]! - M.data[i]!;
  const DS = matmul(D, S);
  let s = 0;
  for (let i = 0; i < n * n; i++) s += DS.data[i]! * D.data[i]!;
  return s;
}

function sqDist(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i]! - b[i]!) ** 2;
  return s;
}

/**
 * The Brenier (optimal transport) map between N(m₁, Σ₁) and N(m₂, Σ₂) (MATH §3.6): T(x) = A x + b with
 * b = m₂ − A m₁, the squared Wasserstein distance and log det A. Throws NOT_POSITIVE_DEFINITE naming
 * S1 or S2 and the failing Cholesky pivot, SHAPE for mismatched dimensions.
 */
export function gaussianBrenierMap(m1: VectorInput, S1: MatrixInput, m2: VectorInput, S2: MatrixInput): GaussianBrenierMap {
  const p = dims(m1, S1, m2, S2);
  const d = p.m1.length;
  const h = sqrtm(p.S1, { name: "S1" });
  const ih = invSqrtm(p.S1, { name: "S1" });
  const mid = sqrtm(sym2(matmul(matmul(h, p.S2), h)), { name: "S1^(1/2) S2 S1^(1/2)" });
  const A = sym2(matmul(matmul(ih, mid), ih));
  const b = new Float64Array(d);
  for (let i = 0; i < d; i++) {
    let s = p.m2[i]!;
    for (let j = 0; j < d; j++) s -= A.data[i * d + j]! * p.m1[j]!;
    b[i] = s;
  }
  return {
    A,
    b,
    w2sq: sqDist(p.m1, p.m2) + quadraticCost(A, p.S1),
    fidelityTerm: trace(mid),
    logDetA: 0.5 * (logDet(p.S2, { name: "S2" }) - logDet(p.S1, { name: "S1" })),
  };
}

/** W₂²(N(m₁, Σ₁), N(m₂, Σ₂)) by the trace formula of MATH §3.6. */
export function gaussianW2Squared(m1: VectorInput, S1: MatrixInput, m2: VectorInput, S2: MatrixInput): number {
  const p = dims(m1, S1, m2, S2);
  const h = sqrtm(p.S1, { name: "S1" });
  const mid = sqrtm(sym2(matmul(matmul(h, p.S2), h)), { name: "S1^(1/2) S2 S1^(1/2)" });
  return sqDist(p.m1, p.m2) + trace(p.S1) + trace(p.S2) - 2 * trace(mid);
}

/**
 * The transport cost E‖X − T(X)‖² of the affine map T(x) = m₂ + M(x − m₁) for X ~ N(m₁, Σ₁):
 * ‖m₁ − m₂‖² + tr((I − M)Σ₁(I − M)ᵀ). It pushes N(m₁, Σ₁) to N(m₂, MΣ₁Mᵀ).
 */
export function linearMapCost(m1: VectorInput, S1: MatrixInput, m2: VectorInput, M: MatrixInput): number {
  const v1 = toVector(m1, "m1");
  const d = v1.length;
  const A1 = toSpd(S1, "S1", d);
  const v2 = toVector(m2, "m2", d);
  const T = toMatrix(M, "M");
  if (T.rows !== d || T.cols !== d) throw new QgeomError("SHAPE", `M is ${T.rows}×${T.cols} but the dimension is ${d}; pass a ${d}×${d} matrix`);
  return sqDist(v1, v2) + quadraticCost(T, A1);
}

/**
 * The Cholesky (Knothe–Rosenblatt for Gaussians) map matrix L₂L₁⁻¹ with Σ_i = L_iL_iᵀ: it also pushes
 * N(·, Σ₁) to N(·, Σ₂), but is lower triangular rather than symmetric, and costs at least W₂² (MATH §3.6, V9).
 */
export function choleskyMap(S1: MatrixInput, S2: MatrixInput): Matrix {
  const A1 = toSpd(S1, "S1");
  const A2 = toSpd(S2, "S2", A1.rows);
  const L1 = cholesky(A1, { name: "S1" });
  const L2 = cholesky(A2, { name: "S2" });
  return matmul(L2, solve(L1, identity(A1.rows), "L1"));
}

/** A Monte Carlo estimate with its standard error. */
export interface MonteCarloEstimate {
  /** Sample mean of the per-sample values. */
  mean: number;
  /** Estimated standard error: sample standard deviation (divisor n − 1) / √samples. */
  standardError: number;
  /** Number of samples n (≥ 2). */
  samples: number;
}

/**
 * Monte Carlo estimate of E‖X − (A X + b)‖² for X ~ N(m₁, Σ₁) with a seeded generator: the mean of
 * the per-sample costs and its standard error (sample standard deviation / √samples).
 */
export function monteCarloTransportCost(m1: VectorInput, S1: MatrixInput, A: MatrixInput, b: VectorInput, rng: Rng, samples: number): MonteCarloEstimate {
  const v1 = toVector(m1, "m1");
  const d = v1.length;
  const L = cholesky(toSpd(S1, "S1", d), { name: "S1" });
  const M = toMatrix(A, "A");
  if (M.rows !== d || M.cols !== d) throw new QgeomError("SHAPE", `A is ${M.rows}×${M.cols} but the dimension is ${d}; pass a ${d}×${d} matrix`);
  const bv = toVector(b, "b", d);
  if (!Number.isInteger(samples) || samples < 2) throw new QgeomError("INVALID_ARGUMENT", `samples must be an integer >= 2, got ${samples}; pass e.g. 1000`);
  const z = new Float64Array(d + (d % 2));
  const x = new Float64Array(d);
  let mean = 0, m2 = 0;
  for (let s = 1; s <= samples; s++) {
    fillStandardNormal(rng, z);
    for (let i = 0; i < d; i++) {
      let t = v1[i]!;
      for (let j = 0; j <= i; j++) t += L.data[i * d + j]! * z[j]!;
      x[i] = t;
    }
    let c = 0;
    for (let i = 0; i < d; i++) {
      let t = bv[i]!;
      for (let j = 0; j < d; j++) t += M.data[i * d + j]! * x[j]!;
      c += (x[i]! - t) ** 2;
    }
    const delta = c - mean; // Welford
    mean += delta / s;
    m2 += delta * (c - mean);
  }
  return { mean, standardError: Math.sqrt(m2 / (samples - 1) / samples), samples };
}

/** log N(x; m, Σ) (MATH §1.6). */
export function gaussianLogDensity(m: VectorInput, S: MatrixInput, x: VectorInput): number {
  const mv = toVector(m, "m");
  const d = mv.length;
  const L = cholesky(toSpd(S, "S", d), { name: "S" });
  const xv = toVector(x, "x", d);
  const r = xv.map((v, i) => v - mv[i]!);
  const sol = choleskySolve(L, r);
  let q = 0, ld = 0;
  for (let i = 0; i < d; i++) {
    q += r[i]! * sol[i]!;
    ld += Math.log(L.data[i * d + i]!);
  }
  return -0.5 * d * Math.log(2 * Math.PI) - ld - 0.5 * q;
}

/** Exact rational expression of a double: num(x), the shortest decimal that round-trips (0.1 → 1/10). */
function exact(x: number): Expr {
  return num(x);
}

/**
 * The Brenier potential φ(x) = ½(x − m₁)ᵀA(x − m₁) + m₂ᵀx of the Gaussian map (MATH §3.6) as an
 * expression in `vars` (entries taken as exact rationals via num: the shortest round-tripping decimal, so
 * 0.1 is 1/10), so D²φ = A and ∇φ(x) = m₂ + A(x − m₁).
 */
export function gaussianPotential(A: MatrixInput, m1: VectorInput, m2: VectorInput, vars: VariableList): Expr {
  const names = variableNames(vars);
  const d = names.length;
  const M = toMatrix(A, "A");
  if (M.rows !== d || M.cols !== d) throw new QgeomError("SHAPE", `A is ${M.rows}×${M.cols} but there are ${d} variables; pass a ${d}×${d} matrix`);
  const a = toVector(m1, "m1", d), c = toVector(m2, "m2", d);
  const r = names.map((x, i) => sub(sym(x), exact(a[i]!)));
  const quad: Expr[] = [];
  for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) quad.push(mul(exact(M.data[i * d + j]!), r[i]!, r[j]!));
  return add(mul(num("1/2"), add(...quad)), ...names.map((x, i) => mul(exact(c[i]!), sym(x))));
}

/**
 * The density N(m, Σ)(x) as an expression in `vars` (MATH §1.6), with Σ⁻¹ and det Σ computed in
 * float64 and entered as exact rationals via num (shortest round-tripping decimal; for symbolic residuals,
 * not an exact density of Σ).
 */
export function gaussianDensityExpr(m: VectorInput, S: MatrixInput, vars: VariableList): Expr {
  const names = variableNames(vars);
  const d = names.length;
  const mv = toVector(m, "m", d);
  const Sm = toSpd(S, "S", d);
  const L = cholesky(Sm, { name: "S" });
  const P = choleskySolve(L, identity(d));
  const r = names.map((x, i) => sub(sym(x), exact(mv[i]!)));
  const quad: Expr[] = [];
  for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) quad.push(mul(exact(0.5 * (P.data[i * d + j]! + P.data[j * d + i]!)), r[i]!, r[j]!));
  const detS = Math.exp(logDet(Sm, { name: "S" }));
  return mul(pow(mul(num(2), PI), num(-d / 2)), pow(sqrtE(exact(detS)), num(-1)), exp(mul(num("-1/2"), add(...quad))));
}

/**
 * An entry of an exact mean or covariance: an Expr (rational, symbolic, …), or a finite number entered
 * through num, i.e. as the shortest decimal that round-trips (0.1 is exactly 1/10, not the double nearest
 * to it). Non-finite numbers throw NOT_FINITE, other values INVALID_ARGUMENT, each naming the entry.
 */
export type ExactEntry = Expr | number;

/**
 * log N(x; m, Σ) (MATH §1.6) as an exact expression in `vars`:
 * −(d/2) log 2π − ½ log det Σ − ½ (x − m)ᵀ Σ⁻¹ (x − m), with det Σ and Σ⁻¹ computed symbolically by the
 * core (fraction-free determinant, adjugate), so rational or symbolic Σ give an exact log-density
 * (unlike {@link gaussianDensityExpr}, which enters float64 values of Σ⁻¹ and det Σ). Throws SHAPE for
 * mismatched dimensions and NOT_POSITIVE_DEFINITE when a numeric Σ has a non-positive leading minor.
 */
export function gaussianLogDensityExpr(m: readonly ExactEntry[], S: readonly (readonly ExactEntry[])[], vars: VariableList): Expr {
  const names = variableNames(vars);
  const d = names.length;
  if (!Array.isArray(m) || m.length !== d) throw new QgeomError("SHAPE", `m has ${Array.isArray(m) ? m.length : "no"} entries but there are ${d} variables; pass one mean entry per variable`);
  if (!Array.isArray(S) || S.length !== d || !S.every((r) => Array.isArray(r) && r.length === d))
    throw new QgeomError("SHAPE", `S must be ${d}×${d} (one row and column per variable), got ${excerpt(S)}; pass a ${d}×${d} matrix`);
  const asExpr = (v: ExactEntry, what: string): Expr => {
    if (typeof v === "number") {
      if (!Number.isFinite(v)) throw new QgeomError("NOT_FINITE", `${what} is ${v}; pass finite numbers or expressions`);
      return num(v);
    }
    checkExprLike(v, what);
    return v;
  };
  const M = symbolicMatrix(S.map((r: readonly ExactEntry[], i: number) => r.map((v: ExactEntry, j: number) => asExpr(v, `S[${i}][${j}]`))));
  for (let i = 0; i < d; i++)
    for (let j = 0; j < i; j++)
      if (M.get(i, j) !== M.get(j, i) && verify(M.get(i, j), M.get(j, i)).verdict !== "proved")
        throw new QgeomError("NOT_SYMMETRIC", `S[${i}][${j}] = ${String(M.get(i, j))} differs from S[${j}][${i}] = ${String(M.get(j, i))}; a covariance is symmetric; make S symmetric`);
  for (let k = 1; k <= d; k++) {
    const minor = detE(symbolicMatrix(M.toArray().slice(0, k).map((r) => r.slice(0, k))));
    if (minor.kind === "num" && !(minor.value.toNumber() > 0))
      throw new QgeomError("NOT_POSITIVE_DEFINITE", `S is not positive definite: its leading ${k}×${k} minor is ${String(minor)}; pass a covariance matrix`);
  }
  const P = inverseE(M);
  const r = names.map((x, i) => sub(sym(x), asExpr(m[i]!, `m[${i}]`)));
  const quad: Expr[] = [];
  for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) quad.push(mul(P.get(i, j), r[i]!, r[j]!));
  return add(mul(num(-d / 2), log(mul(num(2), PI))), mul(num("-1/2"), log(detE(M))), mul(num("-1/2"), add(...quad)));
}

function checkExprLike(v: unknown, what: string): void {
  if (v === null || typeof v !== "object" || !("kind" in v)) throw new QgeomError("INVALID_ARGUMENT", `${what} must be a number or an Expr, got ${String(v)}; pass e.g. 1 or sym("s")`);
}
