// The multivariate gamma and digamma functions (MATH §1.8), numeric and symbolic.
//   Γ_p(a) = π^{p(p−1)/4} Π_{j=1}^p Γ(a − (j−1)/2)          (a > (p−1)/2)
//   ψ_p(a) = d/da log Γ_p(a) = Σ_{j=1}^p ψ(a − (j−1)/2)
//   Γ̃_p(a) = π^{p(p−1)/2} Π_{j=1}^p Γ(a − j + 1)            (a > p − 1, complex case)
// Argument order everywhere: value first, dimension second (scipy multigammaln(a, p), sympy multigamma(a, p)).
import { type Expr, QgeomError, Rational, add, fn, gamma, digamma, lgamma, log, mul, num, pow, PI, special } from "../core/index.js";
import { checkDimension, excerpt } from "./validate.js";

function checkA(a: unknown, p: number, min: number, fnName: string): number {
  if (typeof a !== "number" || !Number.isFinite(a))
    throw new QgeomError("INVALID_ARGUMENT", `${fnName}(a, p): a must be a finite number, got ${excerpt(a)}; pass a finite real a`);
  if (!(a > min))
    throw new QgeomError("DOMAIN", `${fnName}(a, p): a = ${a} is outside the domain a > ${min} for p = ${p} (MATH §1.8); pass a larger a`);
  return a;
}

/** log Γ_p(a) for a > (p−1)/2 (= `scipy.special.multigammaln(a, p)`; MATH §1.8). */
export function multigammaln(a: number, p: number): number {
  checkDimension(p, "p");
  checkA(a, p, (p - 1) / 2, "multigammaln");
  return special.multigammalnFn(a, p);
}

/** ψ_p(a) = Σ_{j=1}^p ψ(a − (j−1)/2) for a > (p−1)/2 (MATH §1.8). */
export function multidigamma(a: number, p: number): number {
  checkDimension(p, "p");
  checkA(a, p, (p - 1) / 2, "multidigamma");
  return special.multidigammaFn(a, p);
}

/** log Γ̃_p(a) = p(p−1)/2 log π + Σ_{j=1}^p log Γ(a − j + 1) for a > p − 1 (complex multivariate gamma, MATH §1.8). */
export function cmultigammaln(a: number, p: number): number {
  checkDimension(p, "p");
  checkA(a, p, p - 1, "cmultigammaln");
  return special.cmultigammalnFn(a, p);
}

/** ψ̃_p(a) = d/da log Γ̃_p(a) = Σ_{j=1}^p ψ(a − j + 1) for a > p − 1. */
export function cmultidigamma(a: number, p: number): number {
  checkDimension(p, "p");
  checkA(a, p, p - 1, "cmultidigamma");
  let s = 0;
  for (let j = 1; j <= p; j++) s += special.digammaFn(a - j + 1);
  return s;
}

const asExpr = (a: Expr | number): Expr => (typeof a === "number" ? num(a) : a);

/** The kernel Γ_p(a) as an expression (core kernel `multigamma(a, p)`; Γ_1 = Γ). */
export function multigammaExpr(a: Expr | number, p: number): Expr {
  return fn("multigamma", asExpr(a), num(checkDimension(p, "p")));
}

/** The kernel log Γ_p(a) (core `lmultigamma(a, p)`). */
export function lmultigammaExpr(a: Expr | number, p: number): Expr {
  return fn("lmultigamma", asExpr(a), num(checkDimension(p, "p")));
}

/** The kernel ψ_p(a) (core `multidigamma(a, p)`). */
export function multidigammaExpr(a: Expr | number, p: number): Expr {
  return fn("multidigamma", asExpr(a), num(checkDimension(p, "p")));
}

/** The kernel Γ̃_p(a) (core `cmultigamma(a, p)`). */
export function cmultigammaExpr(a: Expr | number, p: number): Expr {
  return fn("cmultigamma", asExpr(a), num(checkDimension(p, "p")));
}

/** The kernel log Γ̃_p(a) (core `lcmultigamma(a, p)`). */
export function lcmultigammaExpr(a: Expr | number, p: number): Expr {
  return fn("lcmultigamma", asExpr(a), num(checkDimension(p, "p")));
}

/**
 * The defining product of a multivariate gamma kernel written out (MATH §1.8):
 * `multigamma` → π^{p(p−1)/4} Π Γ(a − (j−1)/2), `lmultigamma` → its log as a sum,
 * `multidigamma` → Σ ψ(a − (j−1)/2), `cmultigamma` → π^{p(p−1)/2} Π Γ(a − j + 1), `lcmultigamma` → its log.
 */
export function multigammaProduct(kernel: "multigamma" | "lmultigamma" | "multidigamma" | "cmultigamma" | "lcmultigamma", a: Expr | number, p: number): Expr {
  checkDimension(p, "p");
  const x = asExpr(a);
  const complex = kernel === "cmultigamma" || kernel === "lcmultigamma";
  const shifts = Array.from({ length: p }, (_, j) => add(x, num(complex ? -j : Rational.of(-j, 2))));
  const piPower = num(Rational.of(p * (p - 1), complex ? 2 : 4));
  switch (kernel) {
    case "multigamma":
    case "cmultigamma":
      return mul(pow(PI, piPower), ...shifts.map(gamma));
    case "lmultigamma":
    case "lcmultigamma":
      return add(mul(piPower, log(PI)), ...shifts.map(lgamma));
    case "multidigamma":
      return add(...shifts.map(digamma));
    default:
      throw new QgeomError("INVALID_ARGUMENT", `multigammaProduct: unknown kernel ${excerpt(kernel)}; use one of the multigamma kernel names`);
  }
}
