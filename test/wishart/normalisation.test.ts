// V13 and V16 normalisation: ∫ det S^{a−(p+1)/2} e^{−tr S} du = Γ_p(a) (real) and ∫ det S^{a−p} e^{−tr S} du
// = Γ̃_p(a) (complex) for p = 1, 2 by quadrature over the Cholesky parametrisation (N, 1e-8), the
// numeric densities integrate to 1 for non-diagonal scales, and the complex p = 1 density is the
// Gamma(n, σ²) density exactly (E).
import { describe, expect, it } from "vitest";
import { exp, gamma, log, mul, num, pow, sym, verify } from "../../src/core/index.js";
import * as W from "../../src/wishart/index.js";

describe("Γ_p(a) and Γ̃_p(a) by quadrature (tolerance 1e-8 relative)", () => {
  it("real p = 1, 2, a from 0.6 to 12", () => {
    for (const p of [1, 2])
      for (const a of [0.6, 1.3, 3.7, 12]) {
        const r = W.gammaNormalisation(p, a, p === 2 ? { offStep: 0.6, offHalfWidth: 6.5 } : {});
        expect(r.relativeError, `p = ${p}, a = ${a}`).toBeLessThan(1e-8);
      }
  });
  it("complex p = 1, 2", () => {
    for (const a of [1.3, 4.2]) expect(W.gammaNormalisation(1, a, { field: "complex" }).relativeError).toBeLessThan(1e-8);
    for (const a of [1.4, 5.5]) {
      const r = W.gammaNormalisation(2, a, { field: "complex", offStep: 0.6, offHalfWidth: 6.5 });
      expect(r.relativeError, `a = ${a}`).toBeLessThan(1e-8);
    }
  });
  it("the quadrature detects a wrong constant: Γ_2 with π^{1/2} dropped is off by far more than 1e-8", () => {
    const r = W.gammaNormalisation(2, 2.5);
    expect(Math.abs(r.integral / (r.expected / Math.sqrt(Math.PI)) - 1)).toBeGreaterThan(0.5);
  });
});

describe("the numeric densities have mass 1 (non-diagonal scales)", () => {
  it("real W_2(n, Σ)", () => {
    const Sg = [[2, 0.7], [0.7, 1]];
    for (const df of [4, 9.5]) expect(W.densityMass(df, Sg).relativeError, `df = ${df}`).toBeLessThan(1e-8);
    expect(W.densityMass(3.25, [[1.5]]).relativeError).toBeLessThan(1e-8);
  });
  it("complex CW_2(n, Σ) with a complex off-diagonal scale", () => {
    const H = { re: [[2, 0.3], [0.3, 1]], im: [[0, 0.5], [-0.5, 0]] };
    expect(W.densityMass(4.5, H, { field: "complex", offStep: 0.6, offHalfWidth: 6.5 }).relativeError).toBeLessThan(1e-8);
  });
});

describe("complex p = 1 (V16, exact)", () => {
  it("CW_1(n, σ²) has the Gamma(shape n, scale σ²) density", () => {
    const d = W.complexWishartDensity(1);
    const x = sym("S11"), n = sym("n"), s = sym("Sigma11");
    const gammaDensity = mul(pow(x, num(-1)), pow(x, n), exp(mul(num(-1), x, pow(s, num(-1)))), pow(s, mul(num(-1), n)), pow(gamma(n), num(-1)));
    expect(verify(d.density, gammaDensity, { domain: [] }).verdict).toBe("proved");
    expect(verify(d.logDensity, log(gammaDensity)).verdict).not.toBe("refuted");
  });
});
