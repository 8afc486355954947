// Random expressions for the LaTeX property tests: every kernel, matrix notation, opaque functions and
// derivatives, names of every shape the name rule knows (Greek, subscripts, verbatim), built with the
// smart constructors (so canonical). Constructions that the core rejects (log 0, poles) fall back to x.
import fc from "fast-check";
import {
  type Expr, add, sub, mul, div, neg, pow, fn, fnDerivative, num, sym, exp, log, Rational, PI, I, EULER_GAMMA, type Fn,
} from "../../src/index.js";

const SCALAR_NAMES = [
  "x", "y", "z", "a", "b", "n", "p", "T", "x1", "x12", "x1_2", "S12", "S1_12", "Sigma1", "rho_t", "alpha", "beta2", "df",
  "w_ij", "T_eff", "gamma1", "x_12", "gamma", "Gamma", "Gamma3", "psi", "F", "f", "phi", "theta_max", "e1", "i1", "pi1", "ell", "sigma_x1",
];
const MATRIX_NAMES = ["A", "B", "Sigma", "S", "W", "Sigma2"];
const UNARY = ["exp", "log", "gamma", "lgamma", "digamma", "softplus", "sigmoid", "abs", "sign", "sin", "cos", "tan", "atan", "sinh", "cosh", "tanh", "atanh", "conj", "re", "im"];
const MULTI = ["multigamma", "lmultigamma", "multidigamma", "cmultigamma", "lcmultigamma"];

/** Applies a construction, falling back to the symbol x where the core rejects it (poles, log 0, sizes). */
function safe(build: () => Expr): Expr {
  try {
    return build();
  } catch {
    return sym("x");
  }
}

const leaf: fc.Arbitrary<Expr> = fc.oneof(
  fc.integer({ min: -5, max: 12 }).map((k) => num(k)),
  fc.tuple(fc.integer({ min: -7, max: 7 }), fc.integer({ min: 2, max: 6 })).map(([a, b]) => num(Rational.of(a, b))),
  fc.constantFrom(...SCALAR_NAMES).map((s) => sym(s)),
  fc.constantFrom(PI, I, EULER_GAMMA),
);

const exponent: fc.Arbitrary<Expr> = fc.oneof(
  fc.constantFrom(2, 3, -1, -2).map((k) => num(k)),
  fc.constantFrom(Rational.of(1, 2), Rational.of(-1, 2), Rational.of(1, 3), Rational.of(3, 2), Rational.of(-5, 2)).map((r) => num(r)),
  fc.constantFrom("n", "y", "T").map((s) => sym(s)),
  fc.constantFrom("n", "p").map((s) => mul(num(Rational.of(-1, 2)), sym(s))),
  fc.constantFrom("n", "p").map((s) => add(mul(num(Rational.of(1, 2)), sym(s)), num(-2))),
);

/** Matrix-valued expressions (arguments of det, tr, inv, transpose, matmul). */
const matrixExpr = (scalar: fc.Arbitrary<Expr>): fc.Arbitrary<Expr> => {
  const m0 = fc.constantFrom(...MATRIX_NAMES).map((s) => sym(s));
  const m1 = fc.oneof(
    m0,
    m0.map((m) => fn("inv", m)),
    m0.map((m) => fn("transpose", m)),
    fc.tuple(m0, m0).map(([a, b]) => add(a, b)),
    fc.tuple(m0, m0).map(([a, b]) => sub(sym("I"), fn("matmul", a, fn("transpose", b)))),
    fc.tuple(fc.integer({ min: 2, max: 4 }), m0).map(([k, m]) => mul(num(k), m)),
    fc.tuple(scalar, m0).map(([s, m]) => safe(() => mul(s, m))),
  );
  return fc.oneof(
    m1,
    fc.tuple(m1, m1).map(([a, b]) => fn("matmul", a, b)),
    fc.tuple(m1, m1, m1).map(([a, b, c]) => fn("matmul", a, b, c)),
    m1.map((m) => fn("inv", m)),
    m1.map((m) => fn("transpose", m)),
  );
};

/** Random canonical expressions of bounded depth; the top is always a compound node. */
export const exprArb: fc.Arbitrary<Expr> = fc.letrec<{ e: Expr; top: Expr }>((tie) => ({
  e: fc.oneof({ depthSize: "medium", maxDepth: 4, withCrossShrink: true }, leaf, node(() => tie("e") as fc.Arbitrary<Expr>)),
  top: node(() => tie("e") as fc.Arbitrary<Expr>),
})).top;

function node(sub0: () => fc.Arbitrary<Expr>): fc.Arbitrary<Expr> {
  const s = fc.constant(null).chain(() => sub0());
  return fc.oneof(
    fc.tuple(s, s).map(([a, b]) => add(a, b)),
    fc.tuple(s, s, s).map(([a, b, c]) => add(a, b, c)),
    fc.tuple(s, s).map(([a, b]) => sub(a, b)),
    fc.tuple(s, s).map(([a, b]) => mul(a, b)),
    fc.tuple(s, s, s).map(([a, b, c]) => mul(a, b, c)),
    fc.tuple(s, s).map(([a, b]) => safe(() => div(a, b))),
    s.map((a) => neg(a)),
    fc.tuple(s, exponent).map(([a, k]) => safe(() => pow(a, k))),
    fc.tuple(s, s).map(([a, b]) => safe(() => pow(a, b))),
    fc.tuple(fc.constantFrom(...UNARY), s).map(([f, a]) => safe(() => fn(f, a))),
    fc.tuple(fc.integer({ min: 1, max: 3 }), s).map(([k, a]) => safe(() => fn("polygamma", num(k), a))),
    fc.tuple(fc.constantFrom(...MULTI), fc.integer({ min: 2, max: 4 }), s).map(([f, p, a]) => safe(() => fn(f, a, num(p)))),
    s.map((a) => safe(() => exp(a))),
    s.map((a) => safe(() => log(a))),
    fc.tuple(fc.constantFrom("det", "tr"), matrixExpr(s)).map(([f, m]) => fn(f, m)),
    fc.tuple(matrixExpr(s), s).map(([m, x]) => safe(() => mul(x, fn("tr", m)))),
    fc.tuple(fc.constantFrom("x", "m"), fc.constantFrom(...MATRIX_NAMES)).map(([v, m]) =>
      fn("matmul", fn("transpose", sub(sym("x"), sym(v === "x" ? "m" : "mu"))), fn("inv", sym(m)), sub(sym("x"), sym("m"))),
    ),
    fc.tuple(fc.constantFrom("f", "F", "phi", "g1", "relu", "my_fn", "u"), s).map(([f, a]) => fn(f, a)),
    fc.tuple(s, s).map(([a, b]) => fn("g", a, b)),
    fc.tuple(fc.constantFrom("f", "relu"), s, fc.integer({ min: 1, max: 4 })).map(([f, a, k]) => fnDerivative(fn(f, a) as Fn, [k])),
    fc.tuple(s, s, fc.integer({ min: 0, max: 2 }), fc.integer({ min: 1, max: 2 })).map(([a, b, i, j]) => fnDerivative(fn("h", a, b) as Fn, [i, j])),
  );
}
