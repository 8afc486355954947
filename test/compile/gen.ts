// fast-check arbitraries for random expressions and points, and an a-priori rounding-error bound for
// positive rational expressions (derived from the Expr alone, independently of the compiler).
import fc from "fast-check";
import {
  type Expr, Rational, add, div, mul, num, pow, sym, exp, log, sqrt, fn, sub, neg,
} from "../../src/core/index.js";

export const VARS = ["x", "y", "z"] as const;
export const U = 2 ** -53; // unit roundoff

const smallPositive = fc.tuple(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 8 })).map(([p, q]) => num(Rational.of(p, q)));
const variable = fc.constantFrom(...VARS).map((v) => sym(v));

/**
 * Positive rational expressions in x, y, z with positive coefficients: sums, products, quotients and
 * integer powers. At positive points every intermediate value is positive, so floating-point
 * evaluation is well conditioned and relErrorBound applies.
 */
export function positiveRational(depth: number): fc.Arbitrary<Expr> {
  const leaf = fc.oneof(variable, variable, smallPositive);
  if (depth === 0) return leaf;
  const sub_ = positiveRational(depth - 1);
  return fc.oneof(
    { weight: 1, arbitrary: leaf },
    { weight: 2, arbitrary: fc.tuple(sub_, sub_).map(([a, b]) => add(a, b)) },
    { weight: 2, arbitrary: fc.tuple(sub_, sub_).map(([a, b]) => mul(a, b)) },
    { weight: 1, arbitrary: fc.tuple(sub_, sub_).map(([a, b]) => div(a, b)) },
    { weight: 1, arbitrary: fc.tuple(sub_, fc.integer({ min: -4, max: 6 }).filter((k) => k !== 0 && k !== 1)).map(([a, k]) => pow(a, num(k))) },
    { weight: 1, arbitrary: fc.tuple(sub_, sub_, sub_).map(([a, b, c]) => add(mul(a, b), mul(a, c), pow(b, num(2)))) },
  );
}

/** Positive dyadic rationals k/2^m in [1/256, 16] (exact doubles), one per variable. */
export const dyadicPoint = fc.tuple(
  ...VARS.map(() => fc.tuple(fc.integer({ min: 1, max: 256 }), fc.integer({ min: 4, max: 8 })).map(([k, m]) => k / 2 ** m)),
);

/**
 * A first-order bound on the relative rounding error of any evaluation of a positive rational
 * expression that rounds each sum, product, quotient and literal once and forms x^n by at most |n|-1
 * products (or one Math.pow): sums of positives keep the largest relative error of their terms plus
 * one u per addition; products add their factors' relative errors plus one u per operation
 * (coefficient and quotient included); x^n has n times the error of x plus (|n|-1)u, plus u for 1/x^n.
 */
export function relErrorBound(e: Expr): number {
  const memo = new Map<Expr, number>();
  const go = (x: Expr): number => {
    const hit = memo.get(x);
    if (hit !== undefined) return hit;
    let r: number;
    switch (x.kind) {
      case "num":
        r = Rational.fromDouble(x.value.toNumber()).equals(x.value) ? 0 : U;
        break;
      case "sym":
        r = 0;
        break;
      case "add":
        r = Math.max(...x.terms.map(go)) + (x.terms.length - 1) * U;
        break;
      case "mul":
        r = x.factors.reduce((s, f) => s + go(f), 0) + (x.factors.length + 2) * U;
        break;
      case "pow": {
        if (x.exp.kind !== "num" || !x.exp.value.isInteger()) throw new Error("relErrorBound: integer powers only");
        const n = Math.abs(x.exp.value.toInteger());
        r = n * go(x.base) + Math.max(n - 1, 2) * U + (x.exp.value.isNegative() ? U : 0);
        break;
      }
      default:
        throw new Error(`relErrorBound: unsupported node ${x.kind}`);
    }
    memo.set(x, r);
    return r;
  };
  return go(e);
}

// ---------------------------------------------------------------------------------------------
// Transcendental expressions: "pos" are positive wherever the variables are positive, "any" are real.

interface Sorted {
  pos: fc.Arbitrary<Expr>;
  any: fc.Arbitrary<Expr>;
}

/** A value in (1/2, 9/2) built from a (keeps special-function arguments moderate, even for constant a). */
function bounded(a: Expr): Expr {
  return add(num(Rational.of(1, 2)), mul(num(4), fn("sigmoid", a)));
}

function sorted(depth: number): Sorted {
  const posLeaf = fc.oneof(variable, smallPositive);
  if (depth === 0) return { pos: posLeaf, any: fc.oneof(posLeaf, variable.map(neg)) };
  const s = sorted(depth - 1);
  const pos = fc.oneof(
    posLeaf,
    fc.tuple(s.pos, s.pos).map(([a, b]) => add(a, b)),
    fc.tuple(s.pos, s.pos).map(([a, b]) => mul(a, b)),
    fc.tuple(s.pos, s.pos).map(([a, b]) => div(a, b)),
    fc.tuple(s.pos, fc.integer({ min: -3, max: 4 }).filter((k) => k !== 0)).map(([a, k]) => pow(a, num(k))),
    s.any.map((a) => exp(fn("sin", a))),
    s.pos.map(sqrt),
    s.pos.map((a) => pow(a, num(Rational.of(3, 2)))),
    s.any.map((a) => fn("softplus", a)),
    s.any.map((a) => fn("sigmoid", a)),
    fc.tuple(s.any, s.any).map(([a, b]) => add(exp(fn("atan", a)), exp(fn("tanh", b)))),
    s.any.map((a) => fn("gamma", bounded(a))),
    s.any.map((a) => fn("polygamma", num(1), bounded(a))),
  );
  const any = fc.oneof(
    pos,
    fc.tuple(s.any, s.any).map(([a, b]) => sub(a, b)),
    fc.tuple(s.any, s.pos).map(([a, b]) => mul(a, b)),
    s.pos.map(log),
    s.pos.map((a) => log(add(num(1), a))), // log1p
    s.any.map((a) => sub(exp(fn("atan", a)), num(1))), // expm1
    fc.tuple(s.any, s.any).map(([a, b]) => log(add(exp(a), exp(b), num(2)))), // log-sum-exp
    fc.tuple(s.any, s.any).map(([a, b]) => div(exp(a), add(exp(a), exp(b)))), // softmax
    s.any.map((a) => fn("sin", a)),
    s.any.map((a) => fn("atan", a)),
    s.any.map((a) => fn("lgamma", bounded(a))),
    s.any.map((a) => fn("digamma", bounded(a))),
    s.any.map((a) => fn("lmultigamma", add(bounded(a), num(1)), num(3))),
    s.any.map((a) => fn("multidigamma", add(bounded(a), num(1)), num(2))),
    s.any.map((a) => fn("abs", a)),
  );
  return { pos, any };
}

/** Real expressions with exp, log, powers, stable-form patterns and special functions. */
export function transcendental(depth: number): fc.Arbitrary<Expr> {
  return sorted(depth).any;
}

/** Any doubles (including NaN, ±Infinity, -0 and huge values), one per variable. */
export const anyDoublePoint = fc.tuple(...VARS.map(() => fc.oneof(fc.double(), fc.double({ min: -50, max: 50, noNaN: true }))));

/** Moderate positive doubles, one per variable. */
export const positivePoint = fc.tuple(...VARS.map(() => fc.double({ min: 0.05, max: 8, noNaN: true })));

