// Symbolic densities held to their numeric twins (ARCHITECTURE "symbolic and numeric twins"): the
// compiled log-density (log det through LDLᵀ, spd: [S, Σ]) equals logpdf at random SPD pairs, for the
// real (p = 1..4), complex (p = 1..3) and inverse (p = 1..3) laws; the multivariate gamma kernels; the
// KL reduction (V13, exact); matrix notation for any p. Tolerance: N, relative 1e-10 (of max(1, |value|)).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PI, Rational, add, evaluate, expand, gamma, mul, num, pow, subs, sym, toMathjs, verify } from "../../src/core/index.js";
import { compile } from "../../src/compile/index.js";
import { type CMatrix, type Matrix } from "../../src/linalg/index.js";
import { hpdMatrix, spdMatrix } from "../../src/testing/index.js";
import * as W from "../../src/wishart/index.js";

const TOL = 1e-10;
const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(1, Math.abs(b));

function vechValues(M: Matrix): number[] {
  const p = M.rows, out: number[] = [];
  for (let i = 0; i < p; i++) for (let j = i; j < p; j++) out.push(M.data[i * p + j]!);
  return out;
}
function hermValues(M: CMatrix): number[] {
  const p = M.rows, out: number[] = [];
  for (let i = 0; i < p; i++)
    for (let j = i; j < p; j++) {
      if (i === j) out.push(M.re[i * p + i]!);
      else out.push(M.re[i * p + j]!, M.im[i * p + j]!);
    }
  return out;
}

describe("compiled symbolic log-density = numeric logpdf", () => {
  for (const p of [1, 2, 3, 4]) {
    it(`real Wishart, p = ${p} (spd: [S, Σ], df an input)`, () => {
      const d = W.wishartDensity(p);
      expect(d.inputs.at(-1)).toBe("n");
      const f = compile(d.logDensity, d.inputs, { spd: d.spd });
      const fd = compile(d.density, d.inputs, { spd: d.spd });
      const out = new Float64Array(1);
      fc.assert(
        fc.property(spdMatrix({ n: p }), spdMatrix({ n: p }), fc.double({ min: 0.05, max: 30, noNaN: true }), (S, Sg, excess) => {
          const df = p - 1 + excess;
          const x = Float64Array.from([...vechValues(S), ...vechValues(Sg), df]);
          f(x, out);
          const ref = W.logpdf(S, df, Sg);
          expect(rel(out[0]!, ref)).toBeLessThan(TOL);
          fd(x, out);
          expect(Math.abs(out[0]! - Math.exp(ref))).toBeLessThanOrEqual(1e-9 * Math.exp(ref) + 1e-300);
        }),
        { numRuns: 40 },
      );
    });
  }
  for (const p of [1, 2, 3]) {
    it(`complex Wishart, p = ${p} (Hermitian entries S_ij_re, S_ij_im)`, () => {
      const d = W.complexWishartDensity(p);
      const f = compile(d.logDensity, d.inputs);
      const out = new Float64Array(1);
      fc.assert(
        fc.property(hpdMatrix({ n: p }), hpdMatrix({ n: p }), fc.double({ min: 0.05, max: 20, noNaN: true }), (S, Sg, excess) => {
          const df = p - 1 + excess;
          f(Float64Array.from([...hermValues(S), ...hermValues(Sg), df]), out);
          expect(rel(out[0]!, W.complexLogpdf(S, df, Sg))).toBeLessThan(1e-9);
        }),
        { numRuns: 30 },
      );
    });
    it(`inverse Wishart, p = ${p}`, () => {
      const d = W.inverseWishartDensity(p);
      const f = compile(d.logDensity, d.inputs, { spd: d.spd });
      const out = new Float64Array(1);
      fc.assert(
        fc.property(spdMatrix({ n: p }), spdMatrix({ n: p }), fc.double({ min: 0.05, max: 30, noNaN: true }), (X, Psi, excess) => {
          const df = p - 1 + excess;
          f(Float64Array.from([...vechValues(X), ...vechValues(Psi), df]), out);
          expect(rel(out[0]!, W.inverseLogpdf(X, df, Psi))).toBeLessThan(TOL);
        }),
        { numRuns: 30 },
      );
    });
  }
  it("compiledLogDensity packages the same evaluators (real, complex, inverse) and gives NaN outside the cone", () => {
    const out = new Float64Array(1);
    const r = W.compiledLogDensity(2);
    r.fn(Float64Array.from([2, 0.5, 1, 1, 0.2, 2, 5]), out);
    expect(rel(out[0]!, W.logpdf([[2, 0.5], [0.5, 1]], 5, [[1, 0.2], [0.2, 2]]))).toBeLessThan(TOL);
    r.fn(Float64Array.from([1, 2, 1, 1, 0.2, 2, 5]), out);
    expect(out[0]).toBeNaN();
    const c = W.compiledLogDensity(2, { law: "complex-wishart", df: 3.5 });
    c.fn(Float64Array.from([2, 0.5, 0.3, 1, 1, 0.2, -0.1, 2]), out);
    expect(rel(out[0]!, W.complexLogpdf({ re: [[2, 0.5], [0.5, 1]], im: [[0, 0.3], [-0.3, 0]] }, 3.5, { re: [[1, 0.2], [0.2, 2]], im: [[0, -0.1], [0.1, 0]] }))).toBeLessThan(1e-12);
    const i = W.compiledLogDensity(2, { law: "inverse-wishart" });
    i.fn(Float64Array.from([2, 0.5, 1, 1, 0.2, 2, 5]), out);
    expect(rel(out[0]!, W.inverseLogpdf([[2, 0.5], [0.5, 1]], 5, [[1, 0.2], [0.2, 2]]))).toBeLessThan(TOL);
  });
  it("coordinates: the ds density is the du density divided by 2^{p(p−1)/4} (real) and 2^{p(p−1)/2} (complex)", () => {
    const S = [[2, 0.3, 0.1], [0.3, 1, 0.2], [0.1, 0.2, 1.5]], Sg = [[1, 0.1, 0], [0.1, 2, 0.4], [0, 0.4, 1]];
    expect(W.logpdf(S, 5.5, Sg, { coordinates: "s" }) - W.logpdf(S, 5.5, Sg)).toBeCloseTo((-3 / 2) * Math.LN2, 14);
    expect(W.complexLogpdf(S, 5.5, Sg, { coordinates: "s" }) - W.complexLogpdf(S, 5.5, Sg)).toBeCloseTo(-3 * Math.LN2, 14);
    expect(W.entropy(5.5, Sg, { coordinates: "s" }) - W.entropy(5.5, Sg)).toBeCloseTo((3 / 2) * Math.LN2, 13);
    const d = W.wishartDensity(3, { coordinates: "s" }), du = W.wishartDensity(3);
    const f = compile([d.logDensity, du.logDensity], d.inputs, { spd: d.spd });
    const out = new Float64Array(2);
    f(Float64Array.from([...vechValues({ rows: 3, cols: 3, data: Float64Array.from(S.flat()) }), ...vechValues({ rows: 3, cols: 3, data: Float64Array.from(Sg.flat()) }), 5.5]), out);
    expect(out[0]! - out[1]!).toBeCloseTo((-3 / 2) * Math.LN2, 13);
  });
});

describe("matrix notation (any p) and printing", () => {
  it("real, complex and inverse densities in det/tr notation", () => {
    expect(toMathjs(W.wishartDensity(7, { notation: "matrix" }).logDensity)).toBe(
      "log(det(S))*(n - 8)/2 - 7*n*log(2)/2 - n*log(det(Sigma))/2 - lmultigamma(n/2, 7) - tr(matmul(inv(Sigma), S))/2",
    );
    expect(toMathjs(W.complexWishartDensity(5).density)).toBe("det(S)^(n - 5)*det(Sigma)^(-n)*exp(-tr(matmul(inv(Sigma), S)))/cmultigamma(n, 5)");
    expect(toMathjs(W.inverseWishartDensity(2, { notation: "matrix", df: 6 }).logDensity)).toBe(
      "-lmultigamma(3, 2) - 6*log(2) + 3*log(det(Psi)) - 9*log(det(X))/2 - tr(matmul(Psi, inv(X)))/2",
    );
  });
  it("p = 2 entries: det S, tr(adj(Σ) S)/det Σ in closed form", () => {
    const d = W.wishartDensity(2);
    expect(toMathjs(d.logDensity)).toBe(
      "log(S11*S22 - S12^2)*(n - 3)/2 - n*log(2) - n*log(Sigma11*Sigma22 - Sigma12^2)/2 - (S11*Sigma22 - 2*S12*Sigma12 + S22*Sigma11)/2/(Sigma11*Sigma22 - Sigma12^2) - lmultigamma(n/2, 2)",
    );
  });
  it("entries for p > 4 are refused with a pointer to matrix notation", () => {
    expect(() => W.wishartDensity(5, { notation: "entries" })).toThrow(/notation "matrix"/);
    expect(W.wishartDensity(5).notation).toBe("matrix");
  });
});

describe("multivariate gamma kernels (MATH §1.8)", () => {
  it("Γ_p, log Γ_p, ψ_p, Γ̃_p: kernels equal their defining products, numerically and at exact points", () => {
    const a = sym("a");
    for (const p of [1, 2, 3, 4, 5]) {
      for (const av of [p / 2 + 0.1, p + 0.7, 9.3]) {
        const env = { a: av };
        expect(rel(evaluate(W.lmultigammaExpr(a, p), env), W.multigammaln(av, p))).toBeLessThan(1e-13);
        expect(rel(evaluate(W.multigammaProduct("lmultigamma", a, p), env), W.multigammaln(av, p))).toBeLessThan(1e-13);
        expect(rel(evaluate(W.multigammaProduct("multigamma", a, p), env), Math.exp(W.multigammaln(av, p)))).toBeLessThan(1e-12);
        expect(rel(evaluate(W.multigammaProduct("multidigamma", a, p), env), W.multidigamma(av, p))).toBeLessThan(1e-13);
        if (av > p - 1) expect(rel(evaluate(W.multigammaProduct("lcmultigamma", a, p), env), W.cmultigammaln(av, p))).toBeLessThan(1e-13);
      }
    }
    // Γ_2(5/2) = π^{1/2} Γ(5/2) Γ(2) = 3π/4 exactly
    expect(toMathjs(W.multigammaProduct("multigamma", num(2.5), 2))).toBe("3*pi/4");
  });
  it("the recursion Γ_p(a) = π^{(p−1)/2} Γ(a) Γ_{p−1}(a − 1/2) holds exactly (p = 2..5)", () => {
    const a = sym("a");
    for (const p of [2, 3, 4, 5]) {
      const lhs = W.multigammaProduct("multigamma", a, p);
      const rhs = mul(pow(PI, num(Rational.of(p - 1, 2))), gamma(a), W.multigammaProduct("multigamma", add(a, num(Rational.of(-1, 2))), p - 1));
      expect(verify(lhs, rhs).verdict).toBe("proved");
      expect(verify(lhs, mul(num(2), rhs)).verdict).toBe("refuted");
    }
  });
  it("domain errors name the argument", () => {
    expect(() => W.multigammaln(0.5, 2)).toThrow(/a = 0.5 is outside the domain a > 0.5 for p = 2/);
    expect(() => W.multigammaln(3, 0)).toThrow(/p must be an integer/);
    expect(() => W.cmultigammaln(1, 2)).toThrow(/a > 1/);
  });
});

describe("KL reduction (MATH §4.4, V13 E)", () => {
  it("with n₁ = n₂ = n the Wishart KL is n · KL(N(0,Σ₁) ‖ N(0,Σ₂)) as canonical expressions (p = 1..6)", () => {
    for (let p = 1; p <= 6; p++) {
      const reduced = subs(W.klDivergenceExpr(p), { n1: sym("n"), n2: sym("n") });
      expect(expand(reduced)).toBe(expand(mul(sym("n"), W.gaussianKlExpr(p))));
      // and it is not an identity before the substitution
      expect(expand(subs(W.klDivergenceExpr(p), { n2: sym("n") }))).not.toBe(expand(mul(sym("n"), W.gaussianKlExpr(p))));
    }
  });
  it("the numeric KL reduces likewise and vanishes at equal laws", () => {
    const S1 = [[2, 0.3], [0.3, 1]], S2 = [[1, -0.2], [-0.2, 1.5]];
    expect(rel(W.klDivergence(6.5, S1, 6.5, S2), 6.5 * W.gaussianKl(S1, S2))).toBeLessThan(1e-13);
    expect(Math.abs(W.klDivergence(4.2, S1, 4.2, S1))).toBeLessThan(1e-13);
    expect(W.klDivergence(4.2, S1, 7.9, S2)).toBeGreaterThan(0);
  });
});

