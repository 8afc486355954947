// The linearised Monge–Ampère operator (MATH.md §3.5):
//   d/dε det D²(φ + εv)|₀ = L_φ[v] = tr(cof(D²φ) D²v) = det D²φ · tr((D²φ)⁻¹ D²v),
// and, since the rows of cof(D²φ) are divergence-free, L_φ[v] = Σ_ij ∂_i(cof(D²φ)_ij ∂_j v).
import {
  type Certificate,
  type Expr,
  type SymbolicMatrix,
  ZERO,
  add,
  cofactor,
  det,
  diff,
  hessian,
  inverse,
  matAdd,
  matMul,
  matScale,
  matrix,
  mul,
  simplify,
  subs,
  sym,
  trace,
  verify,
} from "../core/index.js";
import { type CompiledFunction, compile } from "../compile/index.js";
import { type SymbolicOptions, hessianMatrix, mongeAmpere } from "./operator.js";
import { type VariableList, checkExpr, compileInputs, freshName, variableNames } from "./variables.js";

function cof(phi: Expr, names: string[], options: SymbolicOptions): SymbolicMatrix {
  return cofactor(hessianMatrix(phi, names), { maxTerms: options.maxTerms });
}

/** L_φ[v] = tr(cof(D²φ) D²v) = Σ_ij cof(D²φ)_ij ∂_i∂_j v (MATH §3.5), simplified. */
export function linearizedMongeAmpere(phi: Expr, v: Expr, vars: VariableList, options: SymbolicOptions = {}): Expr {
  checkExpr(phi, "phi");
  checkExpr(v, "v");
  const names = variableNames(vars);
  const C = cof(phi, names, options);
  const Hv = hessian(v, names);
  const terms: Expr[] = [];
  for (let i = 0; i < names.length; i++) for (let j = 0; j < names.length; j++) terms.push(mul(C.get(i, j), Hv[i]![j]!));
  const L = add(...terms);
  return options.raw ? L : simplify(L, { maxTerms: options.maxTerms });
}

/** The divergence form Σ_i ∂_i(Σ_j cof(D²φ)_ij ∂_j v) of L_φ[v] (MATH §3.5), simplified. */
export function linearizedMongeAmpereDivergence(phi: Expr, v: Expr, vars: VariableList, options: SymbolicOptions = {}): Expr {
  checkExpr(phi, "phi");
  checkExpr(v, "v");
  const names = variableNames(vars);
  const C = cof(phi, names, options);
  const dv = names.map((x) => diff(v, x));
  const terms = names.map((xi, i) => diff(add(...names.map((_, j) => mul(C.get(i, j), dv[j]!))), xi));
  const L = add(...terms);
  return options.raw ? L : simplify(L, { maxTerms: options.maxTerms });
}

/** The column divergences Σ_i ∂_i cof(D²φ)_ij, j = 1..n; each is identically zero (MATH §3.5). */
export function cofactorDivergence(phi: Expr, vars: VariableList, options: SymbolicOptions = {}): Expr[] {
  checkExpr(phi, "phi");
  const names = variableNames(vars);
  const C = cof(phi, names, options);
  return names.map((_, j) => simplify(add(...names.map((xi, i) => diff(C.get(i, j), xi))), { maxTerms: options.maxTerms }));
}

/**
 * The first variation d/dε det D²(φ + εv) at ε = 0, computed from the determinant of the perturbed
 * Hessian (an independent route to L_φ[v], by Jacobi's formula), simplified.
 */
export function mongeAmpereFirstVariation(phi: Expr, v: Expr, vars: VariableList, options: SymbolicOptions = {}): Expr {
  checkExpr(phi, "phi");
  checkExpr(v, "v");
  const names = variableNames(vars);
  const eps = sym(freshName("epsilon", [phi, v], names));
  const H = matAdd(hessianMatrix(phi, names), matScale(hessianMatrix(v, names), eps));
  const d = det(H, { maxTerms: options.maxTerms });
  const r = subs(diff(d, eps), { [(eps as { name: string }).name]: ZERO });
  return options.raw ? r : simplify(r, { maxTerms: options.maxTerms });
}

/** Compiled twin of {@link linearizedMongeAmpere}; inputs are `vars`, then parameters sorted. */
export function compileLinearizedMongeAmpere(phi: Expr, v: Expr, vars: VariableList, options: SymbolicOptions = {}): CompiledFunction {
  const names = variableNames(vars);
  const L = linearizedMongeAmpere(phi, v, names, options);
  return compile(L, compileInputs([L, phi, v], names));
}

/** Certificates of the identities of MATH §3.5 for one pair (φ, v). */
export interface LinearizationCertificates {
  /** tr(cof D²φ D²v) = Σ_ij ∂_i(cof_ij ∂_j v). */
  divergenceForm: Certificate;
  /** tr(cof D²φ D²v) = d/dε det D²(φ+εv)|₀. */
  firstVariation: Certificate;
  /** tr(cof D²φ D²v) = det D²φ · tr((D²φ)⁻¹ D²v). */
  inverseForm: Certificate;
  /** Σ_i ∂_i cof(D²φ)_ij = 0 for each column j. */
  cofactorDivergenceFree: Certificate[];
}

/**
 * Decides the linearisation identities of MATH §3.5 for the given φ and v with `verify` (exact
 * canonical forms where possible). A `refuted` certificate would be a bug in qgeom.
 */
export function verifyLinearization(phi: Expr, v: Expr, vars: VariableList, options: SymbolicOptions = {}): LinearizationCertificates {
  const names = variableNames(vars);
  const raw = { ...options, raw: true };
  const L = linearizedMongeAmpere(phi, v, names, raw);
  const Hphi = hessianMatrix(phi, names);
  const inv = inverse(Hphi, { maxTerms: options.maxTerms });
  const inverseForm = mul(mongeAmpere(phi, names, raw), trace(matMul(inv, matrix(hessian(v, names)))));
  const vopts = { maxTerms: options.maxTerms ?? 200_000 };
  return {
    divergenceForm: verify(L, linearizedMongeAmpereDivergence(phi, v, names, raw), vopts),
    firstVariation: verify(L, mongeAmpereFirstVariation(phi, v, names, raw), vopts),
    inverseForm: verify(L, inverseForm, vopts),
    cofactorDivergenceFree: cofactorDivergence(phi, names, options).map((c) => verify(c, ZERO, vopts)),
  };
}
