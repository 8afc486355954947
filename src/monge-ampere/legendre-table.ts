// Closed-form Legendre pairs g ↔ g* of convex functions of one variable (MATH.md §3.4), each with the
// inverse of its derivative (g*)' = (g')⁻¹ and the open domains on which the closed forms hold.
// legendre.ts reduces potentials to c·g(λx + μ) + βx + γ with c > 0 and uses
//   (c·g(λ· + μ) + β· + γ)*(y) = c·g*(z) − μ(y − β)/λ − γ,   z = (y − β)/(cλ).
import { type Constraint, type Expr, type Rational, ONE, abs, add, div, exp, fn, log, mul, neg, num, pow, sqrt, sub } from "../core/index.js";

/** One closed-form pair. */
export interface LegendrePair {
  /** Short name, e.g. "exp ↔ z log z − z". */
  readonly name: string;
  /** g(u). */
  g(u: Expr): Expr;
  /** g*(z). */
  conj(z: Expr): Expr;
  /** (g*)'(z) = (g')⁻¹(z). */
  dconj(z: Expr): Expr;
  /** Where the closed form of g holds (constraints on u); empty for all of ℝ. */
  domain(u: Expr): Constraint[];
  /** The interior of dom g* = the image of g' (constraints on z). */
  dualDomain(z: Expr): Constraint[];
  /** Points where g'' = 0 (D²φ singular, e.g. u = 0 for u⁴), as constraints u ≠ 0. */
  regular(u: Expr): Constraint[];
}

const gt = (expr: Expr): Constraint => ({ expr, op: ">" });
const ne = (expr: Expr): Constraint => ({ expr, op: "!=" });
const none = (): Constraint[] => [];

/** e^u ↔ z log z − z (z > 0). */
export const EXP: LegendrePair = {
  name: "exp(u) <-> z*log(z) - z",
  g: (u) => exp(u),
  conj: (z) => sub(mul(z, log(z)), z),
  dconj: (z) => log(z),
  domain: none,
  dualDomain: (z) => [gt(z)],
  regular: none,
};

/** u log u (u > 0) ↔ e^{z−1}. (u log u − u ↔ e^z follows with β = −1.) */
export const XLOGX: LegendrePair = {
  name: "u*log(u) <-> exp(z - 1)",
  g: (u) => mul(u, log(u)),
  conj: (z) => exp(sub(z, ONE)),
  dconj: (z) => exp(sub(z, ONE)),
  domain: (u) => [gt(u)],
  dualDomain: none,
  regular: none,
};

/** −log u (u > 0) ↔ −1 − log(−z) (z < 0). */
export const NEGLOG: LegendrePair = {
  name: "-log(u) <-> -1 - log(-z)",
  g: (u) => neg(log(u)),
  conj: (z) => sub(num(-1), log(neg(z))),
  dconj: (z) => div(num(-1), z),
  domain: (u) => [gt(u)],
  dualDomain: (z) => [gt(neg(z))],
  regular: none,
};

/** Binary negative entropy u log u + (1−u) log(1−u) (0 < u < 1) ↔ softplus z = log(1 + e^z). */
export const BINARY_ENTROPY: LegendrePair = {
  name: "u*log(u) + (1-u)*log(1-u) <-> softplus(z)",
  g: (u) => add(mul(u, log(u)), mul(sub(ONE, u), log(sub(ONE, u)))),
  conj: (z) => fn("softplus", z),
  dconj: (z) => fn("sigmoid", z),
  domain: (u) => [gt(u), gt(sub(ONE, u))],
  dualDomain: none,
  regular: none,
};

/** softplus u = log(1 + e^u) ↔ z log z + (1−z) log(1−z) (0 < z < 1). */
export const SOFTPLUS: LegendrePair = {
  name: "softplus(u) <-> z*log(z) + (1-z)*log(1-z)",
  g: (u) => fn("softplus", u),
  conj: (z) => add(mul(z, log(z)), mul(sub(ONE, z), log(sub(ONE, z)))),
  dconj: (z) => sub(log(z), log(sub(ONE, z))),
  domain: none,
  dualDomain: (z) => [gt(z), gt(sub(ONE, z))],
  regular: none,
};

/** √(1 + u²) ↔ −√(1 − z²) (|z| < 1). */
export const SQRT_ONE_PLUS_SQUARE: LegendrePair = {
  name: "sqrt(1 + u^2) <-> -sqrt(1 - z^2)",
  g: (u) => sqrt(add(ONE, pow(u, num(2)))),
  conj: (z) => neg(sqrt(sub(ONE, pow(z, num(2))))),
  dconj: (z) => div(z, sqrt(sub(ONE, pow(z, num(2))))),
  domain: none,
  dualDomain: (z) => [gt(sub(ONE, pow(z, num(2))))],
  regular: none,
};

/** −√(1 − u²) (|u| < 1) ↔ √(1 + z²). */
export const NEG_SQRT_ONE_MINUS_SQUARE: LegendrePair = {
  name: "-sqrt(1 - u^2) <-> sqrt(1 + z^2)",
  g: (u) => neg(sqrt(sub(ONE, pow(u, num(2))))),
  conj: (z) => sqrt(add(ONE, pow(z, num(2)))),
  dconj: (z) => div(z, sqrt(add(ONE, pow(z, num(2))))),
  domain: (u) => [gt(sub(ONE, pow(u, num(2))))],
  dualDomain: none,
  regular: none,
};

/** log cosh u ↔ z atanh z + ½ log(1 − z²) (|z| < 1). */
export const LOG_COSH: LegendrePair = {
  name: "log(cosh(u)) <-> z*atanh(z) + log(1 - z^2)/2",
  g: (u) => log(fn("cosh", u)),
  conj: (z) => add(mul(z, fn("atanh", z)), mul(num("1/2"), log(sub(ONE, pow(z, num(2)))))),
  dconj: (z) => fn("atanh", z),
  domain: none,
  dualDomain: (z) => [gt(sub(ONE, pow(z, num(2))))],
  regular: none,
};

/** u² ↔ z²/4. */
export const SQUARE: LegendrePair = {
  name: "u^2 <-> z^2/4",
  g: (u) => pow(u, num(2)),
  conj: (z) => mul(num("1/4"), pow(z, num(2))),
  dconj: (z) => mul(num("1/2"), z),
  domain: none,
  dualDomain: none,
  regular: none,
};

/**
 * s·u^p on u > 0 for rational p ∉ {0, 1}, with s = +1 for p > 1 or p < 0 and s = −1 for 0 < p < 1
 * (so that it is convex) ↔ s(p−1)(z/(sp))^{p/(p−1)} on z/(sp) > 0.
 */
export function powerPair(p: Rational): LegendrePair {
  const P = num(p);
  const pv = p.toNumber();
  const s = pv > 1 || pv < 0 ? 1 : -1;
  const S = num(s);
  const sp = mul(S, P);
  const q = div(P, sub(P, ONE)); // p/(p−1)
  const r = div(ONE, sub(P, ONE)); // 1/(p−1)
  return {
    name: `${s < 0 ? "-" : ""}u^(${p.toString()}) <-> ${s < 0 ? "-" : ""}(p-1)*(z/(${s < 0 ? "-" : ""}p))^(p/(p-1))`,
    g: (u) => mul(S, pow(u, P)),
    conj: (z) => mul(S, sub(P, ONE), pow(div(z, sp), q)),
    dconj: (z) => pow(div(z, sp), r),
    domain: (u) => [gt(u)],
    dualDomain: (z) => [gt(div(z, sp))],
    regular: none,
  };
}

/** u^{2k} (k ≥ 2) ↔ (2k−1)(|z|/(2k))^{2k/(2k−1)}; g'' vanishes at u = 0. */
export function evenPowerPair(n: number): LegendrePair {
  const N = num(n);
  const q = div(N, sub(N, ONE));
  const r = div(ONE, sub(N, ONE));
  return {
    name: `u^${n} <-> ${n - 1}*(|z|/${n})^(${n}/${n - 1})`,
    g: (u) => pow(u, N),
    conj: (z) => mul(sub(N, ONE), pow(div(abs(z), N), q)),
    dconj: (z) => mul(fn("sign", z), pow(div(abs(z), N), r)),
    domain: none,
    dualDomain: none,
    regular: (u) => [ne(u)],
  };
}

/** The one-variable pairs in the order the recogniser documents them. */
export const LEGENDRE_PAIRS: readonly LegendrePair[] = [
  EXP,
  XLOGX,
  NEGLOG,
  BINARY_ENTROPY,
  SOFTPLUS,
  SQRT_ONE_PLUS_SQUARE,
  NEG_SQRT_ONE_MINUS_SQUARE,
  LOG_COSH,
  SQUARE,
];
