// Gaussian Brenier map (MATH.md §3.6, V9): A = Aᵀ ≻ 0, AΣ₁A = Σ₂, the three formulas agree,
// log f − log g∘T = log det A, W₂² against Monte Carlo (5 SE, seeded), Cholesky map cost ≥ W₂²,
// SciPy reference maps in dimensions 1–6, and bad input.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Matrix, eigvalsh, isSymmetric, matmul, matrix, symmetryDefect } from "../../src/linalg/index.js";
import { Rng } from "../../src/random/index.js";
import { spdMatrix } from "../../src/testing/index.js";
import {
  brenierMatrix,
  choleskyMap,
  gaussianBrenierMap,
  gaussianLogDensity,
  gaussianW2Squared,
  linearMapCost,
  monteCarloTransportCost,
  principalSqrt,
} from "../../src/monge-ampere/index.js";
import { qgeomError } from "../helpers/matrix.js";
import { fixture, matRelErr, relErr } from "./helpers.js";

const vec = (n: number) => fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: n, maxLength: n });
const pairOf = (n: { min: number; max: number }, maxCond = 1e4) =>
  fc.integer(n).chain((d) => fc.record({ S1: spdMatrix({ n: d, maxCond }), S2: spdMatrix({ n: d, maxCond }), m1: vec(d), m2: vec(d) }));

function apply(A: Matrix, b: Float64Array, x: ArrayLike<number>): Float64Array {
  const n = b.length;
  return b.map((bi, i) => {
    let s = bi;
    for (let j = 0; j < n; j++) s += A.data[i * n + j]! * x[j]!;
    return s;
  });
}

describe("V9 properties on random SPD pairs (dimensions 2–6, condition ≤ 1e4)", () => {
  it("A is symmetric positive definite and A Σ₁ A = Σ₂ (N, 1e-8)", () => {
    fc.assert(
      fc.property(pairOf({ min: 2, max: 6 }), ({ S1, S2, m1, m2 }) => {
        const { A } = gaussianBrenierMap(m1, S1, m2, S2);
        expect(isSymmetric(A, 0)).toBe(true);
        expect(eigvalsh(A)[0]!).toBeGreaterThan(0);
        expect(matRelErr(matmul(matmul(A, S1), A).data, S2.data)).toBeLessThanOrEqual(1e-8);
        // the unsymmetrised sandwich formula is symmetric to rounding
        expect(symmetryDefect(brenierMatrix(S1, S2, "sandwich"))).toBeLessThanOrEqual(1e-8);
      }),
    );
  });
  it("the three formulas for A agree (N, 1e-8)", () => {
    fc.assert(
      fc.property(pairOf({ min: 2, max: 6 }), ({ S1, S2 }) => {
        const a = brenierMatrix(S1, S2, "sandwich");
        expect(matRelErr(brenierMatrix(S1, S2, "target-sandwich").data, a.data)).toBeLessThanOrEqual(1e-8);
        expect(matRelErr(brenierMatrix(S1, S2, "product").data, a.data)).toBeLessThanOrEqual(1e-8);
      }),
    );
  });
  it("det A = (det Σ₂/det Σ₁)^{1/2} and log f(x) − log g(T(x)) = log det A for all x (N, 1e-8)", () => {
    fc.assert(
      fc.property(pairOf({ min: 2, max: 6 }), vec(6), ({ S1, S2, m1, m2 }, x6) => {
        const T = gaussianBrenierMap(m1, S1, m2, S2);
        const x = x6.slice(0, m1.length);
        const lhs = gaussianLogDensity(m1, S1, x) - gaussianLogDensity(m2, S2, apply(T.A, T.b, x));
        expect(Math.abs(lhs - T.logDetA)).toBeLessThanOrEqual(1e-8 * Math.max(1, Math.abs(T.logDetA), Math.abs(gaussianLogDensity(m1, S1, x))));
        const ev = eigvalsh(T.A);
        expect(Math.abs(ev.reduce((s, v) => s + Math.log(v), 0) - T.logDetA)).toBeLessThanOrEqual(1e-8 * Math.max(1, Math.abs(T.logDetA)));
        // T(m1) = m2
        const Tm1 = apply(T.A, T.b, m1);
        const scale = 1 + Math.max(...m1.map(Math.abs), ...m2.map(Math.abs)) * Math.max(...Array.from(T.A.data, Math.abs));
        for (let i = 0; i < m2.length; i++) expect(Math.abs(Tm1[i]! - m2[i]!)).toBeLessThanOrEqual(1e-12 * scale);
      }),
    );
  });
  it("W₂² (stable form) equals the trace formula (N, 1e-10 of tr Σ₁ + tr Σ₂ + ‖m₁−m₂‖²)", () => {
    fc.assert(
      fc.property(pairOf({ min: 2, max: 6 }), ({ S1, S2, m1, m2 }) => {
        const T = gaussianBrenierMap(m1, S1, m2, S2);
        let scale = 0;
        for (let i = 0; i < m1.length; i++) scale += S1.data[i * m1.length + i]! + S2.data[i * m1.length + i]! + (m1[i]! - m2[i]!) ** 2;
        expect(Math.abs(T.w2sq - gaussianW2Squared(m1, S1, m2, S2))).toBeLessThanOrEqual(1e-10 * scale);
        expect(T.w2sq).toBeGreaterThanOrEqual(0);
      }),
    );
  });
  it("the Cholesky map L₂L₁⁻¹ pushes Σ₁ to Σ₂ and costs at least W₂² (N)", () => {
    fc.assert(
      fc.property(pairOf({ min: 2, max: 6 }), ({ S1, S2, m1, m2 }) => {
        const M = choleskyMap(S1, S2);
        const MT = { rows: M.rows, cols: M.cols, data: M.data.map((_, k) => M.data[(k % M.rows) * M.rows + Math.floor(k / M.rows)]!) };
        expect(matRelErr(matmul(matmul(M, S1), MT).data, S2.data)).toBeLessThanOrEqual(1e-8);
        const w2 = gaussianBrenierMap(m1, S1, m2, S2).w2sq;
        expect(linearMapCost(m1, S1, m2, M)).toBeGreaterThanOrEqual(w2 * (1 - 1e-10) - 1e-12);
      }),
    );
  });
  it("W₂² equals the Monte Carlo cost E‖X − T(X)‖² within 5 standard errors (MC, seeded)", () => {
    const rng = new Rng(20260311);
    fc.assert(
      fc.property(pairOf({ min: 2, max: 4 }, 1e3), ({ S1, S2, m1, m2 }) => {
        const T = gaussianBrenierMap(m1, S1, m2, S2);
        const mc = monteCarloTransportCost(m1, S1, T.A, T.b, rng, 4000);
        expect(Math.abs(mc.mean - T.w2sq)).toBeLessThanOrEqual(5 * mc.standardError);
      }),
      { numRuns: 30 },
    );
  });
  it("a non-optimal coupling is detected: the Monte Carlo cost of the Cholesky map exceeds W₂² for a rotated pair", () => {
    const S1 = [[4, 0], [0, 1]], S2 = [[1, 0], [0, 4]];
    const w2 = gaussianBrenierMap([0, 0], S1, [0, 0], S2).w2sq; // A = diag(1/2, 2): W₂² = 1 + 1 = 2
    expect(w2).toBeCloseTo(2, 12);
    const rot = matrix([[0, -2], [0.5, 0]]); // also pushes S1 to S2
    const mc = monteCarloTransportCost([0, 0], S1, rot, [0, 0], new Rng(3), 20000);
    expect(mc.mean - w2).toBeGreaterThan(20 * mc.standardError);
  });
});

describe("principalSqrt (Denman–Beavers) for the product formula", () => {
  it("X² = Σ₁Σ₂ with positive spectrum", () => {
    fc.assert(
      fc.property(pairOf({ min: 2, max: 6 }), ({ S1, S2 }) => {
        const P = matmul(S1, S2);
        const X = principalSqrt(P);
        expect(matRelErr(matmul(X, X).data, P.data)).toBeLessThanOrEqual(1e-9);
      }),
      { numRuns: 30 },
    );
  });
  it("fails loudly for a matrix with negative eigenvalues", () => {
    expect(qgeomError(() => principalSqrt([[-1, 0], [0, 2]])).code).toMatch(/NOT_POSITIVE_DEFINITE|SINGULAR/);
  });
});

interface MapFixture {
  d: number;
  kind: string;
  m1: number[];
  S1: number[][];
  m2: number[];
  S2: number[][];
  A: number[][];
  b: number[];
  w2sq: number;
  logDetA: number;
}

describe("SciPy reference maps (test/fixtures/monge-ampere/brenier.json)", () => {
  const fx = fixture<{ maps: MapFixture[] }>("monge-ampere/brenier.json");
  it("covers dimensions 1 to 6", () => expect(new Set(fx.maps.map((m) => m.d))).toEqual(new Set([1, 2, 3, 4, 5, 6])));
  for (const m of fx.maps)
    it(`d = ${m.d} (${m.kind})`, () => {
      const T = gaussianBrenierMap(m.m1, m.S1, m.m2, m.S2);
      const tol = m.kind === "gram" ? 1e-10 : 1e-7; // sqrtm of a matrix with condition 1e4: N with powers
      expect(matRelErr(T.A.data, m.A.flat())).toBeLessThanOrEqual(tol);
      expect(matRelErr(T.b, m.b)).toBeLessThanOrEqual(tol);
      expect(relErr(T.w2sq, m.w2sq)).toBeLessThanOrEqual(tol);
      expect(Math.abs(T.logDetA - m.logDetA)).toBeLessThanOrEqual(1e-10 * Math.max(1, Math.abs(m.logDetA)));
    });
});

describe("bad input", () => {
  it("non-SPD covariance: names the argument and the failing pivot", () => {
    const e = qgeomError(() => gaussianBrenierMap([0, 0], [[1, 2], [2, 1]], [0, 0], [[1, 0], [0, 1]]));
    expect(e.code).toBe("NOT_POSITIVE_DEFINITE");
    expect(e.message).toMatch(/^S1 .*pivot 2/);
    expect(qgeomError(() => gaussianBrenierMap([0], [[1]], [0], [[-1]])).message).toMatch(/^S2 /);
    expect(qgeomError(() => gaussianBrenierMap([0, 0], [[1, 0.5], [0, 1]], [0, 0], [[1, 0], [0, 1]])).code).toBe("NOT_SYMMETRIC");
  });
  it("mismatched dimensions", () => {
    expect(qgeomError(() => gaussianBrenierMap([0, 0, 0], [[1, 0], [0, 1]], [0, 0], [[1, 0], [0, 1]])).code).toBe("SHAPE");
    expect(qgeomError(() => gaussianBrenierMap([0, 0], [[1, 0], [0, 1]], [0], [[1, 0], [0, 1]])).message).toMatch(/m2 has length 1/);
    expect(qgeomError(() => gaussianBrenierMap([0, 0], [[1, 0], [0, 1]], [0, 0], [[1]])).message).toMatch(/S2 is 1×1/);
    expect(qgeomError(() => brenierMatrix([[1, 0], [0, 1]], [[1, 0, 0], [0, 1, 0], [0, 0, 1]])).code).toBe("SHAPE");
  });
  it("non-finite entries", () => {
    expect(qgeomError(() => gaussianBrenierMap([0, NaN], [[1, 0], [0, 1]], [0, 0], [[1, 0], [0, 1]])).code).toBe("NOT_FINITE");
    expect(qgeomError(() => gaussianBrenierMap([0, 0], [[1, 0], [0, Infinity]], [0, 0], [[1, 0], [0, 1]])).code).toBe("NOT_FINITE");
  });
});
