// Moment measures (MATH.md §3.8, V11): the Gaussian case exactly, and for non-quadratic convex F in 1-D
// the barycentre ∫F' dρ = 0 and the Monge–Ampère identity e^{−F}/Z = g_ν(F') F'' by change of variables.
import { describe, expect, it } from "vitest";
import { add, div, exp, log, mul, num, pow, softplus, sym } from "../../src/core/index.js";
import { matmul } from "../../src/linalg/index.js";
import { gaussianMomentMeasure, integrate, momentMeasure1D, verifyGaussianMomentMeasure } from "../../src/monge-ampere/index.js";
import { qgeomError } from "../helpers/matrix.js";
import { matRelErr, relErr } from "./helpers.js";

const x = sym("x");

describe("Gaussian case F = ½xᵀKx: ρ = N(0, K⁻¹), ν = N(0, K) (E)", () => {
  it("e^{−F}/Z = g_ν(∇F) det D²F, exactly, for rational K in d = 1, 2, 3", () => {
    for (const K of [[[3]], [[2, 1], [1, 3]], [[4, 1, 0], [1, 3, num("1/2")], [0, num("1/2"), 2]]] as const) {
      const vars = ["x1", "x2", "x3"].slice(0, K.length);
      expect(verifyGaussianMomentMeasure(K as never, vars).verdict).toBe("proved");
    }
  });
  it("with symbolic K = [[a, b], [b, c]] on the domain a > 0, ac − b² > 0: exactly, through the log form", () => {
    const c = verifyGaussianMomentMeasure([[sym("a"), sym("b")], [sym("b"), sym("c")]], ["x", "y"]);
    expect(c.verdict).toBe("proved");
    expect(c.verdict === "proved" && c.method).toBe("exact");
    expect(c.verdict === "proved" && c.detail).toMatch(/log form/);
  });
  it("with a symbolic symmetric 3 x 3 K, exactly", () => {
    const k = (i: number, j: number) => sym(`k${Math.min(i, j)}${Math.max(i, j)}`);
    const K = [1, 2, 3].map((i) => [1, 2, 3].map((j) => k(i, j)));
    const c = verifyGaussianMomentMeasure(K, ["x1", "x2", "x3"]);
    expect(c.verdict === "proved" && c.method).toBe("exact");
  });
  it("the log form does not prove a false instance: a non-symmetric K (D²F = sym K ≠ K) is not proved", () => {
    const c = verifyGaussianMomentMeasure([[sym("a"), sym("b")], [sym("c"), sym("e")]], ["x", "y"]);
    expect(c.verdict).not.toBe("proved");
  });
  it("the target is N(0, K), not N(0, K⁻¹) (nor the data law): numeric 1-D check with K = 3", () => {
    const F = mul(num("3/2"), pow(x, num(2)));
    const m = momentMeasure1D(F, "x");
    const nu = m.targetDensityAtImage(0.7); // g_ν at y = 2.1
    expect(relErr(nu, Math.exp(-(2.1 ** 2) / 6) / Math.sqrt(6 * Math.PI))).toBeLessThanOrEqual(1e-10); // N(0, 3)
    expect(relErr(nu, Math.exp(-1.5 * 2.1 ** 2) / Math.sqrt((2 * Math.PI) / 3))).toBeGreaterThan(0.5); // not N(0, 1/3)
    expect(relErr(m.Z, Math.sqrt((2 * Math.PI) / 3))).toBeLessThanOrEqual(1e-12);
  });
  it("numeric covariances", () => {
    const g = gaussianMomentMeasure([[2, 1], [1, 3]]);
    expect(matRelErr(matmul(g.sourceCovariance, g.targetCovariance).data, [1, 0, 0, 1])).toBeLessThanOrEqual(1e-14);
    expect(relErr(g.logZ, Math.log(2 * Math.PI) - 0.5 * Math.log(5))).toBeLessThanOrEqual(1e-14);
  });
});

describe("non-quadratic convex F in 1-D (N)", () => {
  const potentials = [
    ["x²/2 + softplus(2x − 1)", add(div(pow(x, num(2)), num(2)), softplus(add(mul(num(2), x), num(-1))))],
    ["x⁴/4 + x/3", add(div(pow(x, num(4)), num(4)), div(x, num(3)))],
    ["log cosh x + x²/8 + e^{x/2}", add(log(add(exp(x), exp(mul(num(-1), x)))), div(pow(x, num(2)), num(8)), exp(div(x, num(2))))],
  ] as const;
  for (const [name, F] of potentials)
    it(name, () => {
      const m = momentMeasure1D(F, "x");
      // barycentre of ν is 0 relative to E|F'|
      expect(Math.abs(m.barycentre)).toBeLessThanOrEqual(1e-10 * m.absoluteFirstMoment);
      // ρ is normalised
      expect(relErr(integrate(m.sourceDensity, -Infinity, Infinity).value, 1)).toBeLessThanOrEqual(1e-11);
      // MA identity: g_ν(F'(x)) = ρ(x)/F''(x), with g_ν from the ν-CDF by central differences in y
      for (const t of [-1.3, -0.2, 0.4, 1.7]) {
        const h = 1e-4;
        // ν((−∞, F'(s)]) = ρ((−∞, s]); differentiate in y = F'(s) along s
        const s1 = t - h, s2 = t + h;
        const dy = m.gradient(s2) - m.gradient(s1);
        const g = (m.targetCdfAtImage(s2) - m.targetCdfAtImage(s1)) / dy;
        expect(relErr(g, m.targetDensityAtImage(t))).toBeLessThanOrEqual(1e-5);
      }
      // and ν-mass of [F'(a), F'(b)] by quadrature of g_ν in y equals ρ([a, b])
      const a = -0.8, b = 1.1;
      const mass = integrate(m.sourceDensity, a, b).value;
      const viaG = integrate((s) => m.targetDensityAtImage(s) * (m.gradient(s + 1e-6) - m.gradient(s - 1e-6)) / 2e-6, a, b, { relTol: 1e-9 }).value;
      expect(relErr(viaG, mass)).toBeLessThanOrEqual(1e-6);
    });
  it("a non-coercive F is a DOMAIN error; F'' = 0 is SINGULAR", () => {
    expect(qgeomError(() => momentMeasure1D(x, "x")).code).toBe("DOMAIN");
    // a concave free energy (Bernoulli RBM, MATH §2.2): e^{−F} ≥ e^{v/2} is not integrable
    const concave = mul(num(-1), add(mul(num("1/2"), x), softplus(add(num(-1), mul(num(2), x))), softplus(mul(num(-3), x))));
    const e = qgeomError(() => momentMeasure1D(concave, "x"));
    expect(e.code).toBe("DOMAIN");
    expect(e.message).toMatch(/not coercive/);
    // coercive but not convex: accepted (the density is refused only where F'' <= 0)
    expect(momentMeasure1D(add(mul(num("1/4"), pow(x, num(4))), mul(num(-1), pow(x, num(2)))), "x").Z).toBeGreaterThan(0);
    const m = momentMeasure1D(div(pow(x, num(4)), num(4)), "x");
    expect(qgeomError(() => m.targetDensityAtImage(0)).code).toBe("SINGULAR");
  });
});
