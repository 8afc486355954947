// Symbolic entropy and relative entropy of Wishart laws (MATH §4.3, §4.4) in matrix notation (any p):
//   H = (p+1)/2 log det Σ + p(p+1)/2 log 2 + log Γ_p(n/2) − (n−p−1)/2 ψ_p(n/2) + np/2   (du; ds adds p(p−1)/4 log 2)
//   KL = (n₁−n₂)/2 ψ_p(n₁/2) + log Γ_p(n₂/2) − log Γ_p(n₁/2) + n₁/2 (tr(Σ₂⁻¹Σ₁) − p) − n₂/2 log det(Σ₂⁻¹Σ₁)
//   KL(N(0,Σ₁) ‖ N(0,Σ₂)) = ½ (tr(Σ₂⁻¹Σ₁) − p − log det(Σ₂⁻¹Σ₁))
// With n₁ = n₂ = n the ψ_p and log Γ_p terms cancel on construction, so KL reduces to n · (Gaussian KL)
// as an exact identity of expressions (V13).
import { type Expr, Rational, add, fn, isValidIdentifier, log, mul, neg, num, sym } from "../core/index.js";
import { QgeomError } from "../core/index.js";
import { lmultigammaExpr, multidigammaExpr } from "./gamma.js";
import type { Coordinates } from "./logpdf.js";
import { checkDimension, excerpt } from "./validate.js";

/** Options of the symbolic entropy and KL expressions. */
export interface SymbolicInformationOptions {
  /** Degrees of freedom (default symbols n, or n1 and n2 for KL). */
  df?: Expr | string | number;
  /** Degrees of freedom n₂ of the second law in klDivergenceExpr (default the symbol n2). */
  df2?: Expr | string | number;
  /** Scale matrix symbol names (default Sigma, or Sigma1 and Sigma2 for KL). */
  scale?: string;
  /** Scale symbol Σ₂ of the second law in klDivergenceExpr and gaussianKlExpr (default Sigma2). */
  scale2?: string;
  /** Reference measure for the entropy (MATH §1.3). */
  coordinates?: Coordinates;
}

function asExpr(x: Expr | string | number | undefined, dflt: string, what: string): Expr {
  if (x === undefined) return sym(dflt);
  if (typeof x === "number") return num(x);
  if (typeof x === "string") {
    if (!isValidIdentifier(x)) throw new QgeomError("INVALID_ARGUMENT", `${what} must be a valid symbol name, got ${excerpt(x)}; pass e.g. "n"`);
    return sym(x);
  }
  return x;
}

function matrixSym(name: string | undefined, dflt: string, what: string): Expr {
  const n = name ?? dflt;
  if (!isValidIdentifier(n)) throw new QgeomError("INVALID_ARGUMENT", `${what} must be a valid symbol name, got ${excerpt(n)}; pass e.g. "n"`);
  return sym(n);
}

/** The entropy of W_p(n, Σ) (MATH §4.3) as an expression in matrix notation. */
export function entropyExpr(p: number, options: SymbolicInformationOptions = {}): Expr {
  checkDimension(p, "p");
  const n = asExpr(options.df, "n", "df");
  const S = matrixSym(options.scale, "Sigma", "scale");
  const halfN = mul(num(Rational.HALF), n);
  const c = options.coordinates;
  if (c !== undefined && c !== "u" && c !== "s") throw new QgeomError("INVALID_ARGUMENT", `coordinates must be "u" or "s", got ${excerpt(c)}; pass "u" or "s"`);
  return add(
    mul(num(Rational.of(p + 1, 2)), log(fn("det", S))),
    mul(num(Rational.of(p * (p + 1), 2)), log(num(2))),
    lmultigammaExpr(halfN, p),
    neg(mul(num(Rational.HALF), add(n, num(-p - 1)), multidigammaExpr(halfN, p))),
    mul(num(Rational.of(p, 2)), n),
    c === "s" ? mul(num(Rational.of(p * (p - 1), 4)), log(num(2))) : num(0),
  );
}

/** KL(W_p(n₁, Σ₁) ‖ W_p(n₂, Σ₂)) (MATH §4.4) as an expression in matrix notation. */
export function klDivergenceExpr(p: number, options: SymbolicInformationOptions = {}): Expr {
  checkDimension(p, "p");
  const n1 = asExpr(options.df, "n1", "df"), n2 = asExpr(options.df2, "n2", "df2");
  const S1 = matrixSym(options.scale, "Sigma1", "scale"), S2 = matrixSym(options.scale2, "Sigma2", "scale2");
  const ratio = fn("matmul", fn("inv", S2), S1);
  return add(
    mul(num(Rational.HALF), add(n1, neg(n2)), multidigammaExpr(mul(num(Rational.HALF), n1), p)),
    lmultigammaExpr(mul(num(Rational.HALF), n2), p),
    neg(lmultigammaExpr(mul(num(Rational.HALF), n1), p)),
    mul(num(Rational.HALF), n1, add(fn("tr", ratio), num(-p))),
    neg(mul(num(Rational.HALF), n2, log(fn("det", ratio)))),
  );
}

/** KL(N(0, Σ₁) ‖ N(0, Σ₂)) = ½(tr(Σ₂⁻¹Σ₁) − p − log det(Σ₂⁻¹Σ₁)) in matrix notation. */
export function gaussianKlExpr(p: number, options: SymbolicInformationOptions = {}): Expr {
  checkDimension(p, "p");
  const S1 = matrixSym(options.scale, "Sigma1", "scale"), S2 = matrixSym(options.scale2, "Sigma2", "scale2");
  const ratio = fn("matmul", fn("inv", S2), S1);
  return mul(num(Rational.HALF), add(fn("tr", ratio), num(-p), neg(log(fn("det", ratio)))));
}
