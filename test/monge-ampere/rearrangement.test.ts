// One-dimensional monotone rearrangement T = G⁻¹∘F (MATH.md §3.2) and the quadrature it is checked with.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { exp, mul, num, sub, sym } from "../../src/core/index.js";
import { gaussianBrenierMap, integrate, monotoneRearrangement } from "../../src/monge-ampere/index.js";
import { qgeomError } from "../helpers/matrix.js";
import { normalCdf, normalPdf, normalSf, relErr } from "./helpers.js";

describe("monotone rearrangement", () => {
  it("Gaussian to Gaussian: T(x) = m₂ + (s₂/s₁)(x − m₁), the 1-D Brenier map A = s₂/s₁ (N, 1e-9)", () => {
    fc.assert(
      fc.property(fc.double({ min: -3, max: 3, noNaN: true }), fc.double({ min: 0.2, max: 3, noNaN: true }), fc.double({ min: -3, max: 3, noNaN: true }), fc.double({ min: 0.2, max: 3, noNaN: true }), fc.double({ min: -4, max: 4, noNaN: true }), (m1, s1, m2, s2, z) => {
        const T = monotoneRearrangement((t) => normalCdf(t, m1, s1), (t) => normalCdf(t, m2, s2), { sourceSf: (t) => normalSf(t, m1, s1), targetSf: (t) => normalSf(t, m2, s2) });
        const x = m1 + s1 * z;
        const g = gaussianBrenierMap([m1], [[s1 * s1]], [m2], [[s2 * s2]]);
        const expected = g.A.data[0]! * x + g.b[0]!;
        expect(Math.abs(T(x) - expected)).toBeLessThanOrEqual(1e-9 * (1 + Math.abs(expected)));
      }),
      { numRuns: 60 },
    );
  });
  it("solves the 1-D Monge–Ampère equation T'(x) = f(x)/g(T(x)) (FD, 1e-5): logistic to Laplace", () => {
    const F = (t: number): number => 1 / (1 + Math.exp(-t));
    const f = (t: number): number => F(t) * (1 - F(t));
    const G = (t: number): number => (t < 0 ? 0.5 * Math.exp(t) : 1 - 0.5 * Math.exp(-t));
    const g = (t: number): number => 0.5 * Math.exp(-Math.abs(t));
    const T = monotoneRearrangement(F, G);
    for (const x of [-4, -1, 0.3, 2.5]) {
      const h = 1e-5;
      const d = (T(x + h) - T(x - h)) / (2 * h);
      expect(relErr(d, f(x) / g(T(x)))).toBeLessThanOrEqual(1e-5);
    }
    expect(T(0)).toBeCloseTo(0, 14);
  });
  it("bounded target support and CDFs given as expressions: exponential to uniform is 1 − e^{−x}", () => {
    const x = sym("x");
    const T = monotoneRearrangement({ expr: sub(num(1), exp(mul(num(-1), x))), variable: "x" }, (y) => Math.min(Math.max(y, 0), 1), { targetSupport: [0, 1], probe: [0, 10] });
    for (const t of [0.01, 0.5, 3, 20]) expect(Math.abs(T(t) - (1 - Math.exp(-t)))).toBeLessThanOrEqual(2e-16 * 4);
    expect(T(0)).toBe(0);
    // the expression 1 − e^{−x} is not a CDF for x < 0: reported, not extrapolated
    expect(qgeomError(() => T(-1)).message).toMatch(/sourceCdf\(-1\) = -1.718\d* is not a probability/);
    const clamped = monotoneRearrangement((t) => (t <= 0 ? 0 : 1 - Math.exp(-t)), (y) => Math.min(Math.max(y, 0), 1), { targetSupport: [0, 1] });
    expect(clamped(-1)).toBe(0); // below the source support: the lower end of the target support
  });
  it("generalised inverse: a target with an atom and a gap", () => {
    // G: mass 1/2 uniform on [0, 1], an atom 1/4 at 2, mass 1/4 uniform on [3, 4]
    const G = (y: number): number => (y < 0 ? 0 : y < 1 ? y / 2 : y < 2 ? 0.5 : y < 3 ? 0.75 : y < 4 ? 0.75 + (y - 3) / 4 : 1);
    const T = monotoneRearrangement((t) => Math.min(Math.max(t, 0), 1), G, { targetSupport: [0, 4], probe: [-1, 5] });
    expect(T(0.3)).toBeCloseTo(0.6, 14);
    expect(T(0.6)).toBe(2); // inside the atom
    expect(T(0.7)).toBe(2);
    expect(T(0.9)).toBeCloseTo(3.6, 13);
  });
  it("the upper tail stays accurate with survival functions (Φ(x) rounds to 1 for x > 8.3)", () => {
    const T = monotoneRearrangement((t) => normalCdf(t), (t) => normalCdf(t, 1, 2), { sourceSf: (t) => normalSf(t), targetSf: (t) => normalSf(t, 1, 2) });
    expect(relErr(T(12), 1 + 2 * 12)).toBeLessThanOrEqual(1e-10);
    expect(relErr(T(-12), 1 - 2 * 12)).toBeLessThanOrEqual(1e-10);
    const noSf = monotoneRearrangement((t) => normalCdf(t), (t) => normalCdf(t, 1, 2));
    expect(qgeomError(() => noSf(40)).code).toBe("DOMAIN");
  });
  it("non-monotone or invalid CDFs are errors naming the points", () => {
    const e = qgeomError(() => monotoneRearrangement(normalCdfStd, (y) => Math.abs(Math.sin(y))));
    expect(e.code).toBe("DOMAIN");
    expect(e.message).toMatch(/targetCdf is not non-decreasing: targetCdf\(-?\d/);
    expect(qgeomError(() => monotoneRearrangement((t) => 1 - normalCdf(t), normalCdfStd)).message).toMatch(/sourceCdf is not non-decreasing/);
    expect(qgeomError(() => monotoneRearrangement((t) => 2 * normalCdf(t), normalCdfStd)).message).toMatch(/not a probability/);
    // a wiggle too small for the probe grid is caught during the search
    const wiggly = (y: number): number => normalCdf(y) + (Math.abs(y - 0.05) < 0.01 ? 0.02 * Math.sin(800 * y) : 0);
    const T = monotoneRearrangement(normalCdfStd, wiggly);
    expect(() => [-0.3, 0.4, 0.51, 0.52, 0.53, 0.515].forEach((u) => T(normalQuantileApprox(u)))).toThrow(/not monotone/);
    expect(qgeomError(() => monotoneRearrangement(normalCdfStd, normalCdfStd)(NaN)).code).toBe("INVALID_ARGUMENT");
  });
  it("map checks monotonicity of the output", () => {
    const T = monotoneRearrangement(normalCdfStd, normalCdfStd);
    const ys = T.map([-2, -1, 0, 1, 2]);
    expect(Array.from(ys).map((v) => Math.round(v * 1e10) / 1e10 + 0)).toEqual([-2, -1, 0, 1, 2]);
  });
});

function normalCdfStd(t: number): number {
  return normalCdf(t);
}

/** A rough normal quantile (for choosing test points only). */
function normalQuantileApprox(u: number): number {
  let lo = -10, hi = 10;
  for (let k = 0; k < 100; k++) {
    const m = (lo + hi) / 2;
    if (normalCdf(m) < u) lo = m;
    else hi = m;
  }
  return hi;
}

describe("adaptive Gauss–Kronrod quadrature", () => {
  it("integrates polynomials, Gaussians on infinite ranges and an integrable singularity", () => {
    expect(relErr(integrate((t) => t ** 22, 0, 1).value, 1 / 23)).toBeLessThanOrEqual(1e-14);
    expect(relErr(integrate((t) => normalPdf(t), -Infinity, Infinity).value, 1)).toBeLessThanOrEqual(1e-13);
    expect(relErr(integrate((t) => normalPdf(t), 1, Infinity).value, normalSf(1))).toBeLessThanOrEqual(1e-12);
    expect(relErr(integrate((t) => normalPdf(t), -Infinity, -2).value, normalCdf(-2))).toBeLessThanOrEqual(1e-12);
    expect(relErr(integrate((t) => 1 / Math.sqrt(t), 0, 1, { maxIntervals: 5000 }).value, 2)).toBeLessThanOrEqual(1e-9);
  });
  it("reports non-finite integrands and bad limits", () => {
    expect(qgeomError(() => integrate((t) => 1 / t, -1, 1)).code).toMatch(/NOT_FINITE|TIME_LIMIT/);
    expect(qgeomError(() => integrate((t) => t, 1, 0)).code).toBe("INVALID_ARGUMENT");
  });
});
