// fast-check arbitraries for random expressions (test-only).
import fc from "fast-check";
import { type Expr, add, mul, pow, num, sym, exp, log, fn, sub, div } from "../../src/core/index.js";

export const VARS = ["x", "y", "z"] as const;

/** Small exact rationals. */
export const rationalArb = fc
  .tuple(fc.integer({ min: -9, max: 9 }), fc.integer({ min: 1, max: 4 }))
  .map(([n, d]) => num(`${n}/${d}`));

/** The arms both expression grammars start with: rationals, the variables, sums and products. */
function ringArms(tie: (key: "e") => fc.Arbitrary<Expr>): fc.Arbitrary<Expr>[] {
  return [
    rationalArb,
    fc.constantFrom(...VARS).map((v) => sym(v)),
    fc.tuple(tie("e"), tie("e")).map(([a, b]) => add(a, b)),
    fc.tuple(tie("e"), tie("e")).map(([a, b]) => mul(a, b)),
  ];
}

/** Random polynomial expressions (sums, products, natural powers) in x, y, z. */
export const polyExprArb: fc.Arbitrary<Expr> = fc.letrec<{ e: Expr }>((tie) => ({
  e: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    ...ringArms(tie),
    fc.tuple(tie("e"), tie("e")).map(([a, b]) => sub(a, b)),
    fc.tuple(tie("e"), fc.integer({ min: 2, max: 3 })).map(([a, k]) => pow(a, num(k))),
  ),
})).e;

/** Random expressions with kernels, real-valued and smooth for x, y, z in [0.5, 2]. */
export const smoothExprArb: fc.Arbitrary<Expr> = fc.letrec<{ e: Expr }>((tie) => ({
  e: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    ...ringArms(tie),
    fc.tuple(tie("e"), fc.integer({ min: -2, max: 3 })).map(([a, k]) => pow(add(num(2), mul(a, a)), num(k))),
    tie("e").map((a) => exp(div(a, add(num(1), mul(a, a))))),
    tie("e").map((a) => log(add(num(1), mul(a, a)))),
    tie("e").map((a) => fn("sigmoid", a)),
    tie("e").map((a) => fn("softplus", a)),
    tie("e").map((a) => fn("gamma", add(num(2), div(mul(a, a), add(num(1), mul(a, a)))))),
    tie("e").map((a) => pow(add(num(1), mul(a, a)), num("1/2"))),
  ),
})).e;

/** A point with x, y, z in [0.5, 2]. */
export const pointArb = fc.record({
  x: fc.double({ min: 0.5, max: 2, noNaN: true }),
  y: fc.double({ min: 0.5, max: 2, noNaN: true }),
  z: fc.double({ min: 0.5, max: 2, noNaN: true }),
});

/** Relative closeness with an absolute floor. */
export function close(a: number, b: number, rel: number, abs = 0): boolean {
  return Math.abs(a - b) <= rel * Math.max(Math.abs(a), Math.abs(b)) + abs;
}
