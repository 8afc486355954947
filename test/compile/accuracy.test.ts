// Compiled values against exact rational evaluation (positive rational expressions, a-priori error
// bound) and against float evaluation with its running error bound (transcendental expressions).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Expr, Rational, evaluateExact, evaluateWithError } from "../../src/core/index.js";
import { compile } from "../../src/compile/index.js";
import { U, VARS, dyadicPoint, positivePoint, positiveRational, relErrorBound, transcendental } from "./gen.js";

function run1(e: Expr, point: readonly number[], mode: "function" | "closure" = "function"): number {
  const f = compile(e, [...VARS], { mode });
  const out = new Float64Array(1);
  f(Float64Array.from(point), out);
  return out[0]!;
}

describe("compiled rational expressions equal exact evaluation within the rounding bound", () => {
  it("random positive rational expressions at dyadic points", () => {
    let worstUlps = 0;
    fc.assert(
      fc.property(positiveRational(3), dyadicPoint, (e, pt) => {
        const exact = evaluateExact(e, new Map(VARS.map((v, k) => [v, Rational.fromDouble(pt[k]!)])));
        const exactNum = exact.toNumber();
        fc.pre(Number.isFinite(exactNum) && Math.abs(exactNum) > 1e-290 && Math.abs(exactNum) < 1e290);
        const got = run1(e, pt);
        expect(Number.isFinite(got)).toBe(true);
        const rel = Math.abs(Rational.fromDouble(got).sub(exact).div(exact).toNumber());
        const bound = relErrorBound(e) * 1.05 + 4 * U;
        worstUlps = Math.max(worstUlps, rel / U);
        expect(rel).toBeLessThanOrEqual(bound);
      }),
      { numRuns: 300 },
    );
    // the bound is not vacuous: typical errors are a few units of roundoff
    expect(worstUlps).toBeLessThan(64);
  });
});

describe("compiled transcendental expressions agree with evaluateWithError", () => {
  it("within twice the running error bound plus 8u", () => {
    fc.assert(
      fc.property(transcendental(3), positivePoint, (e, pt) => {
        const env = Object.fromEntries(VARS.map((v, k) => [v, pt[k]!]));
        const { value, error } = evaluateWithError(e, env);
        fc.pre(Number.isFinite(value) && Number.isFinite(error) && Math.abs(value) < 1e300);
        const got = run1(e, pt);
        expect(Math.abs(got - value)).toBeLessThanOrEqual(2 * error + 8 * U * Math.abs(value) + 1e-300);
      }),
      { numRuns: 300 },
    );
  });
});
