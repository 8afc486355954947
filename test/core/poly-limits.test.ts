// Exponents are stored in 16-bit code units: constructors refuse what would wrap around instead of
// silently building a different polynomial.
import { describe, expect, it } from "vitest";
import { Poly } from "../../src/core/poly.js";
import { Rational } from "../../src/core/rational.js";

describe("Poly exponent limits", () => {
  it("builds monomials up to the limit and refuses larger, negative or fractional exponents", () => {
    expect(Poly.variable(2, 1, 65520).degreeIn(1)).toBe(65520);
    expect(() => Poly.variable(2, 0, 65536)).toThrow(/exponent 65536 is not an integer in 0\.\.65520/);
    expect(() => Poly.monomial(2, [1, 70000], Rational.ONE)).toThrow(/exponent 70000/);
    expect(() => Poly.monomial(2, [-1, 0], Rational.ONE)).toThrow(/exponent -1/);
    expect(() => Poly.monomial(2, [0.5, 0], Rational.ONE)).toThrow(/exponent 0.5/);
  });
  it("checks the variable index and the number of exponents", () => {
    expect(() => Poly.variable(2, 2)).toThrow(/variable index 2 is outside 0\.\.1/);
    expect(() => Poly.monomial(3, [1, 2], Rational.ONE)).toThrow(/2 exponents for 3 variables/);
  });
});
