// gaussianLogDensityExpr (MATH.md §1.6): the exact log-density for rational or symbolic Σ. Its compiled
// value agrees with the numeric twin gaussianLogDensity (N, 1e-12 relative), it is exact where the
// float-entry gaussianDensityExpr is not, and bad input is named.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Rational, add, evaluate, log, mul, num, pow, sub, subs, sym, symmetricMatrixSymbols, verify } from "../../src/core/index.js";
import { gaussianLogDensity, gaussianLogDensityExpr } from "../../src/monge-ampere/index.js";
import { qgeomError } from "../helpers/matrix.js";
import { relErr } from "./helpers.js";

const q = (a: number, b = 1) => num(Rational.of(a, b));

describe("gaussianLogDensityExpr", () => {
  it("agrees with the numeric log-density at random dyadic SPD Σ = GGᵀ/4 + I, means and points (N, 1e-12)", () => {
    const small = fc.integer({ min: -3, max: 3 });
    fc.assert(
      fc.property(fc.array(small, { minLength: 9, maxLength: 9 }), fc.array(small, { minLength: 6, maxLength: 6 }), (g, v) => {
        const S = [0, 1, 2].map((i) => [0, 1, 2].map((j) => [0, 1, 2].reduce((t, k) => t + g[3 * i + k]! * g[3 * j + k]!, 0) / 4 + (i === j ? 1 : 0)));
        const m = v.slice(0, 3).map((t) => t / 4), x = v.slice(3).map((t) => t / 2);
        const e = gaussianLogDensityExpr(m, S, ["x1", "x2", "x3"]);
        expect(relErr(evaluate(e, { x1: x[0]!, x2: x[1]!, x3: x[2]! }), gaussianLogDensity(m, S, x))).toBeLessThanOrEqual(1e-12);
      }),
      { numRuns: 30 },
    );
  });
  it("is exact at rational Σ: log N(x; 0, Σ) − log N(x; 0, I) is the exact quadratic plus −½ log det Σ", () => {
    const S = [[q(2), q(1, 3)], [q(1, 3), q(1, 2)]]; // det Σ = 1 − 1/9 = 8/9
    const e = gaussianLogDensityExpr([0, 0], S, ["x", "y"]);
    const I = gaussianLogDensityExpr([0, 0], [[1, 0], [0, 1]], ["x", "y"]);
    const at0 = subs(sub(e, I), { x: 0, y: 0 });
    // −½ log(8/9) = log 3 − (3/2) log 2, exactly
    const c = verify(at0, sub(log(num(3)), mul(q(3, 2), log(num(2)))));
    expect(c.verdict === "proved" && c.method).toBe("exact");
    expect(verify(at0, sub(log(num(3)), log(num(2)))).verdict).toBe("refuted");
    // the quadratic part: Σ⁻¹ = (9/8)[[1/2, −1/3], [−1/3, 2]]
    const quad = sub(sub(e, I), at0);
    const expected = add(mul(q(-9, 16), add(mul(q(1, 2), pow(sym("x"), num(2))), mul(q(-2, 3), sym("x"), sym("y")), mul(num(2), pow(sym("y"), num(2))))), mul(q(1, 2), add(pow(sym("x"), num(2)), pow(sym("y"), num(2)))));
    expect(verify(quad, expected).verdict).toBe("proved");
  });
  it("works for a symbolic Σ (exact in the entries)", () => {
    const K = symmetricMatrixSymbols("s", 2);
    const e = gaussianLogDensityExpr([sym("m1"), sym("m2")], K.toArray(), ["x1", "x2"]);
    const point = { s11: 2, s12: 0.5, s22: 1, m1: 0.25, m2: -1, x1: 1, x2: 0.5 };
    expect(relErr(evaluate(e, point), gaussianLogDensity([0.25, -1], [[2, 0.5], [0.5, 1]], [1, 0.5]))).toBeLessThanOrEqual(1e-13);
  });
  it("names bad input", () => {
    expect(qgeomError(() => gaussianLogDensityExpr([0], [[1, 0], [0, 1]], ["x", "y"])).code).toBe("SHAPE");
    expect(qgeomError(() => gaussianLogDensityExpr([0, 0], [[1, 2], [0, 1]], ["x", "y"])).code).toBe("NOT_SYMMETRIC");
    expect(qgeomError(() => gaussianLogDensityExpr([0, 0], [[1, 2], [2, 1]], ["x", "y"])).code).toBe("NOT_POSITIVE_DEFINITE");
    expect(qgeomError(() => gaussianLogDensityExpr([0, NaN], [[1, 0], [0, 1]], ["x", "y"])).code).toBe("NOT_FINITE");
  });
});
