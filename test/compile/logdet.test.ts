// log det of SPD blocks through LDLᵀ, against exact determinants; recognition of det(M) nodes.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  Rational, det, evaluate, evaluateExact, inverse, log, matrix, mul, num, pow, symmetricMatrixSymbols, trace, matMul, add, fn, sub, sym, syms, vech,
} from "../../src/core/index.js";
import { compile, compileLogDetSPD } from "../../src/compile/index.js";

/** A = B Bᵀ + I for an integer matrix B: an SPD matrix with small integer entries. */
const spdPoint = (p: number) =>
  fc.array(fc.integer({ min: -3, max: 3 }), { minLength: p * p, maxLength: p * p }).map((b) =>
    Array.from({ length: p }, (_, i) => Array.from({ length: p }, (_, j) => {
      let s = i === j ? 1 : 0;
      for (let k = 0; k < p; k++) s += b[i * p + k]! * b[j * p + k]!;
      return s;
    })),
  );

function vechValues(A: number[][]): number[] {
  const out: number[] = [];
  for (let i = 0; i < A.length; i++) for (let j = i; j < A.length; j++) out.push(A[i]![j]!);
  return out;
}

describe("compileLogDetSPD", () => {
  for (const p of [1, 2, 3, 4, 5]) {
    it(`equals log of the exact determinant for p = ${p}`, () => {
      const S = symmetricMatrixSymbols("S", p);
      const names = vech(S).map((e) => e.toString());
      const f = compileLogDetSPD(S, names);
      const d = det(S);
      fc.assert(
        fc.property(spdPoint(p), (A) => {
          const vals = vechValues(A);
          const exact = evaluateExact(d, new Map(names.map((n, k) => [n, Rational.int(vals[k]!)])));
          const want = Math.log(exact.toNumber());
          const out = new Float64Array(1);
          f(Float64Array.from(vals), out);
          expect(Math.abs(out[0]! - want)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(want)));
        }),
        { numRuns: 40 },
      );
    });
  }

  it("is NaN outside the SPD cone, even where det > 0 (diag(-1, -1, 1))", () => {
    const S = symmetricMatrixSymbols("S", 3);
    const names = vech(S).map((e) => e.toString());
    const f = compileLogDetSPD(S, names);
    const out = new Float64Array(1);
    f(Float64Array.from([-1, 0, 0, -1, 0, 1]), out);
    expect(out[0]).toBeNaN();
  });

  it("stays finite where det overflows or underflows: S = 10^±200 I₃ (log det = ±600 log 10)", () => {
    const S = symmetricMatrixSymbols("S", 3);
    const f = compileLogDetSPD(S, vech(S).map(String));
    const out = new Float64Array(1);
    for (const s of [1, -1]) {
      const v = 10 ** (200 * s);
      f(Float64Array.from([v, 0, 0, v, 0, v]), out);
      expect(Math.abs(out[0]! - s * 600 * Math.LN10) / (600 * Math.LN10)).toBeLessThan(4e-16);
    }
  });

  it("rejects non-square or non-symmetric matrices", () => {
    const [a, b, c] = syms("a b c");
    expect(() => compileLogDetSPD(matrix([[a, b], [c, a]]), ["a", "b", "c"])).toThrow(expect.objectContaining({ code: "NOT_SYMMETRIC" }));
    expect(() => compileLogDetSPD(matrix([[a, b]]), ["a", "b"])).toThrow(expect.objectContaining({ code: "SHAPE" }));
  });
});

describe("det(M) nodes of declared SPD blocks", () => {
  const S = symmetricMatrixSymbols("S", 3);
  const names = vech(S).map((e) => e.toString());
  const logdet = log(det(S));

  it("log det(M) takes the Cholesky path with options.spd (NaN at an indefinite matrix with det 1), the polynomial without", () => {
    const withSpd = compile(logdet, names, { spd: [S] });
    const without = compile(logdet, names);
    const indefinite = Float64Array.from([-1, 0, 0, -1, 0, 1]);
    const out = new Float64Array(1);
    withSpd(indefinite, out);
    expect(out[0]).toBeNaN();
    without(indefinite, out);
    expect(out[0]).toBe(0);
  });

  it("det(M)^(-1/2) and the entries of M⁻¹ use the pivots and stay accurate", () => {
    const Sinv = inverse(S);
    const exprs = [pow(det(S), num(Rational.of(-1, 2))), ...Sinv.toArray().flat()];
    const f = compile(exprs, names, { spd: [{ matrix: S, det: det(S) }] });
    fc.assert(
      fc.property(spdPoint(3), (A) => {
        const vals = vechValues(A);
        const env = Object.fromEntries(names.map((n, k) => [n, vals[k]!]));
        const out = new Float64Array(exprs.length);
        f(Float64Array.from(vals), out);
        exprs.forEach((e, k) => {
          const want = evaluate(e, env);
          expect(Math.abs(out[k]! - want)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(want)));
        });
      }),
      { numRuns: 30 },
    );
  });

  it("compiles a Wishart-type log-density (p = 3) with two SPD blocks", () => {
    // (n-p-1)/2 log det X - tr(Σ⁻¹X)/2 - n/2 log det Σ - np/2 log 2 - log Γ_p(n/2)
    const p = 3;
    const X = symmetricMatrixSymbols("X", p);
    const Sig = symmetricMatrixSymbols("s", p);
    const n = sym("n");
    const density = add(
      mul(sub(n, num(p + 1)), num(Rational.HALF), log(det(X))),
      mul(num(Rational.of(-1, 2)), trace(matMul(inverse(Sig), X))),
      mul(n, num(Rational.of(-1, 2)), log(det(Sig))),
      mul(n, num(Rational.of(-p, 2)), log(num(2))),
      mul(num(-1), fn("lmultigamma", mul(n, num(Rational.HALF)), num(p))),
    );
    const vars = ["n", ...vech(X).map(String), ...vech(Sig).map(String)];
    const f = compile(density, vars, { spd: [X, Sig] });
    fc.assert(
      fc.property(spdPoint(p), spdPoint(p), fc.integer({ min: 3, max: 12 }), (A, B, nv) => {
        const vals = [nv, ...vechValues(A), ...vechValues(B)];
        const want = evaluate(density, Object.fromEntries(vars.map((v, k) => [v, vals[k]!])));
        const out = new Float64Array(1);
        f(Float64Array.from(vals), out);
        expect(Math.abs(out[0]! - want)).toBeLessThanOrEqual(1e-11 * Math.max(1, Math.abs(want)));
      }),
      { numRuns: 30 },
    );
    // the determinant of Σ (in log det Σ and in Σ⁻¹) comes from the pivots: NaN at an indefinite Σ with det Σ = 1
    const out = new Float64Array(1);
    const indefinite = Float64Array.from([5, ...vechValues([[2, 0, 0], [0, 2, 0], [0, 0, 2]]), -1, 0, 0, -1, 0, 1]);
    f(indefinite, out);
    expect(out[0]).toBeNaN();
    compile(density, vars)(indefinite, out);
    expect(Number.isFinite(out[0])).toBe(true);
  });
});
