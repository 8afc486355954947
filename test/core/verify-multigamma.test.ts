// verify with multivariate-gamma kernels: the atom table must see the radicals of π that the kernel's
// expansion π^{p(p−1)/4} Π Γ(a − (j−1)/2) brings in (regression: Γ_3(a) = π Γ(a) Γ_2(a − 1/2) threw
// "3/2 is not an integer" because π^{3/2} appeared only after expansion).
import { describe, expect, it } from "vitest";
import { PI, Rational, add, fn, gamma, mul, num, pow, sym, verify } from "../../src/core/index.js";

const a = sym("a");
const mg = (x: ReturnType<typeof sym> | ReturnType<typeof add>, p: number) => fn("multigamma", x, num(p));
const recursion = (p: number, piPower: Rational) => verify(mg(a, p), mul(pow(PI, num(piPower)), gamma(a), mg(add(a, num(Rational.of(-1, 2))), p - 1)));

describe("verify with multigamma kernels", () => {
  it("proves Γ_p(a) = π^{(p−1)/2} Γ(a) Γ_{p−1}(a − 1/2) exactly for p = 2..6", () => {
    for (let p = 2; p <= 6; p++) {
      const c = recursion(p, Rational.of(p - 1, 2));
      expect(c.verdict === "proved" && c.method).toBe("exact");
    }
  });
  it("does not prove a wrong power of π (p = 3, π^{1/2} instead of π)", () => {
    expect(recursion(3, Rational.of(1, 2)).verdict).not.toBe("proved");
  });
  it("the complex kernel: Γ̃_p(a) = π^{p−1} Γ(a) Γ̃_{p−1}(a − 1)", () => {
    for (let p = 2; p <= 4; p++) {
      const c = verify(fn("cmultigamma", a, num(p)), mul(pow(PI, num(p - 1)), gamma(a), fn("cmultigamma", add(a, num(-1)), num(p - 1))));
      expect(c.verdict === "proved" && c.method).toBe("exact");
    }
  });
});
