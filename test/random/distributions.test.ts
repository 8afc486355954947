// Moment tests: |sample mean − exact mean| ≤ 5 standard errors (MATH §9 "MC"), fixed seeds.
import { describe, expect, it } from "vitest";
import {
  Rng,
  beta,
  chiSquare,
  complexNormal,
  complexNormalMatrix,
  dirichlet,
  fillStandardNormal,
  gamma,
  normal,
  normalMatrix,
  randomOrthogonal,
  randomUnitary,
  standardNormal,
  uniform,
} from "../../src/random/index.js";
import { cmatmul, conjTranspose } from "../../src/linalg/index.js";
import { meanSe, qgeomError, unitarityDefect } from "../helpers/matrix.js";

const N = 20_000;

function draw(f: () => number, n = N): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = f();
  return out;
}

/** Checks E g(X) = expected within 5 SE. */
function expectMoment(xs: Float64Array, g: (x: number) => number, expected: number): void {
  const { mean, se } = meanSe(xs.map(g));
  expect(Math.abs(mean - expected)).toBeLessThanOrEqual(5 * se + 1e-12);
}

describe("scalar samplers: first two moments within 5 SE", () => {
  it("uniform(a, b): mean (a+b)/2, variance (b−a)²/12", () => {
    const r = new Rng(1);
    const xs = draw(() => uniform(r, -2, 3));
    for (const x of xs) expect(x >= -2 && x < 3).toBe(true);
    expectMoment(xs, (x) => x, 0.5);
    expectMoment(xs, (x) => (x - 0.5) ** 2, 25 / 12);
  });

  it("standard normal: E x = 0, E x² = 1, E x⁴ = 3; normal(μ, σ) and fillStandardNormal", () => {
    const r = new Rng(2);
    const xs = draw(() => standardNormal(r));
    expectMoment(xs, (x) => x, 0);
    expectMoment(xs, (x) => x * x, 1);
    expectMoment(xs, (x) => x ** 4, 3);
    const ys = draw(() => normal(r, 10, 0.5));
    expectMoment(ys, (x) => x, 10);
    expectMoment(ys, (x) => (x - 10) ** 2, 0.25);
    const zs = fillStandardNormal(r, new Float64Array(N + 1));
    expectMoment(zs, (x) => x, 0);
    expectMoment(zs, (x) => x * x, 1);
    // consecutive pairs (cos, sin halves) are uncorrelated
    const prod = new Float64Array(N / 2).map((_, i) => zs[2 * i]! * zs[2 * i + 1]!);
    expectMoment(prod, (x) => x, 0);
  });

  for (const k of [0.05, 0.5, 1, 2.5, 10]) {
    it(`gamma(shape ${k}, scale 2): E x = 2k, E x² = 4k(k+1), E log x finite`, () => {
      const r = new Rng(100 + Math.round(k * 100));
      const xs = draw(() => gamma(r, k, 2));
      for (const x of xs) expect(x).toBeGreaterThanOrEqual(0);
      expectMoment(xs, (x) => x, 2 * k);
      expectMoment(xs, (x) => x * x, 4 * k * (k + 1));
      // P(X ≤ median of Exp) for k = 1: P(X ≤ 2 log 2) = 1/2
      if (k === 1) expectMoment(xs, (x) => (x <= 2 * Math.LN2 ? 1 : 0), 0.5);
    });
  }

  it("chi-square(3.5): mean 3.5, variance 7", () => {
    const r = new Rng(3);
    const xs = draw(() => chiSquare(r, 3.5));
    expectMoment(xs, (x) => x, 3.5);
    expectMoment(xs, (x) => (x - 3.5) ** 2, 7);
  });

  it("beta(0.7, 2.3): mean a/(a+b), variance ab/((a+b)²(a+b+1))", () => {
    const r = new Rng(4);
    const xs = draw(() => beta(r, 0.7, 2.3));
    for (const x of xs) expect(x >= 0 && x <= 1).toBe(true);
    expectMoment(xs, (x) => x, 0.7 / 3);
    expectMoment(xs, (x) => (x - 0.7 / 3) ** 2, (0.7 * 2.3) / (9 * 4));
  });

  it("dirichlet(α): on the simplex, E x_i = α_i/α₀, Var x_i = α_i(α₀−α_i)/(α₀²(α₀+1)); tiny α stays finite", () => {
    const r = new Rng(5);
    const alpha = [0.5, 1, 3.5];
    const a0 = 5;
    const xs = Array.from({ length: N }, () => dirichlet(r, alpha));
    for (const x of xs) expect(Math.abs(x[0]! + x[1]! + x[2]! - 1)).toBeLessThan(1e-15);
    alpha.forEach((a, i) => {
      const col = Float64Array.from(xs, (x) => x[i]!);
      expectMoment(col, (x) => x, a / a0);
      expectMoment(col, (x) => (x - a / a0) ** 2, (a * (a0 - a)) / (a0 * a0 * (a0 + 1)));
    });
    for (let i = 0; i < 200; i++) {
      const x = dirichlet(r, [1e-3, 2e-3, 1e-3]);
      expect(x.every(Number.isFinite)).toBe(true);
      expect(Math.abs(x[0]! + x[1]! + x[2]! - 1)).toBeLessThan(1e-15);
    }
  });

  it("complex normal CN(0,1): E z = 0, E|z|² = 1, E z² = 0", () => {
    const r = new Rng(6);
    const zs = Array.from({ length: N }, () => complexNormal(r));
    const re = Float64Array.from(zs, (z) => z.re), im = Float64Array.from(zs, (z) => z.im);
    expectMoment(re, (x) => x, 0);
    expectMoment(im, (x) => x, 0);
    expectMoment(Float64Array.from(zs, (z) => z.re * z.re + z.im * z.im), (x) => x, 1);
    expectMoment(Float64Array.from(zs, (z) => z.re * z.re - z.im * z.im), (x) => x, 0);
    expectMoment(Float64Array.from(zs, (z) => 2 * z.re * z.im), (x) => x, 0);
  });
});

describe("random matrices", () => {
  it("Gaussian matrices have the stated entry laws", () => {
    const r = new Rng(7);
    const G = normalMatrix(r, 100, 100);
    expectMoment(G.data, (x) => x * x, 1);
    const Z = complexNormalMatrix(r, 100, 100);
    expectMoment(Float64Array.from(Z.re, (x, k) => x * x + Z.im[k]! ** 2), (x) => x, 1);
  });

  it("Haar orthogonal O(n): orthogonal, E tr O = 0, E (tr O)² = 1, E O₁₁² = 1/n", () => {
    const r = new Rng(8);
    const n = 4, M = 4000;
    const tr = new Float64Array(M), o11 = new Float64Array(M);
    for (let i = 0; i < M; i++) {
      const O = randomOrthogonal(r, n);
      if (i < 50) expect(unitarityDefect(O)).toBeLessThan(1e-14);
      tr[i] = O.data[0]! + O.data[5]! + O.data[10]! + O.data[15]!;
      o11[i] = O.data[0]! ** 2;
    }
    expectMoment(tr, (x) => x, 0);
    expectMoment(tr, (x) => x * x, 1);
    expectMoment(o11, (x) => x, 1 / n);
  });

  it("Haar unitary U(n): unitary, E tr U = 0, E |tr U|² = 1, E |tr U|⁴ = 2 (n ≥ 2)", () => {
    const r = new Rng(9);
    const n = 3, M = 4000;
    const tr2 = new Float64Array(M), trRe = new Float64Array(M), trIm = new Float64Array(M);
    for (let i = 0; i < M; i++) {
      const U = randomUnitary(r, n);
      if (i < 50) expect(unitarityDefect(U)).toBeLessThan(1e-14);
      let a = 0, b = 0;
      for (let k = 0; k < n; k++) {
        a += U.re[k * n + k]!;
        b += U.im[k * n + k]!;
      }
      trRe[i] = a;
      trIm[i] = b;
      tr2[i] = a * a + b * b;
    }
    expectMoment(trRe, (x) => x, 0);
    expectMoment(trIm, (x) => x, 0);
    expectMoment(tr2, (x) => x, 1);
    expectMoment(tr2, (x) => x * x, 2);
    // a unitary times its adjoint is I
    const U = randomUnitary(r, 5);
    expect(unitarityDefect(cmatmul(U, conjTranspose(U)))).toBeLessThan(1e-13);
  });

  it("same seed → same matrices", () => {
    expect(Array.from(randomUnitary(new Rng(42), 3).re)).toEqual(Array.from(randomUnitary(new Rng(42), 3).re));
  });
});

describe("argument validation", () => {
  it("rejects invalid parameters with named messages", () => {
    const r = new Rng(0);
    expect(qgeomError(() => gamma(r, 0)).message).toBe("gamma: shape must be a finite number > 0, got 0; pass a positive number");
    expect(qgeomError(() => gamma(r, 1, -1)).message).toContain("scale");
    expect(qgeomError(() => chiSquare(r, NaN)).code).toBe("INVALID_ARGUMENT");
    expect(qgeomError(() => beta(r, -1, 1)).message).toContain("beta: a");
    expect(qgeomError(() => dirichlet(r, [1])).code).toBe("INVALID_ARGUMENT");
    expect(qgeomError(() => dirichlet(r, [1, 0])).message).toContain("alpha[1]");
    expect(qgeomError(() => uniform(r, 1, 0)).code).toBe("INVALID_ARGUMENT");
    expect(qgeomError(() => normal(r, 0, 0)).code).toBe("INVALID_ARGUMENT");
    expect(qgeomError(() => randomOrthogonal(r, 0)).code).toBe("INVALID_ARGUMENT");
    expect(qgeomError(() => randomUnitary(r, 2.5)).code).toBe("INVALID_ARGUMENT");
  });
});
