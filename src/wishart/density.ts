// Symbolic Wishart densities (MATH §4.1, §4.8, §1.7) as expressions, in two notations:
//   "entries": explicit symbols S11, S12, … (real symmetric) or S11, S12_re, S12_im, … (complex
//              Hermitian, S_ij = S{ij}_re + i·S{ij}_im for i < j), for p = 1..4. det S, det Σ and
//              tr(Σ⁻¹S) = tr(adj(Σ) S)/det Σ are closed-form polynomials / rational functions, so the
//              log-density compiles to straight-line code (declare `spd: [S, Σ]` to get log det by LDLᵀ).
//   "matrix":  matrix symbols S, Sigma with the print-only kernels det, tr, inv, matmul; any p.
//   real      f(S) = det S^{(n−p−1)/2} exp(−½ tr(Σ⁻¹S)) / (2^{np/2} det Σ^{n/2} Γ_p(n/2))
//   complex   f(S) = det S^{n−p} exp(−tr(Σ⁻¹S)) / (Γ̃_p(n) det Σ^n)
//   inverse   f(X) = det Ψ^{n/2} det X^{−(n+p+1)/2} exp(−½ tr(Ψ X⁻¹)) / (2^{np/2} Γ_p(n/2))
// The densities are with respect to du (UT coordinates, §1.3) unless `coordinates: "s"`.
import {
  type Expr,
  type SymbolicMatrix,
  I,
  Matrix,
  QgeomError,
  Rational,
  add,
  adjugate,
  det,
  exp,
  expand,
  fn,
  isValidIdentifier,
  log,
  mul,
  neg,
  num,
  pow,
  sym,
  symmetricMatrixSymbols,
  vech,
} from "../core/index.js";
import { cmultigammaExpr, lcmultigammaExpr, lmultigammaExpr, multigammaExpr } from "./gamma.js";
import type { Coordinates } from "./logpdf.js";
import { checkDimension, excerpt } from "./validate.js";

/** Largest p for the explicit-entries notation (the closed-form determinants grow as p!). */
export const MAX_ENTRIES_P = 4;

/** Options of the symbolic densities. */
export interface SymbolicDensityOptions {
  /** "entries" (explicit symbols; default for p ≤ 4) or "matrix" (det/tr notation; any p). */
  notation?: "entries" | "matrix";
  /** Degrees of freedom: a symbol name, a number or an expression (default the symbol n). */
  df?: Expr | string | number;
  /** Name of the random matrix (default "S"; "X" for the inverse Wishart). */
  variable?: string;
  /** Name of the scale matrix (default "Sigma"; "Psi" for the inverse Wishart). */
  scale?: string;
  /** Reference measure (MATH §1.3): "u" (default) or "s". */
  coordinates?: Coordinates;
}

/** A symbolic density together with what is needed to evaluate or compile it. */
export interface SymbolicDensity {
  /** Which law: W_p(n, Σ) (§4.1), CW_p(n, Σ) (§4.8) or W_p⁻¹(n, Ψ) (§1.7). */
  readonly law: "wishart" | "complex-wishart" | "inverse-wishart";
  /** Dimension p. */
  readonly p: number;
  /** "entries" (explicit scalar symbols, p ≤ 4) or "matrix" (matrix symbols with det/tr/inv kernels, print-only). */
  readonly notation: "entries" | "matrix";
  /** The degrees of freedom as an expression. */
  readonly df: Expr;
  /** The random matrix: a matrix of entries, or the matrix symbol (notation "matrix"). */
  readonly variable: SymbolicMatrix | Expr;
  /** The scale matrix: a matrix of entries, or the matrix symbol. */
  readonly scale: SymbolicMatrix | Expr;
  /** The density f as a product of its factors (det powers, exponential, normalising constant), w.r.t. du or ds. */
  readonly density: Expr;
  /** log f as a sum of logs (det S, trace term, log Γ_p or log Γ̃_p, coordinate shift): the form to compile. */
  readonly logDensity: Expr;
  /**
   * Real input variables in order (notation "entries"): the random matrix's entries (vech order;
   * complex: S_ii, then S_ij_re, S_ij_im for i < j, row-major), then the scale's, then df if it is a symbol.
   */
  readonly inputs: readonly string[];
  /** Symmetric positive-definite blocks for `compile(..., { spd })` (real "entries" only; else empty). */
  readonly spd: readonly SymbolicMatrix[];
}

function dfExpr(df: SymbolicDensityOptions["df"]): Expr {
  if (df === undefined) return sym("n");
  if (typeof df === "number") {
    if (!Number.isFinite(df)) throw new QgeomError("INVALID_ARGUMENT", `df must be finite, got ${df}; pass a finite number or a symbol name such as "n"`);
    return num(df);
  }
  if (typeof df === "string") {
    if (!isValidIdentifier(df)) throw new QgeomError("INVALID_ARGUMENT", `df must be a valid symbol name, a number or an Expr, got ${excerpt(df)}; pass e.g. "n"`);
    return sym(df);
  }
  if (typeof df === "object" && df !== null && "kind" in df) return df;
  throw new QgeomError("INVALID_ARGUMENT", `df must be a symbol name, a number or an Expr, got ${excerpt(df)}; pass e.g. "n"`);
}

function checkName(name: string, what: string): string {
  if (typeof name !== "string" || !isValidIdentifier(name) || name.includes("_"))
    throw new QgeomError("INVALID_ARGUMENT", `${what} must be a symbol name without "_" (entries are named ${what === "variable" ? "S" : "Sigma"}11, …), got ${excerpt(name)}; pass e.g. "${what === "variable" ? "S" : "Sigma"}"`);
  return name;
}

function notationOf(p: number, notation: SymbolicDensityOptions["notation"]): "entries" | "matrix" {
  const n = notation ?? (p <= MAX_ENTRIES_P ? "entries" : "matrix");
  if (n !== "entries" && n !== "matrix") throw new QgeomError("INVALID_ARGUMENT", `notation must be "entries" or "matrix", got ${excerpt(n)}; pass "entries" or "matrix"`);
  if (n === "entries" && p > MAX_ENTRIES_P)
    throw new QgeomError("SIZE_LIMIT", `explicit entries are supported for p ≤ ${MAX_ENTRIES_P} (det has p! terms), got p = ${p}; use notation "matrix"`);
  return n;
}

function coordinateTerm(p: number, coordinates: Coordinates | undefined, complex: boolean): Expr {
  if (coordinates === undefined || coordinates === "u") return num(0);
  if (coordinates !== "s") throw new QgeomError("INVALID_ARGUMENT", `coordinates must be "u" or "s" (MATH §1.3), got ${excerpt(coordinates)}; pass "u" or "s"`);
  return mul(num(Rational.of(-(p * (p - 1)), complex ? 2 : 4)), log(num(2)));
}

/**
 * The Hermitian p×p matrix of symbols: S_ii real, S_ij = S{ij}_re + i·S{ij}_im (i < j), S_ji = conj(S_ij).
 * Returns the matrix and its real variables in order (S_ii, S_ij_re, S_ij_im, row-major over i ≤ j).
 */
export function hermitianMatrixSymbols(
  name: string,
  p: number,
): {
  /** The p×p Hermitian matrix of symbols (S_ji = conj(S_ij) as an Expr in the same symbols). */
  matrix: SymbolicMatrix;
  /** Names of the p² real variables: name{ii}, then name{ij}_re, name{ij}_im for i < j, row-major over i ≤ j. */
  variables: string[];
} {
  checkDimension(p, "p", 9);
  const variables: string[] = [];
  const rows: Expr[][] = Array.from({ length: p }, () => new Array<Expr>(p));
  for (let i = 0; i < p; i++)
    for (let j = i; j < p; j++) {
      if (i === j) {
        const d = `${name}${i + 1}${i + 1}`;
        variables.push(d);
        rows[i]![i] = sym(d);
      } else {
        const re = `${name}${i + 1}${j + 1}_re`, im = `${name}${i + 1}${j + 1}_im`;
        variables.push(re, im);
        rows[i]![j] = add(sym(re), mul(I, sym(im)));
        rows[j]![i] = add(sym(re), mul(num(-1), I, sym(im)));
      }
    }
  return { matrix: new Matrix(rows), variables };
}

/** tr(A B) for symmetric A, B of expressions: Σ_i A_ii B_ii + 2 Σ_{i<j} A_ij B_ij. */
function traceSymmetricProduct(A: SymbolicMatrix, B: SymbolicMatrix): Expr {
  const p = A.rows, terms: Expr[] = [];
  for (let i = 0; i < p; i++) {
    terms.push(mul(A.get(i, i), B.get(i, i)));
    for (let j = i + 1; j < p; j++) terms.push(mul(num(2), A.get(i, j), B.get(i, j)));
  }
  return add(...terms);
}

/** tr(A B) = Σ_ij A_ij B_ji for Hermitian matrices of expressions, expanded (the imaginary parts cancel). */
function traceHermitianProduct(A: SymbolicMatrix, B: SymbolicMatrix): Expr {
  const p = A.rows, terms: Expr[] = [];
  for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) terms.push(mul(A.get(i, j), B.get(j, i)));
  return expand(add(...terms));
}

/** det, adj and names of a real symmetric matrix of symbols. */
function realEntries(name: string, p: number): { M: SymbolicMatrix; names: string[] } {
  const M = symmetricMatrixSymbols(name, p);
  return { M, names: vech(M).map(String) };
}

function dfInputs(df: Expr): string[] {
  return df.kind === "sym" ? [df.name] : [];
}

/** The determinants and trace term a density is built from, with the matrices and inputs they use. */
interface DensityParts {
  /** det of the random matrix. */
  detV: Expr;
  /** det of the scale matrix. */
  detG: Expr;
  /** tr(Σ⁻¹S) (Wishart laws) or tr(ΨX⁻¹) (inverse Wishart). */
  tr: Expr;
  variable: SymbolicMatrix | Expr;
  scale: SymbolicMatrix | Expr;
  inputs: string[];
  spd: SymbolicMatrix[];
}

/** Which matrix the trace term inverts: the scale (tr(Σ⁻¹S)) or the random matrix (tr(ΨX⁻¹)). */
type Inverted = "scale" | "variable";

/** Notation "matrix": matrix symbols with the print-only det, tr, inv and matmul kernels. */
function matrixSymbolParts(vName: string, gName: string, inverted: Inverted): DensityParts {
  const V = sym(vName), G = sym(gName);
  const detV = fn("det", V);
  const detG = fn("det", G);
  const tr = fn("tr", inverted === "scale" ? fn("matmul", fn("inv", G), V) : fn("matmul", G, fn("inv", V)));
  return { detV, detG, tr, variable: V, scale: G, inputs: [], spd: [] };
}

/**
 * Notation "entries", real symmetric: closed-form determinants and the trace term through the
 * adjugate, tr(Σ⁻¹S) = tr(adj(Σ) S)/det Σ or tr(ΨX⁻¹) = tr(Ψ adj(X))/det X.
 */
function realEntryParts(vName: string, gName: string, p: number, n: Expr, inverted: Inverted): DensityParts {
  const V = realEntries(vName, p), G = realEntries(gName, p);
  const detV = det(V.M);
  const detG = det(G.M);
  const tr =
    inverted === "scale"
      ? mul(traceSymmetricProduct(adjugate(G.M), V.M), pow(detG, num(-1)))
      : mul(traceSymmetricProduct(G.M, adjugate(V.M)), pow(detV, num(-1)));
  return { detV, detG, tr, variable: V.M, scale: G.M, inputs: [...V.names, ...G.names, ...dfInputs(n)], spd: [V.M, G.M] };
}

/** Notation "entries", complex Hermitian: expanded real polynomials det S, det Σ and tr(adj(Σ) S)/det Σ. */
function hermitianEntryParts(vName: string, gName: string, p: number, n: Expr): DensityParts {
  const S = hermitianMatrixSymbols(vName, p), G = hermitianMatrixSymbols(gName, p);
  const detV = expand(det(S.matrix));
  const detG = expand(det(G.matrix));
  const tr = mul(traceHermitianProduct(adjugate(G.matrix), S.matrix), pow(detG, num(-1)));
  return { detV, detG, tr, variable: S.matrix, scale: G.matrix, inputs: [...S.variables, ...G.variables, ...dfInputs(n)], spd: [] };
}

/** The validated dimension, notation and degrees of freedom of a law, and the parts its density is built from. */
function densitySetup(p: number, options: SymbolicDensityOptions, law: SymbolicDensity["law"]): { notation: "entries" | "matrix"; n: Expr; parts: DensityParts } {
  checkDimension(p, "p");
  const notation = notationOf(p, options.notation);
  const n = dfExpr(options.df);
  const inverse = law === "inverse-wishart";
  const vName = checkName(options.variable ?? (inverse ? "X" : "S"), "variable");
  const gName = checkName(options.scale ?? (inverse ? "Psi" : "Sigma"), "scale");
  const inverted: Inverted = inverse ? "variable" : "scale";
  if (notation === "matrix") return { notation, n, parts: matrixSymbolParts(vName, gName, inverted) };
  const parts = law === "complex-wishart" ? hermitianEntryParts(vName, gName, p, n) : realEntryParts(vName, gName, p, n, inverted);
  return { notation, n, parts };
}

/**
 * The real Wishart density of W_p(n, Σ) (MATH §4.1) and its log, as expressions. With explicit
 * entries (p ≤ 4) the result compiles: `compile(d.logDensity, d.inputs, { spd: d.spd })`.
 */
export function wishartDensity(p: number, options: SymbolicDensityOptions = {}): SymbolicDensity {
  const { notation, n, parts } = densitySetup(p, options, "wishart");
  const { detV: detS, detG: detSigma, tr, variable, scale, inputs, spd } = parts;
  const P = num(p);
  const a = mul(num(Rational.HALF), add(n, neg(P), num(-1))); // (n − p − 1)/2
  const halfN = mul(num(Rational.HALF), n);
  const shift = coordinateTerm(p, options.coordinates, false);
  const logDensity = add(
    mul(a, log(detS)),
    mul(num(Rational.of(-1, 2)), tr),
    mul(num(Rational.of(-p, 2)), n, log(num(2))),
    neg(mul(halfN, log(detSigma))),
    neg(lmultigammaExpr(halfN, p)),
    shift,
  );
  const density = mul(
    pow(detS, a),
    exp(mul(num(Rational.of(-1, 2)), tr)),
    pow(num(2), mul(num(Rational.of(-p, 2)), n)),
    pow(detSigma, neg(halfN)),
    pow(multigammaExpr(halfN, p), num(-1)),
    shift.kind === "num" ? num(1) : pow(num(2), num(Rational.of(-(p * (p - 1)), 4))),
  );
  return { law: "wishart", p, notation, df: n, variable, scale, density, logDensity, inputs, spd };
}

/**
 * The complex Wishart density of CW_p(n, Σ) (MATH §4.8) and its log. Explicit entries use Hermitian
 * symbol matrices (see {@link hermitianMatrixSymbols}); det and tr(adj(Σ) S) are expanded real polynomials.
 */
export function complexWishartDensity(p: number, options: SymbolicDensityOptions = {}): SymbolicDensity {
  const { notation, n, parts } = densitySetup(p, options, "complex-wishart");
  const { detV: detS, detG: detSigma, tr, variable, scale, inputs } = parts;
  const a = add(n, num(-p)); // n − p
  const shift = coordinateTerm(p, options.coordinates, true);
  const logDensity = add(mul(a, log(detS)), neg(tr), neg(mul(n, log(detSigma))), neg(lcmultigammaExpr(n, p)), shift);
  const density = mul(
    pow(detS, a),
    exp(neg(tr)),
    pow(detSigma, neg(n)),
    pow(cmultigammaExpr(n, p), num(-1)),
    shift.kind === "num" ? num(1) : pow(num(2), num(Rational.of(-(p * (p - 1)), 2))),
  );
  return { law: "complex-wishart", p, notation, df: n, variable, scale, density, logDensity, inputs, spd: [] };
}

/**
 * The inverse Wishart density of W_p⁻¹(n, Ψ) (MATH §1.7; = SciPy `invwishart(df=n, scale=Ψ)`) and its log;
 * default names X (variable) and Psi (scale).
 */
export function inverseWishartDensity(p: number, options: SymbolicDensityOptions = {}): SymbolicDensity {
  const { notation, n, parts } = densitySetup(p, options, "inverse-wishart");
  const { detV: detX, detG: detPsi, tr, variable, scale, inputs, spd } = parts;
  const halfN = mul(num(Rational.HALF), n);
  const b = mul(num(Rational.HALF), add(n, num(p + 1))); // (n + p + 1)/2
  const shift = coordinateTerm(p, options.coordinates, false);
  const logDensity = add(
    mul(halfN, log(detPsi)),
    neg(mul(b, log(detX))),
    mul(num(Rational.of(-1, 2)), tr),
    mul(num(Rational.of(-p, 2)), n, log(num(2))),
    neg(lmultigammaExpr(halfN, p)),
    shift,
  );
  const density = mul(
    pow(detPsi, halfN),
    pow(detX, neg(b)),
    exp(mul(num(Rational.of(-1, 2)), tr)),
    pow(num(2), mul(num(Rational.of(-p, 2)), n)),
    pow(multigammaExpr(halfN, p), num(-1)),
    shift.kind === "num" ? num(1) : pow(num(2), num(Rational.of(-(p * (p - 1)), 4))),
  );
  return { law: "inverse-wishart", p, notation, df: n, variable, scale, density, logDensity, inputs, spd };
}
