// Property tests of the core: ring axioms, derivatives against finite differences, value preservation of
// the rewritings, the mathjs round trip, and verify against exact evaluation. Tolerances are stated inline.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  add, mul, sub, num, sym, diff, expand, cancel, together, simplify, evaluate, evaluateExact, verify, toMathjs, Rational,
} from "../../src/core/index.js";
import { parse } from "../../src/interop/index.js";
import { close, pointArb, polyExprArb, smoothExprArb } from "../helpers/arbitraries.js";

const exactPoint = fc.record({
  x: fc.integer({ min: -50, max: 50 }).map((n) => Rational.of(n, 7)),
  y: fc.integer({ min: -50, max: 50 }).map((n) => Rational.of(n, 5)),
  z: fc.integer({ min: -50, max: 50 }).map((n) => Rational.of(n, 3)),
});
const envOf = (p: { x: Rational; y: Rational; z: Rational }) => new Map(Object.entries(p));

describe("ring axioms hold exactly at rational points", () => {
  it("commutativity, associativity, distributivity, identities", () => {
    fc.assert(
      fc.property(polyExprArb, polyExprArb, polyExprArb, exactPoint, (a, b, c, pt) => {
        const ev = (e: ReturnType<typeof add>) => evaluateExact(e, envOf(pt));
        expect(ev(add(a, b)).equals(ev(add(b, a)))).toBe(true);
        expect(ev(mul(a, b)).equals(ev(mul(b, a)))).toBe(true);
        expect(ev(add(add(a, b), c)).equals(ev(add(a, add(b, c))))).toBe(true);
        expect(ev(mul(mul(a, b), c)).equals(ev(mul(a, mul(b, c))))).toBe(true);
        expect(ev(mul(a, add(b, c))).equals(ev(add(mul(a, b), mul(a, c))))).toBe(true);
        expect(ev(sub(a, a)).isZero()).toBe(true);
        // construction itself must agree with the operations on values
        expect(ev(add(a, b)).equals(ev(a).add(ev(b)))).toBe(true);
        expect(ev(mul(a, b)).equals(ev(a).mul(ev(b)))).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});

describe("diff", () => {
  it("agrees with central finite differences (relative 1e-5, step 1e-6 scaled)", () => {
    fc.assert(
      fc.property(smoothExprArb, pointArb, fc.constantFrom("x", "y", "z"), (e, pt, v) => {
        const d = diff(e, v);
        const h = 1e-6 * Math.max(1, Math.abs(pt[v as "x"]));
        const f = (t: number) => evaluate(e, { ...pt, [v]: t });
        const fd = (f(pt[v as "x"] + h) - f(pt[v as "x"] - h)) / (2 * h);
        const exact = evaluate(d, pt);
        const scale = Math.max(1, Math.abs(f(pt[v as "x"])));
        expect(Math.abs(exact - fd)).toBeLessThanOrEqual(1e-5 * Math.max(Math.abs(exact), scale));
      }),
      { numRuns: 120 },
    );
  });
  it("applies the kernel chain rules", () => {
    const cases: Array<[string, string]> = [
      ["gamma(x)", "gamma(x)*digamma(x)"],
      ["softplus(x)", "sigmoid(x)"],
      ["sigmoid(x)", "sigmoid(x)*(1 - sigmoid(x))"],
      ["lgamma(x^2)", "2*x*digamma(x^2)"],
      ["digamma(x)", "polygamma(1, x)"],
      ["lmultigamma(x, 2)", "multidigamma(x, 2)"],
      ["x^y", "y*x^(y - 1)"],
      ["log(exp(x) + exp(y))", "exp(x)/(exp(x) + exp(y))"],
      ["f(x^2)", "2*x*Derivative(f(x^2), [1])"],
    ];
    for (const [f, d] of cases) {
      const got = diff(parse(f, { functions: ["f"] }), "x");
      const c = verify(got, parse(d, { functions: ["f"] }));
      expect(c.verdict, `${f}: ${toMathjs(got)}`).toBe("proved");
    }
  });
  it("refuses matrix notation with NO_DERIVATIVE_RULE", () => {
    expect(() => diff(parse("det(X)*x"), "x")).not.toThrow();
    expect(() => diff(parse("det(x)"), "x")).toThrow(/no derivative rule/);
  });
});

describe("rewritings preserve the value", () => {
  it("expand, together, cancel, simplify (relative 1e-9)", () => {
    fc.assert(
      fc.property(smoothExprArb, pointArb, (e, pt) => {
        const v = evaluate(e, pt);
        fc.pre(Math.abs(v) < 1e8);
        for (const t of [expand(e), together(e), cancel(e), simplify(e)]) {
          let w: number;
          try {
            w = evaluate(t, pt);
          } catch {
            // an equivalent form may overflow where e does not (e.g. sigmoid(u) = e^u/(1+e^u) at large u)
            fc.pre(false);
            return;
          }
          expect(close(w, v, 1e-9, 1e-12)).toBe(true);
        }
      }),
      { numRuns: 80 },
    );
  });
  it("expand and cancel are exact on polynomials", () => {
    fc.assert(
      fc.property(polyExprArb, exactPoint, (e, pt) => {
        const v = evaluateExact(e, envOf(pt));
        expect(evaluateExact(expand(e), envOf(pt)).equals(v)).toBe(true);
        expect(evaluateExact(cancel(e), envOf(pt)).equals(v)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});

describe("mathjs syntax round trip", () => {
  it("parse(toString(e)) === e", () => {
    fc.assert(
      fc.property(fc.oneof(polyExprArb, smoothExprArb), (e) => {
        expect(parse(toMathjs(e))).toBe(e);
      }),
      { numRuns: 200 },
    );
  });
});

describe("verify agrees with exact evaluation", () => {
  it("proves expanded identities and refutes perturbations with a true counterexample", () => {
    fc.assert(
      fc.property(polyExprArb, fc.integer({ min: 1, max: 5 }), fc.constantFrom("x", "y", "z"), (e, k, v) => {
        const ex = expand(e);
        const c = verify(e, ex);
        expect(c.verdict).toBe("proved");
        // perturb by a non-zero polynomial: must be refuted, and the counterexample must be genuine
        const bad = add(ex, mul(num(k), sym(v)));
        const r = verify(e, bad, { vars: ["x", "y", "z"] });
        expect(r.verdict).toBe("refuted");
        if (r.verdict === "refuted") {
          const pt = new Map(Object.entries(r.counterexample.point).map(([n, s]) => [n, Rational.parse(s)!]));
          expect(evaluateExact(e, pt).equals(evaluateExact(bad, pt))).toBe(false);
        }
      }),
      { numRuns: 60 },
    );
  });
  it("probabilistic method states a Schwartz–Zippel bound and agrees", () => {
    fc.assert(
      fc.property(polyExprArb, (e) => {
        const c = verify(e, expand(e), { method: "probabilistic" });
        expect(c.verdict).toBe("proved");
        if (c.verdict === "proved" && c.method === "probabilistic") expect(c.errorBound).toBeLessThan(1e-20);
        const r = verify(e, add(expand(e), num(1)), { method: "probabilistic" });
        expect(r.verdict).toBe("refuted");
      }),
      { numRuns: 40 },
    );
  });
});
