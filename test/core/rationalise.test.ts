// Radicals in denominators: verify's exact zero test with quadratic atoms (√b, i), and the rationalised
// denominators of together/cancel. References: test/fixtures/core/make_rationalise.py (SymPy 1.14).
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type Expr, Algebra, HALF, I, add, cancel, div, evaluate, evaluateComplex, mul, num, postOrder, pow, sqrt, sub, sym, together, toMathjs, verify,
} from "../../src/core/index.js";
import { parse } from "../../src/interop/index.js";

const fixture = JSON.parse(readFileSync(new URL("../fixtures/core/rationalise.json", import.meta.url), "utf8")) as {
  identities: Array<{ lhs: string; rhs: string }>;
  radsimp: Array<{ expr: string; sympy: string }>;
  expansions: Array<{ expr: string; sympy: string }>;
};

/** True if some denominator (a negative power) of e contains a square root of a non-symbol or i. */
function radicalInDenominator(e: Expr): boolean {
  const quadratic = (x: Expr): boolean =>
    postOrder([x]).some((y) => (y.kind === "const" && y.name === "i") || (y.kind === "pow" && y.base.kind !== "sym" && y.exp.kind === "num" && y.exp.value.den === 2n));
  return postOrder([e]).some((y) => y.kind === "pow" && y.exp.kind === "num" && y.exp.value.isNegative() && quadratic(y.base));
}

const X = sym("x");
const Y = sym("y");

describe("verify: identities with radicals in denominators are proved exactly", () => {
  it("the three identities of the issue", () => {
    for (const [l, r] of [
      ["1/(1 + sqrt(2))", "sqrt(2) - 1"],
      ["1/(x + i)", "(x - i)/(x^2 + 1)"],
      ["1/(sqrt(2)*x + 1) + 1/(1 - sqrt(2)*x)", "2/(1 - 2*x^2)"],
    ] as const) {
      expect(verify(parse(l), parse(r), { method: "exact" })).toMatchObject({ verdict: "proved", method: "exact" });
      expect(verify(parse(l), parse(r))).toMatchObject({ verdict: "proved", method: "exact" });
    }
  });

  it("SymPy-confirmed identities (fixture)", () => {
    // sqrt(6) is built as sqrt(2)*sqrt(3) (square-free radicands split into primes), so no atom is dependent
    for (const { lhs, rhs } of fixture.identities) expect(verify(parse(lhs), parse(rhs)), `${lhs} = ${rhs}`).toMatchObject({ verdict: "proved", method: "exact" });
  });

  it("nested radicals are reduced until no atom has degree ≥ 2 (SymPy expansions)", () => {
    for (const { expr, sympy } of fixture.expansions)
      expect(verify(parse(expr), parse(sympy), { method: "exact" }), expr).toMatchObject({ verdict: "proved", method: "exact" });
  });

  it("a false identity with radicals is not proved", () => {
    const c = verify(parse("1/(1 + sqrt(2))"), parse("sqrt(2) - 1 + 1/1000"));
    expect(c.verdict).toBe("refuted");
    expect(verify(parse("1/(x + i)"), parse("(x - i)/(x^2 + 1) + 1/1000")).verdict).toBe("unknown");
  });
});

describe("together/cancel rationalise quadratic radicals in denominators (SymPy radsimp)", () => {
  it("prints the rationalised forms", () => {
    expect(toMathjs(together(parse("1/(1 + sqrt(2))")))).toBe("sqrt(2) - 1");
    expect(toMathjs(together(parse("1/(x + i)")))).toBe("(x - i)/(x^2 + 1)");
    expect(toMathjs(cancel(parse("1/(sqrt(2)*x + 1) + 1/(1 - sqrt(2)*x)")))).toBe("-2/(2*x^2 - 1)");
  });

  it("agrees with SymPy's radsimp (fixture)", () => {
    for (const { expr, sympy } of fixture.radsimp) {
      const t = together(parse(expr));
      expect(radicalInDenominator(t), `${expr} -> ${toMathjs(t)}`).toBe(false);
      expect(verify(t, parse(sympy), { method: "exact" }), `${toMathjs(t)} vs ${sympy}`).toMatchObject({ verdict: "proved", method: "exact" });
    }
  });

  it("is the identity (same object) when no quadratic atom is in a denominator; cube roots stay", () => {
    for (const s of ["(x^2 - 1)/(x*y + 1)", "(x + sqrt(2))/(x - 1)", "exp(x)/(1 + exp(x))", "1/(1 + 2^(1/3))", "1/(1 + sqrt(x))"]) {
      const e = parse(s);
      const A = new Algebra([e]);
      const r = A.toRatFunc(e);
      expect(A.rationalise(r), s).toBe(r);
    }
    expect(toMathjs(together(parse("1/(1 + 2^(1/3))")))).toBe("(2^(1/3) + 1)^(-1)");
  });
});

describe("dependent radicals are never used to prove falsely", () => {
  it("sqrt(8) and 2*sqrt(2)", () => {
    const s8 = pow(num(8), HALF);
    expect(verify(div(num(1), add(s8, num(1))), parse("(2*sqrt(2) - 1)/7"), { method: "exact" }).verdict).toBe("proved");
    expect(verify(div(num(1), add(s8, num(1))), parse("(2*sqrt(2) - 1)/7 + 1/100")).verdict).not.toBe("proved");
    // the canonical form resolves the dependency: sqrt(8) is built as 2*sqrt(2)
    expect(sub(s8, mul(num(2), sqrt(num(2))))).toBe(num(0));
  });

  it("sqrt(x^2) and x; sqrt(x^2 + 2x + 1) and x + 1 (a radical of a square)", () => {
    expect(verify(parse("1/(sqrt(x^2) + 1)"), parse("1/(x + 1)")).verdict).toBe("refuted");
    expect(verify(parse("sqrt(x^2 + 2*x + 1)"), parse("x + 1")).verdict).toBe("refuted");
    const e = parse("1/(sqrt(x^2 + 2*x + 1) + 1)");
    expect(verify(e, parse("1/(x + 2)")).verdict).toBe("refuted"); // false for x < -1
    const t = together(e);
    for (const x of [-3, -1.5, 0.5, 2]) expect(evaluate(t, { x })).toBeCloseTo(evaluate(e, { x }), 12);
    // the norm (x + 1)^2 - (x^2 + 2x + 1) reduces to 0: guard (1) keeps this factor as it is
    const z = parse("1/(sqrt(x^2 + 2*x + 1) + x + 1)");
    expect(together(z)).toBe(z);
  });

  it("sqrt(x*y) and sqrt(x)*sqrt(y): the conjugate vanishes for x, y > 0, the factor is kept", () => {
    const e = parse("1/(sqrt(x*y) + sqrt(x)*sqrt(y))");
    const t = together(e);
    expect(evaluate(t, { x: 2.5, y: 1.5 })).toBeCloseTo(evaluate(e, { x: 2.5, y: 1.5 }), 12);
    expect(verify(e, parse("1/(2*sqrt(x*y)) + 1/100"), { domain: [] }).verdict).not.toBe("proved");
  });

  it("sqrt(log(x^2)) and sqrt(2)*sqrt(log(x)): reduced norm non-zero but vanishing for x > 0, guard (2) keeps the factor", () => {
    const e = parse("1/(sqrt(log(x^2)) + sqrt(2)*sqrt(log(x)))");
    const t = together(e);
    for (const x of [1.5, 2.5, 7]) expect(evaluate(t, { x })).toBeCloseTo(evaluate(e, { x }), 12);
    expect(verify(e, parse("1/(2*sqrt(2)*sqrt(log(x))) + 1/100")).verdict).not.toBe("proved");
  });
});

describe("random identities with sqrt(2), sqrt(3), i and rational functions of x, y", () => {
  const small = fc.integer({ min: -4, max: 4 });
  /** A random polynomial of degree ≤ 2 in x, y with coefficients a + b·t (t = sqrt(2), sqrt(3), i or 1). */
  const poly = (t: Expr): fc.Arbitrary<Expr> =>
    fc.array(fc.tuple(small, small), { minLength: 6, maxLength: 6 }).map((cs) => {
      const monos = [num(1), X, Y, mul(X, Y), pow(X, num(2)), pow(Y, num(2))];
      return add(...cs.map(([a, b], k) => mul(add(num(a), mul(num(b), t)), monos[k]!)));
    });
  const RADICALS: Array<{ s: Expr; square: number }> = [
    { s: sqrt(num(2)), square: 2 },
    { s: sqrt(num(3)), square: 3 },
    { s: I, square: -1 },
  ];
  /** lhs = P/(A + B·s) + Q/C and rhs = P·(A − B·s)/(A² − s²B²) + Q/C: true, since s² is known. */
  const identity = fc
    .record({ k: fc.integer({ min: 0, max: 2 }), other: fc.integer({ min: 0, max: 2 }), useOther: fc.boolean() })
    .chain(({ k, other, useOther }) => {
      const { s, square } = RADICALS[k]!;
      const t = useOther && other !== k ? RADICALS[other]!.s : num(0);
      return fc
        .record({ P: poly(t), A: poly(t), B: poly(num(0)), Q: poly(num(0)), C: poly(num(0)), delta: fc.integer({ min: 1, max: 50 }) })
        .filter(({ B, C }) => !(B.kind === "num" && B.value.isZero()) && !(C.kind === "num" && C.value.isZero()))
        .map(({ P, A, B, Q, C, delta }) => {
          const lhs = add(div(P, add(A, mul(B, s))), div(Q, C));
          const rhs = add(div(mul(P, sub(A, mul(B, s))), sub(pow(A, num(2)), mul(num(square), pow(B, num(2))))), div(Q, C));
          return { lhs, rhs, delta: num(`1/${delta}`) };
        });
    });

  it("true ones are proved exactly, their rationalised forms agree numerically", () => {
    fc.assert(
      fc.property(identity, ({ lhs, rhs }) => {
        const c = verify(lhs, rhs, { method: "exact" });
        expect(c, `${toMathjs(lhs)} = ${toMathjs(rhs)}`).toMatchObject({ verdict: "proved", method: "exact" });
        // an independent check: complex float64 values at a point (x, y) = (0.37, -1.21)
        const env = { x: 0.37, y: -1.21 };
        const t = together(lhs);
        expect(radicalInDenominator(t), toMathjs(t)).toBe(false);
        const [a, b] = [evaluateComplex(lhs, env), evaluateComplex(t, env)];
        const scale = Math.max(1, Math.hypot(a[0], a[1]));
        expect(Math.hypot(a[0] - b[0], a[1] - b[1]) / scale).toBeLessThan(1e-8);
      }),
      { numRuns: 60 },
    );
  });

  it("false ones (perturbed by a small rational) are never proved", () => {
    fc.assert(
      fc.property(identity, ({ lhs, rhs, delta }) => {
        const wrong = add(rhs, delta);
        expect(verify(lhs, wrong, { method: "exact" }).verdict).not.toBe("proved");
        expect(["refuted", "unknown"]).toContain(verify(lhs, wrong).verdict);
      }),
      { numRuns: 60 },
    );
  });
});
